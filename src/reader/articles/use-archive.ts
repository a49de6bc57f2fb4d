import { useQuery, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { ArticleRow, Manifest } from '../../manifest/schema';
import { dayKeyIn, localTimeZone } from './day-key';
import { parseListFilters, serializeListFilters, type ListFilters } from './list-filters';
import { articleQueries } from './queries';
import { filterRows, toRowFilter } from './row-index';

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

/** useListFilters: the filter state in the URL, and a way to change it (a new history entry). */
export function useListFilters() {
  const [params, setParams] = useSearchParams();
  const parsed = useMemo(() => parseListFilters(params), [params]);
  // Synchronous, not a transition: a ticked box must show ticked at once, not after the navigation.
  const setFilters = useCallback(
    (filters: ListFilters) => setParams(serializeListFilters(filters), { flushSync: true }),
    [setParams],
  );
  return { ...parsed, search: serializeListFilters(parsed.filters), setFilters };
}

/** useFilteredRows: the rows the URL's filters select, in list order. */
export function useFilteredRows(filters: ListFilters) {
  const { columns, sourceNames } = useArchive();
  return useMemo(
    () => filterRows(columns, toRowFilter(filters, sourceNames, timeZone)),
    [columns, filters, sourceNames],
  );
}

/** useArticleRow: one row's display fields, or undefined while its chunk loads. */
export function useArticleRow(manifest: Manifest, row: number | null): ArticleRow | undefined {
  const chunk = row === null ? -1 : Math.floor(row / manifest.chunkSize);
  const { data } = useQuery({ ...articleQueries.rowChunk(manifest, chunk), enabled: row !== null });
  return row === null ? undefined : data?.rows[row % manifest.chunkSize];
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
