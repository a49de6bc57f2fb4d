import type { ArticleSanitizer } from '../sanitizer/article-policy';
import { sourceSettingsFor, type IngestConfig } from './config';
import { deriveArticleId } from './derive/article-id';
import { parseArticleDate } from './derive/date';
import { deriveExcerpt } from './derive/excerpt';
import { detectLanguage } from './derive/language';
import { extractPlainText } from './derive/plain-text';
import { countCharacters, deriveReadingMinutes } from './derive/reading-time';
import { resolveAuthor, resolveChannel, resolveSource } from './derive/source';
import { normalizeTitle } from './derive/title';
import type { MediaCollector } from './media';
import type { Article, IngestWarning, ParsedArticle, SourceFile } from './model';

export interface NormalizeContext {
  config: IngestConfig;
  sanitizer: ArticleSanitizer;
  media: MediaCollector;
  now: Date;
}

function titleFromFileName(relPath: string): string {
  return (relPath.split('/').pop() ?? relPath).replace(/\.[^.]+$/, '');
}

/**
 * resolveHeaderImage: the first candidate that is an absolute http(s) URL or a local image file
 * of the archive; empty strings, `undefined` and other schemes are dropped.
 */
function resolveHeaderImage(
  candidates: unknown,
  file: SourceFile,
  media: MediaCollector,
): string | null {
  for (const candidate of Array.isArray(candidates) ? candidates : [candidates]) {
    if (typeof candidate !== 'string') continue;
    const value = candidate.trim();
    if (/^https?:\/\/[^\s]+$/i.test(value)) return value;
    if (value !== '' && value !== 'undefined' && value !== 'null') {
      const local = media.resolve(value, file.absPath);
      if (local) return local;
    }
  }
  return null;
}

/**
 * normalizeArticle: the derive steps that turn any format's raw fields into the one article
 * model. Every rule lives in its own step so both formats follow it.
 */
export function normalizeArticle(
  file: SourceFile,
  format: string,
  parsed: ParsedArticle,
  context: NormalizeContext,
): { article: Article; warnings: IngestWarning[] } {
  const warnings = [...parsed.warnings];
  let title = normalizeTitle(parsed.title);
  if (title === null) {
    title = titleFromFileName(file.relPath);
    warnings.push({ message: 'no title; title taken from the file name' });
  }
  const settings = sourceSettingsFor(
    context.config,
    resolveSource({ ...parsed, relPath: file.relPath }),
  );
  const date = parseArticleDate(parsed.date, { timeZone: settings.timeZone, now: context.now });
  if (date.warning) warnings.push({ message: date.warning });

  const { html, removed } = context.sanitizer.sanitize(parsed.bodyHtml, {
    resolveImageSrc: (src) => context.media.resolve(src, file.absPath),
  });
  const text = extractPlainText(html);
  if (text === '') warnings.push({ message: 'article has no body text' });
  const id = deriveArticleId(file.relPath);

  return {
    warnings,
    article: {
      format,
      encoding: file.encoding,
      summary: {
        id,
        title,
        source: settings.name,
        channel: resolveChannel(parsed.categories),
        author: resolveAuthor(parsed.author),
        date: date.iso,
        image: resolveHeaderImage(parsed.image, file, context.media),
        excerpt: deriveExcerpt(text),
        length: countCharacters(text),
        readingMinutes: deriveReadingMinutes(text),
        lang: detectLanguage(`${title} ${text}`),
      },
      body: { schemaVersion: 1, id, html, paths: [file.relPath], removed },
    },
  };
}
