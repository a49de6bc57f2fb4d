import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { extname } from 'node:path';
import DOMPurify from 'dompurify';
import { JSDOM } from 'jsdom';
import { createArticleSanitizer } from '../sanitizer/article-policy';
import { CONFIG_FILE_NAME, type IngestConfig } from './config';
import { decodeText } from './decode';
import { extractPlainText } from './derive/plain-text';
import { ARTICLE_EXTENSIONS, findParser } from './formats/registry';
import { IMAGE_EXTENSIONS, MediaCollector } from './media';
import type { Article, IngestWarning, SourceFile } from './model';
import { normalizeArticle, type NormalizeContext } from './normalize-article';
import { summarizeReport, type FileReport, type IngestReport } from './report';
import { listContentFiles, type WalkEntry } from './walk';

/** Bytes read from one file; the rest of a larger file is left out with a warning. */
export const MAX_FILE_BYTES = 32 * 1024 * 1024;
/**
 * Characters of one file's text that are parsed and sanitized. Far beyond any real article (a
 * long feature is ~30,000), it bounds time and memory: sanitizing builds a DOM of the whole body.
 */
export const MAX_TEXT_CHARS = 400_000;

export interface IngestOptions {
  contentRoot: string;
  config: IngestConfig;
  /** Reference instant for "more than a year ahead" date checks. */
  now: Date;
  onProgress?: (done: number, total: number) => void;
}

export interface IngestResult {
  /** Newest first, undated last, ties broken by id. */
  articles: Article[];
  report: IngestReport;
  /** `media/<hash>.<ext>` → absolute source path, for the images articles refer to. */
  media: Map<string, string>;
}

/**
 * readCapped: at most MAX_FILE_BYTES of a file, cut after the last line break so no character
 * is split (in UTF-16, a line break is a whole two-byte unit at an even offset).
 */
export async function readCapped(
  absPath: string,
  maxBytes = MAX_FILE_BYTES,
): Promise<{ bytes: Uint8Array; size: number }> {
  const handle = await open(absPath, 'r');
  try {
    const { size } = await handle.stat();
    const length = Math.min(size, maxBytes);
    const buffer = new Uint8Array(length);
    let filled = 0;
    while (filled < length) {
      const { bytesRead } = await handle.read(buffer, filled, length - filled, filled);
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
    await handle.close();
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

export type FileOutcome =
  | { status: 'skipped' | 'rejected'; reason: string; format?: string; encoding?: string }
  | { status: 'article'; article: Article; warnings: IngestWarning[] };

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
  const { article, warnings } = normalizeArticle(file, parser.name, outcome.article, context);
  if (capped.warning) warnings.unshift(capped.warning);
  return { status: 'article', article, warnings };
}

/** compareArticles: newest first, undated last, then by id so the order never depends on input order. */
export function compareArticles(a: Article, b: Article): number {
  const aDate = a.summary.date;
  const bDate = b.summary.date;
  if (aDate !== bDate) {
    if (aDate === null) return 1;
    if (bDate === null) return -1;
    return aDate < bDate ? 1 : -1;
  }
  return a.summary.id < b.summary.id ? -1 : a.summary.id > b.summary.id ? 1 : 0;
}

/** duplicateKey: articles with the same normalized title and body text are one article. */
function duplicateKey(article: Article): string {
  const text = extractPlainText(article.body.html);
  return createHash('sha256')
    .update(`${article.summary.title.normalize('NFKC').toLowerCase()}\n${text.normalize('NFKC')}`)
    .digest('hex');
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** Why a file that is not an article was passed over; images say whether an article shows them. */
function skipReason(relPath: string, imageUsers: Map<string, Set<string>>): string {
  const extension = extname(relPath).toLowerCase();
  if (IMAGE_EXTENSIONS.has(extension)) {
    const users = imageUsers.get(relPath)?.size ?? 0;
    return users > 0
      ? `image, shown by ${plural(users, 'article')}`
      : 'image not referenced by any article';
  }
  if (relPath === CONFIG_FILE_NAME) return 'ingest settings file, not an article';
  return `not an article type (${extension || 'no extension'})`;
}

/**
 * ingestArchive: walk the content root, parse every file with the format that claims it, derive
 * the article model, and merge duplicates. One bad file never stops the others: every file found
 * ends up in the report exactly once.
 */
export async function ingestArchive(options: IngestOptions): Promise<IngestResult> {
  const entries = await listContentFiles(options.contentRoot);
  const context: NormalizeContext = {
    config: options.config,
    now: options.now,
    media: new MediaCollector(options.contentRoot),
    sanitizer: createArticleSanitizer(DOMPurify(new JSDOM('').window)),
  };
  const files: FileReport[] = [];
  const notArticles: WalkEntry[] = [];
  const byKey = new Map<string, Article>();
  const articles: Article[] = [];

  let done = 0;
  for (const entry of entries) {
    options.onProgress?.(done++, entries.length);
    if (entry.kind === 'skipped') {
      files.push({ path: entry.relPath, status: 'skipped', reason: entry.reason });
      continue;
    }
    if (!ARTICLE_EXTENSIONS.includes(extname(entry.relPath).toLowerCase())) {
      notArticles.push(entry);
      continue;
    }
    let outcome: FileOutcome;
    try {
      outcome = ingestFile(entry, await readCapped(entry.absPath), context);
    } catch (error) {
      outcome = { status: 'rejected', reason: `could not be read: ${(error as Error).message}` };
    }
    if (outcome.status !== 'article') {
      files.push({ path: entry.relPath, ...outcome });
      continue;
    }
    const { article, warnings } = outcome;
    const reported = {
      path: entry.relPath,
      format: article.format,
      encoding: article.encoding,
      ...(warnings.length > 0 ? { warnings } : {}),
    };
    const key = duplicateKey(article);
    const original = byKey.get(key);
    if (original) {
      original.body.paths.push(entry.relPath);
      files.push({ ...reported, status: 'merged', mergedInto: original.summary.id });
      continue;
    }
    byKey.set(key, article);
    articles.push(article);
    files.push({
      ...reported,
      status: warnings.length > 0 ? 'accepted-with-warnings' : 'accepted',
      id: article.summary.id,
    });
  }

  const media = new Map<string, string>();
  const imageUsers = new Map<string, Set<string>>();
  for (const article of articles) {
    for (const image of article.localImages) {
      media.set(image.mediaPath, image.absPath);
      const users = imageUsers.get(image.relPath) ?? new Set<string>();
      users.add(article.summary.id);
      imageUsers.set(image.relPath, users);
    }
  }
  for (const entry of notArticles) {
    files.push({
      path: entry.relPath,
      status: 'skipped',
      reason: skipReason(entry.relPath, imageUsers),
    });
  }

  options.onProgress?.(entries.length, entries.length);
  articles.sort(compareArticles);
  return { articles, report: summarizeReport(files, articles.length), media };
}
