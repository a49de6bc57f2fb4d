import { describe, expect, it } from 'vitest';
import { sanitizeForIngest } from '../../sanitizer/ingest-sanitizer';
import { extractParagraphs, extractPlainText } from './plain-text';

describe('extractPlainText', () => {
  it('separates blocks, drops tags, decodes entities and collapses whitespace', () => {
    expect(
      extractPlainText('<div><p>美俄&amp;北约</p><p>第二段<br>换行 <b>加粗</b></p></div>'),
    ).toBe('美俄&北约 第二段 换行 加粗');
    expect(extractPlainText('<p><img src="a.png"></p>')).toBe('');
  });
});

describe('the sanitizer and extractPlainText', () => {
  it('split the same HTML into the same text', () => {
    const html =
      '<article><h2>标题</h2><p>第一段<b>加粗</b>&amp;<br>换行</p><ul><li>一</li><li>二</li></ul><table><tbody><tr><td>格</td><td>子</td></tr></tbody></table><pre>代码\n</pre><span>尾</span></article>';
    const sanitized = sanitizeForIngest(html);
    expect(sanitized.html).toBe(html);
    expect(sanitized.paragraphs).toEqual(extractParagraphs(html));
    expect(sanitized.paragraphs.join(' ')).toBe(extractPlainText(html));
  });
});
