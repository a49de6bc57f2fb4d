import { rmSync } from 'node:fs';
import { mkdir, readdir } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { generateArticle, type ArticleFormat } from './article';
import { FolderNames, sanitizeFileName } from './file-names';
import { FileWriter } from './file-writer';
import { planCorpus, type ArticleLanguage } from './plan';

export interface CorpusOptions {
  /** Number of articles, a positive integer. */
  count: number;
  /** Any safe integer; the same seed and count give byte-identical files. */
  seed: number;
  outDir: string;
  /** Empty a non-empty outDir first instead of refusing. */
  force?: boolean;
  /** Called after every 1,000 articles and at the end. */
  onProgress?: (done: number, total: number) => void;
  /** Called once per article, in order, with what was written. */
  onArticle?: (article: CorpusArticleInfo) => void;
}

export interface CorpusArticleInfo {
  index: number;
  /** Path relative to outDir, `/`-separated. */
  relPath: string;
  format: ArticleFormat;
  title: string;
  source: string;
  channel: string;
  lang: ArticleLanguage;
  /** ISO 8601 UTC, or null when the file carries no date. */
  date: string | null;
  bodyBytes: number;
  fileBytes: number;
}

export interface CorpusStats {
  count: number;
  seed: number;
  files: { md: number; txt: number };
  undated: number;
  /** Bytes of all files written. */
  totalBytes: number;
  /** Body sizes (HTML or text after the header), in bytes. */
  bodyBytes: { median: number; p95: number; max: number };
  /** Articles per source, largest first; sources without articles are left out. */
  sources: { name: string; articles: number }[];
  folders: number;
}

export class CorpusOptionsInvalidError extends Error {
  override readonly name = 'CorpusOptionsInvalidError';
}

export class OutputFolderNotEmptyError extends Error {
  override readonly name = 'OutputFolderNotEmptyError';
}

const PROGRESS_EVERY = 1_000;

function quantile(sorted: Uint32Array, q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

/** Refuses to empty a folder that holds the working directory (`--out . --force`). */
function assertSafeToEmpty(outDir: string): void {
  const fromOut = relative(outDir, process.cwd());
  if (fromOut === '' || (!fromOut.startsWith('..') && !isAbsolute(fromOut))) {
    throw new CorpusOptionsInvalidError(
      `refusing to empty ${outDir}: it contains the working directory`,
    );
  }
}

async function prepareOutDir(outDir: string, force: boolean): Promise<void> {
  let names: string[];
  try {
    names = await readdir(outDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    await mkdir(outDir, { recursive: true });
    return;
  }
  if (names.length === 0) return;
  if (!force) {
    throw new OutputFolderNotEmptyError(
      `${outDir} is not empty (${names.length} entries); pass --force to empty it first`,
    );
  }
  assertSafeToEmpty(outDir);
  // Synchronous: the promise-based rm holds far more memory for a folder of 100,000 files.
  for (const name of names) rmSync(join(outDir, name), { recursive: true, force: true });
}

function validate(options: CorpusOptions): void {
  if (!Number.isSafeInteger(options.count) || options.count <= 0) {
    throw new CorpusOptionsInvalidError(`count must be a positive integer, not ${options.count}`);
  }
  if (!Number.isSafeInteger(options.seed)) {
    throw new CorpusOptionsInvalidError(`seed must be an integer, not ${options.seed}`);
  }
  if (options.outDir.trim() === '') throw new CorpusOptionsInvalidError('outDir is required');
}

/**
 * generateCorpus: writes `count` synthetic articles under outDir and returns what it wrote.
 * Article `i` depends only on (seed, i) and file-name collisions are settled in index order, so
 * a smaller count gives a prefix of a larger one and the result never depends on timing. Files
 * are handed to a writer thread as they are generated, so memory stays flat whatever the count.
 */
export async function generateCorpus(options: CorpusOptions): Promise<CorpusStats> {
  validate(options);
  const outDir = resolve(options.outDir);
  await prepareOutDir(outDir, options.force ?? false);

  const plan = planCorpus(options.seed);
  const names = new FolderNames();
  const createdDirs = new Set<string>();
  const bodySizes = new Uint32Array(options.count);
  const perSource = new Map<string, number>();
  const files = { md: 0, txt: 0 };
  let undated = 0;
  let totalBytes = 0;

  const writer = new FileWriter();
  try {
    for (let index = 0; index < options.count; index += 1) {
      const article = generateArticle(plan, options.seed, index);
      const fileName = names.claim(article.dir, sanitizeFileName(article.title), article.extension);
      const relPath = `${article.dir}/${fileName}`;
      const fileBytes = Buffer.byteLength(article.text);

      bodySizes[index] = article.bodyBytes;
      totalBytes += fileBytes;
      if (article.extension === '.md') files.md += 1;
      else files.txt += 1;
      if (article.date === null) undated += 1;
      perSource.set(article.source, (perSource.get(article.source) ?? 0) + 1);

      if (!createdDirs.has(article.dir)) {
        writer.mkdir(join(outDir, ...article.dir.split('/')));
        createdDirs.add(article.dir);
      }
      await writer.write(join(outDir, ...relPath.split('/')), article.text);

      options.onArticle?.({
        index,
        relPath,
        format: article.format,
        title: article.title,
        source: article.source,
        channel: article.channel,
        lang: article.lang,
        date: article.date,
        bodyBytes: article.bodyBytes,
        fileBytes,
      });
      if ((index + 1) % PROGRESS_EVERY === 0) options.onProgress?.(index + 1, options.count);
    }
  } catch (error) {
    // The generation error is the one to report; writes still queued no longer matter.
    await writer.close().catch(() => undefined);
    throw error;
  }
  await writer.close();
  options.onProgress?.(options.count, options.count);

  bodySizes.sort();
  return {
    count: options.count,
    seed: options.seed,
    files,
    undated,
    totalBytes,
    bodyBytes: {
      median: quantile(bodySizes, 0.5),
      p95: quantile(bodySizes, 0.95),
      max: bodySizes[bodySizes.length - 1] ?? 0,
    },
    sources: [...perSource]
      .map(([name, articles]) => ({ name, articles }))
      .sort((a, b) => b.articles - a.articles || (a.name < b.name ? -1 : 1)),
    folders: createdDirs.size,
  };
}
