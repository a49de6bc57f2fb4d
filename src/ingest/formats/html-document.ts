import { decodeHTML } from 'entities';
import type { FormatParser } from '../model';

function firstMatch(html: string, pattern: RegExp): string | null {
  const match = pattern.exec(html);
  return match?.[1] ? decodeHTML(match[1].replace(/<[^>]*>/g, '')).trim() || null : null;
}

function metaContent(html: string, name: string): string | null {
  const tag = new RegExp(`<meta\\b[^>]*(?:name|property)=["']${name}["'][^>]*>`, 'i').exec(
    html,
  )?.[0];
  return tag ? firstMatch(tag, /content=["']([^"']*)["']/i) : null;
}

/** A saved HTML page without front matter: `<title>` or the first `<h1>`, and the `<body>`. */
export const htmlDocument: FormatParser = {
  name: 'html',
  claims: (file) => /\.html?$/i.test(file.relPath),
  parse(file) {
    const html = file.text;
    if (html.trim() === '') return { ok: false, reason: 'empty file (no text)' };
    const body = /<body\b[^>]*>([\s\S]*?)(?:<\/body>|$)/i.exec(html)?.[1] ?? html;
    return {
      ok: true,
      article: {
        title:
          firstMatch(html, /<title\b[^>]*>([\s\S]*?)<\/title>/i) ??
          firstMatch(html, /<h1\b[^>]*>([\s\S]*?)<\/h1>/i),
        source: metaContent(html, 'og:site_name'),
        categories: null,
        author: metaContent(html, 'author'),
        date: metaContent(html, 'article:published_time') ?? metaContent(html, 'date'),
        image: metaContent(html, 'og:image'),
        bodyHtml: body,
        warnings: [],
      },
    };
  },
};
