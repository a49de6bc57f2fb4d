import { describe, expect, it } from 'vitest';
import { dayKeyIn } from './day-key';
import { countArticlesByMonth, groupArticlesByMonthAndDay } from './timeline';
import { ids, makeArticle } from './test-articles';

const utcDay = dayKeyIn('UTC');
const shanghaiDay = dayKeyIn('Asia/Shanghai');

/** The shape of a grouping, by id, to compare against a hand-written expectation. */
function outline(result: ReturnType<typeof groupArticlesByMonthAndDay>) {
  return {
    months: result.months.map(({ month, count, days }) => ({
      month,
      count,
      days: days.map(({ day, articles }) => ({ day, ids: ids(articles) })),
    })),
    undated: ids(result.undated),
  };
}

describe('groupArticlesByMonthAndDay', () => {
  it('groups by month and day, newest first, whatever the input order', () => {
    const june = makeArticle({ date: '2021-06-10T08:00:00.000Z' });
    const julyLate = makeArticle({ date: '2021-07-29T08:00:00.000Z' });
    const december = makeArticle({ date: '2020-12-31T08:00:00.000Z' });
    const julyEarly = makeArticle({ date: '2021-07-02T08:00:00.000Z' });
    const result = groupArticlesByMonthAndDay([june, julyLate, december, julyEarly], utcDay);
    expect(outline(result)).toEqual({
      months: [
        {
          month: '2021-07',
          count: 2,
          days: [
            { day: '2021-07-29', ids: [julyLate.id] },
            { day: '2021-07-02', ids: [julyEarly.id] },
          ],
        },
        { month: '2021-06', count: 1, days: [{ day: '2021-06-10', ids: [june.id] }] },
        { month: '2020-12', count: 1, days: [{ day: '2020-12-31', ids: [december.id] }] },
      ],
      undated: [],
    });
  });

  it('keeps the given order of articles within a day', () => {
    // Not chronological on purpose: the index order wins inside a day.
    const morning = makeArticle({ date: '2021-07-29T01:00:00.000Z' });
    const evening = makeArticle({ date: '2021-07-29T22:00:00.000Z' });
    const noon = makeArticle({ date: '2021-07-29T12:00:00.000Z' });
    const { months } = groupArticlesByMonthAndDay([morning, evening, noon], utcDay);
    expect(months).toHaveLength(1);
    expect(months[0]!.days).toHaveLength(1);
    expect(ids(months[0]!.days[0]!.articles)).toEqual([morning.id, evening.id, noon.id]);
  });

  it('counts every article of a month across its days', () => {
    const articles = [
      makeArticle({ date: '2021-07-29T08:00:00.000Z' }),
      makeArticle({ date: '2021-07-29T09:00:00.000Z' }),
      makeArticle({ date: '2021-07-28T08:00:00.000Z' }),
      makeArticle({ date: '2021-07-01T08:00:00.000Z' }),
      makeArticle({ date: '2021-06-30T08:00:00.000Z' }),
    ];
    const { months } = groupArticlesByMonthAndDay(articles, utcDay);
    expect(months.map(({ month, count }) => ({ month, count }))).toEqual([
      { month: '2021-07', count: 4 },
      { month: '2021-06', count: 1 },
    ]);
    expect(months[0]!.days.map(({ day, articles: inDay }) => [day, inDay.length])).toEqual([
      ['2021-07-29', 2],
      ['2021-07-28', 1],
      ['2021-07-01', 1],
    ]);
  });

  it('returns undated articles apart, in their given order', () => {
    const firstUndated = makeArticle({ date: null });
    const dated = makeArticle({ date: '2021-07-29T08:00:00.000Z' });
    const secondUndated = makeArticle({ date: null });
    const result = groupArticlesByMonthAndDay([firstUndated, dated, secondUndated], utcDay);
    expect(outline(result)).toEqual({
      months: [{ month: '2021-07', count: 1, days: [{ day: '2021-07-29', ids: [dated.id] }] }],
      undated: [firstUndated.id, secondUndated.id],
    });
  });

  it('groups by the day in the given zone', () => {
    const evening = makeArticle({ date: '2021-07-28T20:00:00.000Z' });
    const monthEnd = makeArticle({ date: '2021-07-31T16:30:00.000Z' });
    expect(outline(groupArticlesByMonthAndDay([monthEnd, evening], shanghaiDay)).months).toEqual([
      { month: '2021-08', count: 1, days: [{ day: '2021-08-01', ids: [monthEnd.id] }] },
      { month: '2021-07', count: 1, days: [{ day: '2021-07-29', ids: [evening.id] }] },
    ]);
    expect(outline(groupArticlesByMonthAndDay([monthEnd, evening], utcDay)).months).toEqual([
      {
        month: '2021-07',
        count: 2,
        days: [
          { day: '2021-07-31', ids: [monthEnd.id] },
          { day: '2021-07-28', ids: [evening.id] },
        ],
      },
    ]);
  });

  it('is empty for no articles and for only undated ones', () => {
    expect(groupArticlesByMonthAndDay([], utcDay)).toEqual({ months: [], undated: [] });
    const undated = makeArticle({ date: null });
    expect(outline(groupArticlesByMonthAndDay([undated], utcDay))).toEqual({
      months: [],
      undated: [undated.id],
    });
  });
});

describe('countArticlesByMonth', () => {
  const at = (date: string | null) => makeArticle({ date });

  it('fills the months between with zero, oldest first', () => {
    const articles = [
      at('2021-04-20T08:00:00.000Z'),
      at('2021-01-05T08:00:00.000Z'),
      at('2021-04-01T08:00:00.000Z'),
    ];
    expect(countArticlesByMonth(articles, utcDay)).toEqual([
      { month: '2021-01', count: 1 },
      { month: '2021-02', count: 0 },
      { month: '2021-03', count: 0 },
      { month: '2021-04', count: 2 },
    ]);
  });

  it('continues across a year boundary', () => {
    const articles = [at('2021-02-10T08:00:00.000Z'), at('2020-11-10T08:00:00.000Z')];
    expect(countArticlesByMonth(articles, utcDay)).toEqual([
      { month: '2020-11', count: 1 },
      { month: '2020-12', count: 0 },
      { month: '2021-01', count: 0 },
      { month: '2021-02', count: 1 },
    ]);
  });

  it('spans more than a year without skipping or repeating months', () => {
    const result = countArticlesByMonth(
      [at('2019-12-15T08:00:00.000Z'), at('2021-01-15T08:00:00.000Z')],
      utcDay,
    );
    expect(result).toHaveLength(14);
    expect(result[0]).toEqual({ month: '2019-12', count: 1 });
    expect(result[1]).toEqual({ month: '2020-01', count: 0 });
    expect(result[12]).toEqual({ month: '2020-12', count: 0 });
    expect(result[13]).toEqual({ month: '2021-01', count: 1 });
  });

  it('gives one entry for a single month', () => {
    expect(
      countArticlesByMonth(
        [at('2021-07-01T08:00:00.000Z'), at('2021-07-31T08:00:00.000Z')],
        utcDay,
      ),
    ).toEqual([{ month: '2021-07', count: 2 }]);
  });

  it('leaves undated articles out', () => {
    expect(
      countArticlesByMonth([at(null), at('2021-07-01T08:00:00.000Z'), at(null)], utcDay),
    ).toEqual([{ month: '2021-07', count: 1 }]);
  });

  it('is empty for no articles and for only undated ones', () => {
    expect(countArticlesByMonth([], utcDay)).toEqual([]);
    expect(countArticlesByMonth([at(null)], utcDay)).toEqual([]);
  });

  it('counts by the month in the given zone', () => {
    const articles = [at('2021-07-31T16:30:00.000Z'), at('2021-07-10T08:00:00.000Z')];
    expect(countArticlesByMonth(articles, shanghaiDay)).toEqual([
      { month: '2021-07', count: 1 },
      { month: '2021-08', count: 1 },
    ]);
    expect(countArticlesByMonth(articles, utcDay)).toEqual([{ month: '2021-07', count: 2 }]);
  });
});
