import {
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
import { presetRange } from '../articles/date-entry';
import {
  clearFilters,
  hasActiveFilters,
  toggleSource,
  type ListFilters,
} from '../articles/list-filters';
import { countRowsBySource, toRowFilter } from '../articles/row-index';
import { keepsRow } from '../articles/reading-state';
import { basicFold } from '../articles/source-picker';
import {
  useArchive,
  useListFilters,
  useListRows,
  useSearchResults,
  useSearchRuntime,
  useTimeZone,
} from '../articles/use-archive';
import { useRowFlags } from '../articles/use-reading-state';
import { useI18n } from '../i18n/i18n';
import { FilterPanel } from '../ui/filter-panel';
import { DateRangeFilter } from './date-range-filter';
import { SourceFilter } from './source-filter';

/**
 * useMediaQuery: whether the screen matches `query`; `prerendered` while the first screen is
 * prerendered (no screen to ask) and hydrated, so hydration matches, then the screen's answer.
 */
function useMediaQuery(query: string, prerendered: boolean): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    [query],
  );
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(query).matches,
    () => prerendered,
  );
}
const WIDE_SCREEN = '(min-width: 721px)';
/** At this width the filters open as a sheet over the articles, applied all at once. */
const PHONE_SCREEN = '(max-width: 640px)';

/** FilterControls: the filter panel for `filters`, each change handed to `onChange`. */
function FilterControls({
  filters,
  onChange,
}: {
  filters: ListFilters;
  onChange: (next: ListFilters) => void;
}) {
  const { manifest, columns, sourceNames } = useArchive();
  const { timeZone, dayKeyOf } = useTimeZone();
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
  return (
    <FilterPanel
      sources={
        <SourceFilter
          entries={entries}
          fold={fold}
          onTyping={() => setTyping(true)}
          onToggle={(name) => onChange(toggleSource(filters, name))}
          onOnly={(name) => onChange({ ...filters, sources: [name] })}
          onNone={() => onChange({ ...filters, sources: [] })}
        />
      }
      dateRange={
        <DateRangeFilter
          from={filters.from}
          to={filters.to}
          onDateChange={(bound, day) => onChange({ ...filters, [bound]: day })}
          onPreset={(preset) =>
            onChange({ ...filters, ...presetRange(preset, dayKeyOf(Date.now())) })
          }
        />
      }
      canClear={hasActiveFilters(filters)}
      onClear={() => onChange(clearFilters(filters))}
    />
  );
}

/** The sheet's apply button, counting what the staged filters give; mounted only while open. */
function ApplyFiltersButton({ staged, onApply }: { staged: ListFilters; onApply: () => void }) {
  const { t } = useI18n();
  const count = useListRows(staged).rows.length;
  return (
    <button type="button" className="button filter-sheet__apply" onClick={onApply}>
      {t.applyFilters(count)}
    </button>
  );
}

/**
 * FilterSheet: on a phone, the filters behind a button, in a modal sheet. Changes are staged there
 * and reach the URL only on apply, whose button says how many articles they give.
 */
function FilterSheet({
  filters,
  label,
  onApply,
}: {
  filters: ListFilters;
  label: string;
  onApply: (next: ListFilters) => void;
}) {
  const { t } = useI18n();
  const headingId = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [staged, setStaged] = useState<ListFilters | null>(null);
  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && staged !== null && !dialog.open) dialog.showModal();
  }, [staged]);
  return (
    <>
      <button
        type="button"
        className="button filter-sheet-button"
        aria-haspopup="dialog"
        onClick={() => setStaged(filters)}
      >
        {label}
      </button>
      <dialog
        ref={dialogRef}
        className="filter-sheet"
        aria-labelledby={headingId}
        // Escape, the close button and apply all end here; whatever was staged is dropped.
        onClose={() => setStaged(null)}
      >
        <h2 id={headingId}>{t.filters}</h2>
        {staged && <FilterControls filters={staged} onChange={setStaged} />}
        <div className="filter-sheet__actions">
          {staged && (
            <ApplyFiltersButton
              staged={staged}
              onApply={() => {
                onApply(staged);
                dialogRef.current?.close();
              }}
            />
          )}
          <button type="button" className="button" onClick={() => dialogRef.current?.close()}>
            {t.close}
          </button>
        </div>
      </dialog>
    </>
  );
}

/** ArchiveFilters: the filter panel wired to the URL, shared by the list and the timeline. */
export function ArchiveFilters() {
  const { t } = useI18n();
  const { filters, ignored, unknownSources, setFilters } = useListFilters();
  const phone = useMediaQuery(PHONE_SCREEN, false);
  const wide = useMediaQuery(WIDE_SCREEN, true);
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
      {phone ? (
        <FilterSheet
          filters={filters}
          label={t.filtersWithCount(activeCount)}
          onApply={setFilters}
        />
      ) : (
        /* On a small tablet the filters fold away under the header so the articles come first. */
        <details className="filters-disclosure" open={wide}>
          <summary>{t.filtersWithCount(activeCount)}</summary>
          <FilterControls filters={filters} onChange={setFilters} />
        </details>
      )}
    </>
  );
}
