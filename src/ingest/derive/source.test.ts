import { describe, expect, it } from 'vitest';
import {
  readCategories,
  resolveAuthor,
  resolveChannel,
  resolveSource,
  UNKNOWN_SOURCE,
} from './source';

const categories = ['新媒体', 'Aljazeera 半岛网', '新闻'];

describe('resolveSource', () => {
  it('follows the documented order', () => {
    const evidence = { source: '环球观察', categories, author: '作者', relPath: 'hexo/a.md' };
    expect(resolveSource(evidence)).toBe('环球观察');
    expect(resolveSource({ ...evidence, source: null })).toBe('Aljazeera 半岛网');
    expect(resolveSource({ ...evidence, source: ' ', categories: ['新媒体'] })).toBe('作者');
    expect(resolveSource({ ...evidence, source: null, categories: null, author: null })).toBe(
      'hexo',
    );
    expect(resolveSource({ source: null, categories: null, author: null, relPath: 'a.md' })).toBe(
      UNKNOWN_SOURCE,
    );
  });

  it('collapses whitespace and trims the dashes archivers add to category names', () => {
    expect(
      resolveSource({
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
      resolveSource({ source: null, categories: null, author: ['', '北辰时报'], relPath: 'a' }),
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
