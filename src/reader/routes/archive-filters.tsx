import { useMemo, useState } from 'react';
import { presetRange } from '../articles/date-entry';
import { clearFilters, hasActiveFilters, toggleSource } from '../articles/list-filters';
import { countRowsBySource, toRowFilter } from '../articles/row-index';
import { keepsRow } from '../articles/reading-state';
import { basicFold } from '../articles/source-picker';
import {
  useArchive,
  useListFilters,
  useSearchResults,
  useSearchRuntime,
  useTimeZone,
} from '../articles/use-archive';
import { useRowFlags } from '../articles/use-reading-state';
import { useI18n } from '../i18n/i18n';
import { FilterPanel } from '../ui/filter-panel';
import { DateRangeFilter } from './date-range-filter';
import { SourceFilter } from './source-filter';

const wideScreen = window.matchMedia('(min-width: 721px)');

/** ArchiveFilters: the filter panel wired to the URL, shared by the list and the timeline. */
export function ArchiveFilters() {
  const { t } = useI18n();
  const { manifest, columns, sourceNames } = useArchive();
  const { timeZone, dayKeyOf } = useTimeZone();
  const { filters, ignored, unknownSources, setFilters } = useListFilters();
  // With a query, each source's count is of its search results.
  const { data: results } = useSearchResults(filters.query);
  const within = filters.query === '' ? undefined : results?.rows;
  // With a read state chosen, each source's count is of the articles in that state.
  const flags = useRowFlags(manifest, filters.state !== undefined);
  const counts = useMemo(
    () =>
      countRowsBySource(
        columns,
        toRowFilter(filters, sourceNames, timeZone),
        sourceNames.length,
        within,
        filters.state === undefined
          ? undefined
          : (row) => flags !== undefined && keepsRow(flags[row] ?? 0, filters.state ?? null),
      ),
    [columns, filters, sourceNames, timeZone, within, flags],
  );
  const entries = useMemo(
    () =>
      manifest.sources.map((source, index) => ({
        name: source.name,
        count: counts[index]!,
        group: source.group ?? null,
        selected: filters.sources.includes(source.name),
      })),
    [manifest.sources, counts, filters.sources],
  );
  // Search's folding (Traditional → Simplified among others) comes with the search code.
  const [typing, setTyping] = useState(false);
  const runtime = useSearchRuntime(typing);
  const fold = runtime?.foldText ?? basicFold;
  const activeCount = filters.sources.length + (filters.from ? 1 : 0) + (filters.to ? 1 : 0);
  return (
    <>
      {/* Outside the fold: on a phone the reader must see what was ignored. */}
      {ignored.map(({ name, value }) => (
        <p key={`${name}=${value}`} className="notice" role="status">
          {t.ignoredParameter(name, value)}
        </p>
      ))}
      {unknownSources.map(({ value, suggestion }) => (
        <p key={`source=${value}`} className="notice" role="status">
          {t.unknownSource(value)}
          {suggestion !== null && (
            <>
              {' '}
              <button
                type="button"
                className="link-button"
                onClick={() =>
                  setFilters({
                    ...filters,
                    sources: [...new Set([...filters.sources, suggestion])].sort(),
                  })
                }
              >
                {t.suggestSource(suggestion)}
              </button>
            </>
          )}
        </p>
      ))}
      {/* On a phone the filters fold away under the header so the articles come first. */}
      <details className="filters-disclosure" open={wideScreen.matches}>
        <summary>{t.filtersWithCount(activeCount)}</summary>
        <FilterPanel
          sources={
            <SourceFilter
              entries={entries}
              fold={fold}
              onTyping={() => setTyping(true)}
              onToggle={(name) => setFilters(toggleSource(filters, name))}
              onOnly={(name) => setFilters({ ...filters, sources: [name] })}
              onNone={() => setFilters({ ...filters, sources: [] })}
            />
          }
          dateRange={
            <DateRangeFilter
              from={filters.from}
              to={filters.to}
              onDateChange={(bound, day) => setFilters({ ...filters, [bound]: day })}
              onPreset={(preset) =>
                setFilters({ ...filters, ...presetRange(preset, dayKeyOf(Date.now())) })
              }
            />
          }
          canClear={hasActiveFilters(filters)}
          onClear={() => setFilters(clearFilters(filters))}
        />
      </details>
    </>
  );
}
