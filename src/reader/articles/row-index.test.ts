import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayKeyIn } from './day-key';
import {
  countRowsByMonth,
  countRowsBySource,
  dayStartMinute,
  filterRankedRows,
  filterRows,
  groupRowsByDay,
  nextDay,
  oldestFirst,
  rowSpan,
  toRowFilter,
  undatedStart,
  type RowColumns,
} from './row-index';

const minute = (iso: string) => Date.parse(iso) / 60_000;

/** Columns from dated instants (any order) plus undated rows, sorted as ingest sorts them. */
function columnsOf(
  dated: { at: string; source: number }[],
  undatedSources: number[] = [],
): RowColumns {
  const sorted = [...dated].sort((a, b) => minute(b.at) - minute(a.at));
  const count = sorted.length + undatedSources.length;
  const minutes = new Float64Array(count).fill(NaN);
  const sources = new Uint16Array(count);
  sorted.forEach((row, index) => {
    minutes[index] = minute(row.at);
    sources[index] = row.source;
  });
  undatedSources.forEach((source, index) => (sources[sorted.length + index] = source));
  return { count, datedCount: sorted.length, minutes, sources };
}

const shanghaiDay = (epochMs: number) => dayKeyIn('Asia/Shanghai')(new Date(epochMs).toISOString());

const sample = columnsOf(
  [
    { at: '2021-09-30T15:00:00Z', source: 2 },
    { at: '2021-09-30T12:00:00Z', source: 2 },
    { at: '2021-07-28T20:00:00Z', source: 1 },
    { at: '2021-06-18T09:00:00Z', source: 0 },
    { at: '2021-06-16T15:00:00Z', source: 0 },
    { at: '2021-02-03T09:30:00Z', source: 0 },
    { at: '2019-08-02T08:00:00Z', source: 0 },
  ],
  [1, 3],
);

describe('rowSpan and filterRows', () => {
  it('keeps every row, undated included, without a date range', () => {
    expect([...filterRows(sample, { sources: null, fromMinute: null, toMinute: null })]).toEqual([
      0, 1, 2, 3, 4, 5, 6, 7, 8,
    ]);
  });

  it('selects the contiguous rows of a range and drops undated rows', () => {
    const filter = toRowFilter(
      { sources: [], from: '2021-06-01', to: '2021-07-31' },
      [],
      'Asia/Shanghai',
    );
    expect(rowSpan(sample, filter)).toEqual({ start: 2, end: 5 });
    expect([...filterRows(sample, filter)]).toEqual([2, 3, 4]);
  });

  it('reads day bounds in the reader’s zone: 20:00 UTC on 28 July is 29 July in Shanghai', () => {
    const july29 = toRowFilter(
      { sources: [], from: '2021-07-29', to: '2021-07-29' },
      [],
      'Asia/Shanghai',
    );
    expect([...filterRows(sample, july29)]).toEqual([2]);
    const inUtc = toRowFilter({ sources: [], from: '2021-07-29', to: '2021-07-29' }, [], 'UTC');
    expect([...filterRows(sample, inUtc)]).toEqual([]);
  });

  it('filters by source names, unknown names matching nothing', () => {
    const names = ['北辰时报', '环球观察周刊', 'The Meridian Ledger', 'txt'];
    expect([
      ...filterRows(
        sample,
        toRowFilter({ sources: ['The Meridian Ledger'], from: null, to: null }, names, 'UTC'),
      ),
    ]).toEqual([0, 1]);
    expect([
      ...filterRows(sample, toRowFilter({ sources: ['txt'], from: null, to: null }, names, 'UTC')),
    ]).toEqual([8]);
    expect([
      ...filterRows(
        sample,
        toRowFilter({ sources: ['nobody'], from: null, to: null }, names, 'UTC'),
      ),
    ]).toEqual([]);
  });

  it('matches a straightforward scan for any columns and filter', () => {
    const instant = fc.integer({
      min: minute('2019-01-01T00:00:00Z'),
      max: minute('2023-12-31T00:00:00Z'),
    });
    fc.assert(
      fc.property(
        fc.array(fc.record({ at: instant, source: fc.integer({ min: 0, max: 3 }) }), {
          maxLength: 60,
        }),
        fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 5 }),
        fc.option(instant),
        fc.option(instant),
        fc.option(fc.uniqueArray(fc.integer({ min: 0, max: 3 }))),
        (dated, undated, from, to, sources) => {
          const columns = columnsOf(
            dated.map((row) => ({
              at: new Date(row.at * 60_000).toISOString(),
              source: row.source,
            })),
            undated,
          );
          const filter = {
            sources: sources ? new Set(sources) : null,
            fromMinute: from,
            toMinute: to,
          };
          const expected: number[] = [];
          for (let row = 0; row < columns.count; row += 1) {
            const m = columns.minutes[row]!;
            const ranged = from !== null || to !== null;
            if (ranged && Number.isNaN(m)) continue;
            if (from !== null && m < from) continue;
            if (to !== null && m >= to) continue;
            if (filter.sources && !filter.sources.has(columns.sources[row]!)) continue;
            expected.push(row);
          }
          expect([...filterRows(columns, filter)]).toEqual(expected);
        },
      ),
    );
  });
});

describe('oldestFirst and undatedStart', () => {
  it('reverses the dated rows and keeps the undated ones last, in their order', () => {
    expect([...oldestFirst(sample, Uint32Array.from([0, 2, 5, 7, 8]))]).toEqual([5, 2, 0, 7, 8]);
  });

  it('finds where the undated rows begin in either order, or the end when there are none', () => {
    expect(undatedStart(sample, [0, 2, 5, 7, 8])).toBe(3);
    expect(undatedStart(sample, [5, 2, 0, 7, 8])).toBe(3);
    expect(undatedStart(sample, [1, 3])).toBe(2);
    expect(undatedStart(sample, [7, 8])).toBe(0);
  });
});

describe('countRowsBySource', () => {
  it('counts within the date range whatever sources are selected', () => {
    const filter = toRowFilter(
      { sources: ['x'], from: '2021-01-01', to: null },
      ['x'],
      'Asia/Shanghai',
    );
    expect([...countRowsBySource(sample, filter, 4)]).toEqual([3, 1, 2, 0]);
    expect([
      ...countRowsBySource(sample, { sources: null, fromMinute: null, toMinute: null }, 4),
    ]).toEqual([4, 2, 2, 1]);
  });

  it('counts only the rows the read-state filter keeps, with or without search results', () => {
    const everything = { sources: null, fromMinute: null, toMinute: null };
    const evenRows = (row: number) => row % 2 === 0;
    expect([...countRowsBySource(sample, everything, 4, undefined, evenRows)]).toEqual([
      2, 1, 1, 1,
    ]);
    expect([
      ...countRowsBySource(sample, everything, 4, Uint32Array.from([0, 1, 2]), evenRows),
    ]).toEqual([0, 1, 1, 0]);
  });
});

describe('search results', () => {
  const everything = { sources: null, fromMinute: null, toMinute: null };

  it('keep their ranking and lose the rows the filter drops', () => {
    const ranked = Uint32Array.from([5, 0, 3, 1]);
    expect([...filterRankedRows(sample, everything, ranked)]).toEqual([5, 0, 3, 1]);
    const filter = { ...everything, sources: new Set([2]) };
    expect([...filterRankedRows(sample, filter, ranked)]).toEqual(
      [5, 0, 3, 1].filter((row) => sample.sources[row] === 2),
    );
  });

  it('agree with filtering every row and keeping the results', () => {
    const ranked = Uint32Array.from([...Array(sample.count).keys()].reverse());
    const filter = toRowFilter({ sources: [], from: '2021-01-01', to: null }, [], 'Asia/Shanghai');
    const kept = new Set(filterRows(sample, filter));
    expect([...filterRankedRows(sample, filter, ranked)]).toEqual(
      [...ranked].filter((row) => kept.has(row)),
    );
  });

  it('are counted by source within the date range', () => {
    const within = Uint32Array.from([0, 1]);
    const counts = countRowsBySource(sample, everything, 4, within);
    const expected = [0, 0, 0, 0];
    for (const row of within) expected[sample.sources[row]!]! += 1;
    expect([...counts]).toEqual(expected);
  });
});

describe('days and months', () => {
  it('finds midnight in the zone, across daylight saving', () => {
    expect(dayStartMinute('2021-07-29', 'Asia/Shanghai')).toBe(minute('2021-07-28T16:00:00Z'));
    expect(dayStartMinute('2021-03-14', 'America/New_York')).toBe(minute('2021-03-14T05:00:00Z'));
    expect(dayStartMinute('2021-03-15', 'America/New_York')).toBe(minute('2021-03-15T04:00:00Z'));
    expect(nextDay('2020-02-28')).toBe('2020-02-29');
    expect(nextDay('2021-12-31')).toBe('2022-01-01');
  });

  it('groups rows into runs per day, newest first, in the given zone', () => {
    const rows = filterRows(sample, { sources: null, fromMinute: null, toMinute: null });
    expect(groupRowsByDay(sample, rows, 'Asia/Shanghai', shanghaiDay)).toEqual([
      { day: '2021-09-30', start: 0, end: 2 },
      { day: '2021-07-29', start: 2, end: 3 },
      { day: '2021-06-18', start: 3, end: 4 },
      { day: '2021-06-16', start: 4, end: 5 },
      { day: '2021-02-03', start: 5, end: 6 },
      { day: '2019-08-02', start: 6, end: 7 },
    ]);
  });

  it('counts months oldest first with the empty ones in between', () => {
    const days = [
      { day: '2021-02-03', start: 0, end: 3 },
      { day: '2020-11-30', start: 3, end: 4 },
      { day: '2020-11-01', start: 4, end: 6 },
    ];
    expect(countRowsByMonth(days)).toEqual([
      { month: '2020-11', count: 3 },
      { month: '2020-12', count: 0 },
      { month: '2021-01', count: 0 },
      { month: '2021-02', count: 3 },
    ]);
    expect(countRowsByMonth([])).toEqual([]);
  });
});
