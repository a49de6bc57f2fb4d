import { useMemo } from 'react';
import { Link } from 'react-router';
import { resolveMediaUrl } from '../articles/api';
import { filterArticles, hasActiveFilters, NO_FILTERS } from '../articles/list-filters';
import { useArchive, useDayKey, useListFilters } from '../articles/use-archive';
import { useI18n } from '../i18n/i18n';
import { ArticleCard } from '../ui/article-card';
import { useDocumentTitle } from '../ui/use-document-title';
import { ArchiveFilters } from './archive-filters';
import type { ArticleLocationState } from './article-location-state';

export function ListRoute() {
  const { t, tag } = useI18n();
  const { index } = useArchive();
  const dayKeyOf = useDayKey();
  const { filters, search, setFilters } = useListFilters();
  const articles = useMemo(
    () => filterArticles(index.articles, filters, dayKeyOf),
    [index.articles, filters, dayKeyOf],
  );
  useDocumentTitle(t.navList);
  const state: ArticleLocationState = { returnTo: 'list', depth: 1 };

  return (
    <div className="with-sidebar">
      <aside className="sidebar">
        <ArchiveFilters />
      </aside>
      <section className="content" aria-labelledby="list-heading">
        <h1 id="list-heading">{t.navList}</h1>
        <p className="result-count" role="status">
          {t.matchingArticles(articles.length)}
        </p>
        {articles.length === 0 ? (
          <div className="empty-state">
            <p>{index.articles.length === 0 ? t.emptyArchive : t.noMatches}</p>
            {hasActiveFilters(filters) && (
              <button type="button" className="button" onClick={() => setFilters(NO_FILTERS)}>
                {t.clearFilters}
              </button>
            )}
          </div>
        ) : (
          <ol className="article-list">
            {articles.map((article) => (
              <li key={article.id}>
                <ArticleCard
                  article={article}
                  locale={tag}
                  undatedLabel={t.undated}
                  imageUrl={article.image ? resolveMediaUrl(article.image) : null}
                  link={
                    <Link to={{ pathname: `/articles/${article.id}`, search }} state={state}>
                      {article.title}
                    </Link>
                  }
                />
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
