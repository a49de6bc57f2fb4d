import type { ListFilters } from './list-filters';

/** What a chip stands for; the interface names each kind (`Remove source …`). */
export type FilterChipKind = 'query' | 'source' | 'dates' | 'state';

/** One active filter shown as a removable chip. */
export interface FilterChip {
  kind: FilterChipKind;
  /** Unique among the chips of one state, stable while it stays active. */
  key: string;
  /** What the chip shows: the source's name, the range, the query; for `state`, its URL value. */
  label: string;
  /** The filters with this one removed. */
  without: ListFilters;
}

/** dateRangeLabel: `2021-01-01 – 2021-12-31`, with an open end left blank. */
export function dateRangeLabel(from: string | null, to: string | null): string {
  return `${from ?? ''} – ${to ?? ''}`.trim();
}

/** One entry per kind of filter: adding a kind of filter is adding an entry here. */
const chipMakers: ((filters: ListFilters) => FilterChip[])[] = [
  (filters) =>
    filters.sources.map((source) => ({
      kind: 'source',
      key: `source:${source}`,
      label: source,
      without: { ...filters, sources: filters.sources.filter((name) => name !== source) },
    })),
  (filters) =>
    filters.from === null && filters.to === null
      ? []
      : [
          {
            kind: 'dates',
            key: 'dates',
            label: dateRangeLabel(filters.from, filters.to),
            without: { ...filters, from: null, to: null },
          },
        ],
  (filters) =>
    filters.query === ''
      ? []
      : [{ kind: 'query', key: 'query', label: filters.query, without: { ...filters, query: '' } }],
  ({ state, ...without }) =>
    state === undefined ? [] : [{ kind: 'state', key: 'state', label: state, without }],
];

/** activeFilterChips: a chip for each filter that narrows the view, in a fixed order. */
export function activeFilterChips(filters: ListFilters): FilterChip[] {
  return chipMakers.flatMap((make) => make(filters));
}
