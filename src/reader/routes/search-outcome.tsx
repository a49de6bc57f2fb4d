import { hasActiveFilters, type ListFilters } from '../articles/list-filters';
import { useListFilters, type useListRows } from '../articles/use-archive';
import { useI18n } from '../i18n/i18n';
import { describeError } from './describe-error';

type SearchState = NonNullable<ReturnType<typeof useListRows>['search']>;

/**
 * SearchOutcome: what stands where results would when there are none to show: the search failed
 * (with a retry), or found nothing (with ways to widen it: drop the sources, the dates, or both).
 * Null while results are on their way or when there are some.
 */
export function SearchOutcome({ search, count }: { search: SearchState; count: number }) {
  const { t } = useI18n();
  const { filters, setFilters } = useListFilters();
  if (search.error) {
    const { message, detail } = describeError(search.error, t, 'search');
    return (
      <div className="inline-error" role="alert">
        <p>
          {t.searchFailed}
          {message}
        </p>
        {detail && <pre className="error-detail">{detail}</pre>}
        <button type="button" className="button" onClick={() => void search.retry()}>
          {t.retry}
        </button>
      </div>
    );
  }
  if (search.pending || count > 0) return null;
  const widen = (next: Partial<ListFilters>) => setFilters({ ...filters, ...next });
  const hasSources = filters.sources.length > 0;
  const hasDates = filters.from !== null || filters.to !== null;
  return (
    <div className="empty-state">
      <p>
        {hasActiveFilters(filters)
          ? t.noSearchResultsFiltered(filters.query)
          : t.noSearchResults(filters.query)}
      </p>
      <p className="empty-state__tip">{t.searchTips}</p>
      <div className="empty-state__actions">
        {hasSources && (
          <button type="button" className="button" onClick={() => widen({ sources: [] })}>
            {t.dropSourceFilter}
          </button>
        )}
        {hasDates && (
          <button type="button" className="button" onClick={() => widen({ from: null, to: null })}>
            {t.dropDateRange}
          </button>
        )}
        {hasSources && hasDates && (
          <button
            type="button"
            className="button"
            onClick={() => widen({ sources: [], from: null, to: null })}
          >
            {t.dropAllFilters}
          </button>
        )}
        <button type="button" className="button button--quiet" onClick={() => widen({ query: '' })}>
          {t.searchClear}
        </button>
      </div>
    </div>
  );
}

/** useSearchStatus: the line above the results. */
export function useSearchStatus(search: SearchState | null, count: number, query: string) {
  const { t } = useI18n();
  if (!search) return t.matchingArticles(count);
  if (search.pending) return t.searching;
  return t.searchResults(count, query);
}
