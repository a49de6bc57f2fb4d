import { describe, expect, it } from 'vitest';
import { extractPlainText } from './plain-text';

describe('extractPlainText', () => {
  it('separates blocks, drops tags, decodes entities and collapses whitespace', () => {
    expect(
      extractPlainText('<div><p>美俄&amp;北约</p><p>第二段<br>换行 <b>加粗</b></p></div>'),
    ).toBe('美俄&北约 第二段 换行 加粗');
    expect(extractPlainText('<p><img src="a.png"></p>')).toBe('');
  });
});
