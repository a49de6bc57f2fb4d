/**
 * htmlToText: the text of an article body as ingest stores it, for snippets in the reader. Bodies
 * are sanitized HTML serialized by the DOM, whose text escapes only `&amp;`, `&lt;`, `&gt;` and
 * `&nbsp;`; other references are decoded too in case a body was written otherwise. Parsing with
 * the DOM instead would need Trusted Types' blessing for HTML that is not shown.
 */

const BLOCK_BOUNDARY =
  /<\/?(?:p|div|br|li|ul|ol|h[1-6]|blockquote|figure|figcaption|table|tr|td|th|pre|section|article|header|footer|aside|hr)\b[^>]*>/gi;

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

function decodeReference(reference: string, body: string): string {
  if (body.startsWith('#')) {
    const code =
      body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : Number(body.slice(1));
    return Number.isInteger(code) && code > 0 && code <= 0x10ffff
      ? String.fromCodePoint(code)
      : reference;
  }
  return NAMED[body] ?? reference;
}

export function htmlToText(html: string): string {
  return html
    .replace(BLOCK_BOUNDARY, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]+);/g, decodeReference)
    .replace(/\s+/g, ' ')
    .trim();
}
