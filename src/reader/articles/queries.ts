import { queryOptions } from '@tanstack/react-query';
import {
  ColumnDecodeError,
  decodeDescendingDeltas,
  decodeUints,
} from '../../manifest/column-codec';
import { DocumentInvalidError } from '../../manifest/parse';
import type { Manifest } from '../../manifest/schema';
import { fetchArticleBody, fetchColumns, fetchIdShard, fetchManifest, fetchRowChunk } from './api';
import type { RowColumns } from './row-index';

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
  body: (id: string, bodyHash: string) =>
    queryOptions({
      queryKey: ['article', id, bodyHash],
      queryFn: ({ signal }) => fetchArticleBody(id, bodyHash, signal),
      staleTime: Infinity,
    }),
};
