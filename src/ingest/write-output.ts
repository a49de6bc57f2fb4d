import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { encodeDescendingDeltas, encodeUints } from '../manifest/column-codec';
import { parseColumns, parseIdShard, parseManifest, parseRowChunk } from '../manifest/parse';
import {
  CHUNK_SIZE,
  SCHEMA_VERSION,
  type ArticleRow,
  type Manifest,
  type SourceSummary,
} from '../manifest/schema';
import { buildSearchIndex } from '../search/build-index';
import { bodyPath, layOutBody, type DataFile } from './body-file';
import { extractPlainText } from './derive/plain-text';
import type { IngestResult } from './ingest';
import type { Article } from './model';
import type { ProgressListener } from './progress';
import { IngestReportSchema } from './report';

export const MANIFEST_FILE = 'manifest.json';
export const REPORT_FILE = 'ingest-report.json';

const byName = (a: SourceSummary, b: SourceSummary) =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : 0;

/** The group most of a source's articles name, ties to the first by name: never input order. */
function commonestGroup(groups: Map<string, number>): string | null {
  let best: string | null = null;
  let bestCount = 0;
  for (const [group, count] of groups) {
    if (count > bestCount || (count === bestCount && best !== null && group < best)) {
      best = group;
      bestCount = count;
    }
  }
  return best;
}

function countSources(articles: readonly Article[]): SourceSummary[] {
  const counts = new Map<string, number>();
  const groups = new Map<string, Map<string, number>>();
  for (const { summary, group } of articles) {
    counts.set(summary.source, (counts.get(summary.source) ?? 0) + 1);
    if (group === null) continue;
    const sourceGroups = groups.get(summary.source) ?? new Map<string, number>();
    sourceGroups.set(group, (sourceGroups.get(group) ?? 0) + 1);
    groups.set(summary.source, sourceGroups);
  }
  return [...counts]
    .map(([name, count]) => ({ name, count, group: commonestGroup(groups.get(name) ?? new Map()) }))
    .sort(byName);
}

/** searchDocuments: what the search index reads of each article, in list order, one at a time. */
function* searchDocuments(articles: readonly Article[]) {
  for (const { summary, body } of articles) {
    yield { title: summary.title, text: extractPlainText(body.html) };
  }
}

/**
 * layOutIndex: the build folder (columns, row chunks, id shards, search index) for rows in list
 * order, and the manifest that names it.
 */
function layOutIndex(
  rows: ArticleRow[],
  articles: readonly Article[],
): { manifest: Manifest; files: DataFile[]; search: SearchIndexStats } {
  const sources = countSources(articles);
  const sourceIndex = new Map(sources.map((source, index) => [source.name, index]));
  const dated = rows.filter((row) => row.date !== null);
  const buildFiles: DataFile[] = [
    {
      path: 'columns.json',
      text: JSON.stringify(
        parseColumns({
          schemaVersion: SCHEMA_VERSION,
          count: rows.length,
          datedCount: dated.length,
          minutes: encodeDescendingDeltas(
            dated.map((row) => Math.floor(Date.parse(row.date!) / 60_000)),
          ),
          sources: encodeUints(rows.map((row) => sourceIndex.get(row.source)!)),
        }),
      ),
    },
  ];
  for (let start = 0; start < rows.length; start += CHUNK_SIZE) {
    const chunk = start / CHUNK_SIZE;
    buildFiles.push({
      path: `rows/${chunk}.json`,
      text: JSON.stringify(
        parseRowChunk({
          schemaVersion: SCHEMA_VERSION,
          chunk,
          rows: rows.slice(start, start + CHUNK_SIZE),
        }),
      ),
    });
  }
  // Every shard exists, empty or not, so looking up an unknown id is a lookup, never a 404.
  const shards = new Map<string, Record<string, number>>(
    Array.from({ length: 256 }, (_, index) => [index.toString(16).padStart(2, '0'), {}]),
  );
  rows.forEach((row, index) => {
    const shard = row.id.slice(0, 2);
    shards.get(shard)![row.id] = index;
  });
  for (const [shard, entries] of [...shards].sort(([a], [b]) => (a < b ? -1 : 1))) {
    buildFiles.push({
      path: `ids/${shard}.json`,
      text: JSON.stringify(parseIdShard({ schemaVersion: SCHEMA_VERSION, rows: entries })),
    });
  }

  const searchStarted = performance.now();
  const search = buildSearchIndex(searchDocuments(articles));
  buildFiles.push(...search.files);
  const searchStats: SearchIndexStats = {
    milliseconds: performance.now() - searchStarted,
    keys: search.keys,
    files: search.files.length,
    bytes: search.files.reduce((sum, file) => sum + Buffer.byteLength(file.text), 0),
  };

  // One hash over the whole build: every file under it is immutable and cacheable forever.
  const buildHash = createHash('sha256');
  for (const file of buildFiles) buildHash.update(`${file.path}\n${file.text}\n`);
  const build = `build-${buildHash.digest('hex').slice(0, 16)}/`;

  const manifest = parseManifest({
    schemaVersion: SCHEMA_VERSION,
    generator: 'chronicle',
    articleCount: rows.length,
    build,
    chunkSize: CHUNK_SIZE,
    sources,
    search: { shards: search.shards },
  });
  return {
    manifest,
    files: buildFiles.map((file) => ({ ...file, path: `${build}${file.path}` })),
    search: searchStats,
  };
}

/**
 * layOutData: the reader's data as files (see src/manifest/schema.ts for the layout), every one
 * validated against its schema. Pure: the same articles give the same bytes and names.
 */
export function layOutData(result: IngestResult): { manifest: Manifest; files: DataFile[] } {
  const bodies = result.articles.map(layOutBody);
  const index = layOutIndex(
    bodies.map((body) => body.row),
    result.articles,
  );
  return { manifest: index.manifest, files: [...bodies.map((body) => body.file), ...index.files] };
}

/** What building the search index took and made, for `ingest --stats`. */
export interface SearchIndexStats {
  milliseconds: number;
  keys: number;
  files: number;
  bytes: number;
}

export interface WriteOptions {
  onProgress?: ProgressListener;
  onSearchIndex?: (stats: SearchIndexStats) => void;
}

/** Whether `path` holds `bytes` bytes: a content-named file of the right size is that content. */
function hasSize(path: string, bytes: number): boolean {
  return statSync(path, { throwIfNoEntry: false })?.size === bytes;
}

/**
 * removeAllBut: delete everything under `root` but the files in `keep` (`/`-separated paths), the
 * folders that hold them, and the (possibly empty) folders in `keptFolders`.
 */
function removeAllBut(root: string, keep: ReadonlySet<string>, keptFolders: string[]): void {
  const folders = new Set(keptFolders);
  for (const path of keep) {
    for (let end = path.indexOf('/'); end > 0; end = path.indexOf('/', end + 1)) {
      folders.add(path.slice(0, end));
    }
  }
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      const rel = relative(root, path).split(sep).join('/');
      if (entry.isDirectory() && folders.has(rel)) visit(path);
      else if (!keep.has(rel)) rmSync(path, { recursive: true, force: true });
    }
  };
  visit(root);
}

/**
 * writeDataFolder: make `outDir` hold exactly the reader's data, the local media and the report.
 *
 * Every file but the manifest and the report is named by its content, so the folder is updated in
 * place: a file already there with the right name and size is left alone, so a rebuild after a few
 * changes writes a few files (and a static host uploads only those). New files are written first,
 * then the report, then the manifest that leads to them, then what the new manifest no longer
 * names is removed; a reader at any moment finds a manifest whose files are all there. Everything
 * is validated before the manifest is written; on any failure, the files this run added are
 * removed again and the previous output is as it was. Each body's JSON is made, written and
 * dropped in turn, so the bodies' JSON is never all in memory at once.
 *
 * Writes are synchronous on purpose: for many small files, the promise API's round trips through
 * the thread pool cost far more than the writes themselves (10,000 files of 6 KB: 4.0 s with 16
 * `writeFile` promises in flight, 0.6 s with `writeFileSync`), and nothing else runs meanwhile.
 */
export async function writeDataFolder(
  outDir: string,
  result: IngestResult,
  options: WriteOptions = {},
): Promise<Manifest> {
  const report = `${JSON.stringify(IngestReportSchema.parse(result.report), null, 2)}\n`;
  const keep = new Set<string>([MANIFEST_FILE, REPORT_FILE]);
  const added: string[] = [];
  /** Writes a content-named file unless it is already there. */
  const put = (path: string, text: string) => {
    keep.add(path);
    const target = join(outDir, path);
    if (hasSize(target, Buffer.byteLength(text))) return;
    added.push(target);
    writeFileSync(target, text);
  };
  try {
    mkdirSync(join(outDir, 'articles'), { recursive: true });
    mkdirSync(join(outDir, 'media'), { recursive: true });
    const total = result.articles.length;
    options.onProgress?.('write', 0, total);
    const rows = result.articles.map((article, index) => {
      options.onProgress?.('write', index + 1, total);
      // An article read from the cache knows its body file: if that is already there, there is
      // nothing to lay out (the body was validated when the file was parsed).
      const known = article.body.paths.length === 1 ? article.bodyFile : undefined;
      if (known) {
        const path = bodyPath(article.summary.id, known.hash);
        if (hasSize(join(outDir, path), known.bytes)) {
          keep.add(path);
          return { ...article.summary, body: known.hash };
        }
      }
      const { file, row } = layOutBody(article);
      put(file.path, file.text);
      return row;
    });
    const { manifest, files, search } = layOutIndex(rows, result.articles);
    options.onSearchIndex?.(search);
    for (const folder of new Set(files.map((file) => join(outDir, file.path, '..')))) {
      mkdirSync(folder, { recursive: true });
    }
    for (const file of files) put(file.path, file.text);
    for (const [mediaPath, source] of result.media) {
      keep.add(mediaPath);
      const target = join(outDir, mediaPath);
      if (hasSize(target, statSync(source).size)) continue;
      added.push(target);
      copyFileSync(source, target);
    }
    writeFileSync(join(outDir, REPORT_FILE), report);
    // The entry point goes after everything it leads to, and before anything is removed.
    writeFileSync(join(outDir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    removeAllBut(outDir, keep, ['articles', 'media']);
    return manifest;
  } catch (error) {
    for (const path of added) rmSync(path, { force: true });
    throw error;
  }
}
