import { isDayKey, type DayKey } from './day-key';

/** The list and timeline view state that lives in the URL. */
export interface ListFilters {
  /** Source names as shown; empty means every source. Sorted, no duplicates. */
  sources: string[];
  from: DayKey | null;
  to: DayKey | null;
}

export const NO_FILTERS: ListFilters = { sources: [], from: null, to: null };

export interface ParsedListFilters {
  filters: ListFilters;
  /** Parameters that were present but unusable, e.g. `from=2021-13-40`, to tell the reader. */
  ignored: { name: string; value: string }[];
}

/**
 * parseListFilters: `?source=…&source=…&from=YYYY-MM-DD&to=YYYY-MM-DD`. Invalid days are ignored
 * (and listed); a range given backwards is swapped, since that is what anyone typing it meant.
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
  return { filters: { sources, from, to }, ignored };
}

/** serializeListFilters: the canonical query string (without `?`) for a filter state. */
export function serializeListFilters(filters: ListFilters): string {
  const params = new URLSearchParams();
  for (const source of [...filters.sources].sort()) params.append('source', source);
  if (filters.from) params.set('from', filters.from);
  if (filters.to) params.set('to', filters.to);
  return params.toString();
}

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
