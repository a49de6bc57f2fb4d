import { QueryErrorResetBoundary, useSuspenseQuery } from '@tanstack/react-query';
import { Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useLoaderData, useLocation, useNavigate, type To } from 'react-router';
import { chunkOf, documentOfRow } from '../../manifest/numbering';
import type { ArticleRow, Manifest } from '../../manifest/schema';
import { activeFilterChips } from '../articles/active-filters';
import { resolveMediaUrl } from '../articles/api';
import { ArticleNotFoundError, type articleLoader } from '../articles/loaders';
import { articleQueries } from '../articles/queries';
import { NO_FILTERS, serializeListFilters } from '../articles/list-filters';
import { splitRemovals } from '../articles/removal-kinds';
import type { ParsedQuery } from '../articles/search-runtime';
import {
  useArchive,
  useArticleRow,
  useListFilters,
  useLoadedArticleRow,
  useListRows,
  usePrefetchBody,
  useSearchRuntime,
} from '../articles/use-archive';
import {
  readingStateOf,
  setArticleRead,
  setArticleStarred,
  useArticleReadingState,
} from '../articles/use-reading-state';
import { useI18n } from '../i18n/i18n';
import { ErrorBoundary } from '../ui/error-boundary';
import { FallbackImage } from '../ui/fallback-image';
import { FormattedDate } from '../ui/formatted-date';
import { HighlightedText } from '../ui/highlighted-text';
import { RemovalNote } from '../ui/removal-note';
import { SanitizedHtml } from '../ui/sanitized-html';
import { useDocumentTitle } from '../ui/use-document-title';
import { useOnline } from '../ui/use-online';
import { StarButton } from '../ui/star-button';
import { canHighlightText, showCurrentMatch, useTextHighlights } from '../ui/use-text-highlights';
import { chipText } from './active-filter-chips';
import { readArticleLocationState, type ArticleLocationState } from './article-location-state';
import { describeError } from './describe-error';
import { useShortcuts } from './shortcuts';

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
  const removals = useMemo(() => splitRemovals(body.removed), [body.removed]);
  const bodyRef = useRef<HTMLDivElement>(null);
  const ranges = useRef<Range[]>([]);
  useTextHighlights(bodyRef, parsed ? find : null, body.html, ranges);
  const marked = useMemo(
    () =>
      runtime && parsed && canHighlightText()
        ? runtime.findMatches(runtime.htmlToText(body.html), parsed).length
        : 0,
    [runtime, parsed, body.html],
  );
  const [currentMatch, setCurrentMatch] = useState<number | null>(null);
  const goToMatch = useCallback((index: number) => {
    const found = ranges.current;
    if (found.length === 0) return;
    const wrapped = (index + found.length) % found.length;
    setCurrentMatch(wrapped);
    showCurrentMatch(found[wrapped]!);
  }, []);
  // Opened from a search: straight to the first match.
  useEffect(() => {
    if (marked > 0) goToMatch(0);
  }, [marked, goToMatch, body.html]);
  useShortcuts(
    marked > 0
      ? {
          nextMatch: () => goToMatch((currentMatch ?? -1) + 1),
          previousMatch: () => goToMatch((currentMatch ?? 0) - 1),
        }
      : {},
  );
  return (
    <>
      <RemovalNote summary={removals} embeds={body.removed.embeds} />
      {query && marked > 0 && (
        <div className="notice search-note">
          <p role="status">
            {t.highlightedTerms(query.text)} {t.matchCount(marked)}
            {currentMatch !== null && <> · {t.matchPosition(currentMatch + 1, marked)}</>}
          </p>
          <p className="search-note__actions">
            <button
              type="button"
              className="button"
              onClick={() => goToMatch((currentMatch ?? 0) - 1)}
            >
              ↑ {t.previousMatch}
            </button>
            <button
              type="button"
              className="button"
              onClick={() => goToMatch((currentMatch ?? -1) + 1)}
            >
              ↓ {t.nextMatch}
            </button>
            <Link to={withoutQuery.to} state={withoutQuery.state} replace>
              {t.removeHighlights}
            </Link>
          </p>
        </div>
      )}
      <div ref={bodyRef}>
        <SanitizedHtml
          className="article-body"
          html={body.html}
          resolveImageSrc={resolveBodyImage}
          lang={article.lang === 'und' ? undefined : article.lang}
          imageUnavailableLabel={t.imageUnavailable}
        />
      </div>
      <RemovalNote summary={removals} embeds={body.removed.embeds} cosmetic />
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
  compact = false,
}: {
  manifest: Manifest;
  row: number;
  to: (article: ArticleRow) => To;
  state: ArticleLocationState | undefined;
  rel: 'prev' | 'next';
  label: string;
  /** Only the label, its title as a tooltip: for the bar at the top. */
  compact?: boolean;
}) {
  const article = useArticleRow(manifest, row);
  const prefetchBody = usePrefetchBody();
  // The reader is likely to go on to a neighbour: have its text ready.
  useEffect(() => {
    if (article) prefetchBody(article);
  }, [article, prefetchBody]);
  if (!article) return <span className="article__pager-label">{label}</span>;
  if (compact) {
    return (
      <Link to={to(article)} state={state} title={article.title}>
        {label}
      </Link>
    );
  }
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
  const { id } = useLoaderData<Awaited<ReturnType<ReturnType<typeof articleLoader>>>>();
  // Read from the cache, not the loader: after a deploy the article keeps its id, not its place.
  const { data: row } = useSuspenseQuery(articleQueries.rowOfId(manifest, id));
  if (row === null) throw new ArticleNotFoundError(id);
  const { chunk: chunkIndex, offset } = chunkOf(
    manifest.chunkSize,
    documentOfRow(manifest.articleCount, row),
  );
  const { data: chunk } = useSuspenseQuery(articleQueries.rowChunk(manifest, chunkIndex));
  const article = chunk.rows[offset]!;
  const location = useLocation();
  const navigate = useNavigate();
  const { filters, search } = useListFilters();
  // With a query, previous and next follow the search results, best first. This article keeps its
  // place among the unread although opening it marks it read.
  const { rows: filtered, search: searchState } = useListRows(filters, row);
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
  const { starred } = useArticleReadingState(id);
  // The article whose missing original link the last `v` asked for, so the note goes with it.
  const [noOriginalFor, setNoOriginalFor] = useState<string | null>(null);
  const openOriginal = () => {
    if (article.url === null) setNoOriginalFor(id);
    else window.open(article.url, '_blank', 'noopener,noreferrer');
  };
  useDocumentTitle(article.title);

  useEffect(() => {
    setArticleRead(id, true);
  }, [id]);
  // Every article opened, by link, key or previous/next, starts with focus on its heading.
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus({ preventScroll: true });
  }, [id]);

  const goBack = () => {
    // Pop back to the list we came from, so it restores its scroll position and current row.
    if (arrivedFrom) void navigate(-arrivedFrom.depth);
    else void navigate({ pathname: backPath, search });
  };
  const loadedRow = useLoadedArticleRow(manifest);
  const goTo = (neighbour: number | null) => {
    const target = neighbour === null ? undefined : loadedRow(neighbour);
    if (target) void navigate(linkTo(target), { state: stepState });
  };
  useShortcuts({
    next: () => goTo(next),
    previous: () => goTo(previous),
    up: goBack,
    star: () => setArticleStarred(id, !readingStateOf(id).starred),
    toggleRead: () => setArticleRead(id, !readingStateOf(id).read),
    openOriginal,
  });

  const backLink = (
    <Link
      to={{ pathname: backPath, search }}
      onClick={(event) => {
        if (arrivedFrom) {
          event.preventDefault();
          goBack();
        }
      }}
    >
      ← {returnTo === 'timeline' ? t.backToTimeline : t.backToList}
    </Link>
  );
  const pagerLink = (neighbour: number | null, rel: 'prev' | 'next', compact: boolean) => {
    const label = rel === 'prev' ? `← ${t.previousArticle}` : `${t.nextArticle} →`;
    return neighbour !== null ? (
      <PagerLink
        manifest={manifest}
        row={neighbour}
        to={linkTo}
        state={stepState}
        rel={rel}
        label={label}
        compact={compact}
      />
    ) : (
      <span />
    );
  };

  return (
    <article className="article" lang={article.lang === 'und' ? undefined : article.lang}>
      <nav className="article__toolbar" aria-label={t.articleNavigation}>
        {backLink}
        {position !== -1 && (
          <span className="article__toolbar-pager">
            {pagerLink(previous, 'prev', true)}
            {pagerLink(next, 'next', true)}
          </span>
        )}
        <StarButton
          starred={starred}
          label={t.star}
          onToggle={() => setArticleStarred(id, !starred)}
        />
        <button
          type="button"
          className="button button--quiet"
          onClick={() => setArticleRead(id, false)}
        >
          {t.markUnread}
        </button>
        <span className="article__list-context">
          {t.belongsToList}
          {activeFilterChips(filters)
            .map((chip) => chipText(t, chip))
            .join(' · ') || t.wholeArchive}
        </span>
      </nav>
      <header className="article__header">
        <h1 ref={headingRef} tabIndex={-1}>
          <HighlightedText text={article.title} ranges={titleRanges} />
        </h1>
        <p className="article__meta">
          <Link
            className="article__source"
            to={{
              pathname: '/',
              search: serializeListFilters({ ...NO_FILTERS, sources: [article.source] }),
            }}
            title={t.sourceLink(article.source)}
          >
            {article.source}
          </Link>
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
          {article.url && (
            <a
              className="article__original"
              href={article.url}
              target="_blank"
              rel="noopener noreferrer"
              title={t.originalLinkTitle}
            >
              {t.originalLink}
              <span aria-hidden="true"> ↗</span>
            </a>
          )}
        </p>
        <p className="article__key-note" role="status">
          {noOriginalFor === id && t.noOriginalLink}
        </p>
        {article.image && (
          <FallbackImage
            className="article__image"
            src={resolveMediaUrl(article.image)}
            unavailableLabel={t.imageUnavailable}
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
      <nav className="article__pager" aria-label={t.articleNavigationBottom}>
        {position === -1 ? (
          <p>{t.notInFilteredList}</p>
        ) : (
          <>
            {pagerLink(previous, 'prev', false)}
            <span className="article__position">
              {t.positionInList(position + 1, filtered.length)}
            </span>
            {pagerLink(next, 'next', false)}
          </>
        )}
      </nav>
      <p className="article__back-bottom">{backLink}</p>
    </article>
  );
}
