import { useMemo } from 'react';
import { useArchive, useDayKey, useListFilters } from '../articles/use-archive';
import {
  NO_FILTERS,
  countBySource,
  hasActiveFilters,
  toggleSource,
} from '../articles/list-filters';
import { useI18n } from '../i18n/i18n';
import { FilterPanel } from '../ui/filter-panel';

const wideScreen = window.matchMedia('(min-width: 721px)');

/** ArchiveFilters: the filter panel wired to the URL, shared by the list and the timeline. */
export function ArchiveFilters() {
  const { t } = useI18n();
  const { index } = useArchive();
  const dayKeyOf = useDayKey();
  const { filters, ignored, setFilters } = useListFilters();
  const counts = useMemo(
    () => countBySource(index.articles, filters, dayKeyOf),
    [index.articles, filters, dayKeyOf],
  );
  const names = useMemo(
    () => [...new Set([...index.sources.map((source) => source.name), ...filters.sources])],
    [index.sources, filters.sources],
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
        sources={names.map((name) => ({
          name,
          count: counts.get(name) ?? 0,
          selected: filters.sources.includes(name),
        }))}
        from={filters.from}
        to={filters.to}
        canClear={hasActiveFilters(filters)}
        onToggleSource={(name) => setFilters(toggleSource(filters, name))}
        onDateChange={(bound, day) => setFilters({ ...filters, [bound]: day })}
        onClear={() => setFilters(NO_FILTERS)}
      />
    </details>
  );
}
