import {
  keepPreviousData,
  useQuery,
  useQueryClient,
  useSuspenseQuery,
} from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { chunkOf, documentOfRow } from '../../manifest/numbering';
import type { ArticleRow, Manifest } from '../../manifest/schema';
import { dayKeyIn, localTimeZone } from './day-key';
import {
  normalizeQuery,
  parseListFilters,
  serializeListFilters,
  type ListFilters,
} from './list-filters';
import { articleQueries } from './queries';
import { filterRowsByState, STARRED_FLAG } from './reading-state';
import { filterRankedRows, filterRows, oldestFirst, toRowFilter } from './row-index';
import { resolveSourceNames } from './source-picker';
import { useRowFlags } from './use-reading-state';

/** useArchive: the manifest and the decoded columns, primed by the route loaders. */
export function useArchive() {
  const { data: manifest } = useSuspenseQuery(articleQueries.manifest());
  const { data: columns } = useSuspenseQuery(articleQueries.columns(manifest));
  const sourceNames = useMemo(() => manifest.sources.map((source) => source.name), [manifest]);
  return { manifest, columns, sourceNames };
}

/** The reader's time zone, fixed for the page's life: views group and filter by its days. */
const timeZone = localTimeZone();
const dayKeyOfIso = dayKeyIn(timeZone);
const dayKeyOf = (epochMs: number) => dayKeyOfIso(new Date(epochMs).toISOString());

/** useTimeZone: the zone whose calendar days the views use, and the day of an instant in it. */
export function useTimeZone() {
  return { timeZone, dayKeyOf };
}

/**
 * useListFilters: the filter state in the URL, and a way to change it (a new history entry).
 * Source names are the archive's: one differing only in case is taken as that source, and one
 * the archive does not have is left out and listed in `unknownSources`, to tell the reader.
 */
export function useListFilters() {
  const [params, setParams] = useSearchParams();
  const { sourceNames } = useArchive();
  const parsed = useMemo(() => {
    const { filters, ignored } = parseListFilters(params);
    const { sources, unknown } = resolveSourceNames(filters.sources, sourceNames);
    const unknownNames = new Set(unknown.map(({ value }) => value));
    return {
      filters: { ...filters, sources: sources.filter((name) => !unknownNames.has(name)) },
      ignored,
      unknownSources: unknown,
    };
  }, [params, sourceNames]);
  // Synchronous, not a transition: a ticked box must show ticked at once, not after the navigation.
  const setFilters = useCallback(
    (filters: ListFilters) => setParams(serializeListFilters(filters), { flushSync: true }),
    [setParams],
  );
  /**
   * setQuery: search for `query` with the filters kept. The first query from the plain list is a
   * new history entry; refining it while typing replaces that entry, so back leaves the search.
   */
  const { filters } = parsed;
  const setQuery = useCallback(
    (query: string, { commit }: { commit: boolean }) => {
      const next = { ...filters, query: normalizeQuery(query) };
      if (next.query === filters.query) return;
      setParams(serializeListFilters(next), {
        replace: !commit && filters.query !== '' && next.query !== '',
      });
    },
    [filters, setParams],
  );
  return { ...parsed, search: serializeListFilters(filters), setFilters, setQuery };
}

/** useSearchRuntime: the search code (see search-runtime.ts), loaded when `enabled`. */
export function useSearchRuntime(enabled: boolean) {
  return useQuery({ ...articleQueries.searchRuntime(), enabled }).data;
}

/**
 * useSearchResults: the ranked rows of the query, fetched on first use; while a new query runs,
 * the previous results stay (marked as placeholder) so the list does not flash empty.
 */
export function useSearchResults(query: string) {
  const { manifest } = useArchive();
  const queryClient = useQueryClient();
  return useQuery({
    ...articleQueries.searchResults(queryClient, manifest, query),
    enabled: query !== '',
    placeholderData: keepPreviousData,
  });
}

const NO_ROWS = new Uint32Array(0);

/**
 * useListRows: the rows the URL selects: without a query, every row the filters keep, in list
 * order; with one, the search results the filters keep, best first. `search` is null without a
 * query, else the search's state. With a `state` filter, `keepRow` stays in the rows whatever its
 * state: the article being read is marked read, and must keep its place among the unread.
 */
export function useListRows(filters: ListFilters, keepRow?: number) {
  const { manifest, columns, sourceNames } = useArchive();
  const flags = useRowFlags(manifest, filters.state !== undefined);
  const results = useSearchResults(filters.query);
  const rowFilter = useMemo(
    () => toRowFilter(filters, sourceNames, timeZone),
    [filters, sourceNames],
  );
  const { data } = results;
  const unfiltered = useMemo(() => {
    if (filters.query !== '')
      return data ? filterRankedRows(columns, rowFilter, data.rows) : NO_ROWS;
    const listed = filterRows(columns, rowFilter);
    return filters.sort === 'oldest' ? oldestFirst(columns, listed) : listed;
  }, [columns, rowFilter, filters.query, filters.sort, data]);
  const rows = useMemo(() => {
    if (filters.state === undefined) return unfiltered;
    if (!flags) return NO_ROWS;
    if (keepRow === undefined) return filterRowsByState(unfiltered, flags, filters.state);
    const kept = flags.slice();
    kept[keepRow] = filters.state === 'starred' ? STARRED_FLAG : 0;
    return filterRowsByState(unfiltered, kept, filters.state);
  }, [unfiltered, flags, filters.state, keepRow]);
  const search =
    filters.query === ''
      ? null
      : {
          /** The results shown are of an earlier query, or none yet. */
          pending: results.isPlaceholderData || results.isPending,
          error: results.isPlaceholderData ? null : results.error,
          retry: results.refetch,
          results: data ?? null,
        };
  return { rows, search };
}

/**
 * useArticleRowState: one row's display fields (undefined while its chunk loads), and the error
 * that stopped its chunk from loading, with a way to try again.
 */
export function useArticleRowState(manifest: Manifest, row: number | null) {
  const { chunk, offset } =
    row === null
      ? { chunk: -1, offset: 0 }
      : chunkOf(manifest.chunkSize, documentOfRow(manifest.articleCount, row));
  const { data, error, refetch } = useQuery({
    ...articleQueries.rowChunk(manifest, chunk),
    enabled: row !== null,
  });
  const retry = useCallback(() => void refetch(), [refetch]);
  return {
    article: row === null ? undefined : data?.rows[offset],
    error: row === null || data ? null : error,
    retry,
  };
}

/** useArticleRow: one row's display fields, or undefined while its chunk loads. */
export function useArticleRow(manifest: Manifest, row: number | null): ArticleRow | undefined {
  return useArticleRowState(manifest, row).article;
}

/** useLoadedArticleRow: a row's display fields if its chunk is loaded, read outside rendering. */
export function useLoadedArticleRow(manifest: Manifest) {
  const queryClient = useQueryClient();
  return useCallback(
    (row: number): ArticleRow | undefined => {
      const { chunk, offset } = chunkOf(
        manifest.chunkSize,
        documentOfRow(manifest.articleCount, row),
      );
      return queryClient.getQueryData(articleQueries.rowChunk(manifest, chunk).queryKey)?.rows[
        offset
      ];
    },
    [queryClient, manifest],
  );
}

/** usePrefetchBody: starts loading an article's body, e.g. when the pointer rests on its link. */
export function usePrefetchBody() {
  const queryClient = useQueryClient();
  return useCallback(
    (article: ArticleRow) =>
      void queryClient.prefetchQuery(articleQueries.body(article.id, article.body)),
    [queryClient],
  );
}
