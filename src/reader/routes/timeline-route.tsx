import { useMemo } from 'react';
import { Link } from 'react-router';
import { monthBounds } from '../articles/day-key';
import { filterArticles, serializeListFilters, type ListFilters } from '../articles/list-filters';
import { countArticlesByMonth, groupArticlesByMonthAndDay } from '../articles/timeline';
import { useArchive, useDayKey, useListFilters } from '../articles/use-archive';
import { useI18n } from '../i18n/i18n';
import { FormattedDate } from '../ui/formatted-date';
import { MonthChart } from '../ui/month-chart';
import { useDocumentTitle } from '../ui/use-document-title';
import { ArchiveFilters } from './archive-filters';
import type { ArticleLocationState } from './article-location-state';

const monthFormatters = new Map<string, Intl.DateTimeFormat>();

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
  return new Intl.DateTimeFormat(locale, {
    month: 'long',
    day: 'numeric',
    weekday: 'short',
    timeZone: 'UTC',
  }).format(new Date(`${day}T12:00:00Z`));
}

export function TimelineRoute() {
  const { t, tag } = useI18n();
  const { index } = useArchive();
  const dayKeyOf = useDayKey();
  const { filters, search } = useListFilters();
  // The chart shows every month for the chosen sources, so a narrowed range can be widened again.
  const sourceFiltered = useMemo(
    () => filterArticles(index.articles, { ...filters, from: null, to: null }, dayKeyOf),
    [index.articles, filters, dayKeyOf],
  );
  const monthCounts = useMemo(
    () => countArticlesByMonth(sourceFiltered, dayKeyOf),
    [sourceFiltered, dayKeyOf],
  );
  const articles = useMemo(
    () => filterArticles(index.articles, filters, dayKeyOf),
    [index.articles, filters, dayKeyOf],
  );
  const { months, undated } = useMemo(
    () => groupArticlesByMonthAndDay(articles, dayKeyOf),
    [articles, dayKeyOf],
  );
  useDocumentTitle(t.timelineTitle);
  const state: ArticleLocationState = { returnTo: 'timeline', depth: 1 };
  const linkFor = (next: ListFilters) => ({
    pathname: '/timeline',
    search: serializeListFilters(next),
  });

  return (
    <div className="with-sidebar">
      <aside className="sidebar">
        <ArchiveFilters />
      </aside>
      <section className="content" aria-labelledby="timeline-heading">
        <h1 id="timeline-heading">{t.timelineTitle}</h1>
        <MonthChart
          title={t.articlesPerMonth}
          labelFor={(month, count) => t.monthBarLabel(formatMonth(month, tag), count)}
          bars={monthCounts.map(({ month, count }) => {
            const bounds = monthBounds(month);
            const selected = filters.from === bounds.from && filters.to === bounds.to;
            return {
              month,
              count,
              selected,
              renderLink: (children, label) => (
                <Link
                  to={linkFor({ ...filters, ...bounds })}
                  aria-label={label}
                  title={label}
                  aria-current={selected ? 'true' : undefined}
                >
                  {children}
                </Link>
              ),
            };
          })}
        />
        <p className="result-count" role="status">
          {t.matchingArticles(articles.length)}
          {(filters.from || filters.to) && (
            <>
              {' '}
              <Link to={linkFor({ ...filters, from: null, to: null })}>{t.showAllMonths}</Link>
            </>
          )}
        </p>
        {months.map((month) => (
          <section
            key={month.month}
            className="timeline-month"
            aria-labelledby={`month-${month.month}`}
          >
            <h2 id={`month-${month.month}`}>
              {formatMonth(month.month, tag)}{' '}
              <span className="count">{t.articleCount(month.count)}</span>
            </h2>
            {month.days.map((day) => (
              <section key={day.day} className="timeline-day" aria-labelledby={`day-${day.day}`}>
                <h3 id={`day-${day.day}`}>
                  <time dateTime={day.day}>{formatDay(day.day, tag)}</time>{' '}
                  <span className="count">{t.articleCount(day.articles.length)}</span>
                </h3>
                <ul>
                  {day.articles.map((article) => (
                    <li key={article.id} lang={article.lang === 'und' ? undefined : article.lang}>
                      <Link to={{ pathname: `/articles/${article.id}`, search }} state={state}>
                        {article.title}
                      </Link>{' '}
                      <span className="timeline-source">{article.source}</span>{' '}
                      {article.date && <FormattedDate iso={article.date} locale={tag} withTime />}
                    </li>
                  ))}
                </ul>
              </section>
            ))}
          </section>
        ))}
        {undated.length > 0 && (
          <section className="timeline-month" aria-labelledby="month-undated">
            <h2 id="month-undated">{t.undatedArticles(undated.length)}</h2>
            <ul>
              {undated.map((article) => (
                <li key={article.id} lang={article.lang === 'und' ? undefined : article.lang}>
                  <Link to={{ pathname: `/articles/${article.id}`, search }} state={state}>
                    {article.title}
                  </Link>{' '}
                  <span className="timeline-source">{article.source}</span>
                </li>
              ))}
            </ul>
          </section>
        )}
      </section>
    </div>
  );
}
