import { describe, expect, it } from 'vitest';
import type { SourceFile } from '../model';
import { frontMatterArticle } from './front-matter-article';

const file = (text: string, relPath = 'a.md'): SourceFile => ({
  relPath,
  absPath: relPath,
  text,
  encoding: 'utf-8',
});

describe('frontMatterArticle', () => {
  it('keeps an HTML body as HTML and renders a Markdown body', () => {
    const html = frontMatterArticle.parse(
      file('---\ntitle: a\n---\n\n<div>\n    <p>x</p>\n</div>'),
    );
    expect(html.ok && html.article.bodyHtml).toBe('\n<div>\n    <p>x</p>\n</div>');
    const markdown = frontMatterArticle.parse(file('---\ntitle: a\n---\n\n## 小标题\n\n正文'));
    expect(markdown.ok && markdown.article.bodyHtml).toBe('<h2>小标题</h2>\n<p>正文</p>\n');
  });

  it('passes the fields on raw, with the line of each', () => {
    const outcome = frontMatterArticle.parse(
      file(
        "\n---\ntitle: 标题\ncategories:\n - a\n - b\nauthor: 甲\ndate: 2021-07-29\nheadimg: ''\nthumbnail: https://x.example/t.jpg\n---\n正文",
      ),
    );
    expect(outcome).toMatchObject({
      ok: true,
      article: {
        title: '标题',
        categories: ['a', 'b'],
        author: '甲',
        date: '2021-07-29',
        image: ['', undefined, 'https://x.example/t.jpg'],
        fieldLines: { title: 3, categories: 4, author: 7, date: 8, headimg: 9, thumbnail: 10 },
      },
    });
  });

  it('rejects front matter that is never closed', () => {
    expect(frontMatterArticle.parse(file('---\ntitle: a\nbody'))).toEqual({
      ok: false,
      reason: 'front matter opened with --- at line 1 is never closed',
    });
  });

  it('ignores js front matter without running it', () => {
    const outcome = frontMatterArticle.parse(
      file('---js\n{ title: (globalThis.__ran = "yes") }\n---\n<p>正文</p>'),
    );
    expect((globalThis as Record<string, unknown>).__ran).toBeUndefined();
    expect(outcome).toMatchObject({
      ok: true,
      article: {
        title: undefined,
        bodyHtml: '<p>正文</p>',
        warnings: [
          {
            message: 'front matter in "js" is code; it was not run and its fields are ignored',
            line: 1,
          },
        ],
      },
    });
  });
});
