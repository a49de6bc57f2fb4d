import { describe, expect, it } from 'vitest';
import { parseArticleDate } from './date';

const now = new Date('2024-01-01T00:00:00.000Z');
const utc = { timeZone: 'UTC', now };
const shanghai = { timeZone: 'Asia/Shanghai', now };
const newYork = { timeZone: 'America/New_York', now };

describe('parseArticleDate', () => {
  it.each([
    ['Thu, 29 Jul 2021 05:11:25 GMT', '2021-07-29T05:11:25.000Z'],
    ['Thursday, 29 Jul 2021 05:11:25 GMT', '2021-07-29T05:11:25.000Z'],
    ['29 Jul 2021 05:11 GMT', '2021-07-29T05:11:00.000Z'],
    ['Thu, 29 Jul 2021 13:11:25 +0800', '2021-07-29T05:11:25.000Z'],
    ['Wed, 28 Jul 2021 22:11:25 -0700', '2021-07-29T05:11:25.000Z'],
    ['Thu, 29 Jul 2021 01:11:25 EDT', '2021-07-29T05:11:25.000Z'],
    ['Thu Jul 29 2021 13:11:25 GMT+0800 (China Standard Time)', '2021-07-29T05:11:25.000Z'],
    ['2021-07-29T05:11:25Z', '2021-07-29T05:11:25.000Z'],
    ['2021-07-29T05:11:25.5Z', '2021-07-29T05:11:25.500Z'],
    ['2021-07-29T13:11:25+08:00', '2021-07-29T05:11:25.000Z'],
    ['2021-07-29T13:11:25+0800', '2021-07-29T05:11:25.000Z'],
    ['2021-07-29T13:11:25+08', '2021-07-29T05:11:25.000Z'],
    ['2021-07-29 05:11:25 UTC', '2021-07-29T05:11:25.000Z'],
    ['  2021-07-29 05:11  ', '2021-07-29T05:11:00.000Z'],
    ['2021/7/29 5:11:25', '2021-07-29T05:11:25.000Z'],
    ['2021.07.29', '2021-07-29T00:00:00.000Z'],
    ['20210729', '2021-07-29T00:00:00.000Z'],
    ['2021年7月29日', '2021-07-29T00:00:00.000Z'],
    ['2021年07月29日 05:11', '2021-07-29T05:11:00.000Z'],
    ['2021年7月29日 5时11分25秒', '2021-07-29T05:11:25.000Z'],
    ['"2021-07-29 05:11:25"', '2021-07-29T05:11:25.000Z'],
    ['1627535485', '2021-07-29T05:11:25.000Z'],
    ['1627535485000', '2021-07-29T05:11:25.000Z'],
    ['2020-02-29', '2020-02-29T00:00:00.000Z'],
  ])('reads %j', (input, expected) => {
    expect(parseArticleDate(input, utc)).toEqual({ iso: expected });
  });

  it('reads epoch numbers, seconds and milliseconds, and Dates a YAML parser made', () => {
    expect(parseArticleDate(1627535485, utc)).toEqual({ iso: '2021-07-29T05:11:25.000Z' });
    expect(parseArticleDate(1627535485123, utc)).toEqual({ iso: '2021-07-29T05:11:25.123Z' });
    expect(parseArticleDate(new Date('2021-07-29T05:11:25Z'), utc)).toEqual({
      iso: '2021-07-29T05:11:25.000Z',
    });
  });

  it('reads a zone-less time in the given zone, across daylight saving', () => {
    expect(parseArticleDate('2021-07-29 13:05', shanghai)).toEqual({
      iso: '2021-07-29T05:05:00.000Z',
    });
    expect(parseArticleDate('2021年7月29日 13:05', shanghai)).toEqual({
      iso: '2021-07-29T05:05:00.000Z',
    });
    expect(parseArticleDate('2021年7月29日', shanghai)).toEqual({
      iso: '2021-07-28T16:00:00.000Z',
    });
    expect(parseArticleDate('29 Jul 2021 13:05', shanghai)).toEqual({
      iso: '2021-07-29T05:05:00.000Z',
    });
    expect(parseArticleDate('2021-07-01 12:00', newYork)).toEqual({
      iso: '2021-07-01T16:00:00.000Z',
    });
    expect(parseArticleDate('2021-01-01 12:00', newYork)).toEqual({
      iso: '2021-01-01T17:00:00.000Z',
    });
    // A zone in the text wins over the configured one.
    expect(parseArticleDate('2021-07-29T13:05:00Z', shanghai)).toEqual({
      iso: '2021-07-29T13:05:00.000Z',
    });
  });

  it('leaves empty values undated without a warning', () => {
    for (const value of [undefined, null, '', '  ', "''"]) {
      expect(parseArticleDate(value, utc)).toEqual({ iso: null });
    }
  });

  it.each([
    ['Invalid Date', 'date "Invalid Date" could not be read'],
    ['yesterday', 'date "yesterday" could not be read'],
    ['2021-13-01', 'date "2021-13-01" is not a real calendar date'],
    ['2021-02-29', 'date "2021-02-29" is not a real calendar date'],
    ['2021-04-31 10:00', 'date "2021-04-31 10:00" is not a real calendar date'],
    ['2021-07-29 24:30', 'date "2021-07-29 24:30" is not a real calendar date'],
    ['32 Jul 2021', 'date "32 Jul 2021" is not a real calendar date'],
    ['29 Foo 2021', 'date "29 Foo 2021" could not be read'],
    ['2021-07-29 10:00 +2500', 'date "2021-07-29 10:00 +2500" has an unknown time zone'],
    [
      'Thu, 29 Jul 2021 05:11:25 XYZ',
      'date "Thu, 29 Jul 2021 05:11:25 XYZ" has an unknown time zone',
    ],
    ['1970-01-01 00:00:00', 'date "1970-01-01 00:00:00" is before 1990; left undated'],
    ['0099-05-01', 'date "0099-05-01" is before 1990; left undated'],
    ['0', 'date "0" could not be read'],
    ['2031-05-01', 'date "2031-05-01" is more than a year in the future; left undated'],
  ])('refuses %j with a warning, never a guess', (input, warning) => {
    expect(parseArticleDate(input, utc)).toEqual({ iso: null, warning });
  });

  it('refuses implausible epochs, invalid Dates and values of other types', () => {
    expect(parseArticleDate(0, utc)).toEqual({
      iso: null,
      warning: 'date "0" is before 1990; left undated',
    });
    expect(parseArticleDate(-1e20, utc)).toEqual({
      iso: null,
      warning: 'date "-100000000000000000000" could not be read',
    });
    expect(parseArticleDate(new Date(Number.NaN), utc)).toEqual({
      iso: null,
      warning: 'date "Invalid Date" could not be read',
    });
    expect(parseArticleDate(['2021-07-29'], utc)).toEqual({
      iso: null,
      warning: 'date is a list, not text; left undated',
    });
    expect(parseArticleDate({ year: 2021 }, utc)).toEqual({
      iso: null,
      warning: 'date is of type object, not text; left undated',
    });
  });

  it('accepts up to a year ahead of now', () => {
    expect(parseArticleDate('2024-12-30', utc)).toEqual({ iso: '2024-12-30T00:00:00.000Z' });
  });
});
