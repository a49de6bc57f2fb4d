import { describe, expect, it } from 'vitest';
import {
  readCategories,
  resolveAuthor,
  resolveChannel,
  resolveSource,
  UNKNOWN_SOURCE,
} from './source';

const categories = ['新媒体', 'Aljazeera 半岛网', '新闻'];
const sourceOf = (evidence: Parameters<typeof resolveSource>[0]) => resolveSource(evidence).name;
const evidenceOf = (fields: Partial<Parameters<typeof resolveSource>[0]>) => ({
  source: null,
  categories: null,
  author: null,
  relPath: 'a.md',
  ...fields,
});

describe('resolveSource', () => {
  it('follows the documented order', () => {
    const evidence = { source: '环球观察', categories, author: '作者', relPath: 'hexo/a.md' };
    expect(sourceOf(evidence)).toBe('环球观察');
    expect(sourceOf({ ...evidence, source: null })).toBe('Aljazeera 半岛网');
    expect(sourceOf({ ...evidence, source: ' ', categories: ['新媒体'] })).toBe('作者');
    expect(sourceOf({ ...evidence, source: null, categories: null, author: null })).toBe('hexo');
    expect(sourceOf({ source: null, categories: null, author: null, relPath: 'a.md' })).toBe(
      UNKNOWN_SOURCE,
    );
  });

  it('collapses whitespace and trims the dashes archivers add to category names', () => {
    expect(
      sourceOf({
        source: null,
        categories: ['x', '  IT   之家 '],
        author: null,
        relPath: 'a',
      }),
    ).toBe('IT 之家');
    expect(resolveChannel(['二次元', 'Animen', '— news'])).toBe('news');
  });

  it('takes the first name from a list of authors', () => {
    expect(
      sourceOf({ source: null, categories: null, author: ['', '北辰时报'], relPath: 'a' }),
    ).toBe('北辰时报');
  });
});

describe('readCategories', () => {
  it('reads a single name, a list, and a Hexo hierarchy', () => {
    expect(readCategories('评论')).toEqual(['评论']);
    expect(readCategories(categories)).toEqual(categories);
    expect(readCategories([categories])).toEqual(categories);
    expect(readCategories(null)).toEqual([]);
    expect(readCategories({ a: 1 })).toEqual([]);
  });
});

describe('resolveChannel and resolveAuthor', () => {
  it('reads categories[2] and the author as text', () => {
    expect(resolveChannel(categories)).toBe('新闻');
    expect(resolveChannel(['a', 'b'])).toBeNull();
    expect(resolveAuthor(' 方知远 ')).toBe('方知远');
    expect(resolveAuthor(42)).toBe('42');
    expect(resolveAuthor({ name: 'x' })).toBeNull();
  });
});

describe('resolveSource: names a reader can trust', () => {
  it('says where each name came from', () => {
    expect(resolveSource(evidenceOf({ source: '北辰时报' }))).toEqual({
      name: '北辰时报',
      origin: 'source-field',
    });
    expect(resolveSource(evidenceOf({ source: '北辰时报' }), 'byline').origin).toBe('byline');
    expect(resolveSource(evidenceOf({ categories })).origin).toBe('categories');
    expect(resolveSource(evidenceOf({ author: '北辰时报' })).origin).toBe('author-field');
    expect(resolveSource(evidenceOf({ relPath: 'txt/SportNews/a.txt' }))).toEqual({
      name: 'txt',
      origin: 'folder',
    });
    expect(resolveSource(evidenceOf({})).origin).toBe('unknown');
  });

  it('shows the text of a Markdown link, not the link', () => {
    expect(sourceOf(evidenceOf({ source: 'Webtoons - [Naver](https://comic.naver.com)' }))).toBe(
      'Webtoons - Naver',
    );
  });

  it('never takes a photo credit for an outlet', () => {
    expect(resolveSource(evidenceOf({ source: '被访者供图', relPath: 'txt/a.txt' }))).toEqual({
      name: 'txt',
      origin: 'folder',
    });
    expect(sourceOf(evidenceOf({ author: '新华社记者 王小明 摄' }))).toBe(UNKNOWN_SOURCE);
    expect(sourceOf(evidenceOf({ author: '图/视觉中国' }))).toBe(UNKNOWN_SOURCE);
  });

  it('keeps the outlet of a byline and leaves the person out', () => {
    expect(sourceOf(evidenceOf({ author: '肆客足球 原创： beck辰' }))).toBe('肆客足球');
    expect(sourceOf(evidenceOf({ author: '跟朱相鹏学精益和HUAWEI 文 | 朱相鹏' }))).toBe(
      '跟朱相鹏学精益和HUAWEI',
    );
    expect(sourceOf(evidenceOf({ author: '文 | 朱相鹏' }))).toBe(UNKNOWN_SOURCE);
  });

  it('takes the outlet from an outlet and a person side by side, in either order', () => {
    expect(sourceOf(evidenceOf({ author: '泰山晚报 牛志明' }))).toBe('泰山晚报');
    expect(sourceOf(evidenceOf({ author: '秦云 星空体育' }))).toBe('星空体育');
  });

  it('leaves two-part names alone when neither part is plainly a person', () => {
    for (const name of [
      'Aljazeera 半岛网',
      '少数派 sspai',
      'IT 之家',
      '北京 晚报',
      '东方 日报 记者',
    ]) {
      expect(sourceOf(evidenceOf({ author: name }))).toBe(name);
    }
  });
});
