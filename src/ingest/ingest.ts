import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { extname } from 'node:path';
import DOMPurify from 'dompurify';
import { JSDOM } from 'jsdom';
import { createArticleSanitizer } from '../sanitizer/article-policy';
import type { IngestConfig } from './config';
import { decodeText } from './decode';
import { extractPlainText } from './derive/plain-text';
import { ARTICLE_EXTENSIONS, findParser } from './formats/registry';
import { MediaCollector } from './media';
import type { Article, SourceFile } from './model';
import { normalizeArticle } from './normalize-article';
import { summarizeReport, type FileReport, type IngestReport } from './report';
import { listContentFiles } from './walk';

/** Bytes read from one file; the rest of a larger file is left out with a warning. */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;

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

async function readCapped(absPath: string): Promise<{ bytes: Uint8Array; truncated: boolean }> {
  const handle = await open(absPath, 'r');
  try {
    const { size } = await handle.stat();
    const length = Math.min(size, MAX_FILE_BYTES);
    const buffer = new Uint8Array(length);
    await handle.read(buffer, 0, length, 0);
    if (size <= MAX_FILE_BYTES) return { bytes: buffer, truncated: false };
    // Cut at the last line break so no multi-byte character is split.
    const lastNewline = buffer.lastIndexOf(0x0a);
    return { bytes: buffer.subarray(0, lastNewline > 0 ? lastNewline : length), truncated: true };
  } finally {
    await handle.close();
  }
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

function duplicateKey(article: Article): string {
  const text = extractPlainText(article.body.html);
  return createHash('sha256')
    .update(`${article.summary.title.toLowerCase()}\n${text}`)
    .digest('hex');
}

/**
 * ingestArchive: walk the content root, parse every file with the format that claims it, derive
 * the article model, and merge duplicates. One bad file never stops the others: every file found
 * ends up in the report exactly once.
 */
export async function ingestArchive(options: IngestOptions): Promise<IngestResult> {
  const entries = await listContentFiles(options.contentRoot);
  const media = new MediaCollector(options.contentRoot);
  const sanitizer = createArticleSanitizer(DOMPurify(new JSDOM('').window));
  const files: FileReport[] = [];
  const byKey = new Map<string, Article>();
  const articles: Article[] = [];

  let done = 0;
  for (const entry of entries) {
    options.onProgress?.(done++, entries.length);
    if (entry.kind === 'skipped') {
      files.push({ path: entry.relPath, status: 'skipped', reason: entry.reason });
      continue;
    }
    const extension = extname(entry.relPath).toLowerCase();
    if (!ARTICLE_EXTENSIONS.includes(extension)) {
      files.push({
        path: entry.relPath,
        status: 'skipped',
        reason: `not an article type (${extension || 'no extension'})`,
      });
      continue;
    }
    try {
      const { bytes, truncated } = await readCapped(entry.absPath);
      const decoded = decodeText(bytes);
      if (!decoded.ok) {
        files.push({ path: entry.relPath, status: 'rejected', reason: decoded.reason });
        continue;
      }
      if (decoded.text.trim() === '') {
        files.push({ path: entry.relPath, status: 'rejected', reason: 'empty file (no text)' });
        continue;
      }
      const file: SourceFile = { ...entry, text: decoded.text, encoding: decoded.encoding };
      const parser = findParser(file);
      if (!parser) {
        files.push({
          path: entry.relPath,
          status: 'skipped',
          reason: 'no format claims this file',
        });
        continue;
      }
      const outcome = parser.parse(file);
      if (!outcome.ok) {
        files.push({
          path: entry.relPath,
          status: 'rejected',
          format: parser.name,
          reason: outcome.reason,
        });
        continue;
      }
      const { article, warnings } = normalizeArticle(file, parser.name, outcome.article, {
        ...options,
        sanitizer,
        media,
      });
      if (truncated) {
        warnings.push({
          message: `file is larger than ${MAX_FILE_BYTES} bytes; only the start was read`,
        });
      }
      const key = duplicateKey(article);
      const original = byKey.get(key);
      if (original) {
        original.body.paths.push(entry.relPath);
        files.push({
          path: entry.relPath,
          status: 'merged',
          format: parser.name,
          mergedInto: original.summary.id,
        });
        continue;
      }
      byKey.set(key, article);
      articles.push(article);
      files.push({
        path: entry.relPath,
        status: warnings.length > 0 ? 'accepted-with-warnings' : 'accepted',
        id: article.summary.id,
        format: parser.name,
        encoding: decoded.encoding,
        ...(warnings.length > 0 ? { warnings } : {}),
      });
    } catch (error) {
      files.push({
        path: entry.relPath,
        status: 'rejected',
        reason: `could not be read: ${(error as Error).message}`,
      });
    }
  }
  options.onProgress?.(entries.length, entries.length);
  articles.sort(compareArticles);
  return { articles, report: summarizeReport(files, articles.length), media: media.files };
}
