/** What the source picker knows of one source. */
export interface SourceEntry {
  name: string;
  /** Articles it would show with the other filters as they are. */
  count: number;
  /** The archive's category of the source, e.g. 新媒体; null when the archive names none. */
  group: string | null;
  selected: boolean;
}

export type SourceOrder = 'count' | 'name';

export interface SourceSection {
  /** The category; null for sources without one (or for the whole list when ungrouped). */
  group: string | null;
  sources: SourceEntry[];
}

export interface ArrangedSources {
  /** The selected sources, always shown first whatever is typed. */
  selected: SourceEntry[];
  /** The other sources matching what is typed, by category. */
  sections: SourceSection[];
  /** How many unselected sources match what is typed. */
  matching: number;
}

const collator = new Intl.Collator('zh-Hans-u-co-pinyin', { numeric: true, sensitivity: 'base' });

/** compareSourceNames: Chinese names by pinyin, Latin ones case-insensitively, numbers by value. */
export const compareSourceNames = (a: string, b: string): number =>
  collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);

/** A light fold for before the search code (and its Traditional→Simplified table) has loaded. */
export const basicFold = (text: string): string => text.normalize('NFKC').toLowerCase();

/**
 * matchesSourceQuery: whether the source's name contains what was typed, both folded by `fold`
 * (search's folding: Simplified/Traditional, width and case), spaces ignored.
 */
export function matchesSourceQuery(
  name: string,
  query: string,
  fold: (text: string) => string,
): boolean {
  const wanted = fold(query).replace(/\s+/gu, '');
  return wanted === '' || fold(name).replace(/\s+/gu, '').includes(wanted);
}

function compareEntries(order: SourceOrder) {
  return (a: SourceEntry, b: SourceEntry) =>
    (order === 'count' ? b.count - a.count : 0) || compareSourceNames(a.name, b.name);
}

/**
 * arrangeSources: the picker's list: selected sources first, then the others matching `query`,
 * in sections by category (categories by name, sources without one last) when there are two or
 * more categories, each sorted by `order`.
 */
export function arrangeSources(
  entries: readonly SourceEntry[],
  { query, order, fold }: { query: string; order: SourceOrder; fold: (text: string) => string },
): ArrangedSources {
  const compare = compareEntries(order);
  const selected = entries.filter((entry) => entry.selected).sort(compare);
  const others = entries
    .filter((entry) => !entry.selected && matchesSourceQuery(entry.name, query, fold))
    .sort(compare);
  const groups = new Map<string | null, SourceEntry[]>();
  for (const entry of others) {
    const list = groups.get(entry.group) ?? [];
    list.push(entry);
    groups.set(entry.group, list);
  }
  const named = new Set(entries.map((entry) => entry.group).filter((group) => group !== null));
  if (named.size < 2) {
    return {
      selected,
      sections: others.length ? [{ group: null, sources: others }] : [],
      matching: others.length,
    };
  }
  const sections = [...groups]
    .map(([group, sources]) => ({ group, sources }))
    .sort((a, b) =>
      a.group === null ? 1 : b.group === null ? -1 : compareSourceNames(a.group, b.group),
    );
  return { selected, sections, matching: others.length };
}

/** The closest source is suggested only when it differs in at most this share of characters. */
const SUGGESTION_DISTANCE = 0.34;

function editDistance(a: readonly string[], b: readonly string[]): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min(
        previous[j]! + 1,
        current[j - 1]! + 1,
        previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length]!;
}

export interface ResolvedSources {
  /** The names with the archive's own spelling where only case or width differed. */
  sources: string[];
  /** Names the archive has no source for, with the closest one it has, if any is close. */
  unknown: { value: string; suggestion: string | null }[];
}

/**
 * resolveSourceNames: source names from a link, matched to the archive's: a difference of case
 * or width alone is the same source; anything else is unknown, with the closest name suggested
 * (edit distance over folded characters, or a name containing it).
 */
export function resolveSourceNames(
  requested: readonly string[],
  sourceNames: readonly string[],
): ResolvedSources {
  const known = new Set(sourceNames);
  const byFolded = new Map<string, string>();
  for (const name of sourceNames) {
    const folded = basicFold(name);
    if (!byFolded.has(folded)) byFolded.set(folded, name);
  }
  const sources = new Set<string>();
  const unknown: ResolvedSources['unknown'] = [];
  for (const value of requested) {
    const match = known.has(value) ? value : byFolded.get(basicFold(value));
    if (match !== undefined) {
      sources.add(match);
      continue;
    }
    sources.add(value);
    unknown.push({ value, suggestion: closestSource(value, sourceNames) });
  }
  return { sources: [...sources].sort(), unknown };
}

function closestSource(value: string, sourceNames: readonly string[]): string | null {
  const wanted = Array.from(basicFold(value));
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const name of sourceNames) {
    const folded = basicFold(name);
    const distance = folded.includes(wanted.join(''))
      ? 0.5
      : editDistance(wanted, Array.from(folded));
    if (distance < bestDistance) {
      best = name;
      bestDistance = distance;
    }
  }
  return bestDistance <= Math.max(1, wanted.length * SUGGESTION_DISTANCE) ? best : null;
}
