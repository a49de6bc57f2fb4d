import { QueryErrorResetBoundary, useSuspenseQuery } from '@tanstack/react-query';
import { Suspense, useMemo } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import type { ArticleSummary, Manifest } from '../../manifest/schema';
import { resolveMediaUrl } from '../articles/api';
import { filterArticles, neighbours } from '../articles/list-filters';
import { articleQueries } from '../articles/queries';
import { useArchive, useDayKey, useListFilters } from '../articles/use-archive';
import { useI18n } from '../i18n/i18n';
import { ErrorBoundary } from '../ui/error-boundary';
import { FormattedDate } from '../ui/formatted-date';
import { RemovalNote } from '../ui/removal-note';
import { SanitizedHtml } from '../ui/sanitized-html';
import { useDocumentTitle } from '../ui/use-document-title';
import { useOnline } from '../ui/use-online';
import { readArticleLocationState, type ArticleLocationState } from './article-location-state';
import { describeError } from './describe-error';

const resolveBodyImage = (src: string) => resolveMediaUrl(src);

function ArticleBodyContent({
  manifest,
  article,
}: {
  manifest: Manifest;
  article: ArticleSummary;
}) {
  const { data: body } = useSuspenseQuery(articleQueries.body(manifest, article.id));
  return (
    <>
      <RemovalNote removed={body.removed} />
      <SanitizedHtml
        className="article-body"
        html={body.html}
        resolveImageSrc={resolveBodyImage}
        lang={article.lang === 'und' ? undefined : article.lang}
      />
    </>
  );
}

function BodySkeleton() {
  const { t } = useI18n();
  const online = useOnline();
  return (
    <div className="skeleton" aria-busy="true" aria-label={t.loading}>
      {/* Queries pause while offline and resume by themselves on reconnect. */}
      {!online && <p role="status">{t.bodyWaitsForNetwork}</p>}
      {[100, 96, 98, 90, 60].map((width, index) => (
        <div key={index} className={`skeleton__line skeleton__line--${width}`} />
      ))}
    </div>
  );
}

export function ArticleRoute() {
  const { t, tag } = useI18n();
  const { manifest, index } = useArchive();
  const { id = '' } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const dayKeyOf = useDayKey();
  const { filters, search } = useListFilters();
  const article = index.articles.find((candidate) => candidate.id === id)!;
  const filtered = useMemo(
    () => filterArticles(index.articles, filters, dayKeyOf),
    [index.articles, filters, dayKeyOf],
  );
  const { previous, next, position } = neighbours(filtered, id);
  const arrivedFrom = readArticleLocationState(location.state);
  const returnTo = arrivedFrom?.returnTo ?? 'list';
  const backPath = returnTo === 'timeline' ? '/timeline' : '/';
  // Only a visit that came from a list can pop back to it; a deep link's back link navigates.
  const stepState: ArticleLocationState | undefined = arrivedFrom
    ? { returnTo, depth: arrivedFrom.depth + 1 }
    : undefined;
  useDocumentTitle(article.title);

  return (
    <article className="article" lang={article.lang === 'und' ? undefined : article.lang}>
      <nav className="article__back" aria-label={t.articleNavigation}>
        <Link
          to={{ pathname: backPath, search }}
          onClick={(event) => {
            // Pop back to the list we came from, so it restores its scroll position.
            if (arrivedFrom) {
              event.preventDefault();
              void navigate(-arrivedFrom.depth);
            }
          }}
        >
          ← {returnTo === 'timeline' ? t.backToTimeline : t.backToList}
        </Link>
      </nav>
      <header className="article__header">
        <h1>{article.title}</h1>
        <p className="article__meta">
          <span className="article__source">{article.source}</span>
          {article.channel && <span className="article__channel">{article.channel}</span>}
          {article.author && article.author !== article.source && (
            <span className="article__author">{t.byAuthor(article.author)}</span>
          )}
          {article.date ? (
            <FormattedDate iso={article.date} locale={tag} withTime />
          ) : (
            <span>{t.undated}</span>
          )}
          <span>{t.readingMinutes(article.readingMinutes)}</span>
        </p>
        {article.image && (
          <img
            className="article__image"
            src={resolveMediaUrl(article.image)}
            alt=""
            referrerPolicy="no-referrer"
            decoding="async"
          />
        )}
      </header>
      <QueryErrorResetBoundary>
        {({ reset }) => (
          <ErrorBoundary
            key={id}
            onReset={reset}
            fallback={(error, retry) => {
              const { message, detail } = describeError(error, t, 'body');
              return (
                <div className="inline-error" role="alert">
                  <p>{message}</p>
                  {detail && <pre className="error-detail">{detail}</pre>}
                  <button type="button" className="button" onClick={retry}>
                    {t.retry}
                  </button>
                </div>
              );
            }}
          >
            <Suspense fallback={<BodySkeleton />}>
              <ArticleBodyContent manifest={manifest} article={article} />
            </Suspense>
          </ErrorBoundary>
        )}
      </QueryErrorResetBoundary>
      <nav className="article__pager" aria-label={t.articleNavigation}>
        {position === -1 ? (
          <p>{t.notInFilteredList}</p>
        ) : (
          <>
            {previous ? (
              <Link
                rel="prev"
                to={{ pathname: `/articles/${previous.id}`, search }}
                state={stepState}
              >
                <span className="article__pager-label">← {t.previousArticle}</span>
                <span className="article__pager-title">{previous.title}</span>
              </Link>
            ) : (
              <span />
            )}
            <span className="article__position">
              {t.positionInList(position + 1, filtered.length)}
            </span>
            {next ? (
              <Link rel="next" to={{ pathname: `/articles/${next.id}`, search }} state={stepState}>
                <span className="article__pager-label">{t.nextArticle} →</span>
                <span className="article__pager-title">{next.title}</span>
              </Link>
            ) : (
              <span />
            )}
          </>
        )}
      </nav>
    </article>
  );
}
