import { QueryErrorResetBoundary, useSuspenseQuery } from '@tanstack/react-query';
import { Suspense, useCallback, useEffect, useMemo, useRef } from 'react';
import { Link, useLoaderData, useLocation, useNavigate, type To } from 'react-router';
import type { ArticleRow, Manifest } from '../../manifest/schema';
import { activeFilterChips } from '../articles/active-filters';
import { resolveMediaUrl } from '../articles/api';
import type { articleLoader } from '../articles/loaders';
import { articleQueries } from '../articles/queries';
import { serializeListFilters } from '../articles/list-filters';
import type { ParsedQuery } from '../articles/search-runtime';
import {
  useArchive,
  useArticleRow,
  useListFilters,
  useListRows,
  usePrefetchBody,
  useSearchRuntime,
} from '../articles/use-archive';
import { useI18n } from '../i18n/i18n';
import { ErrorBoundary } from '../ui/error-boundary';
import { FormattedDate } from '../ui/formatted-date';
import { HighlightedText } from '../ui/highlighted-text';
import { RemovalNote } from '../ui/removal-note';
import { SanitizedHtml } from '../ui/sanitized-html';
import { useDocumentTitle } from '../ui/use-document-title';
import { useOnline } from '../ui/use-online';
import { canHighlightText, useTextHighlights } from '../ui/use-text-highlights';
import { readArticleLocationState, type ArticleLocationState } from './article-location-state';
import { describeError } from './describe-error';

const resolveBodyImage = (src: string) => resolveMediaUrl(src);

/**
 * ArticleBodyContent: the body, with the terms of the search it was opened from highlighted, and
 * a line saying so with a way to turn the highlights off.
 */
function ArticleBodyContent({
  article,
  query,
  withoutQuery,
}: {
  article: ArticleRow;
  query: { text: string; parsed: ParsedQuery } | null;
  /** This article without the search, keeping the history state that knows the way back. */
  withoutQuery: { to: To; state: unknown };
}) {
  const { t } = useI18n();
  const { data: body } = useSuspenseQuery(articleQueries.body(article.id, article.body));
  const runtime = useSearchRuntime(query !== null);
  const parsed = query?.parsed;
  const find = useCallback(
    (text: string) => (runtime && parsed ? runtime.findMatches(text, parsed) : []),
    [runtime, parsed],
  );
  const bodyRef = useRef<HTMLDivElement>(null);
  useTextHighlights(bodyRef, parsed ? find : null, body.html);
  const marked = useMemo(
    () =>
      runtime && parsed && canHighlightText()
        ? runtime.findMatches(runtime.htmlToText(body.html), parsed).length
        : 0,
    [runtime, parsed, body.html],
  );
  return (
    <>
      <RemovalNote removed={body.removed} />
      {query && marked > 0 && (
        <p className="notice search-note" role="status">
          {t.highlightedTerms(query.text)} {t.matchCount(marked)} ·{' '}
          <Link to={withoutQuery.to} state={withoutQuery.state} replace>
            {t.removeHighlights}
          </Link>
        </p>
      )}
      <div ref={bodyRef}>
        <SanitizedHtml
          className="article-body"
          html={body.html}
          resolveImageSrc={resolveBodyImage}
          lang={article.lang === 'und' ? undefined : article.lang}
        />
      </div>
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

/** PagerLink: previous or next in the filtered list, titled once its row has loaded. */
function PagerLink({
  manifest,
  row,
  to,
  state,
  rel,
  label,
}: {
  manifest: Manifest;
  row: number;
  to: (article: ArticleRow) => To;
  state: ArticleLocationState | undefined;
  rel: 'prev' | 'next';
  label: string;
}) {
  const article = useArticleRow(manifest, row);
  const prefetchBody = usePrefetchBody();
  // The reader is likely to go on to a neighbour: have its text ready.
  useEffect(() => {
    if (article) prefetchBody(article);
  }, [article, prefetchBody]);
  if (!article) return <span className="article__pager-label">{label}</span>;
  return (
    <Link rel={rel} to={to(article)} state={state}>
      <span className="article__pager-label">{label}</span>
      <span className="article__pager-title">{article.title}</span>
    </Link>
  );
}

export function ArticleRoute() {
  const { t, tag } = useI18n();
  const { manifest } = useArchive();
  const { row } = useLoaderData<Awaited<ReturnType<ReturnType<typeof articleLoader>>>>();
  const { data: chunk } = useSuspenseQuery(
    articleQueries.rowChunk(manifest, Math.floor(row / manifest.chunkSize)),
  );
  const article = chunk.rows[row % manifest.chunkSize]!;
  const id = article.id;
  const location = useLocation();
  const navigate = useNavigate();
  const { filters, search } = useListFilters();
  // With a query, previous and next follow the search results, best first.
  const { rows: filtered, search: searchState } = useListRows(filters);
  const position = filtered.indexOf(row);
  const parsedQuery = searchState?.results?.query ?? null;
  const titleRuntime = useSearchRuntime(parsedQuery !== null);
  const titleRanges =
    parsedQuery && titleRuntime ? titleRuntime.findMatches(article.title, parsedQuery) : [];
  const previous = position > 0 ? filtered[position - 1]! : null;
  const next = position !== -1 && position + 1 < filtered.length ? filtered[position + 1]! : null;
  const arrivedFrom = readArticleLocationState(location.state);
  const returnTo = arrivedFrom?.returnTo ?? 'list';
  const backPath = returnTo === 'timeline' ? '/timeline' : '/';
  // Only a visit that came from a list can pop back to it; a deep link's back link navigates.
  const stepState: ArticleLocationState | undefined = arrivedFrom
    ? { returnTo, depth: arrivedFrom.depth + 1 }
    : undefined;
  const linkTo = (neighbour: ArticleRow): To => ({ pathname: `/articles/${neighbour.id}`, search });
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
        <span className="article__list-context">
          {t.belongsToList}
          {activeFilterChips(filters)
            .map((chip) => chip.label)
            .join(' · ') || t.wholeArchive}
        </span>
      </nav>
      <header className="article__header">
        <h1>
          <HighlightedText text={article.title} ranges={titleRanges} />
        </h1>
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
              <ArticleBodyContent
                article={article}
                query={parsedQuery && { text: filters.query, parsed: parsedQuery }}
                withoutQuery={{
                  to: {
                    pathname: location.pathname,
                    search: serializeListFilters({ ...filters, query: '' }),
                  },
                  state: location.state,
                }}
              />
            </Suspense>
          </ErrorBoundary>
        )}
      </QueryErrorResetBoundary>
      <nav className="article__pager" aria-label={t.articleNavigation}>
        {position === -1 ? (
          <p>{t.notInFilteredList}</p>
        ) : (
          <>
            {previous !== null ? (
              <PagerLink
                manifest={manifest}
                row={previous}
                to={linkTo}
                state={stepState}
                rel="prev"
                label={`← ${t.previousArticle}`}
              />
            ) : (
              <span />
            )}
            <span className="article__position">
              {t.positionInList(position + 1, filtered.length)}
            </span>
            {next !== null ? (
              <PagerLink
                manifest={manifest}
                row={next}
                to={linkTo}
                state={stepState}
                rel="next"
                label={`${t.nextArticle} →`}
              />
            ) : (
              <span />
            )}
          </>
        )}
      </nav>
    </article>
  );
}
