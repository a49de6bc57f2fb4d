import { monthBounds, type DayKey } from './day-key';
import { layOutMonthAxis } from './month-axis';
import { nextDay, type RowDay } from './row-index';

/** How wide each bar of the timeline chart is. */
export type Granularity = 'year' | 'month' | 'day';

/** A span of at least this many calendar years is shown a bar per year. */
export const YEAR_VIEW_MIN_YEARS = 5;
/** A span of at most this many days (about two months) is shown a bar per day. */
export const DAY_VIEW_MAX_DAYS = 62;

export type TimeAxisItem =
  | {
      kind: 'bucket';
      /** `2021`, `2021-03` or `2021-03-05`: the key says the granularity. */
      key: string;
      count: number;
      /** Unambiguous tick text under the bar, or null for none. */
      tick: string | null;
      /** Whether the bucket overlaps the active date range (true for every bucket without one). */
      inRange: boolean;
    }
  | { kind: 'gap'; first: string; last: string; months: number };

export interface DateRange {
  from: DayKey | null;
  to: DayKey | null;
}

function daysBetween(first: DayKey, last: DayKey): number {
  return (Date.parse(`${last}T00:00:00Z`) - Date.parse(`${first}T00:00:00Z`)) / 86_400_000;
}

/**
 * chooseGranularity: bars per year when the span covers many years, per day when it is within
 * about two months, per month otherwise.
 */
export function chooseGranularity(first: DayKey, last: DayKey): Granularity {
  const years = Number(last.slice(0, 4)) - Number(first.slice(0, 4)) + 1;
  if (years >= YEAR_VIEW_MIN_YEARS) return 'year';
  if (daysBetween(first, last) < DAY_VIEW_MAX_DAYS) return 'day';
  return 'month';
}

/** bucketBounds: the first and last day of a year, month or day bucket, told apart by the key. */
export function bucketBounds(key: string): { from: DayKey; to: DayKey } {
  if (key.length === 4) return { from: `${key}-01-01`, to: `${key}-12-31` };
  if (key.length === 7) return monthBounds(key);
  return { from: key, to: key };
}

/** countByYear: per-month counts (oldest first, as countRowsByMonth gives) summed per year, empty years included. */
export function countByYear(
  months: readonly { month: string; count: number }[],
): { key: string; count: number }[] {
  if (months.length === 0) return [];
  const first = Number(months[0]!.month.slice(0, 4));
  const last = Number(months.at(-1)!.month.slice(0, 4));
  const counts = Array.from({ length: last - first + 1 }, () => 0);
  for (const { month, count } of months) counts[Number(month.slice(0, 4)) - first]! += count;
  return counts.map((count, index) => ({ key: String(first + index), count }));
}

/** countByDay: every day from `first` to `last` (oldest first) with its article count. */
export function countByDay(
  days: readonly RowDay[],
  first: DayKey,
  last: DayKey,
): { key: string; count: number }[] {
  const counts = new Map(days.map(({ day, start, end }) => [day, end - start]));
  const result: { key: string; count: number }[] = [];
  for (let day = first; day <= last; day = nextDay(day))
    result.push({ key: day, count: counts.get(day) ?? 0 });
  return result;
}

/** The window a chart shows: the active range, its missing ends taken from the data's extent. */
function windowOf(extent: { first: DayKey; last: DayKey }, range: DateRange) {
  return { first: range.from ?? extent.first, last: range.to ?? extent.last };
}

function overlaps(key: string, range: DateRange): boolean {
  const bounds = bucketBounds(key);
  return (
    (range.from === null || bounds.to >= range.from) &&
    (range.to === null || bounds.from <= range.to)
  );
}

/**
 * layOutTimeAxis: the chart's bars for the data's days, at the granularity the active range (or,
 * without one, the data) calls for. Years and months cover the whole data, so a narrowed range can
 * be widened from the chart; days cover the whole months the range touches.
 */
export function layOutTimeAxis(
  days: readonly RowDay[],
  monthCounts: readonly { month: string; count: number }[],
  range: DateRange,
): { granularity: Granularity; items: TimeAxisItem[] } {
  if (monthCounts.length === 0) return { granularity: 'month', items: [] };
  const extent = {
    first: bucketBounds(monthCounts[0]!.month).from,
    last: bucketBounds(monthCounts.at(-1)!.month).to,
  };
  const window = windowOf(extent, range);
  const granularity =
    window.first > window.last ? 'month' : chooseGranularity(window.first, window.last);
  if (granularity === 'month') {
    return {
      granularity,
      items: layOutMonthAxis(monthCounts, range).map((item) =>
        item.kind === 'gap'
          ? item
          : {
              kind: 'bucket',
              key: item.month,
              count: item.count,
              tick: item.tick,
              inRange: item.inRange,
            },
      ),
    };
  }
  const buckets =
    granularity === 'year'
      ? countByYear(monthCounts)
      : countByDay(
          days,
          bucketBounds(window.first.slice(0, 7)).from,
          bucketBounds(window.last.slice(0, 7)).to,
        );
  return {
    granularity,
    items: buckets.map(({ key, count }, index) => ({
      kind: 'bucket',
      key,
      count,
      tick: granularity === 'year' || index === 0 || key.endsWith('-01') ? key : null,
      inRange: overlaps(key, range),
    })),
  };
}

/**
 * brushedRange: the date range a drag from one item to another covers, in either direction: from
 * the first day of the earlier item to the last day of the later one. A folded gap at an end
 * counts from its first month (as a start) or to its last month (as an end); gaps inside a drag
 * are simply covered.
 */
export function brushedRange(
  items: readonly TimeAxisItem[],
  anchor: number,
  focus: number,
): { from: DayKey; to: DayKey } {
  const first = items[Math.min(anchor, focus)]!;
  const last = items[Math.max(anchor, focus)]!;
  return {
    from: bucketBounds(first.kind === 'gap' ? first.first : first.key).from,
    to: bucketBounds(last.kind === 'gap' ? last.last : last.key).to,
  };
}
