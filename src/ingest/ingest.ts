import { randomUUID } from 'node:crypto';
import { statSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import type { ArticleBody } from '../manifest/schema';
import { CONFIG_FILE_NAME, type IngestConfig } from './config';
import { ARTICLE_EXTENSIONS } from './formats/registry';
import { IngestCache, stampOf, type FileStamp } from './ingest-cache';
import type { ParsedFile, ParseSettings } from './ingest-file';
import { IMAGE_EXTENSIONS, MediaCollector } from './media';
import type { Article } from './model';
import { MIN_FILES_PER_THREAD, ParsePool } from './parse-pool';
import { parseBatch, type BatchSettings, type ParseBatch, type ParseOutput } from './parse-worker';
import type { ProgressListener } from './progress';
import { summarizeReport, type FileReport, type IngestReport } from './report';
import { summarizeSources } from './source-report';
import { listContentFiles, type WalkEntry } from './walk';

export {
  capText,
  ingestFile,
  MAX_FILE_BYTES,
  MAX_TEXT_CHARS,
  readCapped,
  type FileOutcome,
} from './ingest-file';

/**
 * Files handed to a thread at a time: enough that handing them over costs little beside parsing
 * them, few enough that the threads finish close together.
 */
const BATCH_FILES = 32;

export interface IngestOptions {
  contentRoot: string;
  config: IngestConfig;
  /** Reference instant for "more than a year ahead" date checks. */
  now: Date;
  /**
   * Threads parsing files at most: 1 (the default) parses in the calling thread; more starts
   * that many worker threads, while the calling thread only hands out batches and places results.
   */
  jobs?: number;
  /** See MIN_FILES_PER_THREAD; tests lower it to run workers on a small archive. */
  minFilesPerThread?: number;
  /** See BATCH_FILES; tests lower it to spread a small archive over the threads. */
  batchFiles?: number;
  /** Folder of the parse cache (see ingest-cache.ts); without it, every file is parsed. */
  cacheDir?: string;
  onProgress?: ProgressListener;
}

export interface IngestResult {
  /** Newest first, undated last, ties broken by id. */
  articles: Article[];
  report: IngestReport;
  /** `media/<hash>.<ext>` → absolute source path, for the images articles refer to. */
  media: Map<string, string>;
}

/** How a run went; none of it is part of the output. */
export interface IngestStats {
  /** Article files (by extension) found. */
  articleFiles: number;
  /** Article files read; with a cache, the rest were unchanged by their stamp and not read. */
  read: number;
  /** Files parsed in this run; the rest of the article files came from the cache. */
  parsed: number;
  fromCache: number;
  /** Worker threads started; 0 when files were parsed in the calling thread. */
  workers: number;
}

const titleCollator = new Intl.Collator('zh-Hans-u-co-pinyin', { numeric: true });

/**
 * compareArticles: newest first; undated last, by title (Chinese by pinyin) since they have no
 * time to go by; then by id so the order never depends on input order.
 */
export function compareArticles(a: Article, b: Article): number {
  const aDate = a.summary.date;
  const bDate = b.summary.date;
  if (aDate !== bDate) {
    if (aDate === null) return 1;
    if (bDate === null) return -1;
    return aDate < bDate ? 1 : -1;
  }
  if (aDate === null) {
    const byTitle = titleCollator.compare(a.summary.title, b.summary.title);
    if (byTitle !== 0) return byTitle;
  }
  return a.summary.id < b.summary.id ? -1 : a.summary.id > b.summary.id ? 1 : 0;
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

/** Whether a cached result's images still resolve to the same media files. */
function imagesUnchanged(parsed: ParsedFile, absPath: string, media: MediaCollector): boolean {
  return parsed.imageLookups.every(
    ([src, mediaPath]) => (media.resolve(src, absPath)?.mediaPath ?? null) === mediaPath,
  );
}

type FileEntry = Extract<WalkEntry, { kind: 'file' }>;
type ArticleFile = { entry: FileEntry; index: number };

/**
 * parseAll: the ParsedFile of every article file, by walk index. With a cache, each file is
 * stat'ed first: one whose stamp is the one it had when it was last hashed is taken from the
 * cache unread. The rest are read, hashed and parsed in batches, here or in worker threads; a
 * file whose bytes still give the cached key is not parsed. Results are placed by index, so which
 * thread finishes first never matters.
 */
async function parseAll(
  files: ArticleFile[],
  options: IngestOptions,
  settings: ParseSettings,
): Promise<{ parsed: ParsedFile[]; stats: IngestStats }> {
  const parsed: ParsedFile[] = [];
  const cache =
    options.cacheDir === undefined ? null : await IngestCache.open(options.cacheDir, settings);
  const media = new MediaCollector(settings.contentRoot);
  const isCurrent = (absPath: string) => (cached: ParsedFile) =>
    imagesUnchanged(cached, absPath, media);
  const stamps: (FileStamp | null)[] = [];
  let toParse: (ArticleFile & { knownKey?: string })[] = files;
  if (cache) {
    toParse = [];
    options.onProgress?.('read', 0, files.length);
    for (const [done, file] of files.entries()) {
      const { entry, index } = file;
      const info = statSync(entry.absPath, { throwIfNoEntry: false });
      const stamp = info ? stampOf(info) : null;
      const hit =
        stamp && cache.reuseUnchanged(entry.relPath, stamp, settings.now, isCurrent(entry.absPath));
      if (hit) {
        parsed[index] = hit;
      } else {
        stamps[index] = stamp;
        toParse.push({ ...file, knownKey: cache.knownKey(entry.relPath) });
      }
      if ((done + 1) % BATCH_FILES === 0) options.onProgress?.('read', done + 1, files.length);
    }
    options.onProgress?.('read', files.length, files.length);
  }

  let reparsed = 0;
  /** Places one output; false when the bytes were unchanged but the cached result is not usable. */
  const place = ({ entry, index }: ArticleFile, output: ParseOutput): boolean => {
    const stamp = stamps[index] ?? null;
    if ('unchanged' in output) {
      const hit = cache?.reuse(
        entry.relPath,
        output.key,
        stamp,
        settings.now,
        isCurrent(entry.absPath),
      );
      if (!hit) return false;
      parsed[index] = hit;
      return true;
    }
    reparsed += 1;
    const { outcome } = output.parsed;
    parsed[index] =
      cache && output.key !== null && !(outcome.status === 'article' && outcome.dependsOnNow)
        ? cache.store(entry.relPath, output.key, stamp, settings.now, output.parsed)
        : output.parsed;
    return true;
  };

  const batchSettings: BatchSettings = {
    run: randomUUID(),
    contentRoot: settings.contentRoot,
    config: settings.config,
    nowMs: settings.now.getTime(),
    salt: cache?.salt ?? null,
  };
  const batches: (ArticleFile & { knownKey?: string })[][] = [];
  const batchFiles = options.batchFiles ?? BATCH_FILES;
  for (let start = 0; start < toParse.length; start += batchFiles) {
    batches.push(toParse.slice(start, start + batchFiles));
  }
  const jobsOf = (batch: (ArticleFile & { knownKey?: string })[]): ParseBatch => ({
    settings: batchSettings,
    jobs: batch.map(({ entry, knownKey }) => ({
      relPath: entry.relPath,
      absPath: entry.absPath,
      ...(knownKey === undefined ? {} : { knownKey }),
    })),
  });
  /** Files whose cached result could not be reused after all; parsed here, without a known key. */
  const again: ArticleFile[] = [];
  const settle = (batch: ArticleFile[], outputs: ParseOutput[]) => {
    batch.forEach((file, position) => {
      if (!place(file, outputs[position]!)) again.push(file);
    });
  };

  const minPerThread = options.minFilesPerThread ?? MIN_FILES_PER_THREAD;
  const threads = Math.min(options.jobs ?? 1, Math.floor(toParse.length / minPerThread));
  let done = 0;
  const report = () => options.onProgress?.('parse', done, toParse.length);
  report();
  const pool = threads >= 2 ? new ParsePool(threads) : null;
  try {
    if (pool) {
      await Promise.all(
        batches.map(async (batch) => {
          settle(batch, await pool.parse(jobsOf(batch)));
          done += batch.length;
          report();
        }),
      );
    } else {
      for (const batch of batches) {
        settle(batch, await parseBatch(jobsOf(batch)));
        done += batch.length;
        report();
      }
    }
    if (again.length > 0) {
      const outputs = await parseBatch(jobsOf(again.map(({ entry, index }) => ({ entry, index }))));
      again.forEach((file, position) => place(file, outputs[position]!));
    }
  } finally {
    await pool?.close();
  }
  await cache?.save();
  return {
    parsed,
    stats: {
      articleFiles: files.length,
      read: toParse.length,
      parsed: reparsed,
      fromCache: files.length - reparsed,
      workers: pool?.size ?? 0,
    },
  };
}

/**
 * ingestArchive: walk the content root, parse every file with the format that claims it, derive
 * the article model, and merge duplicates. One bad file never stops the others: every file found
 * ends up in the report exactly once. The result is the same whatever `jobs` and the cache hold.
 */
export async function ingestArchive(
  options: IngestOptions,
): Promise<IngestResult & { stats: IngestStats }> {
  const contentRoot = resolve(options.contentRoot);
  const entries = await listContentFiles(contentRoot);
  const settings: ParseSettings = { contentRoot, config: options.config, now: options.now };
  const articleFiles = entries.flatMap((entry, index) =>
    entry.kind === 'file' && ARTICLE_EXTENSIONS.includes(extname(entry.relPath).toLowerCase())
      ? [{ entry, index }]
      : [],
  );
  const { parsed, stats } = await parseAll(articleFiles, options, settings);

  const files: FileReport[] = [];
  const notArticles: WalkEntry[] = [];
  const byKey = new Map<string, Article>();
  const articles: Article[] = [];
  entries.forEach((entry, index) => {
    if (entry.kind === 'skipped') {
      files.push({ path: entry.relPath, status: 'skipped', reason: entry.reason });
      return;
    }
    const result = parsed[index];
    if (!result) {
      notArticles.push(entry);
      return;
    }
    const { outcome } = result;
    if (outcome.status !== 'article') {
      files.push({ path: entry.relPath, ...outcome });
      return;
    }
    const { warnings } = outcome;
    // A copy: merging adds paths to it, and the parsed result may be the cache's. Copied by
    // descriptor, since a cached body reads its HTML from disk only when asked for it.
    const body = Object.defineProperties(
      {},
      Object.getOwnPropertyDescriptors(outcome.article.body),
    ) as ArticleBody;
    body.paths = [...body.paths];
    const article = { ...outcome.article, body };
    const reported = {
      path: entry.relPath,
      format: article.format,
      encoding: article.encoding,
      ...(warnings.length > 0 ? { warnings } : {}),
    };
    const original = byKey.get(result.duplicateKey!);
    if (original) {
      original.body.paths.push(entry.relPath);
      delete original.bodyFile; // Its body file now lists two paths.
      files.push({ ...reported, status: 'merged', mergedInto: original.summary.id });
      return;
    }
    byKey.set(result.duplicateKey!, article);
    articles.push(article);
    files.push({
      ...reported,
      status: warnings.length > 0 ? 'accepted-with-warnings' : 'accepted',
      id: article.summary.id,
    });
  });

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

  articles.sort(compareArticles);
  const sources = summarizeSources(
    articles.map((article) => ({ source: article.summary.source, origin: article.sourceOrigin })),
  );
  return { articles, report: summarizeReport(files, articles.length, sources), media, stats };
}
