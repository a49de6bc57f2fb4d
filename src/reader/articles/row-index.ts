import { zonedWallTimeToUtc } from '../../common/zoned-time';
import type { DayKey } from './day-key';

/**
 * The columns the list, the filters and the timeline work from: one entry per article, in list
 * order (newest first, undated last). Row content (titles, excerpts) lives in chunks fetched for
 * the rows on screen; these columns are all that is needed to filter, count and group.
 */
export interface RowColumns {
  count: number;
  /** Rows with a date; they come first, so rows `datedCount…count-1` are the undated ones. */
  datedCount: number;
  /** Publication instant in epoch minutes for dated rows (descending); NaN for undated ones. */
  minutes: Float64Array;
  /** Index into the archive's source list. */
  sources: Uint16Array;
}

/** A filter resolved against the columns: source indices and a half-open minute range. */
export interface RowFilter {
  /** Source indices to keep; null keeps every source. */
  sources: ReadonlySet<number> | null;
  /** Inclusive lower bound, epoch minutes; null for none. */
  fromMinute: number | null;
  /** Exclusive upper bound, epoch minutes; null for none. */
  toMinute: number | null;
}

/** First dated row whose minute is below `minute` (rows are sorted descending). */
function firstRowBelow(columns: RowColumns, minute: number): number {
  let low = 0;
  let high = columns.datedCount;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (columns.minutes[middle]! < minute) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** rowSpan: the contiguous rows a date range covers; undated rows fall outside any range. */
export function rowSpan(columns: RowColumns, filter: RowFilter): { start: number; end: number } {
  if (filter.fromMinute === null && filter.toMinute === null)
    return { start: 0, end: columns.count };
  const start = filter.toMinute === null ? 0 : firstRowBelow(columns, filter.toMinute);
  const end =
    filter.fromMinute === null ? columns.datedCount : firstRowBelow(columns, filter.fromMinute);
  return { start, end: Math.max(start, end) };
}

/** filterRows: the indices of the rows matching the filter, in list order. */
export function filterRows(columns: RowColumns, filter: RowFilter): Uint32Array {
  const { start, end } = rowSpan(columns, filter);
  if (filter.sources === null) {
    const rows = new Uint32Array(end - start);
    for (let index = 0; index < rows.length; index += 1) rows[index] = start + index;
    return rows;
  }
  const rows = new Uint32Array(end - start);
  let length = 0;
  for (let row = start; row < end; row += 1) {
    if (filter.sources.has(columns.sources[row]!)) rows[length++] = row;
  }
  return rows.slice(0, length);
}

/**
 * filterRankedRows: the rows of a ranked list (search results) that match the filter, in the
 * list's order.
 */
export function filterRankedRows(
  columns: RowColumns,
  filter: RowFilter,
  ranked: Uint32Array,
): Uint32Array {
  const { start, end } = rowSpan(columns, filter);
  const kept = new Uint32Array(ranked.length);
  let length = 0;
  for (const row of ranked) {
    if (row < start || row >= end) continue;
    if (filter.sources === null || filter.sources.has(columns.sources[row]!)) kept[length++] = row;
  }
  return kept.slice(0, length);
}

/**
 * countRowsBySource: per-source counts within the filter's date range, ignoring its sources, so the
 * number beside each source says what selecting it would show. With `within` (search results),
 * only those rows count; with `keepsRow` (the read-state filter), only the rows it keeps.
 */
export function countRowsBySource(
  columns: RowColumns,
  filter: RowFilter,
  sourceCount: number,
  within?: Uint32Array,
  keepsRow?: (row: number) => boolean,
): Uint32Array {
  const counts = new Uint32Array(sourceCount);
  const { start, end } = rowSpan(columns, filter);
  const count = (row: number) => {
    if (keepsRow === undefined || keepsRow(row)) counts[columns.sources[row]!]! += 1;
  };
  if (within) {
    for (const row of within) if (row >= start && row < end) count(row);
    return counts;
  }
  for (let row = start; row < end; row += 1) count(row);
  return counts;
}

/** oldestFirst: rows in list order with the dated ones reversed; the undated stay last. */
export function oldestFirst(columns: RowColumns, rows: Uint32Array): Uint32Array {
  const datedEnd = undatedStart(columns, rows);
  const reordered = Uint32Array.from(rows);
  reordered.subarray(0, datedEnd).reverse();
  return reordered;
}

/**
 * undatedStart: where, in rows given in list order (either direction), the undated ones begin:
 * they are always last.
 */
export function undatedStart(columns: RowColumns, rows: ArrayLike<number>): number {
  let low = 0;
  let high = rows.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (rows[middle]! < columns.datedCount) low = middle + 1;
    else high = middle;
  }
  return low;
}

function parseDay(day: DayKey): [number, number, number] {
  return day.split('-').map(Number) as [number, number, number];
}

/** dayStartMinute: epoch minutes of midnight starting `day` in `timeZone`. */
export function dayStartMinute(day: DayKey, timeZone: string): number {
  const [year, month, date] = parseDay(day);
  return zonedWallTimeToUtc(Date.UTC(year, month - 1, date), timeZone) / 60_000;
}

/** nextDay: the calendar day after `day`. */
export function nextDay(day: DayKey): DayKey {
  const [year, month, date] = parseDay(day);
  return new Date(Date.UTC(year, month - 1, date + 1)).toISOString().slice(0, 10);
}

/**
 * toRowFilter: day-precision `from`/`to` (inclusive, in the reader's zone) as a minute range, and
 * source names as indices. Unknown names match nothing.
 */
export function toRowFilter(
  filters: { sources: readonly string[]; from: DayKey | null; to: DayKey | null },
  sourceNames: readonly string[],
  timeZone: string,
): RowFilter {
  const sourceIndex = new Map(sourceNames.map((name, index) => [name, index]));
  return {
    sources:
      filters.sources.length === 0
        ? null
        : new Set(
            filters.sources
              .map((name) => sourceIndex.get(name))
              .filter((index): index is number => index !== undefined),
          ),
    fromMinute: filters.from === null ? null : dayStartMinute(filters.from, timeZone),
    toMinute: filters.to === null ? null : dayStartMinute(nextDay(filters.to), timeZone),
  };
}

export interface RowDay {
  day: DayKey;
  /** Positions in the row list given to groupRowsByDay, half-open. */
  start: number;
  end: number;
}

/**
 * groupRowsByDay: consecutive runs of dated rows that fall on one calendar day in `timeZone`.
 * Rows are in descending time, so each day is one run; the zone is consulted once per day, not
 * once per row, which keeps this fast for a hundred thousand rows. Undated rows are not grouped.
 */
export function groupRowsByDay(
  columns: RowColumns,
  rows: ArrayLike<number>,
  timeZone: string,
  dayKeyOf: (epochMs: number) => DayKey,
): RowDay[] {
  const days: RowDay[] = [];
  let dayStart = Infinity;
  let dayEnd = -Infinity;
  for (let position = 0; position < rows.length; position += 1) {
    const minute = columns.minutes[rows[position]!]!;
    if (Number.isNaN(minute)) break;
    if (minute >= dayStart && minute < dayEnd) {
      days[days.length - 1]!.end = position + 1;
      continue;
    }
    const day = dayKeyOf(minute * 60_000);
    dayStart = dayStartMinute(day, timeZone);
    dayEnd = dayStartMinute(nextDay(day), timeZone);
    days.push({ day, start: position, end: position + 1 });
  }
  return days;
}

/**
 * countRowsByMonth: one entry per month from the earliest to the latest dated row, oldest first,
 * with empty months included so a chart's gaps are real gaps.
 */
export function countRowsByMonth(days: readonly RowDay[]): { month: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const { day, start, end } of days) {
    const month = day.slice(0, 7);
    counts.set(month, (counts.get(month) ?? 0) + end - start);
  }
  if (counts.size === 0) return [];
  const months = [...counts.keys()].sort();
  const result: { month: string; count: number }[] = [];
  const last = months[months.length - 1]!;
  let [year, month] = months[0]!.split('-').map(Number) as [number, number];
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    result.push({ month: key, count: counts.get(key) ?? 0 });
    if (key === last) break;
    month += 1;
    if (month === 13) {
      month = 1;
      year += 1;
    }
  }
  return result;
}
