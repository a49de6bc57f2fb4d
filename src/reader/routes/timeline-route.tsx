import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { Link, useLocation, useNavigate, useNavigationType } from 'react-router';
import type { Manifest } from '../../manifest/schema';
import { isDayKey } from '../articles/day-key';
import { serializeListFilters, type ListFilters } from '../articles/list-filters';
import { countRowsByMonth, groupRowsByDay } from '../articles/row-index';
import type { ParsedQuery } from '../articles/search-runtime';
import {
  brushedRange,
  bucketBounds,
  layOutTimeAxis,
  type Granularity,
} from '../articles/time-axis';
import {
  useArchive,
  useArticleRowState,
  useListFilters,
  useListRows,
  useLoadedArticleRow,
  useSearchRuntime,
  useTimeZone,
} from '../articles/use-archive';
import { useArticleReadingState } from '../articles/use-reading-state';
import { useI18n } from '../i18n/i18n';
import type { Messages } from '../i18n/messages';
import { FormattedDate } from '../ui/formatted-date';
import { HighlightedText } from '../ui/highlighted-text';
import { TimeChart, type TimeChartItem } from '../ui/time-chart';
import { useDocumentTitle } from '../ui/use-document-title';
import { ActiveFilterChips } from './active-filter-chips';
import { ArchiveFilters } from './archive-filters';
import { ArchiveSearch } from './archive-search';
import { ArticleLink } from './article-link';
import { describeError } from './describe-error';
import { NoMatches } from './no-matches';
import { MarkAllRead } from './reading-state-actions';
import { ReadingStateControl } from './reading-state-control';
import { useRowCursor } from './row-cursor';
import { SearchOutcome, useSearchStatus } from './search-outcome';

const monthFormatters = new Map<string, Intl.DateTimeFormat>();
const dayFormatters = new Map<string, Intl.DateTimeFormat>();
const fullDayFormatters = new Map<string, Intl.DateTimeFormat>();

function formatMonth(month: string, locale: string): string {
  let formatter = monthFormatters.get(locale);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, {
      year: 'numeric',
      month: 'long',
      timeZone: 'UTC',
    });
    monthFormatters.set(locale, formatter);
  }
  return formatter.format(new Date(`${month}-15T00:00:00Z`));
}

function formatDay(day: string, locale: string): string {
  let formatter = dayFormatters.get(locale);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, {
      month: 'long',
      day: 'numeric',
      weekday: 'short',
      timeZone: 'UTC',
    });
    dayFormatters.set(locale, formatter);
  }
  return formatter.format(new Date(`${day}T12:00:00Z`));
}

/** formatBucket: a chart bar's year, month or day, for its label. */
function formatBucket(key: string, locale: string): string {
  if (key.length === 4) return key;
  if (key.length === 7) return formatMonth(key, locale);
  let formatter = fullDayFormatters.get(locale);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
    fullDayFormatters.set(locale, formatter);
  }
  return formatter.format(new Date(`${key}T12:00:00Z`));
}

type TimelineItem =
  | { kind: 'month'; month: string; count: number }
  | { kind: 'day'; day: string; count: number }
  | { kind: 'undated'; count: number; expanded: boolean }
  | { kind: 'row'; row: number };

const CHART_TITLES: Record<Granularity, (t: Messages) => string> = {
  year: (t) => t.articlesPerYear,
  month: (t) => t.articlesPerMonth,
  day: (t) => t.articlesPerDay,
};

const BAR_LABELS: Record<Granularity, (t: Messages) => (bucket: string, count: number) => string> =
  {
    year: (t) => t.yearBarLabel,
    month: (t) => t.monthBarLabel,
    day: (t) => t.dayBarLabel,
  };

/** Where the key cursor was in each timeline left, by its query string, to take up on Back. */
const cursorsByTimeline = new Map<string, number | null>();

interface RangeBeforeBar {
  rangeBeforeBar: { from: string | null; to: string | null };
}

function readRangeBeforeBar(state: unknown): RangeBeforeBar['rangeBeforeBar'] | null {
  if (typeof state !== 'object' || state === null || !('rangeBeforeBar' in state)) return null;
  const range = (state as RangeBeforeBar).rangeBeforeBar;
  const day = (value: unknown) => (typeof value === 'string' && isDayKey(value) ? value : null);
  return typeof range === 'object' && range !== null
    ? { from: day(range.from), to: day(range.to) }
    : null;
}

/** inListOrder: search results (ranked) as the timeline shows them, newest first. */
const inListOrder = (rows: Uint32Array) => Uint32Array.from(rows).sort();

function TimelineRow({
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
  const { t, tag } = useI18n();
  const { article, error, retry } = useArticleRowState(manifest, row);
  const runtime = useSearchRuntime(query !== null);
  const { read } = useArticleReadingState(article?.id ?? '');
  if (error) return <TimelineRowError error={error} retry={retry} />;
  if (!article) return <p className="timeline-row timeline-row--loading" aria-hidden="true" />;
  const titleRanges = query && runtime ? runtime.findMatches(article.title, query) : [];
  return (
    <p
      className={read ? 'timeline-row timeline-row--read' : 'timeline-row'}
      lang={article.lang === 'und' ? undefined : article.lang}
    >
      <ArticleLink article={article} search={search} returnTo="timeline">
        <HighlightedText text={article.title} ranges={titleRanges} />
      </ArticleLink>{' '}
      {read && <span className="visually-hidden">{t.readMark}</span>}
      <span className="timeline-source">{article.source}</span>{' '}
      {article.date && <FormattedDate iso={article.date} locale={tag} timeOnly />}
    </p>
  );
}

/** TimelineRowError: a row whose data could not be loaded says why, with a retry. */
function TimelineRowError({ error, retry }: { error: Error; retry: () => void }) {
  const { t } = useI18n();
  const { message } = describeError(error, t, 'rows');
  return (
    <p className="timeline-row timeline-row--error" role="alert">
      {t.rowFailed} {message}{' '}
      <button type="button" className="button button--quiet" onClick={retry}>
        {t.retry}
      </button>
    </p>
  );
}

export function TimelineRoute() {
  const { t, tag } = useI18n();
  const { manifest, columns } = useArchive();
  const { timeZone, dayKeyOf } = useTimeZone();
  const { filters, search } = useListFilters();
  const location = useLocation();
  // The reader's own range, kept by a bar's link so that narrowing to a month can be undone.
  const rangeBeforeBar = readRangeBeforeBar(location.state);
  const [undatedExpanded, setUndatedExpanded] = useState(false);
  // The chart counts every month for the chosen sources, so a narrowed range can be widened again.
  const sourceFilters = useMemo(() => ({ ...filters, from: null, to: null }), [filters]);
  const rankedSourceRows = useListRows(sourceFilters).rows;
  const sourceRows = useMemo(
    () => (filters.query ? inListOrder(rankedSourceRows) : rankedSourceRows),
    [filters.query, rankedSourceRows],
  );
  const sourceDays = useMemo(
    () => groupRowsByDay(columns, sourceRows, timeZone, dayKeyOf),
    [columns, sourceRows, timeZone, dayKeyOf],
  );
  const monthCounts = useMemo(() => countRowsByMonth(sourceDays), [sourceDays]);
  const listed = useListRows(filters);
  const searchState = listed.search;
  const rows = useMemo(
    () => (filters.query ? inListOrder(listed.rows) : listed.rows),
    [filters.query, listed.rows],
  );
  const status = useSearchStatus(searchState, rows.length, filters.query);
  const items = useMemo(() => {
    const list: TimelineItem[] = [];
    const days = groupRowsByDay(columns, rows, timeZone, dayKeyOf);
    let monthHeader: { kind: 'month'; month: string; count: number } | null = null;
    for (const { day, start, end } of days) {
      const month = day.slice(0, 7);
      if (monthHeader === null || monthHeader.month !== month) {
        monthHeader = { kind: 'month', month, count: 0 };
        list.push(monthHeader);
      }
      monthHeader.count += end - start;
      list.push({ kind: 'day', day, count: end - start });
      for (let position = start; position < end; position += 1)
        list.push({ kind: 'row', row: rows[position]! });
    }
    const datedEnd = days.at(-1)?.end ?? 0;
    if (datedEnd < rows.length) {
      list.push({ kind: 'undated', count: rows.length - datedEnd, expanded: undatedExpanded });
      // Undated articles fold away by default: a long archive may have thousands of them.
      if (!undatedExpanded) return list;
      for (let position = datedEnd; position < rows.length; position += 1) {
        list.push({ kind: 'row', row: rows[position]! });
      }
    }
    return list;
  }, [columns, rows, timeZone, dayKeyOf, undatedExpanded]);
  const axis = useMemo(
    () => layOutTimeAxis(sourceDays, monthCounts, { from: filters.from, to: filters.to }),
    [sourceDays, monthCounts, filters.from, filters.to],
  );
  const navigate = useNavigate();
  useDocumentTitle(filters.query ? `${filters.query} · ${t.timelineTitle}` : t.timelineTitle);

  const listRef = useRef<HTMLDivElement>(null);
  const [scrollMargin, setScrollMargin] = useState(0);
  useLayoutEffect(() => {
    setScrollMargin(listRef.current?.offsetTop ?? 0);
  }, []);
  const virtualizer = useWindowVirtualizer({
    count: items.length,
    estimateSize: (index) => (items[index]!.kind === 'row' ? 34 : 52),
    overscan: 12,
    scrollMargin,
  });
  const loadedRow = useLoadedArticleRow(manifest);
  const initialCursor =
    useNavigationType() === 'POP' ? (cursorsByTimeline.get(search) ?? null) : null;
  const cursor = useRowCursor({
    containerRef: listRef,
    count: items.length,
    isArticle: (index) => items[index]!.kind === 'row',
    articleAt: (index) => {
      const item = items[index]!;
      return item.kind === 'row' ? loadedRow(item.row) : undefined;
    },
    scrollToIndex: (index) => virtualizer.scrollToIndex(index, { align: 'auto' }),
    initial: initialCursor,
  });
  const { currentRef } = cursor;
  useLayoutEffect(
    () => () => {
      cursorsByTimeline.set(search, currentRef.current);
    },
    [search, currentRef],
  );
  const linkFor = (next: ListFilters) => ({
    pathname: '/timeline',
    search: serializeListFilters(next),
  });
  // Kept by every narrowing from the chart, so that it can be undone.
  const rangeState: RangeBeforeBar = {
    rangeBeforeBar: rangeBeforeBar ?? { from: filters.from, to: filters.to },
  };

  return (
    <div className="with-sidebar">
      <aside className="sidebar">
        <ArchiveFilters />
      </aside>
      <section className="content" aria-labelledby="timeline-heading">
        <h1 id="timeline-heading">{t.timelineTitle}</h1>
        <ArchiveSearch />
        <ActiveFilterChips />
        <TimeChart
          // A new granularity is a new chart, opened on its latest bars.
          key={axis.granularity}
          title={CHART_TITLES[axis.granularity](t)}
          brushHint={t.chartBrushHint}
          describeSelection={(anchor, focus) => {
            const range = brushedRange(axis.items, anchor, focus);
            return t.chartBrushSelection(range.from, range.to);
          }}
          onBrush={(anchor, focus) =>
            void navigate(linkFor({ ...filters, ...brushedRange(axis.items, anchor, focus) }), {
              state: rangeState,
            })
          }
          items={axis.items.map((item): TimeChartItem => {
            if (item.kind === 'gap') {
              return {
                kind: 'gap',
                key: item.first,
                label: t.emptyStretchLabel(item.first, item.last),
              };
            }
            const bounds = bucketBounds(item.key);
            const selected = filters.from === bounds.from && filters.to === bounds.to;
            return {
              ...item,
              selected,
              label:
                item.count === 0
                  ? t.emptyBarLabel(item.key)
                  : BAR_LABELS[axis.granularity](t)(formatBucket(item.key, tag), item.count),
              renderLink:
                item.count === 0
                  ? null
                  : (children, props) => (
                      <Link
                        to={linkFor({ ...filters, ...bounds })}
                        state={rangeState}
                        aria-current={selected ? 'true' : undefined}
                        {...props}
                      >
                        {children}
                      </Link>
                    ),
            };
          })}
        />
        <div className="reading-bar">
          <ReadingStateControl pathname="/timeline" />
          <MarkAllRead key={search} rows={rows} />
        </div>
        <p className="result-count" role="status" id="results" tabIndex={-1}>
          {status}
          {rangeBeforeBar &&
          (rangeBeforeBar.from !== null || rangeBeforeBar.to !== null) &&
          (filters.from !== rangeBeforeBar.from || filters.to !== rangeBeforeBar.to) ? (
            <>
              {' '}
              <Link to={linkFor({ ...filters, ...rangeBeforeBar })}>{t.restoreRange}</Link>
            </>
          ) : (
            (filters.from || filters.to) && (
              <>
                {' '}
                <Link to={linkFor({ ...filters, from: null, to: null })}>{t.showAllMonths}</Link>
              </>
            )
          )}
        </p>
        {!searchState && rows.length === 0 && <NoMatches />}
        {searchState && <SearchOutcome search={searchState} count={rows.length} />}
        <div
          ref={listRef}
          className="timeline"
          style={{ height: virtualizer.getTotalSize() }}
          onClickCapture={cursor.onClickCapture}
        >
          {virtualizer.getVirtualItems().map((virtualItem) => {
            const item = items[virtualItem.index]!;
            return (
              <div
                key={virtualItem.key}
                data-index={virtualItem.index}
                ref={virtualizer.measureElement}
                className="timeline__item"
                aria-current={virtualItem.index === cursor.current ? 'true' : undefined}
                style={{ transform: `translateY(${virtualItem.start - scrollMargin}px)` }}
              >
                {item.kind === 'month' && (
                  <h2 className="timeline-month">
                    {formatMonth(item.month, tag)}{' '}
                    <span className="count">{t.articleCount(item.count)}</span>
                  </h2>
                )}
                {item.kind === 'day' && (
                  <h3 className="timeline-day">
                    <time dateTime={item.day}>{formatDay(item.day, tag)}</time>{' '}
                    <span className="count">{t.articleCount(item.count)}</span>
                  </h3>
                )}
                {item.kind === 'undated' && (
                  <>
                    <h2 className="timeline-month">{t.undatedArticles(item.count)}</h2>
                    <button
                      type="button"
                      className="link-button timeline-undated-toggle"
                      aria-expanded={item.expanded}
                      onClick={() => setUndatedExpanded(!item.expanded)}
                    >
                      {item.expanded ? t.hideUndated : t.showUndated(item.count)}
                    </button>
                  </>
                )}
                {item.kind === 'row' && (
                  <TimelineRow
                    manifest={manifest}
                    row={item.row}
                    search={search}
                    query={searchState?.results?.query ?? null}
                  />
                )}
              </div>
            );
          })}
        </div>
      </section>
    </div>
  );
}
