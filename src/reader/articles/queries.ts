import { queryOptions, type QueryClient } from '@tanstack/react-query';
import {
  ColumnDecodeError,
  decodeDescendingDeltas,
  decodeUints,
} from '../../manifest/column-codec';
import { buildFilePath, COLUMNS_NAME, idShardOf } from '../../manifest/data-paths';
import { chunkOf, documentOfRow, rowOfDocument } from '../../manifest/numbering';
import { DocumentInvalidError } from '../../manifest/parse';
import type { ArticleBody, ArticleRow, Manifest, RowChunk } from '../../manifest/schema';
import {
  bodyOf,
  DataNotFoundError,
  fetchBodyGroup,
  fetchColumns,
  fetchIdShard,
  fetchManifest,
  fetchRowChunk,
  fetchSearchFile,
} from './api';
import type { RowColumns } from './row-index';
import type * as SearchRuntime from './search-runtime';
import type { ParsedQuery } from './search-runtime';

/** A search's rows, best first (see src/search/engine.ts), and the query as it was read. */
export interface SearchResults {
  rows: Uint32Array;
  titleMatches: number;
  query: ParsedQuery;
}

/** The search index named a row the archive does not have: the index and the data disagree. */
export class SearchIndexMismatchError extends Error {
  override readonly name = 'SearchIndexMismatchError';
}

async function runSearch(
  queryClient: QueryClient,
  manifest: Manifest,
  text: string,
): Promise<SearchResults> {
  const runtime = await queryClient.fetchQuery(articleQueries.searchRuntime());
  const query = runtime.parseQuery(text);
  const source = runtime.indexSource(manifest.search.shards, (path) =>
    queryClient.fetchQuery(articleQueries.searchFile(manifest, path)),
  );
  const count = manifest.articleCount;
  const found = await runtime.search(query, source, count);
  if (found.rows.some((document) => document >= count)) {
    throw new SearchIndexMismatchError(`the search index names documents beyond ${count}`);
  }
  // The index speaks in document numbers; the views in list positions.
  const rows = found.rows.map((document) => rowOfDocument(count, document));
  return { rows, titleMatches: found.titleMatches, query };
}

/** decodeColumn: a column's values, or a located error naming the file and the column. */
function decodeColumn<T>(file: string, column: string, decode: () => T): T {
  try {
    return decode();
  } catch (error) {
    if (!(error instanceof ColumnDecodeError)) throw error;
    throw new DocumentInvalidError(file, [{ path: column, message: error.message }]);
  }
}

/** fetchRowColumns: the columns decoded into typed arrays, checked against the manifest. */
async function fetchRowColumns(manifest: Manifest, signal: AbortSignal): Promise<RowColumns> {
  const columns = await fetchColumns(manifest, signal);
  const file = buildFilePath(manifest, COLUMNS_NAME);
  if (columns.count !== manifest.articleCount) {
    throw new DocumentInvalidError(file, [
      { path: 'count', message: `expected ${manifest.articleCount}, found ${columns.count}` },
    ]);
  }
  const minutes = new Float64Array(columns.count).fill(NaN);
  minutes.set(
    decodeColumn(file, 'minutes', () =>
      decodeDescendingDeltas(columns.minutes, columns.datedCount),
    ),
  );
  const sources = decodeColumn(file, 'sources', () => decodeUints(columns.sources, columns.count));
  if (sources.some((source) => source >= manifest.sources.length)) {
    throw new DocumentInvalidError(file, [
      { path: 'sources', message: 'names a source the manifest lacks' },
    ]);
  }
  return {
    count: columns.count,
    datedCount: columns.datedCount,
    minutes,
    sources: Uint16Array.from(sources),
  };
}

const manifestKey = ['manifest'] as const;

let pendingRefresh: Promise<void> | null = null;

/**
 * moveOnFrom: called when a file of build `build` is missing, i.e. a deploy removed it. Unless the
 * reader has already moved on, fetches the manifest again and, when it names a new build, makes
 * it the reader's: its columns and the rows of any open article are loaded first, so the views
 * switch over in one render without suspending, and keep their filters (in the URL), the open
 * article (by id) and the scroll position.
 */
export function moveOnFrom(queryClient: QueryClient, build: string): Promise<void> {
  if (queryClient.getQueryData<Manifest>(manifestKey)?.build !== build) return Promise.resolve();
  pendingRefresh ??= (async () => {
    const next = await fetchManifest();
    if (next.build === build) return;
    await queryClient.ensureQueryData(articleQueries.columns(next));
    const openIds = queryClient
      .getQueryCache()
      .findAll({ queryKey: ['row-of-id', build] })
      .filter((query) => query.getObserversCount() > 0)
      .map((query) => query.queryKey[2] as string);
    await Promise.all(openIds.map((id) => articleRowOfId(queryClient, next, id)));
    queryClient.setQueryData(manifestKey, next);
  })().finally(() => {
    pendingRefresh = null;
  });
  return pendingRefresh;
}

/**
 * inBuild: a build file's fetch, moving the reader on to the new build when a deploy removed the
 * file; the failure still stands for this (old) build's query, which no view reads any more.
 */
async function inBuild<T>(queryClient: QueryClient, manifest: Manifest, load: () => Promise<T>) {
  try {
    return await load();
  } catch (error) {
    if (error instanceof DataNotFoundError) await moveOnFrom(queryClient, manifest.build);
    throw error;
  }
}

/**
 * findCachedRow: the list position of an article whose chunk is already loaded — always the case
 * when it was opened from the list or the timeline — so opening it needs no id lookup.
 */
function findCachedRow(
  queryClient: QueryClient,
  manifest: Manifest,
  id: string,
): number | undefined {
  for (const [, chunk] of queryClient.getQueriesData<RowChunk>(
    articleQueries.rowChunks(manifest),
  )) {
    const offset = chunk?.rows.findIndex((row) => row.id === id) ?? -1;
    if (offset !== -1) {
      return rowOfDocument(manifest.articleCount, chunk!.chunk * manifest.chunkSize + offset);
    }
  }
  return undefined;
}

/** findRow: an article's list position, from a loaded chunk or its id shard; null if none. */
async function findRow(queryClient: QueryClient, manifest: Manifest, id: string) {
  const cached = findCachedRow(queryClient, manifest, id);
  if (cached !== undefined) return cached;
  const shard = await queryClient.ensureQueryData(articleQueries.idShard(manifest, idShardOf(id)));
  const document = Object.hasOwn(shard.documents, id) ? shard.documents[id]! : undefined;
  return document === undefined || document >= manifest.articleCount
    ? null
    : rowOfDocument(manifest.articleCount, document);
}

/** articleRowOfId: an article's list position and row, loaded; undefined if the build lacks it. */
export async function articleRowOfId(
  queryClient: QueryClient,
  manifest: Manifest,
  id: string,
): Promise<{ row: number; article: ArticleRow } | undefined> {
  const row = await queryClient.ensureQueryData(articleQueries.rowOfId(manifest, id));
  if (row === null) return undefined;
  const { chunk, offset } = chunkOf(manifest.chunkSize, documentOfRow(manifest.articleCount, row));
  const article = (await queryClient.ensureQueryData(articleQueries.rowChunk(manifest, chunk)))
    .rows[offset];
  return article?.id === id ? { row, article } : undefined;
}

/**
 * fetchBody: an article's body from the group its row names. When a deploy removed that group,
 * the body is taken from the build the reader moves on to, where the article may sit elsewhere.
 */
async function fetchBody(
  queryClient: QueryClient,
  id: string,
  groupHash: string,
): Promise<ArticleBody> {
  try {
    return bodyOf(await queryClient.fetchQuery(articleQueries.bodyGroup(groupHash)), id, groupHash);
  } catch (error) {
    const manifest = queryClient.getQueryData<Manifest>(manifestKey);
    if (!(error instanceof DataNotFoundError) || manifest === undefined) throw error;
    let found = await articleRowOfId(queryClient, manifest, id);
    if (found?.article.body === groupHash) {
      await moveOnFrom(queryClient, manifest.build);
      const next = queryClient.getQueryData<Manifest>(manifestKey)!;
      found = next === manifest ? undefined : await articleRowOfId(queryClient, next, id);
    }
    if (found === undefined || found.article.body === groupHash) throw error;
    const group = await queryClient.fetchQuery(articleQueries.bodyGroup(found.article.body));
    return bodyOf(group, id, found.article.body);
  }
}

/**
 * One queryOptions factory per resource: route loaders prime the cache with these and components
 * read the same entries. Files named by their content never change, so nothing goes stale; the
 * manifest changes with a deploy, which the reader notices when a file it asks for is gone.
 */
export const articleQueries = {
  manifest: () =>
    queryOptions({
      queryKey: manifestKey,
      queryFn: ({ signal }) => fetchManifest(signal),
      staleTime: Infinity,
    }),
  columns: (manifest: Manifest) =>
    queryOptions({
      queryKey: ['columns', manifest.build],
      queryFn: ({ signal, client }) =>
        inBuild(client, manifest, () => fetchRowColumns(manifest, signal)),
      staleTime: Infinity,
    }),
  /** The key prefix of every row chunk of a build (by document number), for the loaded ones. */
  rowChunks: (manifest: Manifest) => ({ queryKey: ['rows', manifest.build] }),
  rowChunk: (manifest: Manifest, chunk: number) =>
    queryOptions({
      queryKey: [...articleQueries.rowChunks(manifest).queryKey, chunk],
      queryFn: ({ signal, client }) =>
        inBuild(client, manifest, () => fetchRowChunk(manifest, chunk, signal)),
      staleTime: Infinity,
    }),
  idShard: (manifest: Manifest, shard: string) =>
    queryOptions({
      queryKey: ['ids', manifest.build, shard],
      queryFn: ({ signal, client }) =>
        inBuild(client, manifest, () => fetchIdShard(manifest, shard, signal)),
      staleTime: Infinity,
    }),
  /** An article's list position in a build, or null when the build does not have it. */
  rowOfId: (manifest: Manifest, id: string) =>
    queryOptions({
      queryKey: ['row-of-id', manifest.build, id],
      queryFn: ({ client }) => findRow(client, manifest, id),
      staleTime: Infinity,
      // Often answered from a loaded chunk, offline too; an id shard it needs waits for the network.
      networkMode: 'always',
    }),
  /** The search code, loaded on first use (see search-runtime.ts). */
  searchRuntime: () =>
    queryOptions({
      queryKey: ['search-runtime'],
      queryFn: (): Promise<typeof SearchRuntime> => import('./search-runtime'),
      staleTime: Infinity,
      structuralSharing: false,
    }),
  /** One file of the search index, as JSON: the engine validates it against its schema. */
  searchFile: (manifest: Manifest, path: string) =>
    queryOptions({
      queryKey: ['search-file', manifest.build, path],
      queryFn: ({ signal, client }) =>
        inBuild(client, manifest, () => fetchSearchFile(manifest, path, signal)),
      staleTime: Infinity,
    }),
  /** The ranked rows of a query; the index files it reads are cached for later queries. */
  searchResults: (queryClient: QueryClient, manifest: Manifest, text: string) =>
    queryOptions({
      queryKey: ['search', manifest.build, text],
      queryFn: () => inBuild(queryClient, manifest, () => runSearch(queryClient, manifest, text)),
      staleTime: Infinity,
      structuralSharing: false,
    }),
  /** A body group file: the bodies of consecutive documents, fetched once for all of them. */
  bodyGroup: (groupHash: string) =>
    queryOptions({
      queryKey: ['body-group', groupHash],
      queryFn: ({ signal }) => fetchBodyGroup(groupHash, signal),
      staleTime: Infinity,
    }),
  /** An article's body, from the group its row names (ArticleRow.body). */
  body: (id: string, groupHash: string) =>
    queryOptions({
      queryKey: ['article', id, groupHash],
      queryFn: ({ client }) => fetchBody(client, id, groupHash),
      staleTime: Infinity,
    }),
};
