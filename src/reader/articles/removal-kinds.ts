import type { RemovalReport } from '../../manifest/schema';

/**
 * Removals that change how the page looked, not what it said or could do: inline and embedded
 * styles, stylesheet links, meta tags and tracking pixels. Nearly every saved web page has them;
 * telling the reader about them loudly would drown out the removals that matter.
 */
const COSMETIC_KINDS = new Set(['style', 'link', 'meta', 'tracking-pixel']);

/**
 * splitRemovals: the sanitizer's report parted into what to tell plainly (scripts, event handlers,
 * embeds, forms, unsafe URLs…, by kind, sorted) and what to count quietly.
 */
export function splitRemovals(removed: RemovalReport) {
  const substantive = Object.entries(removed.byKind)
    .filter(([kind]) => !COSMETIC_KINDS.has(kind))
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([kind, count]) => ({ kind, count }));
  const substantiveTotal = substantive.reduce((sum, { count }) => sum + count, 0);
  const all = Object.values(removed.byKind).reduce((sum, count) => sum + count, 0);
  return { substantive, substantiveTotal, cosmeticTotal: all - substantiveTotal };
}
