import { useSuspenseQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { dayKeyIn, localTimeZone } from './day-key';
import { parseListFilters, serializeListFilters, type ListFilters } from './list-filters';
import { articleQueries } from './queries';

/** useArchive: the manifest and index, primed by the route loaders. */
export function useArchive() {
  const { data: manifest } = useSuspenseQuery(articleQueries.manifest());
  const { data: index } = useSuspenseQuery(articleQueries.index(manifest));
  return { manifest, index };
}

/** useDayKey: the reader's calendar day of an instant, in the browser's time zone. */
export function useDayKey() {
  return useMemo(() => dayKeyIn(localTimeZone()), []);
}

/** useListFilters: the filter state in the URL, and a way to change it (a new history entry). */
export function useListFilters() {
  const [params, setParams] = useSearchParams();
  const parsed = useMemo(() => parseListFilters(params), [params]);
  // Synchronous, not a transition: a ticked box must show ticked at once, not after the navigation.
  const setFilters = (filters: ListFilters) =>
    setParams(serializeListFilters(filters), { flushSync: true });
  return { ...parsed, search: serializeListFilters(parsed.filters), setFilters };
}
