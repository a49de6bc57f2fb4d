import { describe, expect, it } from 'vitest';
import type { SourceFile } from '../model';
import { htmlDocument } from './html-document';

const file = (text: string, relPath = 'page.html'): SourceFile => ({
  relPath,
  absPath: relPath,
  text,
  encoding: 'utf-8',
});

describe('htmlDocument', () => {
  it('claims .html and .htm files', () => {
    expect(htmlDocument.claims(file('', 'a.htm'))).toBe(true);
    expect(htmlDocument.claims(file('', 'a.md'))).toBe(false);
  });

  it('reads title, meta fields and body, dropping a heading that repeats the title', () => {
    const outcome = htmlDocument.parse(
      file(
        '<html><head><title> Talks &amp; Treaties </title><meta name="author" content="Ann Lee"><meta name="date" content="2021-06-16"><meta property="og:url" content="https://example.com/talks"></head><body><h1>Talks &amp; <i>Treaties</i></h1><p>Body.</p></body></html>',
      ),
    );
    expect(outcome).toEqual({
      ok: true,
      article: {
        title: 'Talks & Treaties',
        source: null,
        categories: null,
        author: 'Ann Lee',
        byline: null,
        date: '2021-06-16',
        image: null,
        originalUrl: { url: 'https://example.com/talks' },
        bodyHtml: '<p>Body.</p>',
        warnings: [],
      },
    });
  });

  it('falls back to the first <h1> for the title and keeps other headings', () => {
    const outcome = htmlDocument.parse(file('<h2>Sub</h2><h1>Main</h1><p>x</p>'));
    expect(outcome.ok && outcome.article.title).toBe('Main');
    expect(outcome.ok && outcome.article.bodyHtml).toBe('<h2>Sub</h2><h1>Main</h1><p>x</p>');
  });
});
