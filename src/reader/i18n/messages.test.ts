import { describe, expect, it } from 'vitest';
import { LANGUAGE_TAGS, MESSAGES, UI_LANGUAGES, type Messages } from './messages';

type FunctionKey = {
  [K in keyof Messages]: Messages[K] extends (...args: never[]) => string ? K : never;
}[keyof Messages];

/** Arguments for every function message; the type makes a new function message fail to compile. */
const SAMPLE_ARGS: { [K in FunctionKey]: Parameters<Messages[K]> } = {
  filtersWithCount: [4],
  matchingArticles: [17],
  undatedArticles: [23],
  ignoredParameter: ['from', '2021-13-01'],
  readingMinutes: [9],
  byAuthor: ['Jane Roe'],
  positionInList: [37, 412],
  monthBarLabel: ['2021-07', 58],
  yearBarLabel: ['2021', 580],
  dayBarLabel: ['2021-07-05', 8],
  chartBrushSelection: ['2021-02', '2021-06'],
  applyFilters: [123],
  articleCount: [64],
  articleNotFoundBody: ['0123456789ab'],
  errorVersion: ['7', 3],
  errorHttp: [503],
  removedNote: [
    29,
    [
      { name: 'iframe', count: 21 },
      { name: 'script', count: 8 },
    ],
  ],
  embedLink: ['iframe'],
  searchResults: [12, '削减战略'],
  noSearchResults: ['条约 -俄罗斯'],
  noSearchResultsFiltered: ['NATO 北约'],
  highlightedTerms: ['"arms control"'],
  matchCount: [3],
  markedAllRead: [12],
  sourceLink: ['北辰时报'],
  matchPosition: [2, 10],
  cosmeticRemovals: [27],
  importOutcome: [40, 12, 3],
  importFailed: ['articles.0.id: Invalid string'],
  noSourceMatches: ['新华'],
  onlySourceLabel: ['36kr'],
  unknownSource: ['不存在的来源'],
  suggestSource: ['36kr'],
  removeSourceFilter: ['36kr'],
  removeDatesFilter: ['2021-01-01 – 2021-12-31'],
  removeQueryFilter: ['条约'],
  removeStateFilter: ['未读'],
  emptyBarLabel: ['2021-02'],
  emptyStretchLabel: ['2001-06', '2020-12'],
  showUndated: [23],
};

/** Strings intentionally empty: decorative thumbnails take alt="". */
const MAY_BE_EMPTY = new Set<keyof Messages>(['thumbnailAlt']);

const call = (t: Messages, key: FunctionKey): string =>
  (t[key] as (...args: unknown[]) => string)(...SAMPLE_ARGS[key]);

/** The plain values inside an argument list, e.g. each name and count of a list of kinds. */
const leaves = (value: unknown): string[] =>
  typeof value === 'object' && value !== null
    ? Object.values(value).flatMap(leaves)
    : [String(value)];

describe('messages', () => {
  it('has a catalogue and a BCP 47 tag for every UI language', () => {
    for (const language of UI_LANGUAGES) {
      expect(MESSAGES[language]).toBeDefined();
      expect(Intl.getCanonicalLocales(LANGUAGE_TAGS[language])).toHaveLength(1);
    }
    expect(Object.keys(MESSAGES).sort()).toEqual([...UI_LANGUAGES].sort());
  });

  it('has the same keys in English as in Chinese, of the same kinds', () => {
    const kinds = (t: Messages) =>
      Object.fromEntries(Object.entries(t).map(([key, value]) => [key, typeof value]));
    expect(kinds(MESSAGES.en)).toEqual(kinds(MESSAGES.zh));
  });

  it('has the same entries in English as in Chinese for each table of messages', () => {
    for (const [key, value] of Object.entries(MESSAGES.zh)) {
      if (typeof value !== 'object') continue;
      const english = MESSAGES.en[key as keyof Messages] as Record<string, string>;
      expect(Object.keys(english).sort(), key).toEqual(Object.keys(value).sort());
      for (const text of [...Object.values(value), ...Object.values(english)]) {
        expect(typeof text, key).toBe('string');
        expect((text as string).trim(), key).not.toBe('');
      }
    }
  });

  it('samples every function message', () => {
    const functionKeys = Object.entries(MESSAGES.zh)
      .filter(([, value]) => typeof value === 'function')
      .map(([key]) => key)
      .sort();
    expect(Object.keys(SAMPLE_ARGS).sort()).toEqual(functionKeys);
  });

  describe.each(UI_LANGUAGES)('in %s', (language) => {
    const t = MESSAGES[language];

    it.each(Object.keys(SAMPLE_ARGS) as FunctionKey[])(
      '%s gives a non-empty sentence that includes its arguments',
      (key) => {
        const text = call(t, key);
        expect(typeof text).toBe('string');
        expect(text.trim()).not.toBe('');
        for (const leaf of leaves(SAMPLE_ARGS[key])) expect(text).toContain(leaf);
      },
    );

    it('has no empty plain strings, except where empty is meant', () => {
      const empty = Object.entries(t)
        .filter(([, value]) => typeof value === 'string' && value.trim() === '')
        .map(([key]) => key)
        .filter((key) => !MAY_BE_EMPTY.has(key as keyof Messages));
      expect(empty).toEqual([]);
    });
  });

  it('offers the other language on the language switch', () => {
    expect(MESSAGES.zh.languageSwitch).not.toBe(MESSAGES.en.languageSwitch);
    expect(MESSAGES.zh.languageSwitch).toBe('English');
    expect(MESSAGES.en.languageSwitch).toBe('中文');
  });

  it.each<[FunctionKey, number, string]>([
    ['matchingArticles', 1, '1 article'],
    ['matchingArticles', 2, '2 articles'],
    ['matchingArticles', 0, '0 articles'],
    ['articleCount', 1, '1 article'],
    ['articleCount', 5, '5 articles'],
  ])('English %s(%i) reads “%s”', (key, count, expected) => {
    expect((MESSAGES.en[key] as (count: number) => string)(count)).toBe(expected);
  });

  it('English removal notes agree in number', () => {
    const kinds = [{ name: 'script', count: 1 }];
    expect(MESSAGES.en.removedNote(1, kinds)).toContain('1 unsafe or external item removed');
    expect(MESSAGES.en.removedNote(3, kinds)).toContain('3 unsafe or external items removed');
  });

  it('English month bars agree in number', () => {
    expect(MESSAGES.en.monthBarLabel('2021-07', 1)).toContain('1 article,');
    expect(MESSAGES.en.monthBarLabel('2021-07', 4)).toContain('4 articles,');
  });
});
