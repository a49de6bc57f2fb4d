import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type { ArticleRow } from '../../manifest/schema';
import { readingStateOf, setArticleRead, setArticleStarred } from '../articles/use-reading-state';
import { useShortcuts } from './shortcuts';

/** The link of the item at `index` of a virtualized list (items carry `data-index`). */
const linkAt = (container: HTMLElement | null, index: number) =>
  container?.querySelector<HTMLElement>(`[data-index="${index}"] a[data-article-link]`) ?? null;

interface RowCursorOptions {
  containerRef: RefObject<HTMLElement | null>;
  count: number;
  /** Whether the item at an index is an article (not a heading between them). */
  isArticle: (index: number) => boolean;
  /** The article at an index, if its row has loaded. */
  articleAt: (index: number) => ArticleRow | undefined;
  scrollToIndex: (index: number) => void;
  /** Where the cursor was when the reader left this view, to take up again; null for none. */
  initial: number | null;
}

/**
 * useRowCursor: the current item of a virtualized list of articles, moved by j and k (scrolled
 * into view, its link focused once rendered), opened by o or Enter, starred by s and marked by m.
 * Coming back to the list (`initial`), focus returns to that item's link.
 */
export function useRowCursor({
  containerRef,
  count,
  isArticle,
  articleAt,
  scrollToIndex,
  initial,
}: RowCursorOptions) {
  const [current, setCurrent] = useState<number | null>(
    initial === null || initial >= count ? null : initial,
  );
  const currentRef = useRef(current);
  useLayoutEffect(() => {
    currentRef.current = current;
  }, [current]);
  /** An index whose link takes focus once its item is rendered: after a key, or coming back. */
  const focusPending = useRef<number | null>(current);
  useEffect(() => {
    const index = focusPending.current;
    if (index === null) return;
    const link = linkAt(containerRef.current, index);
    if (!link) return;
    focusPending.current = null;
    link.focus({ preventScroll: true });
  });

  const step = (direction: 1 | -1) => {
    let index = current === null ? (direction === 1 ? -1 : count) : current;
    do index += direction;
    while (index >= 0 && index < count && !isArticle(index));
    if (index < 0 || index >= count) return;
    setCurrent(index);
    focusPending.current = index;
    scrollToIndex(index);
  };
  const withCurrentArticle = (act: (article: ArticleRow) => void) => () => {
    const article = current === null ? undefined : articleAt(current);
    if (article) act(article);
  };
  useShortcuts({
    next: () => step(1),
    previous: () => step(-1),
    open: () => {
      if (current !== null) linkAt(containerRef.current, current)?.click();
    },
    star: withCurrentArticle((article) =>
      setArticleStarred(article.id, !readingStateOf(article.id).starred),
    ),
    toggleRead: withCurrentArticle((article) =>
      setArticleRead(article.id, !readingStateOf(article.id).read),
    ),
  });

  return {
    current,
    /** The current index as of the last render, for saving when the view goes. */
    currentRef,
    /** Makes the item the reader clicked in the current one (for the keys and for coming back). */
    onClickCapture: (event: { target: EventTarget }) => {
      const item = (event.target as Element).closest('[data-index]');
      if (!item) return;
      currentRef.current = Number(item.getAttribute('data-index'));
      setCurrent(currentRef.current);
    },
  };
}
