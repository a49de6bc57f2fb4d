import { decodeHTML } from 'entities';

/** Opening quote → its closing quote. */
const QUOTE_PAIRS: Record<string, string> = {
  '"': '"',
  "'": "'",
  '“': '”',
  '‘': '’',
  '「': '」',
  '『': '』',
};
const QUOTES = new Set([...Object.keys(QUOTE_PAIRS), ...Object.values(QUOTE_PAIRS)]);

/** Whether the quotes `open`/`close` inside `text` pair up, so outer ones would wrap it whole. */
function quotesBalanced(text: string, open: string, close: string): boolean {
  let depth = 0;
  for (const char of text) {
    if (open === close) {
      if (char === open) depth ^= 1;
    } else if (char === open) {
      depth += 1;
    } else if (char === close && --depth < 0) {
      return false;
    }
  }
  return depth === 0;
}

function stripWrappingQuotes(title: string): string {
  let text = title;
  for (;;) {
    const close = QUOTE_PAIRS[text[0] ?? ''];
    if (close === undefined || text.length < 2 || !text.endsWith(close)) break;
    const inner = text.slice(1, -1);
    if (!quotesBalanced(inner, text[0]!, close)) break;
    text = inner.trim();
  }
  // Runs an archiver piled up unevenly (`""Title"`): strip them when no quote is left between.
  let start = 0;
  let end = text.length;
  while (start < end && QUOTES.has(text[start]!)) start += 1;
  while (end > start && QUOTES.has(text[end - 1]!)) end -= 1;
  const middle = text.slice(start, end);
  if (start > 0 && end < text.length && ![...middle].some((char) => QUOTES.has(char))) {
    return middle.trim();
  }
  return text;
}

/**
 * normalizeTitle: decode entities, collapse whitespace, and strip the wrapping quotes old
 * archivers piled up (`"""'Title'"""`). Quotes that belong to the title stay
 * (`“新约”与“开放天空”`, `"Yes," she said`). Numbers (a YAML `title: 2021`) become their text;
 * other non-text, empty and quotes-only values give null.
 */
export function normalizeTitle(raw: unknown): string | null {
  if (typeof raw === 'number' || typeof raw === 'bigint') return String(raw);
  if (typeof raw !== 'string') return null;
  const title = stripWrappingQuotes(decodeHTML(raw).replace(/\s+/gu, ' ').trim());
  return [...title].every((char) => QUOTES.has(char) || /\s/u.test(char)) ? null : title;
}

const CJK_EDGE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/**
 * joinTitleList: a title written as a YAML list (`title:` then `- 第一部分`, `- 第二部分`) as
 * one line: items joined by the enumeration comma where both neighbours are CJK, else a space.
 * Null when the value is not a list of texts or numbers, or every item is empty.
 */
export function joinTitleList(raw: unknown): string | null {
  if (!Array.isArray(raw)) return null;
  const items = raw.map((item: unknown) => normalizeTitle(item));
  if (items.some((item) => item === null)) return null;
  const parts = items.filter((item): item is string => item !== null && item !== '');
  if (parts.length === 0) return null;
  return parts.reduce((joined, part) => {
    const bothCjk = CJK_EDGE.test(joined.at(-1) ?? '') && CJK_EDGE.test(part[0] ?? '');
    return `${joined}${bothCjk ? '、' : ' '}${part}`;
  });
}
