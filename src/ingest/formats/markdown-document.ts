import type { FormatParser } from '../model';
import { renderMarkdown } from './markdown';

const HEADING = /^#{1,6}[ \t]+(.+?)[ \t#]*$/;

/** Markdown without front matter: the first heading (or first line) is the title. */
export const markdownDocument: FormatParser = {
  name: 'markdown',
  claims: (file) => /\.(?:md|markdown)$/i.test(file.relPath),
  parse(file) {
    const lines = file.text.split('\n');
    const first = lines.findIndex((line) => line.trim() !== '');
    if (first === -1) return { ok: false, reason: 'empty file (no text)' };
    const heading = HEADING.exec(lines[first]!.trim());
    const title = heading ? heading[1]! : lines[first]!.trim();
    const body = lines.slice(first + 1).join('\n');
    return {
      ok: true,
      article: {
        title,
        source: null,
        categories: null,
        author: null,
        byline: null,
        date: null,
        image: null,
        originalUrl: {},
        bodyHtml: renderMarkdown(body),
        warnings: [],
      },
    };
  },
};
