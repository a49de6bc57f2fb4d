import type { FormatParser, SourceFile } from '../model';
import { frontMatterArticle } from './front-matter-article';
import { htmlDocument } from './html-document';
import { markdownDocument } from './markdown-document';
import { plainTextArticle } from './plain-text-article';

/** Extensions that may hold articles; anything else is reported as skipped. */
export const ARTICLE_EXTENSIONS = ['.md', '.markdown', '.html', '.htm', '.txt', '.text'];

/**
 * The format registry, in order of precedence. Content decides before the extension: a `.txt`
 * that opens with front matter is a front-matter article.
 */
export const FORMAT_PARSERS: readonly FormatParser[] = [
  frontMatterArticle,
  markdownDocument,
  htmlDocument,
  plainTextArticle,
];

/** findParser: the first format that claims the file. */
export function findParser(file: SourceFile): FormatParser | undefined {
  return FORMAT_PARSERS.find((parser) => parser.claims(file));
}
