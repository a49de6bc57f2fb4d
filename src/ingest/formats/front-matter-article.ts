import { ORIGINAL_URL_FIELDS } from '../derive/original-url';
import type { FormatParser, IngestWarning } from '../model';
import { findKeyLines, readFrontMatter, splitFrontMatter } from './front-matter';
import { looksLikeHtml, renderMarkdown } from './markdown';

/** Front matter + HTML or Markdown body, as RSS-to-static-site archivers write it. */
export const frontMatterArticle: FormatParser = {
  name: 'front-matter',
  claims: (file) => splitFrontMatter(file.text).kind !== 'none',
  parse(file) {
    const split = splitFrontMatter(file.text);
    if (split.kind === 'unclosed') {
      return {
        ok: false,
        reason: `front matter opened with --- at line ${split.line} is never closed`,
      };
    }
    if (split.kind === 'none') return { ok: false, reason: 'no front matter' };
    let data: Record<string, unknown> = {};
    let warnings: IngestWarning[] = [];
    if (split.language === 'yaml') {
      ({ data, warnings } = readFrontMatter(split.yaml, split.yamlStartLine));
    } else {
      // Gray-matter and Hexo would evaluate this block; ingest never runs code from articles.
      warnings = [
        {
          message: `front matter in "${split.language}" is code; it was not run and its fields are ignored`,
          line: split.line,
        },
      ];
    }
    const isHtml = /\.html?$/i.test(file.relPath) || looksLikeHtml(split.body);
    return {
      ok: true,
      article: {
        title: data.title,
        source: data.source,
        categories: data.categories,
        author: data.author,
        byline: null,
        date: data.date,
        image: [data.headimg, data.image, data.thumbnail],
        originalUrl: Object.fromEntries(ORIGINAL_URL_FIELDS.map((field) => [field, data[field]])),
        bodyHtml: isHtml ? split.body : renderMarkdown(split.body),
        warnings,
        fieldLines: split.language === 'yaml' ? findKeyLines(split.yaml, split.yamlStartLine) : {},
      },
    };
  },
};
