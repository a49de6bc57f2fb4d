import { describe, expect, it } from 'vitest';
import { deriveExcerpt } from './excerpt';

describe('deriveExcerpt', () => {
  it('returns short text whole', () => {
    expect(deriveExcerpt('美俄同意延长新约。')).toBe('美俄同意延长新约。');
  });

  it('cuts Chinese text at a word boundary near 120 characters, with an ellipsis', () => {
    const text = '美俄两国代表在日内瓦举行战略稳定对话，双方同意设立两个工作组。'.repeat(10);
    const excerpt = deriveExcerpt(text);
    expect([...excerpt].length).toBeLessThanOrEqual(121);
    expect([...excerpt].length).toBeGreaterThan(100);
    expect(excerpt.endsWith('…')).toBe(true);
    expect(text.startsWith(excerpt.slice(0, -1))).toBe(true);
  });

  it('cuts English text between words and drops trailing punctuation before the ellipsis', () => {
    const text =
      'Inspectors from both sides will return to each other’s bases, ' + 'word '.repeat(40);
    const excerpt = deriveExcerpt(text, 64);
    expect(excerpt).toBe('Inspectors from both sides will return to each other’s bases…');
  });

  it('never splits a surrogate pair', () => {
    const excerpt = deriveExcerpt('𠀀'.repeat(200), 10);
    expect(excerpt).toBe(`${'𠀀'.repeat(10)}…`);
  });
});
