import { describe, expect, it } from 'vitest';
import { convertArticle, hugoContentPath, hugoFileText, readDate } from './hugo-content';
import { readHugoPages } from './hugo-step';

const FRONT_MATTER_ARTICLE = [
  '',
  '---',
  "title: '央行''降准''：市场观察'",
  'categories: ',
  ' - 新闻',
  ' - 晨星日报',
  ' - 财经',
  "headimg: 'https://img.example.com/a.jpg'",
  'author: 晨星日报',
  'comments: false',
  'date: Thu, 29 Jul 2021 05:11:25 GMT',
  '---',
  '',
  '<div>',
  '<p>正文 <a href="https://example.com/">链接</a></p>',
  '</div>',
  '',
].join('\n');

describe('convertArticle', () => {
  it('keeps the title, date, categories and the HTML body of a front-matter article', () => {
    const page = convertArticle('hexo/新闻/晨星日报/财经/a.md', FRONT_MATTER_ARTICLE);
    expect(page.frontMatter).toEqual({
      title: "央行'降准'：市场观察",
      date: '2021-07-29T05:11:25Z',
      categories: ['新闻', '晨星日报', '财经'],
      years: ['2021'],
    });
    expect(page.html).toBe('<div>\n<p>正文 <a href="https://example.com/">链接</a></p>\n</div>');
  });

  it('leaves the date out when there is none', () => {
    const text = "---\ntitle: 'T'\ncategories: \n - a\n---\n<div><p>x</p></div>\n";
    expect(convertArticle('hexo/a/b/c/t.md', text).frontMatter).toEqual({
      title: 'T',
      categories: ['a'],
    });
  });

  it('turns plain text into escaped paragraphs, with its source and folder as categories', () => {
    const text =
      '\u3000\u3000标题 <b>\n来源：江城晚报\n记者 王五\n\n\u3000\u3000第一段 a<b\n\n第二段\n';
    const page = convertArticle('txt/社会/标题.txt', text);
    expect(page.frontMatter).toEqual({ title: '标题 <b>', categories: ['江城晚报', '社会'] });
    expect(page.html).toBe('<p>第一段 a&#60;b</p>\n<p>第二段</p>');
  });
});

describe('readDate', () => {
  it('reads RFC 1123 and zone-less dates (as UTC, like ingest by default)', () => {
    expect(readDate('Thu, 29 Jul 2021 05:11:25 GMT')).toBe('2021-07-29T05:11:25Z');
    expect(readDate('2021-07-29 13:05:00')).toBe('2021-07-29T13:05:00Z');
    expect(readDate('not a date')).toBeNull();
    expect(readDate(undefined)).toBeNull();
  });
});

describe('the Hugo content file', () => {
  it('is JSON front matter, a blank line and the body', () => {
    const text = hugoFileText({
      frontMatter: { title: '"引号"', categories: [] },
      html: '<p>x</p>',
    });
    const [frontMatter, body] = text.split('\n\n');
    expect(JSON.parse(frontMatter!)).toEqual({ title: '"引号"', categories: [] });
    expect(body).toBe('<p>x</p>\n');
  });

  it('goes in folders of a thousand posts', () => {
    expect(hugoContentPath(0)).toBe('posts/0000/0000000.html');
    expect(hugoContentPath(123_456)).toBe('posts/0123/0123456.html');
  });
});

describe('readHugoPages', () => {
  it("reads the page count of Hugo's build summary", () => {
    const stdout =
      '                   |  ZH   \n-------------------+-------\n  Pages            | 3077  \n';
    expect(readHugoPages(stdout)).toBe(3077);
    expect(readHugoPages('')).toBeNull();
  });
});
