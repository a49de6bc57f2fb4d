import { createHash } from 'node:crypto';
import {
  copyFileSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, relative, sep } from 'node:path';
import { encodeDescendingDeltas, encodeUints } from '../manifest/column-codec';
import {
  bodyGroupPath,
  BODIES_FOLDER,
  BUILD_FILES_FILE,
  COLUMNS_NAME,
  hashedPath,
  ID_SHARDS,
  idShardName,
  idShardOf,
  MANIFEST_FILE,
  MEDIA_FOLDER,
  REPORT_FILE,
  rowChunkName,
  searchFilePath,
} from '../manifest/data-paths';
import {
  parseBuildFiles,
  parseColumns,
  parseIdShard,
  parseManifest,
  parseRowChunk,
} from '../manifest/parse';
import {
  CHUNK_SIZE,
  SCHEMA_VERSION,
  type ArticleRow,
  type Manifest,
  type SourceSummary,
} from '../manifest/schema';
import { buildSearchIndex } from '../search/build-index';
import { hashOf, knownBodyRef, layOutBody, type DataFile } from './body-file';
import { groupBodies, groupFileText, type BodyGroupRange } from './body-groups';
import { extractPlainText } from './derive/plain-text';
import type { IngestResult } from './ingest';
import type { Article } from './model';
import type { ProgressListener } from './progress';
import { IngestReportSchema } from './report';

export { MANIFEST_FILE, REPORT_FILE } from '../manifest/data-paths';
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

/** searchDocuments: what the search index reads of each document, in order, one at a time. */
function* searchDocuments(documents: readonly Article[]) {
  for (const { summary, body } of documents) {
    yield { title: summary.title, text: extractPlainText(body.html) };
  }
}

/** A build file before it is named: its name in the manifest's table and its text. */
interface BuildFile {
  name: string;
  text: string;
}

/**
 * checkedText: the JSON of a document, validated by `parse` unless `known` says a file with this
 * text was already validated and written; the text is what the schema keeps of the document.
 */
function checkedText(
  name: string,
  document: unknown,
  parse: (value: unknown, file: string) => unknown,
  known: (name: string, hash: string) => boolean,
): BuildFile {
  const text = JSON.stringify(document);
  if (!known(name, hashOf(text))) {
    const parsed = JSON.stringify(parse(document, name));
    if (parsed !== text) throw new Error(`${name}: the schema does not keep every field written`);
  }
  return { name, text };
}

/**
 * layOutIndex: the build files (columns, row chunks, id shards, search index) for rows and
 * articles in document order, and the manifest that names them by their hashes. `known` tells a
 * file already validated (by name and hash), whose validation is skipped.
 */
function layOutIndex(
  rows: readonly ArticleRow[],
  documents: readonly Article[],
  known: (name: string, hash: string) => boolean,
): { manifest: Manifest; files: DataFile[]; search: SearchIndexStats } {
  const sources = countSources(documents);
  const sourceIndex = new Map(sources.map((source, index) => [source.name, index]));
  // The columns are in list order (newest first): the reader filters and groups in that order.
  const listed = [...rows].reverse();
  const dated = listed.filter((row) => row.date !== null);
  const buildFiles: BuildFile[] = [
    checkedText(
      COLUMNS_NAME,
      {
        schemaVersion: SCHEMA_VERSION,
        count: listed.length,
        datedCount: dated.length,
        minutes: encodeDescendingDeltas(
          dated.map((row) => Math.floor(Date.parse(row.date!) / 60_000)),
        ),
        sources: encodeUints(listed.map((row) => sourceIndex.get(row.source)!)),
      },
      parseColumns,
      known,
    ),
  ];
  for (let start = 0; start < rows.length; start += CHUNK_SIZE) {
    const chunk = start / CHUNK_SIZE;
    buildFiles.push(
      checkedText(
        rowChunkName(chunk),
        { schemaVersion: SCHEMA_VERSION, chunk, rows: rows.slice(start, start + CHUNK_SIZE) },
        parseRowChunk,
        known,
      ),
    );
  }
  const shards = new Map<string, Record<string, number>>(ID_SHARDS.map((shard) => [shard, {}]));
  rows.forEach((row, document) => {
    shards.get(idShardOf(row.id))![row.id] = document;
  });
  for (const [shard, documentsOfIds] of shards) {
    buildFiles.push(
      checkedText(
        idShardName(shard),
        { schemaVersion: SCHEMA_VERSION, documents: documentsOfIds },
        parseIdShard,
        known,
      ),
    );
  }

  const searchStarted = performance.now();
  const search = buildSearchIndex(searchDocuments(documents));
  const searchHash = createHash('sha256');
  for (const file of search.files) searchHash.update(`${file.path}\n${file.text}\n`);
  const searchIndex = { shards: search.shards, hash: searchHash.digest('hex').slice(0, 16) };
  const searchStats: SearchIndexStats = {
    milliseconds: performance.now() - searchStarted,
    keys: search.keys,
    files: search.files.length,
    bytes: search.files.reduce((sum, file) => sum + Buffer.byteLength(file.text), 0),
  };

  const files: DataFile[] = [];
  const table: Record<string, string> = {};
  for (const file of buildFiles) {
    const hash = hashOf(file.text);
    table[file.name] = hash;
    files.push({ path: hashedPath(file.name, hash), text: file.text });
  }
  for (const file of search.files) {
    files.push({ path: searchFilePath({ search: searchIndex }, file.path), text: file.text });
  }
  const named = { articleCount: rows.length, sources, search: searchIndex, files: table };
  const manifest = parseManifest({
    schemaVersion: SCHEMA_VERSION,
    generator: 'chronicle',
    articleCount: rows.length,
    // Everything the manifest names, hashed: two builds are the same build exactly when equal.
    build: hashOf(JSON.stringify(named)),
    chunkSize: CHUNK_SIZE,
    sources,
    search: named.search,
    files: table,
  });
  return { manifest, files, search: searchStats };
}

/** documentsOf: the articles (in list order) in document order (see numbering.ts). */
const documentsOf = (articles: readonly Article[]) => [...articles].reverse();

/** bodyGroupsOf: the body groups of documents, from their bodies' hashes and sizes. */
const bodyGroupsOf = (documents: readonly Article[]) =>
  groupBodies(documents.map((article) => ({ id: article.summary.id, ...knownBodyRef(article) })));

/** rowsOf: each document's row, naming its body group. */
function rowsOf(documents: readonly Article[], groups: readonly BodyGroupRange[]): ArticleRow[] {
  const rows: ArticleRow[] = [];
  for (const group of groups) {
    for (let document = group.start; document < group.end; document += 1) {
      rows.push({ ...documents[document]!.summary, body: group.hash });
    }
  }
  return rows;
}

/**
 * layOutGroup: a body group's file, every body validated; its hash must be the one the grouping
 * named it by (a stale body hash from the cache would otherwise name the wrong content).
 */
function layOutGroup(documents: readonly Article[], group: BodyGroupRange): DataFile {
  const bodies = documents.slice(group.start, group.end).map(layOutBody);
  const text = groupFileText(bodies.map((body) => body.text));
  if (
    hashOf(bodies.map((body) => body.hash).join(',')) !== group.hash ||
    Buffer.byteLength(text) !== group.bytes
  ) {
    throw new Error(`body group of ${documents[group.start]!.body.paths[0]}: stale body hash`);
  }
  return { path: bodyGroupPath(group.hash), text };
}

/**
 * layOutData: the reader's data as files (see src/manifest/data-paths.ts for the layout), every
 * one validated against its schema. Pure: the same articles give the same bytes and names.
 */
export function layOutData(result: IngestResult): { manifest: Manifest; files: DataFile[] } {
  const documents = documentsOf(result.articles);
  const groups = bodyGroupsOf(documents);
  const index = layOutIndex(rowsOf(documents, groups), documents, () => false);
  return {
    manifest: index.manifest,
    files: [...groups.map((group) => layOutGroup(documents, group)), ...index.files],
  };
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

/** readPrevious: a file of the previous build, parsed, or undefined if absent or unreadable. */
function readPrevious<T>(path: string, parse: (value: unknown) => T): T | undefined {
  try {
    return parse(JSON.parse(readFileSync(path, 'utf8')));
  } catch {
    return undefined;
  }
}

/**
 * writeDataFolder: make `outDir` hold the reader's data, the local media and the report, and the
 * previous build's files for readers who loaded its manifest before this deploy.
 *
 * Every file but the manifest, the report and the build-files list is named by its content, so the
 * folder is updated in place: a file already there with the right name and size is left alone, and
 * a build file the previous build validated and wrote with the same hash is not validated again.
 * A rebuild after a few changes writes a few files (and a static host uploads only those).
 *
 * New files are written first, then the build-files list, the report, then the manifest that leads
 * to them; then what neither this build nor the previous one names (its build-files list) is
 * removed. A reader at any moment finds a manifest whose files are all there, and a reader still
 * on the previous manifest finds its files until the build after this one. Everything is
 * validated before the manifest is written; on any failure, the files this run added are removed
 * again and the previous output is as it was. Bodies are laid out one group at a time and only for
 * groups not already on disk, so the bodies' JSON is never all in memory at once.
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
  const buildFilesPath = join(outDir, BUILD_FILES_FILE);
  const previousList = existsText(buildFilesPath);
  const previousFiles = readPrevious(buildFilesPath, parseBuildFiles)?.files ?? [];
  const previousTable = readPrevious(join(outDir, MANIFEST_FILE), parseManifest)?.files ?? {};
  const current = new Set<string>();
  const added: string[] = [];
  /** Writes a content-named file unless it is already there. */
  const put = (path: string, text: string) => {
    current.add(path);
    const target = join(outDir, path);
    if (hasSize(target, Buffer.byteLength(text))) return;
    added.push(target);
    writeFileSync(target, text);
  };
  try {
    mkdirSync(join(outDir, BODIES_FOLDER), { recursive: true });
    mkdirSync(join(outDir, MEDIA_FOLDER), { recursive: true });
    const documents = documentsOf(result.articles);
    const total = documents.length;
    options.onProgress?.('write', 0, total);
    const groups = bodyGroupsOf(documents);
    for (const group of groups) {
      options.onProgress?.('write', group.end, total);
      const path = bodyGroupPath(group.hash);
      if (hasSize(join(outDir, path), group.bytes)) current.add(path);
      else put(path, layOutGroup(documents, group).text);
    }
    const { manifest, files, search } = layOutIndex(
      rowsOf(documents, groups),
      documents,
      (name, hash) =>
        previousTable[name] === hash &&
        existsText(join(outDir, hashedPath(name, hash))) !== undefined,
    );
    options.onSearchIndex?.(search);
    for (const folder of new Set(files.map((file) => join(outDir, file.path, '..')))) {
      mkdirSync(folder, { recursive: true });
    }
    for (const file of files) put(file.path, file.text);
    for (const [mediaPath, source] of result.media) {
      current.add(mediaPath);
      const target = join(outDir, mediaPath);
      if (hasSize(target, statSync(source).size)) continue;
      added.push(target);
      copyFileSync(source, target);
    }
    const listed = [...current].sort();
    writeFileSync(
      buildFilesPath,
      `${JSON.stringify(parseBuildFiles({ schemaVersion: SCHEMA_VERSION, files: listed }))}\n`,
    );
    writeFileSync(join(outDir, REPORT_FILE), report);
    // The entry point goes after everything it leads to, and before anything is removed.
    writeFileSync(join(outDir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    const keep = new Set([
      ...listed,
      ...previousFiles,
      MANIFEST_FILE,
      REPORT_FILE,
      BUILD_FILES_FILE,
    ]);
    removeAllBut(outDir, keep, [BODIES_FOLDER, MEDIA_FOLDER]);
    return manifest;
  } catch (error) {
    for (const path of added) rmSync(path, { force: true });
    if (previousList === undefined) rmSync(buildFilesPath, { force: true });
    else writeFileSync(buildFilesPath, previousList);
    throw error;
  }
}

/** existsText: a file's text, or undefined if there is none. */
function existsText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
