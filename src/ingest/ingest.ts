import { extname, resolve } from 'node:path';
import { CONFIG_FILE_NAME, type IngestConfig } from './config';
import { ARTICLE_EXTENSIONS } from './formats/registry';
import { IngestCache } from './ingest-cache';
import {
  createParseContext,
  parseFile,
  readCapped,
  type ParsedFile,
  type ParseSettings,
} from './ingest-file';
import { IMAGE_EXTENSIONS, MediaCollector } from './media';
import type { Article } from './model';
import { MIN_FILES_PER_THREAD, ParsePool } from './parse-pool';
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

/** Files handed to each worker ahead, so it never waits for its next while this thread parses. */
const WORKER_BACKLOG = 3;

export interface IngestOptions {
  contentRoot: string;
  config: IngestConfig;
  /** Reference instant for "more than a year ahead" date checks. */
  now: Date;
  /** Threads parsing files at most; 1 (the default) parses in the calling thread. */
  jobs?: number;
  /** See MIN_FILES_PER_THREAD; tests lower it to run workers on a small archive. */
  minFilesPerThread?: number;
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

function unreadable(error: unknown): ParsedFile {
  return {
    outcome: { status: 'rejected', reason: `could not be read: ${(error as Error).message}` },
    duplicateKey: null,
    imageLookups: [],
  };
}

type FileEntry = Extract<WalkEntry, { kind: 'file' }>;

/**
 * parseAll: the ParsedFile of every article file, by walk index. Files the cache holds are read
 * and hashed but not parsed. The rest are parsed here and, when there are enough of them, in
 * worker threads too; results are placed by index, so which thread finishes first never matters.
 */
async function parseAll(
  files: { entry: FileEntry; index: number }[],
  options: IngestOptions,
  settings: ParseSettings,
): Promise<{ parsed: ParsedFile[]; stats: IngestStats }> {
  const parsed: ParsedFile[] = [];
  const cache =
    options.cacheDir === undefined ? null : await IngestCache.open(options.cacheDir, settings);
  let toParse = files;
  if (cache) {
    const media = new MediaCollector(settings.contentRoot);
    toParse = [];
    options.onProgress?.('read', 0, files.length);
    for (const [done, file] of files.entries()) {
      const { entry, index } = file;
      let hit: ParsedFile | undefined;
      try {
        const read = readCapped(entry.absPath);
        hit = cache.reuse(entry.relPath, cache.keyOf(entry.relPath, read), settings.now, (cached) =>
          imagesUnchanged(cached, entry.absPath, media),
        );
      } catch {
        // Not readable: the parse pass below says why in the report.
      }
      if (hit) parsed[index] = hit;
      else toParse.push(file);
      options.onProgress?.('read', done + 1, files.length);
    }
  }

  /** Reads and parses one file, placing the result by walk index and caching it if it may be. */
  const parseOne = async (
    { entry, index }: { entry: FileEntry; index: number },
    parse: (read: { bytes: Uint8Array; size: number }) => ParsedFile | Promise<ParsedFile>,
  ) => {
    let read;
    try {
      read = readCapped(entry.absPath);
    } catch (error) {
      parsed[index] = unreadable(error);
      return;
    }
    // Hashed now, not when the cache was checked: the file may have changed since. And before
    // parsing, since a worker takes the bytes over.
    const key = cache?.keyOf(entry.relPath, read);
    const result = await parse(read);
    parsed[index] = result;
    const { outcome } = result;
    if (key !== undefined && !(outcome.status === 'article' && outcome.dependsOnNow)) {
      cache?.store(entry.relPath, key, settings.now, result);
    }
  };

  const minPerThread = options.minFilesPerThread ?? MIN_FILES_PER_THREAD;
  const threads = Math.min(options.jobs ?? 1, Math.floor(toParse.length / minPerThread));
  let done = 0;
  const report = () => options.onProgress?.('parse', done, toParse.length);
  report();
  // This thread parses too, so `threads` parsing threads need one worker fewer; and while the
  // workers start up (a few seconds), this thread is already parsing.
  const pool = threads >= 2 ? new ParsePool(threads - 1, settings) : null;
  try {
    const context = toParse.length > 0 ? await createParseContext(settings) : null;
    const failures: unknown[] = [];
    const handedOut = new Set<Promise<void>>();
    for (const file of toParse) {
      if (failures.length > 0) break;
      if (pool && pool.backlog < pool.size * WORKER_BACKLOG) {
        const task: Promise<void> = parseOne(file, (read) => pool.parse(file.entry, read))
          .then(() => {
            done += 1;
            report();
          })
          .catch((error: unknown) => {
            failures.push(error);
          })
          .finally(() => handedOut.delete(task));
        handedOut.add(task);
        continue;
      }
      await parseOne(file, (read) => parseFile(file.entry, read, context!));
      done += 1;
      report();
      // Back to the event loop after every file: it lets the workers' results in, so they get
      // their next files; and memory jsdom holds through weak references is only released at the
      // end of a task (10,000 files in one task peaked at 3.2 GB, against 0.6 GB).
      await new Promise((resolve) => setImmediate(resolve));
    }
    await Promise.all(handedOut);
    if (failures.length > 0) throw failures[0];
  } finally {
    await pool?.close();
  }
  await cache?.save();
  return {
    parsed,
    stats: {
      articleFiles: files.length,
      parsed: toParse.length,
      fromCache: files.length - toParse.length,
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
    // A copy: merging adds paths to it, and the parsed result may be the cache's.
    const article = {
      ...outcome.article,
      body: { ...outcome.article.body, paths: [...outcome.article.body.paths] },
    };
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
