import { mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import * as pagefind from 'pagefind';
import type { ArticleRecord } from './records';

export interface BundleSize {
  files: number;
  bytes: number;
  /** Files and bytes per kind of file (`.pf_fragment`, `.pf_index`, `.js`, …). */
  byKind: Record<string, { files: number; bytes: number }>;
}

export interface PagefindBuild {
  /** Serve this folder: index.html and the bundle in pagefind/. */
  siteDir: string;
  records: number;
  /** From creating the index to the written bundle, reading the records included. */
  buildMs: number;
  size: BundleSize;
  /** Record URL → archive path, to compare Pagefind's hits with the recall cases. */
  pathByUrl: Map<string, string>;
}

export class PagefindIndexError extends Error {
  override readonly name = 'PagefindIndexError';
}

/** Records sent to Pagefind's indexing service at once: enough to keep it busy. */
const RECORDS_IN_FLIGHT = 64;

/** Pagefind's runtime picks the index for the page's language, so the page says Chinese. */
const SEARCH_PAGE =
  '<!doctype html><html lang="zh"><head><meta charset="utf-8"><title>search-compare</title></head><body></body></html>\n';

export const recordUrl = (id: string): string => `/a/${id}`;

function failOn(errors: string[], what: string): void {
  if (errors.length > 0) throw new PagefindIndexError(`${what}: ${errors.join('; ')}`);
}

/**
 * The record as Chronicle would give it to Pagefind: all in one Chinese index (Pagefind splits
 * indexes by language, and a page searches one), the source as a filter, the date as a sort key
 * and, for a date post-filter, as metadata too (Pagefind filters match values, not ranges).
 */
function toCustomRecord(record: ArticleRecord): pagefind.CustomRecord {
  return {
    url: recordUrl(record.id),
    content: record.content,
    language: 'zh',
    meta: { title: record.title, date: record.date ?? '' },
    filters: { source: [record.source] },
    ...(record.date === null ? {} : { sort: { date: record.date } }),
  };
}

async function measureBundle(dir: string): Promise<BundleSize> {
  const size: BundleSize = { files: 0, bytes: 0, byKind: {} };
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const bytes = (await stat(join(entry.parentPath, entry.name))).size;
    const kind = (size.byKind[extname(entry.name) || entry.name] ??= { files: 0, bytes: 0 });
    kind.files += 1;
    kind.bytes += bytes;
    size.files += 1;
    size.bytes += bytes;
  }
  return size;
}

/** buildPagefindIndex: indexes the records with Pagefind's Node API and writes the bundle. */
export async function buildPagefindIndex(
  records: Iterable<ArticleRecord>,
  siteDir: string,
): Promise<PagefindBuild> {
  await rm(siteDir, { recursive: true, force: true });
  await mkdir(siteDir, { recursive: true });
  await writeFile(join(siteDir, 'index.html'), SEARCH_PAGE);
  const started = performance.now();
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh' });
  failOn(errors, 'createIndex');
  if (!index) throw new PagefindIndexError('createIndex returned no index');
  const pathByUrl = new Map<string, string>();
  const inFlight = new Set<Promise<void>>();
  try {
    for (const record of records) {
      pathByUrl.set(recordUrl(record.id), record.path);
      const added: Promise<void> = index
        .addCustomRecord(toCustomRecord(record))
        .then((response) => failOn(response.errors, `addCustomRecord ${record.path}`))
        .finally(() => inFlight.delete(added));
      inFlight.add(added);
      if (inFlight.size >= RECORDS_IN_FLIGHT) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
    const bundleDir = join(siteDir, 'pagefind');
    failOn((await index.writeFiles({ outputPath: bundleDir })).errors, 'writeFiles');
    const buildMs = performance.now() - started;
    return {
      siteDir,
      records: pathByUrl.size,
      buildMs,
      size: await measureBundle(bundleDir),
      pathByUrl,
    };
  } finally {
    await pagefind.close();
  }
}
