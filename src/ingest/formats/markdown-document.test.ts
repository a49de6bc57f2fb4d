import { describe, expect, it } from 'vitest';
import type { SourceFile } from '../model';
import { markdownDocument } from './markdown-document';

const file = (text: string): SourceFile => ({
  relPath: 'note.md',
  absPath: 'note.md',
  text,
  encoding: 'utf-8',
});

describe('markdownDocument', () => {
  it('takes the first heading as the title and renders the rest', () => {
    const outcome = markdownDocument.parse(file('\n# 标题 #\n\n正文 **加粗**\n'));
    expect(outcome.ok && outcome.article.title).toBe('标题');
    expect(outcome.ok && outcome.article.bodyHtml).toBe('<p>正文 <strong>加粗</strong></p>\n');
  });

  it('takes the first line when there is no heading', () => {
    const outcome = markdownDocument.parse(file('第一行\n\n第二段'));
    expect(outcome.ok && outcome.article.title).toBe('第一行');
  });
});
