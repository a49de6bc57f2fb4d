import type { FormatParser } from '../model';
import { readFrontMatter, splitFrontMatter } from './front-matter';
import { looksLikeHtml, renderMarkdown } from './markdown';

/** Front matter + HTML or Markdown body, as RSS-to-static-site archivers write it. */
export const frontMatterArticle: FormatParser = {
  name: 'front-matter',
  claims: (file) => splitFrontMatter(file.text).kind !== 'none',
  parse(file) {
    const split = splitFrontMatter(file.text);
    if (split.kind === 'unsupported-language') {
      return {
        ok: false,
        reason: `front matter in "${split.language}" at line ${split.line} is not supported (ingest never runs code from articles)`,
      };
    }
    if (split.kind === 'unclosed') {
      return {
        ok: false,
        reason: `front matter opened at line ${split.line} is never closed with ---`,
      };
    }
    if (split.kind === 'none') return { ok: false, reason: 'no front matter' };
    const { data, warnings } = readFrontMatter(split.yaml, split.yamlStartLine);
    const isHtml = /\.html?$/i.test(file.relPath) || looksLikeHtml(split.body);
    return {
      ok: true,
      article: {
        title: data.title,
        source: data.source,
        categories: data.categories,
        author: data.author,
        date: data.date,
        image: [data.headimg, data.image, data.thumbnail],
        bodyHtml: isHtml ? split.body : renderMarkdown(split.body),
        warnings,
      },
    };
  },
};
