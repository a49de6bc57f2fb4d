import { isDayKey, type DayKey } from './day-key';
import type { ReadingStateFilter } from './reading-state';

/** The list and timeline view state that lives in the URL. */
export interface ListFilters {
  /** What the reader searched for (`q`), whitespace collapsed; empty for no search. */
  query: string;
  /** Source names as shown; empty means every source. Sorted, no duplicates. */
  sources: string[];
  from: DayKey | null;
  to: DayKey | null;
  /** Only the unread or only the starred articles (`state`); absent for all. */
  state?: ReadingStateFilter;
  /** `oldest` lists the dated articles oldest first; absent, newest first (the default). */
  sort?: 'oldest';
}

export const NO_FILTERS: ListFilters = { query: '', sources: [], from: null, to: null };

/** Characters of a query kept from the URL; a longer one is cut, not refused. */
export const MAX_QUERY_LENGTH = 200;

/** normalizeQuery: a query as the URL keeps it: single spaces, trimmed, at most MAX_QUERY_LENGTH. */
export function normalizeQuery(query: string): string {
  return Array.from(query.replace(/\s+/gu, ' ').trim()).slice(0, MAX_QUERY_LENGTH).join('').trim();
}

export interface ParsedListFilters {
  filters: ListFilters;
  /** Parameters that were present but unusable, e.g. `from=2021-13-40`, to tell the reader. */
  ignored: { name: string; value: string }[];
}

/**
 * parseListFilters: `?q=…&source=…&source=…&from=YYYY-MM-DD&to=YYYY-MM-DD&sort=oldest&state=unread|starred`.
 * Invalid days, orders and states are ignored (and listed); a range given backwards is swapped,
 * since that is what anyone typing it meant.
 */
export function parseListFilters(params: URLSearchParams): ParsedListFilters {
  const ignored: ParsedListFilters['ignored'] = [];
  const sources = [
    ...new Set(
      params
        .getAll('source')
        .map((name) => name.trim())
        .filter(Boolean),
    ),
  ].sort();
  const day = (name: 'from' | 'to'): DayKey | null => {
    const value = params.get(name);
    if (value === null || value === '') return null;
    if (isDayKey(value)) return value;
    ignored.push({ name, value });
    return null;
  };
  let from = day('from');
  let to = day('to');
  if (from !== null && to !== null && from > to) [from, to] = [to, from];
  const sort = params.get('sort');
  if (sort !== null && sort !== '' && sort !== 'oldest' && sort !== 'newest') {
    ignored.push({ name: 'sort', value: sort });
  }
  const stateValue = params.get('state');
  const state = stateValue === 'unread' || stateValue === 'starred' ? stateValue : undefined;
  if (state === undefined && stateValue) ignored.push({ name: 'state', value: stateValue });
  return {
    filters: {
      query: normalizeQuery(params.get('q') ?? ''),
      sources,
      from,
      to,
      ...(sort === 'oldest' && { sort }),
      ...(state && { state }),
    },
    ignored,
  };
}

/** serializeListFilters: the canonical query string (without `?`) for a filter state. */
export function serializeListFilters(filters: ListFilters): string {
  const params = new URLSearchParams();
  if (filters.query) params.set('q', filters.query);
  for (const source of [...filters.sources].sort()) params.append('source', source);
  if (filters.from) params.set('from', filters.from);
  if (filters.to) params.set('to', filters.to);
  if (filters.sort) params.set('sort', filters.sort);
  if (filters.state) params.set('state', filters.state);
  return params.toString();
}

/** hasActiveFilters: whether sources or dates narrow the view (the query is not a filter here). */
export function hasActiveFilters(filters: ListFilters): boolean {
  return filters.sources.length > 0 || filters.from !== null || filters.to !== null;
}

/** toggleSource: the filters with `source` added or removed. */
export function toggleSource(filters: ListFilters, source: string): ListFilters {
  const sources = filters.sources.includes(source)
    ? filters.sources.filter((name) => name !== source)
    : [...filters.sources, source].sort();
  return { ...filters, sources };
}

/** clearFilters: no sources and no dates, the query, the order and the read state kept. */
export function clearFilters(filters: ListFilters): ListFilters {
  return { ...filters, sources: [], from: null, to: null };
}
