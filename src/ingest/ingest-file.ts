import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { createIngestSanitizer } from '../sanitizer/ingest-sanitizer';
import type { IngestConfig } from './config';
import { bodyFileRef } from './body-file';
import { decodeText } from './decode';
import { extractPlainText } from './derive/plain-text';
import { joinTitleList, normalizeTitle } from './derive/title';
import { findParser } from './formats/registry';
import { MediaCollector, type ImageResolver } from './media';
import type { Article, IngestWarning, SourceFile } from './model';
import { normalizeArticle, type NormalizeContext } from './normalize-article';

/** Bytes read from one file; the rest of a larger file is left out with a warning. */
export const MAX_FILE_BYTES = 32 * 1024 * 1024;
/**
 * Characters of one file's text that are parsed and sanitized. Far beyond any real article (a
 * long feature is ~30,000), it bounds time and memory: sanitizing parses the whole body.
 */
export const MAX_TEXT_CHARS = 400_000;

/**
 * readCapped: at most MAX_FILE_BYTES of a file, cut after the last line break so no character
 * is split (in UTF-16, a line break is a whole two-byte unit at an even offset). Synchronous:
 * for small files, the promise API's thread-pool round trips cost several times the read.
 */
export function readCapped(
  absPath: string,
  maxBytes = MAX_FILE_BYTES,
): { bytes: Uint8Array; size: number } {
  const fd = openSync(absPath, 'r');
  try {
    const { size } = fstatSync(fd);
    const length = Math.min(size, maxBytes);
    const buffer = new Uint8Array(length);
    let filled = 0;
    while (filled < length) {
      const bytesRead = readSync(fd, buffer, filled, length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    const bytes = buffer.subarray(0, filled);
    if (size <= maxBytes) return { bytes, size };
    const littleEndian = bytes[0] === 0xff && bytes[1] === 0xfe;
    const bigEndian = bytes[0] === 0xfe && bytes[1] === 0xff;
    let cut = bytes.lastIndexOf(0x0a);
    if (littleEndian || bigEndian) {
      while (cut > 0 && (cut % 2 !== (littleEndian ? 0 : 1) || bytes[cut ^ 1] !== 0)) {
        cut = bytes.lastIndexOf(0x0a, cut - 1);
      }
      if (bigEndian && cut > 0) cut += 1;
    }
    if (cut <= 0) {
      // One enormous line: drop the last, possibly incomplete, UTF-8 sequence.
      cut = filled - 1;
      while (cut > 0 && (bytes[cut]! & 0xc0) === 0x80) cut -= 1;
    }
    return { bytes: bytes.subarray(0, cut), size };
  } finally {
    closeSync(fd);
  }
}

/** Inline base64 images would use up the text budget; the sanitizer drops `data:` images anyway. */
const INLINE_DATA = /data:[\w.+-]+\/[\w.+-]+(?:;[\w.+-]+=[\w.+-]+)*;base64,[A-Za-z0-9+/=]{1000,}/g;

/**
 * capText: the text to parse, at most MAX_TEXT_CHARS long. An oversized text first loses its
 * inline image data, then is cut at a line break, with a warning naming the first line left out.
 */
export function capText(
  text: string,
  size: number,
  maxChars = MAX_TEXT_CHARS,
): { text: string; warning?: IngestWarning } {
  if (text.length <= maxChars) return { text };
  const compact = text.replace(INLINE_DATA, 'data:,');
  if (compact.length <= maxChars) return { text: compact };
  let cut = compact.lastIndexOf('\n', maxChars);
  if (cut <= 0) cut = /[\uD800-\uDBFF]/.test(compact[maxChars - 1] ?? '') ? maxChars - 1 : maxChars;
  const kept = compact.slice(0, cut);
  const keptLines = kept.split('\n').length;
  const megabytes = (size / (1024 * 1024)).toFixed(1);
  return {
    text: kept,
    warning: {
      message: `very large file (${megabytes} MB): only the first ${cut.toLocaleString('en')} characters were read`,
      line: keptLines + 1,
    },
  };
}

/** A file with nothing to read (`---` and `---` alone): no title of its own, no text, no image. */
function hasNoTitleNorBody(rawTitle: unknown, article: Article): boolean {
  return (
    normalizeTitle(rawTitle) === null &&
    joinTitleList(rawTitle) === null &&
    article.summary.length === 0 &&
    !/<img\b/i.test(article.body.html)
  );
}

export type FileOutcome =
  | { status: 'skipped' | 'rejected'; reason: string; format?: string; encoding?: string }
  | { status: 'article'; article: Article; warnings: IngestWarning[]; dependsOnNow: boolean };

/**
 * ingestFile: one file's bytes to an article, or the reason there is none. Pure apart from
 * reading the local images the article refers to; it never throws for any content.
 */
export function ingestFile(
  entry: { relPath: string; absPath: string },
  read: { bytes: Uint8Array; size: number },
  context: NormalizeContext,
): FileOutcome {
  const decoded = decodeText(read.bytes);
  if (!decoded.ok) return { status: 'rejected', reason: decoded.reason };
  const { encoding } = decoded;
  if (decoded.text.trim() === '') {
    return {
      status: 'rejected',
      reason: read.size === 0 ? 'empty file' : 'only whitespace (no text)',
      encoding,
    };
  }
  const capped = capText(decoded.text, read.size);
  const file: SourceFile = { ...entry, text: capped.text, encoding };
  const parser = findParser(file);
  if (!parser) return { status: 'skipped', reason: 'no format claims this file', encoding };
  const outcome = parser.parse(file);
  if (!outcome.ok) {
    return { status: 'rejected', reason: outcome.reason, format: parser.name, encoding };
  }
  const normalized = normalizeArticle(file, parser.name, outcome.article, context);
  if (hasNoTitleNorBody(outcome.article.title, normalized.article)) {
    return { status: 'rejected', reason: 'no title and no body', format: parser.name, encoding };
  }
  if (capped.warning) normalized.warnings.unshift(capped.warning);
  if (decoded.warning) normalized.warnings.unshift({ message: decoded.warning });
  return { status: 'article', ...normalized };
}

/** duplicateKey: articles with the same normalized title and body text are one article. */
export function duplicateKey(article: Article): string {
  const text = extractPlainText(article.body.html);
  return createHash('sha256')
    .update(`${article.summary.title.normalize('NFKC').toLowerCase()}\n${text.normalize('NFKC')}`)
    .digest('hex');
}

/** An image an article asked for, as written, and the media path it resolved to (or null). */
export type ImageLookup = [src: string, mediaPath: string | null];

/**
 * Everything ingest keeps of one parsed file. It is a pure function of the file's bytes, its
 * path, the config and the images named in `imageLookups`, so it can be cached and can cross a
 * worker boundary (plain data only).
 */
export interface ParsedFile {
  outcome: FileOutcome;
  /** See duplicateKey; null when the file is not an article. */
  duplicateKey: string | null;
  imageLookups: ImageLookup[];
}

/**
 * parseFile: ingestFile plus what merging, caching and writing need: the duplicate key, the image
 * lookups and the article's body file (laid out here, so in a worker when there are workers).
 */
export function parseFile(
  entry: { relPath: string; absPath: string },
  read: { bytes: Uint8Array; size: number },
  context: NormalizeContext,
): ParsedFile {
  const lookups = new Map<string, string | null>();
  const media: ImageResolver = {
    resolve(src, articleAbsPath) {
      const local = context.media.resolve(src, articleAbsPath);
      lookups.set(src, local?.mediaPath ?? null);
      return local;
    },
  };
  const outcome = ingestFile(entry, read, { ...context, media });
  if (outcome.status === 'article') outcome.article.bodyFile = bodyFileRef(outcome.article);
  return {
    outcome,
    duplicateKey: outcome.status === 'article' ? duplicateKey(outcome.article) : null,
    imageLookups: [...lookups],
  };
}

/** What a thread needs to parse files; each thread builds its own sanitizer from it. */
export interface ParseSettings {
  contentRoot: string;
  config: IngestConfig;
  now: Date;
}

/**
 * createParseContext: the ingest's sanitizer (parse5, no DOM) and a media collector. Async so
 * the pipeline can load whatever a context needs without blocking a thread.
 */
export function createParseContext(settings: ParseSettings): Promise<NormalizeContext> {
  return Promise.resolve({
    config: settings.config,
    now: settings.now,
    media: new MediaCollector(settings.contentRoot),
    sanitizer: createIngestSanitizer(),
  });
}
