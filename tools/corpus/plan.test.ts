import { describe, expect, it } from 'vitest';
import { DAY_COUNT, FIRST_DAY_MS, planCorpus } from './plan';

describe('planCorpus', () => {
  const plan = planCorpus(1);

  it('has 40 distinct sources with very uneven shares', () => {
    expect(plan.sources).toHaveLength(40);
    expect(new Set(plan.sources.map((source) => source.name)).size).toBe(40);
    const shares = plan.sources.map((source) => source.share);
    expect(shares.reduce((sum, share) => sum + share, 0)).toBeCloseTo(1, 9);
    expect(shares[0]).toBeGreaterThan(0.17);
    expect(shares[0]).toBeLessThan(0.22);
    // A handful of articles in 100,000.
    expect(shares[39]! * 100_000).toBeGreaterThan(2);
    expect(shares[39]! * 100_000).toBeLessThan(10);
  });

  it('gives about 5% of articles to English outlets and 3% to Traditional Chinese ones', () => {
    const share = (lang: string) =>
      plan.sources.filter((source) => source.lang === lang).reduce((sum, s) => sum + s.share, 0);
    expect(share('en')).toBeGreaterThan(0.04);
    expect(share('en')).toBeLessThan(0.065);
    expect(share('zh-Hant')).toBeGreaterThan(0.02);
    expect(share('zh-Hant')).toBeLessThan(0.04);
  });

  it('is the same for the same seed and differs for another', () => {
    const again = planCorpus(1);
    expect(again.sources.map((s) => s.channels)).toEqual(plan.sources.map((s) => s.channels));
    expect([...again.calendar.weights]).toEqual([...plan.calendar.weights]);
    expect([...planCorpus(2).calendar.weights]).not.toEqual([...plan.calendar.weights]);
  });
});

describe.each([1, 2, 3, 42])('planCalendar (seed %i)', (seed) => {
  const { calendar } = planCorpus(seed);

  it('covers 2019-01-01 to 2023-12-31', () => {
    expect(DAY_COUNT).toBe(1826);
    expect(calendar.weights).toHaveLength(DAY_COUNT);
    expect(new Date(FIRST_DAY_MS + (DAY_COUNT - 1) * 86_400_000).toISOString()).toBe(
      '2023-12-31T00:00:00.000Z',
    );
  });

  it('has fewer articles on weekends', () => {
    const perWeekday = new Array<number>(7).fill(0);
    calendar.weights.forEach((weight, day) => {
      if (calendar.topicByDay[day] !== null) return;
      perWeekday[new Date(FIRST_DAY_MS + day * 86_400_000).getUTCDay()]! += weight;
    });
    const weekend = perWeekday[0]! + perWeekday[6]!;
    const weekdays = perWeekday.slice(1, 6).reduce((sum, value) => sum + value, 0);
    expect(weekend / 2 / (weekdays / 5)).toBeLessThan(0.6);
  });

  it('has multi-day bursts at 5–10 times the volume of the same weekday around them', () => {
    expect(calendar.bursts.length).toBeGreaterThanOrEqual(5);
    for (const burst of calendar.bursts) {
      expect(burst.days).toBeGreaterThanOrEqual(2);
      for (let day = burst.firstDay; day < burst.firstDay + burst.days; day += 1) {
        expect(calendar.topicByDay[day]).toBe(burst.topic);
        const sameWeekday = [-28, -21, -14, -7, 7, 14, 21, 28]
          .map((offset) => day + offset)
          .filter((other) => calendar.topicByDay[other] === null)
          .map((other) => calendar.weights[other]!)
          .sort((a, b) => a - b);
        const usual = sameWeekday[Math.floor(sameWeekday.length / 2)]!;
        expect(calendar.weights[day]! / usual).toBeGreaterThan(4);
        expect(calendar.weights[day]! / usual).toBeLessThan(12.5);
      }
    }
  });
});
