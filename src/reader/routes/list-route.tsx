import { undatedStart } from '../articles/row-index';
import { useArchive, useListFilters, useListRows } from '../articles/use-archive';
import { useI18n } from '../i18n/i18n';
import { useDocumentTitle } from '../ui/use-document-title';
import { ActiveFilterChips } from './active-filter-chips';
import { ArchiveFilters } from './archive-filters';
import { ArchiveSearch } from './archive-search';
import { ArticleList } from './article-list';
import { MarkAllRead, ReadingStateTransfer } from './reading-state-actions';
import { NoMatches } from './no-matches';
import { ReadingStateControl } from './reading-state-control';
import { SearchOutcome, useSearchStatus } from './search-outcome';

export function ListRoute() {
  const { t } = useI18n();
  const { manifest, columns } = useArchive();
  const { filters, search, setFilters } = useListFilters();
  const { rows, search: searchState } = useListRows(filters);
  const status = useSearchStatus(searchState, rows.length, filters.query);
  // Search results are ranked, not dated, so only the plain list has an undated part to head.
  const undatedFrom = searchState ? null : undatedStart(columns, rows);
  useDocumentTitle(filters.query ? `${filters.query} · ${t.navList}` : t.navList);

  return (
    <div className="with-sidebar">
      <aside className="sidebar">
        <ArchiveFilters />
      </aside>
      <section className="content" aria-labelledby="list-heading">
        <h1 id="list-heading">{t.navList}</h1>
        <ArchiveSearch />
        <ActiveFilterChips />
        <div className="reading-bar">
          <ReadingStateControl pathname="/" />
          {!searchState && (
            <label className="list-order">
              {t.listOrder}{' '}
              <select
                value={filters.sort ?? 'newest'}
                onChange={(event) =>
                  setFilters({
                    ...filters,
                    sort: event.target.value === 'oldest' ? 'oldest' : undefined,
                  })
                }
              >
                <option value="newest">{t.newestFirst}</option>
                <option value="oldest">{t.oldestFirst}</option>
              </select>
            </label>
          )}
          <MarkAllRead key={search} rows={rows} />
          <ReadingStateTransfer />
        </div>
        {/* Last before the rows: the second skip link lands here, and Tab goes on to the first row. */}
        <p className="result-count" role="status" id="results" tabIndex={-1}>
          {status}
        </p>
        {searchState ? (
          <SearchOutcome search={searchState} count={rows.length} />
        ) : (
          rows.length === 0 && <NoMatches />
        )}
        {rows.length > 0 && (
          <ArticleList
            key={search}
            manifest={manifest}
            rows={rows}
            search={search}
            query={searchState?.results?.query ?? null}
            undatedFrom={undatedFrom === rows.length ? null : undatedFrom}
          />
        )}
      </section>
    </div>
  );
}
