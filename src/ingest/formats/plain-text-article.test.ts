import { describe, expect, it } from 'vitest';
import type { ParsedArticle, SourceFile } from '../model';
import { plainTextArticle, readByline } from './plain-text-article';

function parse(text: string, relPath = 'txt/WorldNews/文章.txt'): ParsedArticle {
  const file: SourceFile = { relPath, absPath: `/archive/${relPath}`, text, encoding: 'utf-8' };
  const outcome = plainTextArticle.parse(file);
  if (!outcome.ok) throw new Error(outcome.reason);
  return outcome.article;
}

describe('plainTextArticle', () => {
  it('claims .txt and .text files', () => {
    const file = (relPath: string): SourceFile => ({
      relPath,
      absPath: relPath,
      text: 'a',
      encoding: 'utf-8',
    });
    expect(plainTextArticle.claims(file('a.txt'))).toBe(true);
    expect(plainTextArticle.claims(file('a.TEXT'))).toBe(true);
    expect(plainTextArticle.claims(file('a.md'))).toBe(false);
  });

  it('takes the first line as the title, without its indentation, and the rest as paragraphs', () => {
    const article = parse('\n\u3000\u3000  标题\n\n\u3000\u3000第一段。\n第二段 <b>不是标签</b>\n');
    expect(article.title).toBe('标题');
    expect(article.bodyHtml).toBe('<p>第一段。</p>\n<p>第二段 &lt;b&gt;不是标签&lt;/b&gt;</p>');
    expect(article.warnings).toEqual([]);
    expect(article.date).toBeNull();
  });

  it('takes the title from the file name when the first line is not usable', () => {
    const longLine = '正文'.repeat(60);
    expect(parse(`${longLine}\n第二行`, 'txt/a/长文章.txt')).toMatchObject({
      title: '长文章',
      bodyHtml: `<p>${longLine}</p>\n<p>第二行</p>`,
      warnings: [
        { message: 'first line is not a usable title; title taken from the file name', line: 1 },
      ],
    });
    expect(parse('只有一行', 'txt/a/单行.txt')).toMatchObject({ title: '单行' });
    expect(parse('……\n正文', 'txt/a/符号.txt')).toMatchObject({ title: '符号' });
  });

  it('rejects a file with nothing but whitespace or code', () => {
    const file = (text: string): SourceFile => ({
      relPath: 'a.txt',
      absPath: 'a.txt',
      text,
      encoding: 'utf-8',
    });
    expect(plainTextArticle.parse(file(' \n\u3000\n'))).toEqual({
      ok: false,
      reason: 'empty file (no text)',
    });
    expect(plainTextArticle.parse(file('<script>\nvar a = 1;\n</script>'))).toEqual({
      ok: false,
      reason: 'no text besides pasted code',
    });
  });

  it('reads 来源 and 作者/记者 lines under the title as source and author', () => {
    expect(parse('标题\n来源 北辰时报\u3000作者 方知远\n正文。')).toMatchObject({
      source: '北辰时报',
      byline: '方知远',
      author: null,
      bodyHtml: '<p>正文。</p>',
    });
    expect(parse('标题\n图片说明\n稿件来源：南岭晨报\u3000\n正文。')).toMatchObject({
      source: '南岭晨报',
      bodyHtml: '<p>图片说明</p>\n<p>正文。</p>',
    });
    expect(parse('标题\n记者会上，发言人表示了关切。\n正文。')).toMatchObject({
      source: null,
      byline: null,
    });
  });

  it('drops forum pagination trailers and keeps （完） as the end mark', () => {
    const article = parse('标题\n正文。\n（完）\n页:\n[1] 2 3');
    expect(article.bodyHtml).toBe('<p>正文。</p>\n<p>（完）</p>');
    expect(article.warnings).toEqual([
      { message: 'dropped forum trailer "[1] 2 3"', line: 5 },
      { message: 'dropped forum trailer "页:"', line: 4 },
    ]);
  });

  it('takes closing credits as the author and keeps them in the text', () => {
    expect(parse('标题\n正文。\n【驻京记者】泠汐\n【作者】 泠汐')).toMatchObject({
      byline: '泠汐',
      bodyHtml: '<p>正文。</p>\n<p>【驻京记者】泠汐</p>\n<p>【作者】 泠汐</p>',
    });
  });

  it('reads a forum thread: the first post header gives the author, reply headers stay', () => {
    const article = parse(
      '帖子标题\n楼主 老周 发表于 2021-7-29 10:12\n正文。\n2# 湖畔 发表于 2021-7-29 10:40\n回复。\n本帖最后由 湖畔 于 2021-7-29 10:41 编辑',
    );
    expect(article).toMatchObject({
      byline: '老周',
      date: null,
      bodyHtml:
        '<p>正文。</p>\n<p><strong>2# 湖畔 发表于 2021-7-29 10:40</strong></p>\n<p>回复。</p>',
      warnings: [
        { message: 'dropped forum boilerplate "本帖最后由 湖畔 于 2021-7-29 10:41 编辑"', line: 6 },
      ],
    });
  });

  it('leaves out pasted code, one warning per block, and keeps prose with ; and ()', () => {
    const article = parse(
      [
        '标题',
        '.ad-box{padding:20px}',
        '正文（第一段）；继续。',
        '(function(){',
        "  var s = document.createElement('script');",
        '})();',
        'The end (really); truly.',
      ].join('\n'),
    );
    expect(article.bodyHtml).toBe('<p>正文（第一段）；继续。</p>\n<p>The end (really); truly.</p>');
    expect(article.warnings).toEqual([
      { message: 'left out a line of code pasted into the text', line: 2 },
      { message: 'left out 3 lines of code pasted into the text (lines 4–6)', line: 4 },
    ]);
  });
});

describe('readByline', () => {
  it.each([
    ['来源 北京晨报', { source: '北京晨报' }],
    ['来源：北辰时报\u3000作者：方知远', { source: '北辰时报', author: '方知远' }],
    ['记者：夏某、刘某', { author: '夏某、刘某' }],
    ['【作者】 泠汐', { author: '泠汐' }],
    ['By Mara Ellison', { author: 'Mara Ellison' }],
    [
      'By Mara Ellison, The Meridian Ledger',
      { author: 'Mara Ellison', source: 'The Meridian Ledger' },
    ],
    ['By Mara Ellison, Staff Writer', { author: 'Mara Ellison' }],
  ])('%s', (line, expected) => {
    expect(readByline(line)).toEqual(expected);
  });

  it.each([
    '来源于生活的故事',
    '作者认为这是一个好消息。',
    'By 2026, the treaty expires.',
    '记者 一位记者说，谈判很难。',
  ])('%s is not a byline', (line) => {
    expect(readByline(line)).toBeNull();
  });
});
