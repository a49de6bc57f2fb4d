import { useMemo } from 'react';
import { clearFilters, hasActiveFilters, toggleSource } from '../articles/list-filters';
import { countRowsBySource, toRowFilter } from '../articles/row-index';
import { useArchive, useListFilters, useSearchResults, useTimeZone } from '../articles/use-archive';
import { useI18n } from '../i18n/i18n';
import { FilterPanel } from '../ui/filter-panel';

const wideScreen = window.matchMedia('(min-width: 721px)');

/** ArchiveFilters: the filter panel wired to the URL, shared by the list and the timeline. */
export function ArchiveFilters() {
  const { t } = useI18n();
  const { columns, sourceNames } = useArchive();
  const { timeZone } = useTimeZone();
  const { filters, ignored, setFilters } = useListFilters();
  // With a query, each source's count is of its search results.
  const { data: results } = useSearchResults(filters.query);
  const within = filters.query === '' ? undefined : results?.rows;
  const counts = useMemo(
    () =>
      countRowsBySource(
        columns,
        toRowFilter(filters, sourceNames, timeZone),
        sourceNames.length,
        within,
      ),
    [columns, filters, sourceNames, timeZone, within],
  );
  // A source named in the link but absent from the archive still shows, so it can be unticked.
  const names = useMemo(
    () => [...new Set([...sourceNames, ...filters.sources])],
    [sourceNames, filters.sources],
  );
  const activeCount = filters.sources.length + (filters.from ? 1 : 0) + (filters.to ? 1 : 0);
  return (
    // On a phone the filters fold away under the header so the articles come first.
    <details className="filters-disclosure" open={wideScreen.matches}>
      <summary>{t.filtersWithCount(activeCount)}</summary>
      {ignored.map(({ name, value }) => (
        <p key={`${name}=${value}`} className="notice" role="status">
          {t.ignoredParameter(name, value)}
        </p>
      ))}
      <FilterPanel
        sources={names.map((name, index) => ({
          name,
          count: index < sourceNames.length ? counts[index]! : 0,
          selected: filters.sources.includes(name),
        }))}
        from={filters.from}
        to={filters.to}
        canClear={hasActiveFilters(filters)}
        onToggleSource={(name) => setFilters(toggleSource(filters, name))}
        onDateChange={(bound, day) => setFilters({ ...filters, [bound]: day })}
        onClear={() => setFilters(clearFilters(filters))}
      />
    </details>
  );
}
