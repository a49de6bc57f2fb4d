import { decodeHTML } from 'entities';
import type { FormatParser } from '../model';

function textOf(html: string): string {
  return decodeHTML(html.replace(/<[^>]*>/g, '')).trim();
}

function firstMatch(html: string, pattern: RegExp): string | null {
  const match = pattern.exec(html);
  return match?.[1] ? textOf(match[1]) || null : null;
}

function metaContent(html: string, name: string): string | null {
  const tag = new RegExp(`<meta\\b[^>]*(?:name|property)=["']${name}["'][^>]*>`, 'i').exec(
    html,
  )?.[0];
  return tag ? firstMatch(tag, /content=["']([^"']*)["']/i) : null;
}

const LEADING_H1 = /^\s*<h1\b[^>]*>([\s\S]*?)<\/h1>/i;

/** A saved HTML page without front matter: `<title>` or the first `<h1>`, and the `<body>`. */
export const htmlDocument: FormatParser = {
  name: 'html',
  claims: (file) => /\.html?$/i.test(file.relPath),
  parse(file) {
    const html = file.text;
    if (html.trim() === '') return { ok: false, reason: 'empty file (no text)' };
    const body = /<body\b[^>]*>([\s\S]*?)(?:<\/body>|$)/i.exec(html)?.[1] ?? html;
    const title =
      firstMatch(html, /<title\b[^>]*>([\s\S]*?)<\/title>/i) ??
      firstMatch(html, /<h1\b[^>]*>([\s\S]*?)<\/h1>/i);
    return {
      ok: true,
      article: {
        title,
        source: metaContent(html, 'og:site_name'),
        categories: null,
        author: metaContent(html, 'author'),
        byline: null,
        date: metaContent(html, 'article:published_time') ?? metaContent(html, 'date'),
        image: metaContent(html, 'og:image'),
        originalUrl: { url: metaContent(html, 'og:url') },
        // The page's own heading repeats the title the reader already shows.
        bodyHtml: body.replace(LEADING_H1, (heading, inner: string) =>
          textOf(inner) === title ? '' : heading,
        ),
        warnings: [],
      },
    };
  },
};
