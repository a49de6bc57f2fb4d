import { decodeHTML } from 'entities';
import { TEXT_BLOCK_TAGS } from '../../sanitizer/ingest-sanitizer';

/** The tags that separate blocks of text, as the sanitizer's walk separates them. */
const BLOCK_BOUNDARY = new RegExp(`</?(?:${TEXT_BLOCK_TAGS.join('|')})\\b[^>]*>`, 'gi');

/**
 * extractPlainText: the readable text of sanitized HTML already stored (the search index reads
 * bodies from it); ingest itself takes the text from the sanitizer's walk. Input is sanitized
 * (no script or style content; `<` and `>` escaped in values), so dropping tags is enough.
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
