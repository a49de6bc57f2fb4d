import type { DayKey } from './day-key';

/** A run of at least this many empty months is folded into one gap on the chart. */
export const FOLDED_GAP_MONTHS = 6;

export type MonthAxisItem =
  | {
      kind: 'month';
      month: string;
      count: number;
      /** Unambiguous tick text (`2021` at a year's first month, `2021-03` at the chart's start), or null. */
      tick: string | null;
      /** Whether the month overlaps the active date range (true for every month without one). */
      inRange: boolean;
    }
  | { kind: 'gap'; first: string; last: string; months: number };

/**
 * layOutMonthAxis: the chart's items from per-month counts (oldest first, empty months included):
 * runs of FOLDED_GAP_MONTHS or more empty months fold into one gap, so one stray old date does
 * not squash the busy years; each month knows its tick and whether the range covers it.
 */
export function layOutMonthAxis(
  months: readonly { month: string; count: number }[],
  range: { from: DayKey | null; to: DayKey | null },
): MonthAxisItem[] {
  const fromMonth = range.from?.slice(0, 7) ?? null;
  const toMonth = range.to?.slice(0, 7) ?? null;
  const items: MonthAxisItem[] = [];
  let index = 0;
  while (index < months.length) {
    const { month, count } = months[index]!;
    if (count === 0) {
      let end = index;
      while (end + 1 < months.length && months[end + 1]!.count === 0) end += 1;
      const run = end - index + 1;
      if (run >= FOLDED_GAP_MONTHS) {
        items.push({ kind: 'gap', first: month, last: months[end]!.month, months: run });
        index = end + 1;
        continue;
      }
    }
    const previous = items.at(-1);
    const tick =
      previous === undefined || previous.kind === 'gap'
        ? month
        : month.endsWith('-01')
          ? month.slice(0, 4)
          : null;
    items.push({
      kind: 'month',
      month,
      count,
      tick,
      inRange: (fromMonth === null || month >= fromMonth) && (toMonth === null || month <= toMonth),
    });
    index += 1;
  }
  return items;
}
