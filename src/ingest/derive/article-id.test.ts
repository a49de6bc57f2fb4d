import { describe, expect, it } from 'vitest';
import { deriveArticleId } from './article-id';

describe('deriveArticleId', () => {
  it('is 12 hex digits, stable for a path and different for another', () => {
    const id = deriveArticleId('hexo/新闻/北辰时报/国际/a.md');
    expect(id).toMatch(/^[0-9a-f]{12}$/);
    expect(deriveArticleId('hexo/新闻/北辰时报/国际/a.md')).toBe(id);
    expect(deriveArticleId('hexo/新闻/北辰时报/国际/b.md')).not.toBe(id);
  });

  it('hashes the path as stored, so a decomposed twin of a composed name has its own id', () => {
    expect(deriveArticleId('caf\u00e9.md')).not.toBe(deriveArticleId('cafe\u0301.md'));
  });

  it('does not depend on when or where it runs', () => {
    expect(deriveArticleId('txt/WorldNews/forum-trailer.txt')).toBe('db88271cfff6');
  });
});
