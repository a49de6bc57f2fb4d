import { describe, expect, it } from 'vitest';
import { layOutMonthAxis } from './month-axis';

const months = (entries: [string, number][]) => entries.map(([month, count]) => ({ month, count }));

/** Every month from `first` to `last`, with the given counts and 0 elsewhere. */
function span(first: string, last: string, counts: Record<string, number>) {
  const result: [string, number][] = [];
  let [year, month] = first.split('-').map(Number) as [number, number];
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    result.push([key, counts[key] ?? 0]);
    if (key === last) return months(result);
    month += 1;
    if (month === 13) [year, month] = [year + 1, 1];
  }
}

describe('layOutMonthAxis', () => {
  it('folds a long empty stretch into one gap, so an outlier does not squash the busy months', () => {
    const items = layOutMonthAxis(
      span('2001-05', '2021-03', { '2001-05': 1, '2021-01': 9, '2021-03': 4 }),
      { from: null, to: null },
    );
    expect(items.map((item) => (item.kind === 'gap' ? `gap ${item.months}` : item.month))).toEqual([
      '2001-05',
      'gap 235',
      '2021-01',
      '2021-02',
      '2021-03',
    ]);
  });

  it('keeps a short empty stretch as empty months', () => {
    const items = layOutMonthAxis(
      months([
        ['2021-01', 3],
        ['2021-02', 0],
        ['2021-03', 1],
      ]),
      { from: null, to: null },
    );
    expect(items.every((item) => item.kind === 'month')).toBe(true);
  });

  it('labels the first month in full and each January by its year, nothing else', () => {
    const items = layOutMonthAxis(span('2020-11', '2021-02', { '2020-11': 1, '2021-02': 1 }), {
      from: null,
      to: null,
    });
    expect(items.map((item) => (item.kind === 'month' ? item.tick : 'gap'))).toEqual([
      '2020-11',
      null,
      '2021',
      null,
    ]);
  });

  it('labels the first month after a gap in full', () => {
    const items = layOutMonthAxis(span('2001-05', '2021-03', { '2001-05': 1, '2021-02': 9 }), {
      from: null,
      to: null,
    });
    expect(items[2]).toMatchObject({ month: '2021-02', tick: '2021-02' });
  });

  it('marks which months the active range covers, open ends included', () => {
    const all = span('2021-01', '2021-04', { '2021-01': 1, '2021-04': 1 });
    const covered = (from: string | null, to: string | null) =>
      layOutMonthAxis(all, { from, to }).map((item) => item.kind === 'month' && item.inRange);
    expect(covered('2021-02-15', '2021-03-01')).toEqual([false, true, true, false]);
    expect(covered('2021-03-10', null)).toEqual([false, false, true, true]);
    expect(covered(null, null)).toEqual([true, true, true, true]);
  });
});
