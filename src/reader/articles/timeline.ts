import type { ArticleSummary } from '../../manifest/schema';
import type { DayKey } from './day-key';

export interface DayGroup {
  day: DayKey;
  articles: ArticleSummary[];
}

export interface MonthGroup {
  /** `YYYY-MM` */
  month: string;
  count: number;
  days: DayGroup[];
}

/**
 * groupArticlesByMonthAndDay: dated articles grouped by month and day, newest first; articles
 * keep their order within a day. Undated articles are returned apart.
 */
export function groupArticlesByMonthAndDay(
  articles: readonly ArticleSummary[],
  dayKeyOf: (iso: string) => DayKey,
): { months: MonthGroup[]; undated: ArticleSummary[] } {
  const byDay = new Map<DayKey, ArticleSummary[]>();
  const undated: ArticleSummary[] = [];
  for (const article of articles) {
    if (article.date === null) {
      undated.push(article);
      continue;
    }
    const day = dayKeyOf(article.date);
    const group = byDay.get(day);
    if (group) group.push(article);
    else byDay.set(day, [article]);
  }
  const months = new Map<string, MonthGroup>();
  for (const day of [...byDay.keys()].sort().reverse()) {
    const month = day.slice(0, 7);
    let group = months.get(month);
    if (!group) {
      group = { month, count: 0, days: [] };
      months.set(month, group);
    }
    const dayArticles = byDay.get(day)!;
    group.days.push({ day, articles: dayArticles });
    group.count += dayArticles.length;
  }
  return { months: [...months.values()], undated };
}

function nextMonth(month: string): string {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  return monthNumber === 12
    ? `${year + 1}-01`
    : `${year}-${String(monthNumber + 1).padStart(2, '0')}`;
}

/**
 * countArticlesByMonth: one entry per month from the earliest to the latest dated article,
 * oldest first, including empty months so a chart's gaps are real gaps.
 */
export function countArticlesByMonth(
  articles: readonly ArticleSummary[],
  dayKeyOf: (iso: string) => DayKey,
): { month: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const article of articles) {
    if (article.date === null) continue;
    const month = dayKeyOf(article.date).slice(0, 7);
    counts.set(month, (counts.get(month) ?? 0) + 1);
  }
  if (counts.size === 0) return [];
  const months = [...counts.keys()].sort();
  const last = months[months.length - 1]!;
  const result: { month: string; count: number }[] = [];
  for (let month = months[0]!; month <= last; month = nextMonth(month)) {
    result.push({ month, count: counts.get(month) ?? 0 });
  }
  return result;
}
