import { describe, expect, it } from 'vitest';
import { decideDateEntry, presetRange } from './date-entry';

describe('decideDateEntry', () => {
  it('waits while the year is still being typed, digit by digit', () => {
    for (const value of ['0002-03-01', '0020-03-01', '0202-03-01']) {
      expect(decideDateEntry(value, { final: false }), value).toEqual({ apply: false });
    }
    expect(decideDateEntry('2021-03-01', { final: false })).toEqual({
      apply: true,
      day: '2021-03-01',
    });
  });

  it('waits while the field is incomplete, and removes the bound when it is left so', () => {
    expect(decideDateEntry('', { final: false })).toEqual({ apply: false });
    expect(decideDateEntry('', { final: true })).toEqual({ apply: true, day: null });
  });

  it('applies any real day when the field is left or Enter is pressed', () => {
    expect(decideDateEntry('0202-03-01', { final: true })).toEqual({
      apply: true,
      day: '0202-03-01',
    });
  });

  it('never applies a day that does not exist', () => {
    expect(decideDateEntry('2021-02-30', { final: true })).toEqual({ apply: false });
  });
});

describe('presetRange', () => {
  it('covers the last seven days including today, across a month end', () => {
    expect(presetRange('last7Days', '2021-03-03')).toEqual({
      from: '2021-02-25',
      to: '2021-03-03',
    });
  });

  it('covers this month and this year up to today, and all removes both ends', () => {
    expect(presetRange('thisMonth', '2021-03-17')).toEqual({
      from: '2021-03-01',
      to: '2021-03-17',
    });
    expect(presetRange('thisYear', '2021-03-17')).toEqual({ from: '2021-01-01', to: '2021-03-17' });
    expect(presetRange('all', '2021-03-17')).toEqual({ from: null, to: null });
  });
});
