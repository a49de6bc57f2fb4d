import { decodeHTML } from 'entities';

const BLOCK_BOUNDARY =
  /<\/?(?:p|div|br|li|ul|ol|h[1-6]|blockquote|figure|figcaption|table|tr|td|th|pre|section|article|header|footer|aside|hr)\b[^>]*>/gi;

/**
 * extractPlainText: the readable text of sanitized HTML, for excerpts, lengths and language.
 * Input is already sanitized (no script or style content), so dropping tags is enough.
 */
export function extractPlainText(html: string): string {
  return decodeHTML(html.replace(BLOCK_BOUNDARY, ' ').replace(/<[^>]*>/g, ''))
    .replace(/\s+/g, ' ')
    .trim();
}

/** extractParagraphs: the text of each block of sanitized HTML, in order, empty ones left out. */
export function extractParagraphs(html: string): string[] {
  return html
    .split(BLOCK_BOUNDARY)
    .map(extractPlainText)
    .filter((text) => text !== '');
}
