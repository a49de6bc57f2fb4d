import type { ArticleSummary } from '../../manifest/schema';
import { isDayKey, type DayKey } from './day-key';

/** The list and timeline view state that lives in the URL. */
export interface ListFilters {
  /** Source names as shown; empty means every source. Sorted, no duplicates. */
  sources: string[];
  from: DayKey | null;
  to: DayKey | null;
}

export const NO_FILTERS: ListFilters = { sources: [], from: null, to: null };

export interface ParsedListFilters {
  filters: ListFilters;
  /** Parameters that were present but unusable, e.g. `from=2021-13-40`, to tell the reader. */
  ignored: { name: string; value: string }[];
}

/**
 * parseListFilters: `?source=…&source=…&from=YYYY-MM-DD&to=YYYY-MM-DD`. Invalid days are ignored
 * (and listed); a range given backwards is swapped, since that is what anyone typing it meant.
 */
export function parseListFilters(params: URLSearchParams): ParsedListFilters {
  const ignored: ParsedListFilters['ignored'] = [];
  const sources = [
    ...new Set(
      params
        .getAll('source')
        .map((name) => name.trim())
        .filter(Boolean),
    ),
  ].sort();
  const day = (name: 'from' | 'to'): DayKey | null => {
    const value = params.get(name);
    if (value === null || value === '') return null;
    if (isDayKey(value)) return value;
    ignored.push({ name, value });
    return null;
  };
  let from = day('from');
  let to = day('to');
  if (from !== null && to !== null && from > to) [from, to] = [to, from];
  return { filters: { sources, from, to }, ignored };
}

/** serializeListFilters: the canonical query string (without `?`) for a filter state. */
export function serializeListFilters(filters: ListFilters): string {
  const params = new URLSearchParams();
  for (const source of [...filters.sources].sort()) params.append('source', source);
  if (filters.from) params.set('from', filters.from);
  if (filters.to) params.set('to', filters.to);
  return params.toString();
}

export function hasActiveFilters(filters: ListFilters): boolean {
  return filters.sources.length > 0 || filters.from !== null || filters.to !== null;
}

/** toggleSource: the filters with `source` added or removed. */
export function toggleSource(filters: ListFilters, source: string): ListFilters {
  const sources = filters.sources.includes(source)
    ? filters.sources.filter((name) => name !== source)
    : [...filters.sources, source].sort();
  return { ...filters, sources };
}

function matchesDateRange(
  article: ArticleSummary,
  filters: ListFilters,
  dayKeyOf: (iso: string) => DayKey,
): boolean {
  if (filters.from === null && filters.to === null) return true;
  // An undated article lies outside every date range.
  if (article.date === null) return false;
  const day = dayKeyOf(article.date);
  return (
    (filters.from === null || day >= filters.from) && (filters.to === null || day <= filters.to)
  );
}

/** filterArticles: the articles matching the filters, in their given order. */
export function filterArticles(
  articles: readonly ArticleSummary[],
  filters: ListFilters,
  dayKeyOf: (iso: string) => DayKey,
): ArticleSummary[] {
  const sources = new Set(filters.sources);
  return articles.filter(
    (article) =>
      (sources.size === 0 || sources.has(article.source)) &&
      matchesDateRange(article, filters, dayKeyOf),
  );
}

/**
 * countBySource: per-source counts within the date range, ignoring the source selection, so the
 * counts beside each checkbox say what ticking it would add.
 */
export function countBySource(
  articles: readonly ArticleSummary[],
  filters: ListFilters,
  dayKeyOf: (iso: string) => DayKey,
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const article of articles) {
    if (!matchesDateRange(article, filters, dayKeyOf)) continue;
    counts.set(article.source, (counts.get(article.source) ?? 0) + 1);
  }
  return counts;
}

/** neighbours: the articles before and after `id` in a list, for previous/next. */
export function neighbours(
  articles: readonly ArticleSummary[],
  id: string,
): { previous: ArticleSummary | null; next: ArticleSummary | null; position: number } {
  const index = articles.findIndex((article) => article.id === id);
  if (index === -1) return { previous: null, next: null, position: -1 };
  return {
    previous: articles[index - 1] ?? null,
    next: articles[index + 1] ?? null,
    position: index,
  };
}
