import { decodeHTML } from 'entities';

const WRAPPING_QUOTES = `"'“”‘’「」『』`;
const LEADING_QUOTES = new RegExp(`^[${WRAPPING_QUOTES}]+`, 'u');
const TRAILING_QUOTES = new RegExp(`[${WRAPPING_QUOTES}]+$`, 'u');

/**
 * normalizeTitle: decode entities, collapse whitespace, and strip runs of wrapping quotes that old
 * archivers piled up (`"""'Title'"""`). Quotes inside the title stay; a title that is nothing but
 * quotes gives null. Returns null for non-text or empty values.
 */
export function normalizeTitle(raw: unknown): string | null {
  if (typeof raw === 'number' || typeof raw === 'bigint') return String(raw);
  if (typeof raw !== 'string') return null;
  let title = decodeHTML(raw).replace(/\s+/gu, ' ').trim();
  // Strip only balanced-looking wrapping: both ends quoted.
  while (LEADING_QUOTES.test(title) && TRAILING_QUOTES.test(title)) {
    const stripped = title.replace(LEADING_QUOTES, '').replace(TRAILING_QUOTES, '').trim();
    if (stripped === title) break;
    title = stripped;
  }
  return title === '' ? null : title;
}
