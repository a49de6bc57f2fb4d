import { describe, expect, it } from 'vitest';
import { foldText } from '../../search/fold';
import {
  arrangeSources,
  basicFold,
  compareSourceNames,
  matchesSourceQuery,
  resolveSourceNames,
  type SourceEntry,
} from './source-picker';

const entry = (name: string, count: number, group: string | null = null, selected = false) => ({
  name,
  count,
  group,
  selected,
});

const names = (sources: readonly SourceEntry[]) => sources.map((source) => source.name);

describe('compareSourceNames', () => {
  it('sorts Chinese names by pinyin, before Latin ones, which go regardless of case', () => {
    expect(
      ['ZAKER', '新浪', 'cnBeta', '爱范儿', 'bilibili', '36kr'].sort(compareSourceNames),
    ).toEqual(['36kr', '爱范儿', '新浪', 'bilibili', 'cnBeta', 'ZAKER']);
  });
});

describe('matchesSourceQuery', () => {
  it('finds a name by any part of it, folding Traditional, width and case', () => {
    expect(matchesSourceQuery('IT 之家', 'it之', foldText)).toBe(true);
    expect(matchesSourceQuery('游戏时光', '遊戲', foldText)).toBe(true);
    expect(matchesSourceQuery('36kr', '３６KR', foldText)).toBe(true);
    expect(matchesSourceQuery('新浪', '新华', foldText)).toBe(false);
  });

  it('matches every name when nothing is typed', () => {
    expect(matchesSourceQuery('新浪', '  ', basicFold)).toBe(true);
  });
});

describe('arrangeSources', () => {
  const entries = [
    entry('cnBeta', 5, '新媒体'),
    entry('36kr', 9, '新媒体'),
    entry('机核', 2, '游戏'),
    entry('游研社', 0, '游戏', true),
    entry('北辰时报', 7),
  ];

  it('puts the selected sources first, then the others by category, busiest first', () => {
    const arranged = arrangeSources(entries, { query: '', order: 'count', fold: basicFold });
    expect(names(arranged.selected)).toEqual(['游研社']);
    expect(arranged.sections.map((section) => [section.group, names(section.sources)])).toEqual([
      ['新媒体', ['36kr', 'cnBeta']],
      ['游戏', ['机核']],
      [null, ['北辰时报']],
    ]);
  });

  it('sorts by name when asked, and keeps the selected sources whatever is typed', () => {
    const arranged = arrangeSources(entries, { query: 'c', order: 'name', fold: basicFold });
    expect(names(arranged.selected)).toEqual(['游研社']);
    expect(arranged.sections.map((section) => names(section.sources))).toEqual([['cnBeta']]);
    expect(arranged.matching).toBe(1);
  });

  it('makes one section when the archive has fewer than two categories', () => {
    const arranged = arrangeSources([entry('b', 1, 'x'), entry('a', 1)], {
      query: '',
      order: 'name',
      fold: basicFold,
    });
    expect(arranged.sections).toEqual([
      { group: null, sources: [entry('a', 1), entry('b', 1, 'x')] },
    ]);
  });
});

describe('resolveSourceNames', () => {
  const archive = ['36kr', 'IT 之家', 'cnBeta', '北辰时报'];

  it('takes a name that differs only in case or width as the archive’s own', () => {
    expect(resolveSourceNames(['36KR', 'ＣＮＢＥＴＡ'], archive)).toEqual({
      sources: ['36kr', 'cnBeta'],
      unknown: [],
    });
  });

  it('keeps an unknown name, suggesting the closest source when one is close', () => {
    expect(resolveSourceNames(['36k', 'NoSuchPaper', '北辰时'], archive)).toEqual({
      sources: ['36k', 'NoSuchPaper', '北辰时'].sort(),
      unknown: [
        { value: '36k', suggestion: '36kr' },
        { value: 'NoSuchPaper', suggestion: null },
        { value: '北辰时', suggestion: '北辰时报' },
      ],
    });
  });
});
