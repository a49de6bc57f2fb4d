import { useQuery } from '@tanstack/react-query';
import { useWindowVirtualizer, type VirtualItem } from '@tanstack/react-virtual';
import { useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useNavigationType } from 'react-router';
import type { ArticleRow, Manifest } from '../../manifest/schema';
import { resolveMediaUrl } from '../articles/api';
import { articleQueries } from '../articles/queries';
import type { ParsedQuery } from '../articles/search-runtime';
import { useArticleRowState, useLoadedArticleRow, useSearchRuntime } from '../articles/use-archive';
import { setArticleStarred, useArticleReadingState } from '../articles/use-reading-state';
import { FIRST_SCREEN_READER, useHydrated } from '../i18n/hydration';
import { useI18n } from '../i18n/i18n';
import { ArticleCard, ArticleCardSkeleton } from '../ui/article-card';
import { HighlightedText, type MarkRange } from '../ui/highlighted-text';
import { StarButton } from '../ui/star-button';
import { ArticleLink } from './article-link';
import { describeError } from './describe-error';
import { useRowCursor } from './row-cursor';

/**
 * The layout of an earlier visit to a list — row heights measured and where the window was — so
 * going back lays it out exactly as it was, and the restored scroll position lands on the same
 * row instead of on rows measured afresh at the top.
 */
const layoutsByList = new Map<
  string,
  { sizes: Map<Key, number>; offset: number; margin: number; current: number | null }
>();

type Key = VirtualItem['key'];

/** As the virtualizer takes measured sizes back: only `key` and `size` are read from each. */
function toMeasurements(sizes: Map<Key, number>): VirtualItem[] {
  return [...sizes].map(([key, size], index) => ({ key, size, index, start: 0, end: 0, lane: 0 }));
}
const MAX_SAVED_LAYOUTS = 20;

/** Characters of a search result's snippet. */
const SNIPPET_LENGTH = 150;

const NO_RANGES: readonly MarkRange[] = [];

/**
 * useSearchMarks: for a row of search results, the title's marked terms and a snippet of where the
 * terms occur: from the excerpt when they occur there, else from the body, fetched for the rows on
 * screen only. Nothing for a row of the plain list (`query` null).
 */
function useSearchMarks(article: ArticleRow, query: ParsedQuery | null) {
  const runtime = useSearchRuntime(query !== null);
  const active = query !== null && runtime !== undefined;
  const titleRanges = useMemo(
    () => (active ? runtime.findMatches(article.title, query) : NO_RANGES),
    [active, runtime, article.title, query],
  );
  const excerptSnippet = useMemo(
    () => (active ? runtime.makeSnippet(article.excerpt, query, SNIPPET_LENGTH) : null),
    [active, runtime, article.excerpt, query],
  );
  const { data: body } = useQuery({
    ...articleQueries.body(article.id, article.body),
    enabled: active && excerptSnippet === null,
  });
  const snippet = useMemo(
    () =>
      excerptSnippet ??
      (active && body
        ? runtime.makeSnippet(runtime.htmlToText(body.html), query, SNIPPET_LENGTH)
        : null),
    [excerptSnippet, active, runtime, body, query],
  );
  return { titleRanges, snippet };
}

function ArticleListItem({
  article,
  search,
  query,
}: {
  article: ArticleRow;
  search: string;
  query: ParsedQuery | null;
}) {
  const { t, tag } = useI18n();
  const { titleRanges, snippet } = useSearchMarks(article, query);
  const { read, starred } = useArticleReadingState(article.id);
  const titleId = useId();
  return (
    <ArticleCard
      article={article}
      locale={tag}
      undatedLabel={t.undated}
      imageUrl={article.image ? resolveMediaUrl(article.image) : null}
      imageUnavailableLabel={t.imageUnavailable}
      read={read}
      readLabel={t.readMark}
      actions={
        <StarButton
          starred={starred}
          label={t.star}
          describedBy={titleId}
          onToggle={() => setArticleStarred(article.id, !starred)}
        />
      }
      link={
        <ArticleLink article={article} search={search} returnTo="list" id={titleId}>
          <HighlightedText text={article.title} ranges={titleRanges} />
        </ArticleLink>
      }
      summary={
        snippet ? (
          <p className="article-card__excerpt article-card__snippet">
            {snippet.cutBefore && '…'}
            <HighlightedText text={snippet.text} ranges={snippet.ranges} />
            {snippet.cutAfter && '…'}
          </p>
        ) : undefined
      }
    />
  );
}

/** ArticleCardError: a row whose data could not be loaded says why, with a retry. */
function ArticleCardError({ error, retry }: { error: Error; retry: () => void }) {
  const { t } = useI18n();
  const { message, detail } = describeError(error, t, 'rows');
  return (
    <div className="article-card article-card--error" role="alert">
      <p className="article-card__text">
        {t.rowFailed} {message}
      </p>
      {detail && <pre className="error-detail">{detail}</pre>}
      <button type="button" className="button" onClick={retry}>
        {t.retry}
      </button>
    </div>
  );
}

function ArticleListRow({
  manifest,
  row,
  search,
  query,
}: {
  manifest: Manifest;
  row: number;
  search: string;
  query: ParsedQuery | null;
}) {
  const { t } = useI18n();
  const { article, error, retry } = useArticleRowState(manifest, row);
  if (error) return <ArticleCardError error={error} retry={retry} />;
  if (!article) return <ArticleCardSkeleton label={t.loading} />;
  return <ArticleListItem article={article} search={search} query={query} />;
}

interface ArticleListProps {
  manifest: Manifest;
  rows: Uint32Array;
  /** The list's query string: carried into article links and keying the saved layout. */
  search: string;
  /** The search the rows are results of, to mark its terms; null for a plain list. */
  query: ParsedQuery | null;
  /** Position of the first undated row, headed as such; null when none is to be headed. */
  undatedFrom?: number | null;
}

/**
 * ArticleList: the filtered rows, virtualized against the window scroll so a hundred thousand
 * articles cost what a screenful does. Rows fetch their chunk as they come into view.
 */
export function ArticleList({
  manifest,
  rows,
  search,
  query,
  undatedFrom = null,
}: ArticleListProps) {
  const { t } = useI18n();
  const listRef = useRef<HTMLOListElement>(null);
  const saved = useNavigationType() === 'POP' ? layoutsByList.get(search) : undefined;
  const [scrollMargin, setScrollMargin] = useState(saved?.margin ?? 0);
  useLayoutEffect(() => {
    setScrollMargin(listRef.current?.offsetTop ?? 0);
  }, []);
  const virtualizer = useWindowVirtualizer({
    count: rows.length,
    estimateSize: () => 140,
    overscan: 6,
    scrollMargin,
    getItemKey: (index) => rows[index]!,
    // The window as the prerender assumes it: the first render, prerendered or hydrating, lays out
    // the same rows; the real window is measured right after.
    initialRect: { width: 0, height: FIRST_SCREEN_READER.windowHeight },
    initialMeasurementsCache: saved ? toMeasurements(saved.sizes) : undefined,
    initialOffset: saved?.offset,
  });
  const loadedRow = useLoadedArticleRow(manifest);
  const cursor = useRowCursor({
    containerRef: listRef,
    count: rows.length,
    isArticle: () => true,
    articleAt: (index) => loadedRow(rows[index]!),
    scrollToIndex: (index) => virtualizer.scrollToIndex(index, { align: 'auto' }),
    initial: saved?.current ?? null,
  });
  const { currentRef } = cursor;
  // A layout effect: its cleanup runs before the next page resets the scroll position.
  useLayoutEffect(
    () => () => {
      layoutsByList.delete(search);
      layoutsByList.set(search, {
        sizes: new Map(virtualizer.itemSizeCache),
        offset: window.scrollY,
        margin: virtualizer.options.scrollMargin,
        current: currentRef.current,
      });
      if (layoutsByList.size > MAX_SAVED_LAYOUTS) {
        layoutsByList.delete(layoutsByList.keys().next().value!);
      }
    },
    [search, virtualizer, currentRef],
  );

  // Markup's style attributes break the page's policy (style-src 'self'), so the prerendered rows,
  // and the hydration that must match them, flow one after the other; once hydrated, the styles
  // are set from script, which the policy allows, and the rows are placed by the virtualizer.
  const placed = useHydrated();
  return (
    <ol
      ref={listRef}
      className={placed ? 'article-list' : 'article-list article-list--flow'}
      style={placed ? { height: virtualizer.getTotalSize() } : undefined}
      onClickCapture={cursor.onClickCapture}
    >
      {virtualizer.getVirtualItems().map((item) => (
        <li
          key={item.key}
          data-index={item.index}
          ref={virtualizer.measureElement}
          aria-setsize={rows.length}
          aria-posinset={item.index + 1}
          aria-current={item.index === cursor.current ? 'true' : undefined}
          style={placed ? { transform: `translateY(${item.start - scrollMargin}px)` } : undefined}
        >
          {item.index === undatedFrom && (
            <h2 className="article-list__undated">
              {t.undatedArticles(rows.length - undatedFrom)}
            </h2>
          )}
          <ArticleListRow
            manifest={manifest}
            row={rows[item.index]!}
            search={search}
            query={query}
          />
        </li>
      ))}
    </ol>
  );
}
