import { SCHEMA_VERSION } from '../manifest/schema';
import type { IngestSanitizer } from '../sanitizer/ingest-sanitizer';
import { toHttps } from '../sanitizer/policy';
import { sourceSettingsFor, type IngestConfig } from './config';
import { deriveArticleId } from './derive/article-id';
import { parseArticleDate } from './derive/date';
import { deriveExcerpt, textAfterRepeatedTitle } from './derive/excerpt';
import { detectLanguage } from './derive/language';
import { resolveOriginalUrl } from './derive/original-url';
import { countCharacters, deriveReadingMinutes } from './derive/reading-time';
import { resolveAuthor, resolveChannel, resolveGroup, resolveSource } from './derive/source';
import { joinTitleList, normalizeTitle } from './derive/title';
import type { ImageResolver, LocalImage } from './media';
import type { Article, IngestWarning, ParsedArticle, SourceFile } from './model';

export interface NormalizeContext {
  config: IngestConfig;
  sanitizer: IngestSanitizer;
  media: ImageResolver;
  now: Date;
}

function titleFromFileName(relPath: string): string {
  return (relPath.split('/').pop() ?? relPath).replace(/\.[^.]+$/, '');
}

function describeType(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return 'a date';
  return typeof value === 'object' ? 'a mapping' : `a ${typeof value}`;
}

/** Later than any run's `now`: a date refused only for lying ahead of `now` reads under it. */
const END_OF_TIME = new Date(8.64e15);

/** Values archivers write when a feed had no image. */
const NO_IMAGE = new Set(['', 'undefined', 'null', 'none', 'false']);

/**
 * resolveHeaderImage: the first candidate that is an absolute http(s) URL or a local image file
 * of the archive; empty strings, `undefined`, other schemes (`javascript:`, `data:`) and missing
 * files are dropped.
 */
function resolveHeaderImage(
  candidates: unknown,
  file: SourceFile,
  media: ImageResolver,
): { image: string | null; local: LocalImage | null; rejected: string | null } {
  let rejected: string | null = null;
  for (const candidate of Array.isArray(candidates) ? candidates : [candidates]) {
    if (typeof candidate !== 'string') continue;
    const value = candidate.trim();
    if (NO_IMAGE.has(value.toLowerCase())) continue;
    if (/^https?:\/\/[^\s]+$/i.test(value)) {
      return { image: toHttps(value), local: null, rejected: null };
    }
    const local = media.resolve(value, file.absPath);
    if (local) return { image: local.mediaPath, local, rejected: null };
    rejected ??= value;
  }
  return { image: null, local: null, rejected };
}

/**
 * normalizeArticle: the derive steps that turn any format's raw fields into the one article
 * model. Every rule lives in its own step so all formats follow it; every value that cannot be
 * used is reported as a warning, with the line of its field when the format knows it.
 * `dependsOnNow` is true when a later run could read the file differently (a date refused for
 * being more than a year ahead), so the result must not be cached.
 */
export function normalizeArticle(
  file: SourceFile,
  format: string,
  parsed: ParsedArticle,
  context: NormalizeContext,
): { article: Article; warnings: IngestWarning[]; dependsOnNow: boolean } {
  const warnings = [...parsed.warnings];
  const warn = (message: string, field?: string) => {
    const line = field === undefined ? undefined : parsed.fieldLines?.[field];
    warnings.push(line === undefined ? { message } : { message, line });
  };

  let title = normalizeTitle(parsed.title);
  const listTitle = joinTitleList(parsed.title);
  if (listTitle !== null) {
    title = listTitle;
    warn('title is a list; its items were joined into one title', 'title');
  }
  if (title?.includes('\uFFFD')) {
    title = titleFromFileName(file.relPath);
    warn('title holds bytes that could not be decoded; title taken from the file name', 'title');
  } else if (title === null) {
    title = titleFromFileName(file.relPath);
    if (parsed.title === undefined || parsed.title === null || typeof parsed.title === 'string') {
      warn('no title; title taken from the file name', 'title');
    } else {
      warn(
        `title is ${describeType(parsed.title)}, not text; title taken from the file name`,
        'title',
      );
    }
  }
  if (typeof parsed.categories === 'string' || typeof parsed.categories === 'number') {
    warn('categories is text, not a list; read as a single category', 'categories');
  }

  // A plain-text file's `source` is its `来源：` byline.
  const resolvedSource = resolveSource(
    { ...parsed, relPath: file.relPath },
    format === 'plain-text' ? 'byline' : 'source-field',
  );
  const settings = sourceSettingsFor(context.config, resolvedSource.name);
  const date = parseArticleDate(parsed.date, { timeZone: settings.timeZone, now: context.now });
  if (date.warning) warn(date.warning, 'date');
  const dependsOnNow =
    date.iso === null &&
    date.warning !== undefined &&
    parseArticleDate(parsed.date, { timeZone: settings.timeZone, now: END_OF_TIME }).iso !== null;

  const localImages = new Map<string, LocalImage>();
  const header = resolveHeaderImage(parsed.image, file, context.media);
  if (header.local) localImages.set(header.local.mediaPath, header.local);
  if (header.rejected !== null && header.image === null) {
    warn(
      `header image "${header.rejected.slice(0, 200)}" is neither an http(s) URL nor an image file in the archive; left out`,
      ['headimg', 'image', 'thumbnail'].find((field) => parsed.fieldLines?.[field] !== undefined),
    );
  }
  const original = resolveOriginalUrl(parsed.originalUrl);
  if (original.rejected !== null) {
    warn(
      `original link "${original.rejected.value.slice(0, 200)}" in ${original.rejected.field} is not an http(s) URL; left out`,
      original.rejected.field,
    );
  }
  const { html, removed, paragraphs } = context.sanitizer.sanitize(parsed.bodyHtml, {
    resolveImageSrc: (src) => {
      const local = context.media.resolve(src, file.absPath);
      if (local) localImages.set(local.mediaPath, local);
      return local?.mediaPath ?? null;
    },
  });
  // The sanitizer's own walk gives the text by block: no second pass over the HTML.
  const text = paragraphs.join(' ');
  if (text === '' && !/<img\b/i.test(html)) warn('article has no body text');
  const id = deriveArticleId(file.relPath);

  return {
    warnings,
    dependsOnNow,
    article: {
      format,
      encoding: file.encoding,
      sourceOrigin: resolvedSource.origin,
      localImages: [...localImages.values()],
      group: resolveGroup(parsed.categories),
      summary: {
        id,
        title,
        source: settings.name,
        channel: resolveChannel(parsed.categories),
        author: resolveAuthor(parsed.author) ?? resolveAuthor(parsed.byline),
        date: date.iso,
        image: header.image,
        url: original.url,
        excerpt: deriveExcerpt(textAfterRepeatedTitle(paragraphs, title)),
        length: countCharacters(text),
        readingMinutes: deriveReadingMinutes(text),
        lang: detectLanguage(`${title} ${text}`),
      },
      body: { schemaVersion: SCHEMA_VERSION, id, html, paths: [file.relPath], removed },
    },
  };
}
