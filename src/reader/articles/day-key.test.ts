import { describe, expect, it } from 'vitest';
import { dayKeyIn, isDayKey, localTimeZone, monthBounds } from './day-key';

describe('dayKeyIn', () => {
  const shanghai = dayKeyIn('Asia/Shanghai');
  const utc = dayKeyIn('UTC');
  const newYork = dayKeyIn('America/New_York');

  it('puts one instant on different days in different zones', () => {
    const instant = '2021-07-28T20:00:00.000Z';
    expect(shanghai(instant)).toBe('2021-07-29');
    expect(utc(instant)).toBe('2021-07-28');
    expect(newYork(instant)).toBe('2021-07-28');
  });

  it('turns the day at local midnight in Asia/Shanghai (UTC+8)', () => {
    expect(shanghai('2021-07-28T15:59:59.999Z')).toBe('2021-07-28');
    expect(shanghai('2021-07-28T16:00:00.000Z')).toBe('2021-07-29');
  });

  it('turns the day at midnight UTC in UTC', () => {
    expect(utc('2021-07-28T23:59:59.999Z')).toBe('2021-07-28');
    expect(utc('2021-07-29T00:00:00.000Z')).toBe('2021-07-29');
  });

  it('turns the day at local midnight in America/New_York on both sides of spring DST', () => {
    // 2021-03-14 starts in EST (UTC-5); 2021-03-15 starts in EDT (UTC-4).
    expect(newYork('2021-03-14T04:59:59.000Z')).toBe('2021-03-13');
    expect(newYork('2021-03-14T05:00:00.000Z')).toBe('2021-03-14');
    expect(newYork('2021-03-15T03:59:59.000Z')).toBe('2021-03-14');
    expect(newYork('2021-03-15T04:00:00.000Z')).toBe('2021-03-15');
  });

  it('turns the day at local midnight in America/New_York on both sides of autumn DST', () => {
    // 2021-11-07 starts in EDT (UTC-4); 2021-11-08 starts in EST (UTC-5).
    expect(newYork('2021-11-07T03:59:59.000Z')).toBe('2021-11-06');
    expect(newYork('2021-11-07T04:00:00.000Z')).toBe('2021-11-07');
    expect(newYork('2021-11-08T04:30:00.000Z')).toBe('2021-11-07');
    expect(newYork('2021-11-08T05:00:00.000Z')).toBe('2021-11-08');
  });

  it('crosses month and year boundaries in the zone, not in UTC', () => {
    expect(shanghai('2020-12-31T16:00:00.000Z')).toBe('2021-01-01');
    expect(newYork('2021-01-01T04:59:59.000Z')).toBe('2020-12-31');
    expect(shanghai('2021-02-28T16:00:00.000Z')).toBe('2021-03-01');
  });

  it('zero-pads months and days into a valid day key', () => {
    const day = utc('2021-01-05T08:00:00.000Z');
    expect(day).toBe('2021-01-05');
    expect(isDayKey(day)).toBe(true);
  });

  it('keeps each zone apart when several are in use', () => {
    const instant = '2021-07-28T20:00:00.000Z';
    // Fresh functions for zones already used above must not share a formatter.
    expect(dayKeyIn('UTC')(instant)).toBe('2021-07-28');
    expect(dayKeyIn('Asia/Shanghai')(instant)).toBe('2021-07-29');
    expect(dayKeyIn('UTC')(instant)).toBe('2021-07-28');
  });

  it('accepts the reader’s own zone', () => {
    const day = dayKeyIn(localTimeZone())('2021-07-28T12:00:00.000Z');
    expect(isDayKey(day)).toBe(true);
  });
});

describe('isDayKey', () => {
  it.each(['2021-01-01', '2020-02-29', '2000-02-29', '2021-12-31', '2021-04-30'])(
    'accepts the real day %s',
    (value) => {
      expect(isDayKey(value)).toBe(true);
    },
  );

  it.each([
    ['2021-02-29', 'Feb 29 outside a leap year'],
    ['1900-02-29', 'Feb 29 in a century year that is not a leap year'],
    ['2021-13-01', 'month 13'],
    ['2021-00-10', 'month 0'],
    ['2021-01-00', 'day 0'],
    ['2021-04-31', 'April 31'],
    ['2021-01-32', 'day 32'],
    ['2021-1-1', 'unpadded month and day'],
    ['21-01-01', 'two-digit year'],
    ['2021/01/01', 'slashes'],
    ['2021-01-01T00:00', 'a time part'],
    [' 2021-01-01', 'leading space'],
    ['2021-01-01\n', 'trailing newline'],
    ['２０２１-01-01', 'full-width digits'],
    ['', 'the empty string'],
  ])('rejects %j (%s)', (value) => {
    expect(isDayKey(value)).toBe(false);
  });
});

describe('monthBounds', () => {
  it.each([
    ['2020-02', '2020-02-01', '2020-02-29'],
    ['2021-02', '2021-02-01', '2021-02-28'],
    ['1900-02', '1900-02-01', '1900-02-28'],
    ['2000-02', '2000-02-01', '2000-02-29'],
    ['2021-01', '2021-01-01', '2021-01-31'],
    ['2021-04', '2021-04-01', '2021-04-30'],
    ['2021-12', '2021-12-01', '2021-12-31'],
  ])('bounds %s as %s … %s', (month, from, to) => {
    expect(monthBounds(month)).toEqual({ from, to });
  });
});
