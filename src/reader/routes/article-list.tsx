import { useWindowVirtualizer, type VirtualItem } from '@tanstack/react-virtual';
import { useLayoutEffect, useRef, useState } from 'react';
import { useNavigationType } from 'react-router';
import type { Manifest } from '../../manifest/schema';
import { resolveMediaUrl } from '../articles/api';
import { useArticleRow } from '../articles/use-archive';
import { useI18n } from '../i18n/i18n';
import { ArticleCard, ArticleCardSkeleton } from '../ui/article-card';
import { ArticleLink } from './article-link';

/**
 * The layout of an earlier visit to a list — row heights measured and where the window was — so
 * going back lays it out exactly as it was, and the restored scroll position lands on the same
 * row instead of on rows measured afresh at the top.
 */
const layoutsByList = new Map<
  string,
  { sizes: Map<Key, number>; offset: number; margin: number }
>();

type Key = VirtualItem['key'];

/** As the virtualizer takes measured sizes back: only `key` and `size` are read from each. */
function toMeasurements(sizes: Map<Key, number>): VirtualItem[] {
  return [...sizes].map(([key, size], index) => ({ key, size, index, start: 0, end: 0, lane: 0 }));
}
const MAX_SAVED_LAYOUTS = 20;

function ArticleListRow({
  manifest,
  row,
  search,
}: {
  manifest: Manifest;
  row: number;
  search: string;
}) {
  const { t, tag } = useI18n();
  const article = useArticleRow(manifest, row);
  if (!article) return <ArticleCardSkeleton label={t.loading} />;
  return (
    <ArticleCard
      article={article}
      locale={tag}
      undatedLabel={t.undated}
      imageUrl={article.image ? resolveMediaUrl(article.image) : null}
      link={<ArticleLink article={article} search={search} returnTo="list" />}
    />
  );
}

interface ArticleListProps {
  manifest: Manifest;
  rows: Uint32Array;
  /** The list's query string: carried into article links and keying the saved layout. */
  search: string;
}

/**
 * ArticleList: the filtered rows, virtualized against the window scroll so a hundred thousand
 * articles cost what a screenful does. Rows fetch their chunk as they come into view.
 */
export function ArticleList({ manifest, rows, search }: ArticleListProps) {
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
    initialMeasurementsCache: saved ? toMeasurements(saved.sizes) : undefined,
    initialOffset: saved?.offset,
  });
  // A layout effect: its cleanup runs before the next page resets the scroll position.
  useLayoutEffect(
    () => () => {
      layoutsByList.delete(search);
      layoutsByList.set(search, {
        sizes: new Map(virtualizer.itemSizeCache),
        offset: window.scrollY,
        margin: virtualizer.options.scrollMargin,
      });
      if (layoutsByList.size > MAX_SAVED_LAYOUTS) {
        layoutsByList.delete(layoutsByList.keys().next().value!);
      }
    },
    [search, virtualizer],
  );

  return (
    <ol ref={listRef} className="article-list" style={{ height: virtualizer.getTotalSize() }}>
      {virtualizer.getVirtualItems().map((item) => (
        <li
          key={item.key}
          data-index={item.index}
          ref={virtualizer.measureElement}
          aria-setsize={rows.length}
          aria-posinset={item.index + 1}
          style={{ transform: `translateY(${item.start - scrollMargin}px)` }}
        >
          <ArticleListRow manifest={manifest} row={rows[item.index]!} search={search} />
        </li>
      ))}
    </ol>
  );
}
