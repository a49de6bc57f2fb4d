import { hasActiveFilters, NO_FILTERS } from '../articles/list-filters';
import { useArchive, useFilteredRows, useListFilters } from '../articles/use-archive';
import { useI18n } from '../i18n/i18n';
import { useDocumentTitle } from '../ui/use-document-title';
import { ArchiveFilters } from './archive-filters';
import { ArticleList } from './article-list';

export function ListRoute() {
  const { t } = useI18n();
  const { manifest, columns } = useArchive();
  const { filters, search, setFilters } = useListFilters();
  const rows = useFilteredRows(filters);
  useDocumentTitle(t.navList);

  return (
    <div className="with-sidebar">
      <aside className="sidebar">
        <ArchiveFilters />
      </aside>
      <section className="content" aria-labelledby="list-heading">
        <h1 id="list-heading">{t.navList}</h1>
        <p className="result-count" role="status">
          {t.matchingArticles(rows.length)}
        </p>
        {rows.length === 0 ? (
          <div className="empty-state">
            <p>{columns.count === 0 ? t.emptyArchive : t.noMatches}</p>
            {hasActiveFilters(filters) && (
              <button type="button" className="button" onClick={() => setFilters(NO_FILTERS)}>
                {t.clearFilters}
              </button>
            )}
          </div>
        ) : (
          <ArticleList key={search} manifest={manifest} rows={rows} search={search} />
        )}
      </section>
    </div>
  );
}
