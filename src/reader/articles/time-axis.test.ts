import { describe, expect, it } from 'vitest';
import type { RowDay } from './row-index';
import {
  brushedRange,
  bucketBounds,
  chooseGranularity,
  countByDay,
  countByYear,
  layOutTimeAxis,
  type TimeAxisItem,
} from './time-axis';

/** Days with the given counts, as groupRowsByDay would give them (newest first). */
function rowDays(counts: Record<string, number>): RowDay[] {
  let position = 0;
  return Object.entries(counts)
    .sort(([a], [b]) => b.localeCompare(a))
    .map(([day, count]) => {
      const start = position;
      position += count;
      return { day, start, end: position };
    });
}

const keys = (items: TimeAxisItem[]) =>
  items.map((item) => (item.kind === 'gap' ? `gap ${item.first}…${item.last}` : item.key));

describe('chooseGranularity', () => {
  it('shows years for a span of many years, months for a year, days within two months', () => {
    expect(chooseGranularity('2001-05-01', '2021-03-31')).toBe('year');
    expect(chooseGranularity('2017-01-01', '2021-12-31')).toBe('year');
    expect(chooseGranularity('2018-01-01', '2021-12-31')).toBe('month');
    expect(chooseGranularity('2021-01-01', '2021-12-31')).toBe('month');
    expect(chooseGranularity('2021-03-01', '2021-04-30')).toBe('day');
    expect(chooseGranularity('2021-03-05', '2021-03-05')).toBe('day');
    expect(chooseGranularity('2021-03-01', '2021-05-15')).toBe('month');
  });
});

describe('bucketBounds', () => {
  it('gives the first and last day of a year, a month (leap February included) and a day', () => {
    expect(bucketBounds('2021')).toEqual({ from: '2021-01-01', to: '2021-12-31' });
    expect(bucketBounds('2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(bucketBounds('2021-03-05')).toEqual({ from: '2021-03-05', to: '2021-03-05' });
  });
});

describe('countByYear and countByDay', () => {
  it('sums months into years, keeping empty years', () => {
    expect(
      countByYear([
        { month: '2019-12', count: 2 },
        { month: '2020-01', count: 0 },
        { month: '2021-01', count: 3 },
        { month: '2021-02', count: 4 },
      ]),
    ).toEqual([
      { key: '2019', count: 2 },
      { key: '2020', count: 0 },
      { key: '2021', count: 7 },
    ]);
  });

  it('lists every day of the window with its count, across a month end', () => {
    expect(
      countByDay(rowDays({ '2021-03-01': 2, '2021-02-27': 1 }), '2021-02-27', '2021-03-01'),
    ).toEqual([
      { key: '2021-02-27', count: 1 },
      { key: '2021-02-28', count: 0 },
      { key: '2021-03-01', count: 2 },
    ]);
  });
});

describe('layOutTimeAxis', () => {
  const monthCounts = (entries: [string, number][]) =>
    entries.map(([month, count]) => ({ month, count }));

  it('shows every year of a long archive, each ticked, fading those outside the range', () => {
    const months = monthCounts([['2001-05', 1]]);
    for (let year = 2002; year <= 2021; year += 1) months.push({ month: `${year}-01`, count: 1 });
    const { granularity, items } = layOutTimeAxis([], months, { from: null, to: null });
    expect(granularity).toBe('year');
    expect(items).toHaveLength(21);
    expect(items[0]).toEqual({
      kind: 'bucket',
      key: '2001',
      count: 1,
      tick: '2001',
      inRange: true,
    });
    const narrowed = layOutTimeAxis([], months, { from: '2003-06-01', to: '2010-12-31' });
    expect(narrowed.granularity).toBe('year');
    expect(narrowed.items.filter((item) => item.kind === 'bucket' && item.inRange)).toHaveLength(8);
  });

  it('shows months, with folded gaps, for a range of a year', () => {
    const months = monthCounts([
      ['2021-01', 2],
      ['2021-02', 0],
      ['2021-03', 1],
    ]);
    const { granularity, items } = layOutTimeAxis([], months, {
      from: '2021-01-01',
      to: '2021-12-31',
    });
    expect(granularity).toBe('month');
    expect(keys(items)).toEqual(['2021-01', '2021-02', '2021-03']);
    expect(items[0]).toMatchObject({ tick: '2021-01' });
  });

  it('shows the days of the months a narrow range touches, with full-date ticks', () => {
    const days = rowDays({ '2021-03-05': 2, '2021-02-10': 1 });
    const months = monthCounts([
      ['2021-02', 1],
      ['2021-03', 2],
    ]);
    const { granularity, items } = layOutTimeAxis(days, months, {
      from: '2021-03-01',
      to: '2021-03-31',
    });
    expect(granularity).toBe('day');
    expect(items).toHaveLength(31);
    expect(items[0]).toEqual({
      kind: 'bucket',
      key: '2021-03-01',
      count: 0,
      tick: '2021-03-01',
      inRange: true,
    });
    expect(items[4]).toMatchObject({ key: '2021-03-05', count: 2, tick: null });
  });
});

describe('brushedRange', () => {
  const items: TimeAxisItem[] = [
    { kind: 'bucket', key: '2001-05', count: 1, tick: '2001-05', inRange: true },
    { kind: 'gap', first: '2001-06', last: '2020-12', months: 235 },
    { kind: 'bucket', key: '2021-01', count: 9, tick: '2021-01', inRange: true },
    { kind: 'bucket', key: '2021-02', count: 0, tick: null, inRange: true },
    { kind: 'bucket', key: '2021-03', count: 4, tick: null, inRange: true },
  ];

  it('runs from the first day of the earlier month to the last day of the later, either way', () => {
    expect(brushedRange(items, 2, 4)).toEqual({ from: '2021-01-01', to: '2021-03-31' });
    expect(brushedRange(items, 4, 2)).toEqual({ from: '2021-01-01', to: '2021-03-31' });
  });

  it('covers a folded gap inside the drag, and takes a gap’s own months at an end', () => {
    expect(brushedRange(items, 0, 3)).toEqual({ from: '2001-05-01', to: '2021-02-28' });
    expect(brushedRange(items, 1, 2)).toEqual({ from: '2001-06-01', to: '2021-01-31' });
    expect(brushedRange(items, 0, 1)).toEqual({ from: '2001-05-01', to: '2020-12-31' });
  });

  it('spans whole years and days at those granularities', () => {
    const years: TimeAxisItem[] = ['2019', '2020'].map((key) => ({
      kind: 'bucket',
      key,
      count: 1,
      tick: key,
      inRange: true,
    }));
    expect(brushedRange(years, 1, 0)).toEqual({ from: '2019-01-01', to: '2020-12-31' });
    const days: TimeAxisItem[] = ['2021-02-27', '2021-03-02'].map((key) => ({
      kind: 'bucket',
      key,
      count: 1,
      tick: null,
      inRange: true,
    }));
    expect(brushedRange(days, 0, 1)).toEqual({ from: '2021-02-27', to: '2021-03-02' });
  });
});
