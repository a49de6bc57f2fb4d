import { queryOptions, type QueryClient } from '@tanstack/react-query';
import {
  ColumnDecodeError,
  decodeDescendingDeltas,
  decodeUints,
} from '../../manifest/column-codec';
import { DocumentInvalidError } from '../../manifest/parse';
import type { Manifest } from '../../manifest/schema';
import {
  fetchArticleBody,
  fetchBuildFile,
  fetchColumns,
  fetchIdShard,
  fetchManifest,
  fetchRowChunk,
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
  const { rows, titleMatches } = await runtime.search(query, source, manifest.articleCount);
  if (rows.some((row) => row >= manifest.articleCount)) {
    throw new SearchIndexMismatchError(
      `the search index names rows beyond ${manifest.articleCount}`,
    );
  }
  return { rows, titleMatches, query };
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
  const file = `${manifest.build}columns.json`;
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

/**
 * One queryOptions factory per resource: route loaders prime the cache with these and components
 * read the same entries. Files under a build never change, so nothing goes stale.
 */
export const articleQueries = {
  manifest: () =>
    queryOptions({
      queryKey: ['manifest'],
      queryFn: ({ signal }) => fetchManifest(signal),
      staleTime: Infinity,
    }),
  columns: (manifest: Manifest) =>
    queryOptions({
      queryKey: ['columns', manifest.build],
      queryFn: ({ signal }) => fetchRowColumns(manifest, signal),
      staleTime: Infinity,
    }),
  /** The key prefix of every row chunk of a build, for looking through the loaded ones. */
  rowChunks: (manifest: Manifest) => ({ queryKey: ['rows', manifest.build] }),
  rowChunk: (manifest: Manifest, chunk: number) =>
    queryOptions({
      queryKey: [...articleQueries.rowChunks(manifest).queryKey, chunk],
      queryFn: ({ signal }) => fetchRowChunk(manifest, chunk, signal),
      staleTime: Infinity,
    }),
  idShard: (manifest: Manifest, shard: string) =>
    queryOptions({
      queryKey: ['ids', manifest.build, shard],
      queryFn: ({ signal }) => fetchIdShard(manifest, shard, signal),
      staleTime: Infinity,
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
      queryFn: ({ signal }) => fetchBuildFile(manifest, path, signal),
      staleTime: Infinity,
    }),
  /** The ranked rows of a query; the index files it reads are cached for later queries. */
  searchResults: (queryClient: QueryClient, manifest: Manifest, text: string) =>
    queryOptions({
      queryKey: ['search', manifest.build, text],
      queryFn: () => runSearch(queryClient, manifest, text),
      staleTime: Infinity,
      structuralSharing: false,
    }),
  body: (id: string, bodyHash: string) =>
    queryOptions({
      queryKey: ['article', id, bodyHash],
      queryFn: ({ signal }) => fetchArticleBody(id, bodyHash, signal),
      staleTime: Infinity,
    }),
};
