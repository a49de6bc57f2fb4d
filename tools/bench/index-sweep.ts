import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { extractPlainText } from '../../src/ingest/derive/plain-text';
import { CHUNK_SIZE } from '../../src/manifest/schema';
import {
  buildSearchIndex,
  OWN_FILE_CHARACTERS,
  SHARD_CHARACTERS,
  type SearchDocument,
} from '../../src/search/build-index';
import { search } from '../../src/search/engine';
import { indexSource } from '../../src/search/index-source';
import { parseQuery } from '../../src/search/query';
import { bodyGroupPath, buildFilePath, rowChunkName } from '../../src/manifest/data-paths';
import { readManifestLayout } from './data-output';
import { median } from './stats';
import { measureSearchIndexOnDisk } from './search-index-files';

/**
 * An offline sweep of the search index's layout: the documents of an ingested data folder are
 * indexed again in memory with other layout parameters, and for the bench's queries the files
 * the engine would load are weighed, raw and gzipped. No browser, no network: what each layout
 * would cost a reader in bytes, and how many files it would put on a host.
 */

export interface SweepLayout {
  shardCharacters: number;
  ownFileCharacters: number;
}

export const SWEEP_SHARD_CHARACTERS = [2048, 4096, 8192, 16384];
export const SWEEP_OWN_FILE_CHARACTERS = [512, 1024, 2048];

export interface QueryCost {
  query: string;
  results: number;
  /** The files the engine loads for the query alone, from an empty cache. */
  files: number;
  rawBytes: number;
  gzipBytes: number;
  /** The same, less the files earlier queries in the list loaded (a reader's session). */
  sessionFiles: number;
  sessionGzipBytes: number;
}

export interface LayoutFigures extends SweepLayout {
  buildMs: number;
  shards: number;
  files: number;
  ownFiles: number;
  keys: number;
  rawBytes: number;
  /** Each file gzipped on its own, as a static host serves them. */
  gzipBytes: number;
  largestFileBytes: number;
  queries: QueryCost[];
  /** The first query's gzip bytes, and the median and largest in-session bytes of the rest. */
  firstQueryGzipBytes: number;
  laterMedianGzipBytes: number;
  laterMaxGzipBytes: number;
}

interface RowReference {
  id: string;
  title: string;
  body: string;
}

/**
 * readSearchDocuments: every document's title and body text in document order, as ingest indexes
 * them: titles from the row chunks, text from the body groups through ingest's own extractPlainText
 * (src/ingest/write-output.ts), so the default layout rebuilds the index ingest wrote.
 */
export async function readSearchDocuments(dataDir: string): Promise<SearchDocument[]> {
  const manifest = await readManifestLayout(dataDir);
  const { articleCount } = manifest;
  const chunks = Math.ceil(articleCount / CHUNK_SIZE);
  const documents: SearchDocument[] = [];
  // Body groups hold consecutive documents: only the one being read is kept.
  let group = { hash: '', bodies: new Map<string, string>() };
  const bodyHtml = async (row: RowReference) => {
    if (group.hash !== row.body) {
      const file = join(dataDir, bodyGroupPath(row.body));
      const { bodies } = JSON.parse(await readFile(file, 'utf8')) as {
        bodies: { id: string; html: string }[];
      };
      group = { hash: row.body, bodies: new Map(bodies.map((body) => [body.id, body.html])) };
    }
    return group.bodies.get(row.id)!;
  };
  for (let chunk = 0; chunk < chunks; chunk += 1) {
    const { rows } = JSON.parse(
      await readFile(join(dataDir, buildFilePath(manifest, rowChunkName(chunk))), 'utf8'),
    ) as { rows: RowReference[] };
    const bodies: string[] = [];
    for (const row of rows) bodies.push(await bodyHtml(row));
    rows.forEach((row, index) => {
      documents.push({ title: row.title, text: extractPlainText(bodies[index]!) });
    });
  }
  if (documents.length !== articleCount) {
    throw new Error(`read ${documents.length} rows, the manifest says ${articleCount}`);
  }
  return documents;
}

/** measureLayout: one layout's index, and what each query would load from it. */
export async function measureLayout(
  documents: readonly SearchDocument[],
  layout: SweepLayout,
  queries: readonly string[],
): Promise<LayoutFigures> {
  const started = performance.now();
  const index = buildSearchIndex(documents, layout);
  const buildMs = performance.now() - started;
  const byPath = new Map(index.files.map((file) => [file.path, file.text]));
  const gzipByPath = new Map<string, number>();
  let rawBytes = 0;
  let gzipBytes = 0;
  let largestFileBytes = 0;
  for (const file of index.files) {
    const data = Buffer.from(file.text);
    const gzip = gzipSync(data).length;
    gzipByPath.set(file.path, gzip);
    rawBytes += data.length;
    gzipBytes += gzip;
    largestFileBytes = Math.max(largestFileBytes, data.length);
  }

  const loadedInSession = new Set<string>();
  const costs: QueryCost[] = [];
  for (const text of queries) {
    const loaded = new Set<string>();
    const source = indexSource(index.shards, (path) => {
      const file = byPath.get(path);
      if (file === undefined) return Promise.reject(new Error(`no index file ${path}`));
      loaded.add(path);
      return Promise.resolve(JSON.parse(file) as unknown);
    });
    const { rows } = await search(parseQuery(text), source, documents.length);
    const fresh = [...loaded].filter((path) => !loadedInSession.has(path));
    const sum = (paths: string[], size: (path: string) => number) =>
      paths.reduce((total, path) => total + size(path), 0);
    const gzipOf = (path: string) => gzipByPath.get(path)!;
    costs.push({
      query: text,
      results: rows.length,
      files: loaded.size,
      rawBytes: sum([...loaded], (path) => Buffer.byteLength(byPath.get(path)!)),
      gzipBytes: sum([...loaded], gzipOf),
      sessionFiles: fresh.length,
      sessionGzipBytes: sum(fresh, gzipOf),
    });
    for (const path of loaded) loadedInSession.add(path);
  }
  const later = costs.slice(1).map((cost) => cost.sessionGzipBytes);
  return {
    ...layout,
    buildMs,
    shards: index.shards,
    files: index.files.length,
    ownFiles: index.files.length - index.shards,
    keys: index.keys,
    rawBytes,
    gzipBytes,
    largestFileBytes,
    queries: costs,
    firstQueryGzipBytes: costs[0]?.gzipBytes ?? 0,
    laterMedianGzipBytes: later.length > 0 ? median(later) : 0,
    laterMaxGzipBytes: later.length > 0 ? Math.max(...later) : 0,
  };
}

export interface SweepResult {
  dataDir: string;
  articleCount: number;
  queries: string[];
  /** Whether the default layout rebuilt the index ingest wrote: same file count and bytes. */
  defaultMatchesDisk: { files: number; bytes: number; matches: boolean } | null;
  layouts: LayoutFigures[];
}

/** sweepIndexLayouts: every pair of shard size and own-file threshold, in the order given. */
export async function sweepIndexLayouts(
  dataDir: string,
  grid: { shardCharacters: number[]; ownFileCharacters: number[] },
  queries: readonly string[],
  log: (message: string) => void,
): Promise<SweepResult> {
  log(`index sweep: reading ${dataDir}`);
  const documents = await readSearchDocuments(dataDir);
  const layouts: LayoutFigures[] = [];
  for (const shardCharacters of grid.shardCharacters) {
    for (const ownFileCharacters of grid.ownFileCharacters) {
      const figures = await measureLayout(
        documents,
        { shardCharacters, ownFileCharacters },
        queries,
      );
      log(
        `index sweep: shards ${shardCharacters}, own files ${ownFileCharacters}: ${figures.files} files, built in ${(figures.buildMs / 1000).toFixed(1)} s`,
      );
      layouts.push(figures);
    }
  }
  const onDisk = await measureSearchIndexOnDisk(dataDir);
  const disk = { files: onDisk.shardFiles + onDisk.ownFiles, bytes: onDisk.bytes };
  const defaults = layouts.find(
    (layout) =>
      layout.shardCharacters === SHARD_CHARACTERS &&
      layout.ownFileCharacters === OWN_FILE_CHARACTERS,
  );
  return {
    dataDir,
    articleCount: documents.length,
    queries: [...queries],
    defaultMatchesDisk: defaults
      ? {
          ...disk,
          matches: defaults.files === disk.files && defaults.rawBytes === disk.bytes,
        }
      : null,
    layouts,
  };
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const MB = (bytes: number) => `${(bytes / 1_000_000).toFixed(1)} MB`;

/** renderSweepTable: one line per layout, the default one marked. */
export function renderSweepTable(result: SweepResult): string {
  const header = [
    'shard chars',
    'own-file chars',
    'files (shards + own)',
    'index raw / gzip',
    'largest file',
    'first query (gzip)',
    'later queries in session, median / max (gzip)',
    'each query alone, median / max (gzip)',
  ];
  const lines = result.layouts.map((layout) => {
    const alone = layout.queries.map((query) => query.gzipBytes);
    const isDefault =
      layout.shardCharacters === SHARD_CHARACTERS &&
      layout.ownFileCharacters === OWN_FILE_CHARACTERS;
    return [
      `${layout.shardCharacters}${isDefault ? ' (default)' : ''}`,
      String(layout.ownFileCharacters),
      `${layout.files.toLocaleString('en-US')} (${layout.shards.toLocaleString('en-US')} + ${layout.ownFiles.toLocaleString('en-US')})`,
      `${MB(layout.rawBytes)} / ${MB(layout.gzipBytes)}`,
      kB(layout.largestFileBytes),
      kB(layout.firstQueryGzipBytes),
      `${kB(layout.laterMedianGzipBytes)} / ${kB(layout.laterMaxGzipBytes)}`,
      `${kB(median(alone))} / ${kB(Math.max(...alone))}`,
    ];
  });
  const cells = [header, ...lines];
  const widths = header.map((_, column) => Math.max(...cells.map((line) => line[column]!.length)));
  const line = (values: string[]) =>
    `| ${values.map((value, column) => value.padEnd(widths[column]!)).join(' | ')} |`;
  const check = result.defaultMatchesDisk;
  return [
    `Search index layouts for ${result.articleCount.toLocaleString('en-US')} articles (${result.dataDir})`,
    `Queries, in session order: ${result.queries.join(' · ')}`,
    check
      ? `The default layout ${check.matches ? 'rebuilds' : 'does NOT rebuild'} the index on disk (${check.files} files, ${MB(check.bytes)}).`
      : '',
    '',
    line(header),
    line(widths.map((width) => '-'.repeat(width))),
    ...lines.map(line),
    '',
  ].join('\n');
}
