import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { IngestResult } from './ingest';
import type { FileReport } from './report';
import { ingestFolder, testConfig } from './test-helpers';

const FIXTURES = fileURLToPath(new URL('./fixtures', import.meta.url));

/** Dates without a zone from 环球观察周刊 are read in Shanghai time; the rest in UTC. */
const CONFIG = testConfig({
  defaultTimeZone: 'UTC',
  sources: {
    环球观察周刊: { timeZone: 'Asia/Shanghai' },
    北辰时报: { aliases: ['北辰时报 - 国际'] },
  },
});

interface Expected {
  title: string;
  source: string;
  channel?: string | null;
  author?: string | null;
  date?: string | null;
  image?: string | null;
  url?: string | null;
  excerptStart: string;
  lang?: 'zh' | 'en';
  encoding?: string;
  warnings?: { message: string; line?: number }[];
}

const 北辰 = { source: '北辰时报', channel: '国际', author: '北辰时报' };
const 环球 = { source: '环球观察周刊', channel: '深度', author: '环球观察周刊' };
const DATE_BODY = '这篇文章只用来检查日期的读法';

/** One case per fixture file, named like the file: the exact fields ingest must produce. */
const ACCEPTED: Record<string, Expected> = {
  'utf8-bom.md': {
    ...北辰,
    title: '带字节顺序标记的文章',
    date: '2021-02-03T09:30:00.000Z',
    excerptStart: '文件开头有一个 UTF-8 字节顺序标记',
    encoding: 'utf-8-bom',
  },
  'utf16le-bom.txt': {
    title: '开放天空条约的最后一年',
    source: 'Unknown',
    excerptStart: '这份文件以小端序的统一码保存',
    encoding: 'utf-16le',
  },
  'utf16be-bom.txt': {
    title: '核查机制的意义',
    source: 'Unknown',
    excerptStart: '这份文件以大端序的统一码保存',
    encoding: 'utf-16be',
  },
  'gb18030-title.txt': {
    title: '军控谈判再度开启',
    source: '北辰时报',
    excerptStart: '美俄两国代表在日内瓦再次会面',
    encoding: 'gb18030',
  },
  'gbk-front-matter.md': {
    title: '旧档案里的国标编码文章',
    source: '南岭晨报',
    channel: '要闻',
    author: '南岭晨报',
    date: '2020-11-22T10:00:00.000Z',
    excerptStart: '这篇文章用国标编码保存',
    encoding: 'gb18030',
  },
  'windows-1252-accents.txt': {
    title: 'Café talks in Genève',
    source: 'Unknown',
    excerptStart:
      'The delegates met at a café near the lake, a naïve observer might say “déjà vu”.',
    lang: 'en',
    encoding: 'windows-1252',
  },
  'utf8-with-invalid-bytes-cut-off.txt': {
    title: '供电线路检修通知',
    source: 'Unknown',
    excerptStart:
      '本周六上午，城东片区将停电检修四个小时，请居民提前做好准备。\uFFFD\uFFFD检修结束后',
    warnings: [
      {
        message:
          '3 invalid UTF-8 sequences replaced with U+FFFD at byte offsets 115, 116, 199 (the file ends mid-character)',
      },
    ],
  },
  'utf8-invalid-byte-in-title.txt': {
    title: 'utf8-invalid-byte-in-title',
    source: 'Unknown',
    excerptStart: '正文是完整的中文',
    warnings: [
      { message: '1 invalid UTF-8 sequence replaced with U+FFFD at byte offset 6' },
      { message: 'title holds bytes that could not be decoded; title taken from the file name' },
    ],
  },
  'title-as-list.md': {
    ...北辰,
    title: '第一部分、第二部分',
    date: '2021-06-01T10:00:00.000Z',
    excerptStart: '标题写成了列表',
    warnings: [{ message: 'title is a list; its items were joined into one title', line: 2 }],
  },
  'title-as-list-latin.md': {
    title: 'Part one 第二部分',
    source: 'Unknown',
    excerptStart: 'A title written as a list',
    lang: 'en',
    warnings: [{ message: 'title is a list; its items were joined into one title', line: 2 }],
  },
  'title-repeated-as-first-paragraph.txt': {
    title: '港口恢复夜间作业',
    source: '北辰时报',
    excerptStart: '经过两周的检修',
    warnings: [{ message: 'dropped a first paragraph that repeats the title', line: 3 }],
  },
  'title-repeated-in-html-body.md': {
    ...北辰,
    title: '山区公路全线贯通',
    date: '2021-06-02T10:00:00.000Z',
    excerptStart: '新路把两个县城之间的车程缩短到一小时。',
  },
  'first-line-too-long-for-a-title.txt': {
    title: 'first-line-too-long-for-a-title',
    source: 'Unknown',
    excerptStart: 'x'.repeat(120),
    lang: 'en',
    warnings: [
      { message: 'first line is not a usable title; title taken from the file name', line: 1 },
    ],
  },
  'deeply-nested-inline-elements.md': {
    ...北辰,
    title: '层层嵌套的正文',
    date: '2021-06-03T10:00:00.000Z',
    excerptStart: '嵌套最深处的文字。 嵌套之后的结尾段落必须保留。',
  },
  'crlf-line-endings.md': {
    ...北辰,
    title: '行尾是回车换行的文章',
    date: '2021-02-03T09:30:00.000Z',
    excerptStart: '这篇文章的每一行都以回车换行结尾。 第二段也一样。',
  },
  'lone-cr-line-endings.txt': {
    title: '只用回车分行的旧文件',
    source: 'Unknown',
    excerptStart: '老式苹果电脑保存的文本只用回车分行。 读取时',
  },
  'blank-lines-before-front-matter.md': {
    ...北辰,
    title: '前言之前有空行',
    date: '2021-07-29T05:11:25.000Z',
    excerptStart: '归档工具常在前言之前留下几个空行',
  },
  'stacked-quotes-title.md': {
    title: '第二轮对话设立两个工作组',
    source: '北辰时报',
    author: '北辰时报 - 国际',
    date: '2021-09-30T12:00:00.000Z',
    // The body only repeats the title, so there is no excerpt.
    excerptStart: '',
    warnings: [
      {
        message: 'front matter read leniently (not valid YAML): value wrapped in stacked quotes',
        line: 3,
      },
    ],
  },
  'tab-indented-categories.md': {
    ...北辰,
    channel: '军事',
    title: '用制表符缩进的分类',
    date: '2019-08-18T20:30:00.000Z',
    excerptStart: '有的编辑器用制表符缩进列表',
    warnings: [
      {
        message:
          'front matter read leniently (not valid YAML): Tabs are not allowed as indentation',
        line: 4,
      },
    ],
  },
  'duplicate-keys.md': {
    ...北辰,
    title: '重复键的第二个标题',
    date: '2021-06-16T18:00:00.000Z',
    excerptStart: '同一个键写了两次时',
    warnings: [
      {
        message:
          'front matter read leniently (not valid YAML): duplicate key "title" (first at line 2); the later value is used',
        line: 9,
      },
    ],
  },
  'unclosed-quote.md': {
    ...北辰,
    title: '引号没有闭合的标题',
    date: '2021-01-26T20:00:00.000Z',
    excerptStart: '标题的引号只开不合',
    warnings: [
      { message: 'front matter read leniently (not valid YAML): a quote is never closed', line: 2 },
    ],
  },
  'js-front-matter.md': {
    title: 'js-front-matter',
    source: 'Unknown',
    excerptStart: '这篇文章的前言是一段脚本，摄取时绝不能执行它。',
    warnings: [
      {
        message: 'front matter in "js" is code; it was not run and its fields are ignored',
        line: 1,
      },
      { message: 'no title; title taken from the file name' },
    ],
  },
  'yaml-front-matter-language.md': {
    ...北辰,
    title: '标明 yaml 的前言',
    date: '2021-08-02T10:00:00.000Z',
    excerptStart: '前言的开头写成了 ---yaml',
  },
  'numeric-title.md': {
    title: '2021',
    source: 'ACM',
    channel: '图灵奖获得者',
    author: 'ACM',
    date: '2021-12-31T00:00:00.000Z',
    excerptStart: 'A title that YAML reads as a number',
    lang: 'en',
  },
  'categories-as-text.md': {
    title: '分类写成了一行文字',
    source: '星河评论',
    author: '星河评论',
    date: '2021-03-01T08:00:00.000Z',
    excerptStart: '分类只有一个名字',
    warnings: [{ message: 'categories is text, not a list; read as a single category', line: 3 }],
  },
  'epoch-seconds-date.md': {
    ...北辰,
    title: '以秒计的时间戳',
    date: '2021-07-29T05:11:25.000Z',
    excerptStart: '日期是一个以秒计的 Unix 时间戳。',
  },
  'epoch-milliseconds-date.md': {
    ...北辰,
    title: '以毫秒计的时间戳',
    date: '2021-07-29T05:11:25.000Z',
    excerptStart: '日期是一个以毫秒计的 Unix 时间戳。',
  },
  'date-rfc1123.md': {
    ...环球,
    title: '日期写法：rfc1123',
    date: '2021-07-29T05:11:25.000Z',
    excerptStart: DATE_BODY,
  },
  'date-rfc2822-offset.md': {
    ...环球,
    title: '日期写法：rfc2822-offset',
    date: '2021-07-29T05:11:25.000Z',
    excerptStart: DATE_BODY,
  },
  'date-iso-with-zone.md': {
    ...环球,
    title: '日期写法：iso-with-zone',
    date: '2021-07-29T05:11:25.000Z',
    excerptStart: DATE_BODY,
  },
  'date-iso-without-zone.md': {
    ...环球,
    title: '日期写法：iso-without-zone',
    date: '2021-07-29T05:11:25.000Z',
    excerptStart: DATE_BODY,
  },
  'date-space-separated.md': {
    ...环球,
    title: '日期写法：space-separated',
    date: '2021-07-29T05:05:00.000Z',
    excerptStart: DATE_BODY,
  },
  'date-chinese.md': {
    ...环球,
    title: '日期写法：chinese',
    date: '2021-07-28T16:00:00.000Z',
    excerptStart: DATE_BODY,
  },
  'date-chinese-with-time.md': {
    ...环球,
    title: '日期写法：chinese-with-time',
    date: '2021-07-29T05:05:00.000Z',
    excerptStart: DATE_BODY,
  },
  'date-invalid-date.md': {
    ...环球,
    title: '日期写法：invalid-date',
    excerptStart: DATE_BODY,
    warnings: [{ message: 'date "Invalid Date" could not be read', line: 8 }],
  },
  'date-yesterday.md': {
    ...环球,
    title: '日期写法：yesterday',
    excerptStart: DATE_BODY,
    warnings: [{ message: 'date "yesterday" could not be read', line: 8 }],
  },
  'date-month-13.md': {
    ...环球,
    title: '日期写法：month-13',
    excerptStart: DATE_BODY,
    warnings: [{ message: 'date "2021-13-01 10:00:00" is not a real calendar date', line: 8 }],
  },
  'date-february-29-2021.md': {
    ...环球,
    title: '日期写法：february-29-2021',
    excerptStart: DATE_BODY,
    warnings: [{ message: 'date "2021-02-29" is not a real calendar date', line: 8 }],
  },
  'date-before-1990.md': {
    ...环球,
    title: '日期写法：before-1990',
    excerptStart: DATE_BODY,
    warnings: [{ message: 'date "1970-01-01 00:00:00" is before 1990; left undated', line: 8 }],
  },
  'date-far-future.md': {
    ...环球,
    title: '日期写法：far-future',
    excerptStart: DATE_BODY,
    warnings: [
      {
        message: 'date "2031-05-01 00:00:00" is more than a year in the future; left undated',
        line: 8,
      },
    ],
  },
  'no-date.md': {
    ...环球,
    title: '没有日期的文章',
    excerptStart: '前言里没有日期这一项',
  },
  'title-entities.md': {
    ...北辰,
    title: '美俄&北约："新约"延期之后',
    date: '2021-02-05T10:00:00.000Z',
    excerptStart: '标题里的实体应当解码。',
  },
  'title-whitespace.md': {
    ...北辰,
    title: '峰会 前瞻： 日内瓦 能谈出什么',
    date: '2021-06-15T10:00:00.000Z',
    excerptStart: '标题里多余的空白应当合并。',
  },
  'very-long-title.md': {
    ...北辰,
    title: `一个非常长的标题${'，它一直写下去'.repeat(30)}，直到结束`,
    date: '2021-06-15T11:00:00.000Z',
    excerptStart: '很长的标题在数据里完整保留',
  },
  'indented-title.txt': {
    title: '前面有缩进的标题',
    source: 'Unknown',
    excerptStart: '第一段正文，前面是全角空格。 第二段正文。',
  },
  'txt-no-usable-first-line.txt': {
    title: 'txt-no-usable-first-line',
    source: 'Unknown',
    excerptStart: '这一行是正文的开头而不是标题',
    warnings: [
      { message: 'first line is not a usable title; title taken from the file name', line: 1 },
    ],
  },
  'forum-trailer.txt': {
    title: '论坛转帖：核查为何重要',
    source: 'Unknown',
    excerptStart: '这是一篇从论坛复制下来的文章。 帖子最后的分页标记应当去掉。',
    warnings: [
      { message: 'dropped forum trailer "[1]"', line: 6 },
      { message: 'dropped forum trailer "页:"', line: 5 },
    ],
  },
  'forum-reply-headers.txt': {
    title: '【转帖】第二轮对话结束，大家怎么看',
    source: 'Unknown',
    author: '老周看军事',
    excerptStart:
      '转自新闻：第二轮对话结束，双方设立了两个工作组。 2# 湖畔听风 发表于 2021-9-30 21:02',
    warnings: [
      { message: 'dropped forum trailer "[1]"', line: 12 },
      { message: 'dropped forum trailer "页:"', line: 11 },
    ],
  },
  'forum-date-not-article-date.txt': {
    title: '论坛里的回复时间不是文章日期',
    source: 'Unknown',
    excerptStart: '正文没有写明发表日期。 3# 夜读者 发表于 2021-7-29 10:12',
  },
  'ad-script-pasted.txt': {
    title: '广告脚本混进了正文',
    source: 'Unknown',
    excerptStart: '第一段正文讲的是核查机制。 第二段正文在广告脚本之后。',
    warnings: [{ message: 'left out 5 lines of code pasted into the text (lines 5–9)', line: 5 }],
  },
  'inline-css-pasted.txt': {
    title: '样式代码混进了正文',
    source: 'Unknown',
    excerptStart: '正文从这里开始，上面三行是页面的样式。 正文的第二段。',
    warnings: [
      { message: 'left out 3 lines of code pasted into the text (lines 2–4)', line: 2 },
      { message: 'left out 4 lines of code pasted into the text (lines 6–9)', line: 6 },
    ],
  },
  'prose-with-semicolons.txt': {
    title: 'Prose that only looks like code',
    source: 'Unknown',
    excerptStart:
      'The talks resumed (after a long pause); neither side expected much. Officials said: progress = patience; nothing more.',
    lang: 'en',
  },
  'byline-under-title.txt': {
    title: '新约延期后的核查安排',
    source: '北辰时报',
    author: '方知远',
    excerptStart: '双方将在年内恢复现场核查。',
  },
  'end-mark-wan.txt': {
    title: '峰会结束后的记者会',
    source: 'Unknown',
    excerptStart: '双方在会后分别举行了记者会。 （完）',
  },
  'english-byline.txt': {
    title: 'Inspections Resume After a Long Pause',
    source: 'The Meridian Ledger',
    author: 'Mara Ellison',
    excerptStart: 'Inspectors from both sides',
    lang: 'en',
  },
  'header-image-javascript-url.md': {
    ...北辰,
    title: '头图是脚本链接',
    date: '2021-04-01T10:00:00.000Z',
    excerptStart: '头图地址不是 http(s)',
    warnings: [
      {
        message:
          'header image "javascript:alert(1)" is neither an http(s) URL nor an image file in the archive; left out',
        line: 8,
      },
    ],
  },
  'header-image-undefined.md': {
    ...北辰,
    title: '头图写成了 undefined',
    date: '2021-04-02T10:00:00.000Z',
    excerptStart: '归档工具在没有图片时写下了 undefined。',
  },
  'header-image-http.md': {
    ...北辰,
    title: '头图是普通网址',
    date: '2021-04-03T10:00:00.000Z',
    image: 'https://images.example.com/geneva.jpg',
    excerptStart: '头图是绝对网址，应当保留。',
  },
  'header-image-plain-http.md': {
    ...北辰,
    title: '头图是明文 http 网址',
    date: '2021-04-03T10:00:00.000Z',
    image: 'https://lain.bgm.tv/pic/cover/l/geneva.jpg',
    excerptStart: '头图用明文 http 链接，应当改成 https。',
  },
  'header-image-local.md': {
    ...北辰,
    title: '头图是档案里的本地图片',
    date: '2021-04-04T10:00:00.000Z',
    image: 'media/babe628b22d4e316.svg',
    excerptStart: '头图是与文章同目录下的图片文件。',
  },
  'original-link.md': {
    ...北辰,
    title: '带原文链接的文章',
    date: '2021-04-06T10:00:00.000Z',
    url: 'https://news.example.com/world/2021/04/06/talks.html',
    excerptStart: '前言里的 link 是文章在网上的原始地址。',
  },
  'original-link-javascript-url.md': {
    ...北辰,
    title: '原文链接是脚本',
    date: '2021-04-07T10:00:00.000Z',
    excerptStart: '原文地址不是 http(s)',
    warnings: [
      {
        message: 'original link "javascript:alert(1)" in original is not an http(s) URL; left out',
        line: 8,
      },
    ],
  },
  'relative-body-image.md': {
    ...北辰,
    title: '正文里的相对路径图片',
    date: '2021-04-05T10:00:00.000Z',
    excerptStart: '第一张图片存在： 第二张图片不存在：',
  },
  'duplicates/first-copy.md': {
    ...北辰,
    title: '同一篇文章的两份拷贝',
    date: '2021-05-01T10:00:00.000Z',
    excerptStart: '两份档案里保存了同一篇文章',
  },
  'saved-page.html': {
    title: 'A Saved Page & Its Title',
    source: 'The Meridian Ledger',
    author: 'Mara Ellison',
    date: '2021-06-16T17:30:00.000Z',
    image: 'https://images.example.com/villa.jpg',
    excerptStart: 'A web page saved as HTML keeps its own metadata in meta tags.',
    lang: 'en',
  },
  'markdown-without-front-matter.md': {
    title: 'A Markdown Note Without Front Matter',
    source: 'Unknown',
    excerptStart: 'The first heading is the title; the rest is rendered Markdown.',
    lang: 'en',
  },
  'front-matter-in-txt.txt': {
    title: '扩展名是 txt 的前言文章',
    source: '东方视点网',
    channel: '快讯',
    author: '东方视点网',
    date: '2021-01-30T08:00:00.000Z',
    excerptStart: '内容决定格式，而不是扩展名。',
  },
  "name with spaces, 'quotes' and 中文.md": {
    ...北辰,
    title: '文件名里有空格、引号和中文',
    date: '2021-08-01T10:00:00.000Z',
    excerptStart: '文件名可以包含任何字符。',
  },
};

const REJECTED: Record<string, string> = {
  'binary-content.md': 'binary file (not text)',
  'empty.md': 'empty file',
  'whitespace-only.txt': 'only whitespace (no text)',
  'unclosed-front-matter.md': 'front matter opened with --- at line 1 is never closed',
  'empty-front-matter-and-body.md': 'no title and no body',
};

const SKIPPED: Record<string, string> = {
  '.gitattributes': 'hidden file',
  'images/local-chart.svg': 'image, shown by 2 articles',
  'images/unused-chart.svg': 'image not referenced by any article',
};

describe('ingest of the fixture archive (one file per case)', () => {
  let result: IngestResult;
  let byPath: Map<string, FileReport>;

  beforeAll(async () => {
    result = await ingestFolder(FIXTURES, CONFIG);
    byPath = new Map(result.report.files.map((file) => [file.path, file]));
  });

  function articleAt(path: string) {
    const id = byPath.get(path)?.id;
    return result.articles.find((article) => article.summary.id === id);
  }

  it.each(Object.entries(ACCEPTED))('%s', (path, expected) => {
    const report = byPath.get(path);
    const article = articleAt(path);
    expect(report?.status).toBe(expected.warnings ? 'accepted-with-warnings' : 'accepted');
    expect(article).toBeDefined();
    const { summary } = article!;
    expect({
      title: summary.title,
      source: summary.source,
      channel: summary.channel,
      author: summary.author,
      date: summary.date,
      image: summary.image,
      url: summary.url,
      lang: summary.lang,
      encoding: report?.encoding,
      warnings: report?.warnings ?? [],
    }).toEqual({
      title: expected.title,
      source: expected.source,
      channel: expected.channel ?? null,
      author: expected.author ?? null,
      date: expected.date ?? null,
      image: expected.image ?? null,
      url: expected.url ?? null,
      lang: expected.lang ?? 'zh',
      encoding: expected.encoding ?? 'utf-8',
      warnings: expected.warnings ?? [],
    });
    const excerpt = summary.excerpt;
    expect(
      expected.excerptStart === '' ? excerpt : excerpt.slice(0, expected.excerptStart.length),
    ).toBe(expected.excerptStart);
  });

  it.each(Object.entries(REJECTED))('rejects %s', (path, reason) => {
    expect(byPath.get(path)).toMatchObject({ status: 'rejected', reason });
  });

  it.each(Object.entries(SKIPPED))('skips %s', (path, reason) => {
    expect(byPath.get(path)).toMatchObject({ status: 'skipped', reason });
  });

  it('accounts for every fixture file exactly once', () => {
    const listed = [
      ...Object.keys(ACCEPTED),
      ...Object.keys(REJECTED),
      ...Object.keys(SKIPPED),
      'duplicates/second-copy.md',
    ].sort();
    expect(result.report.files.map((file) => file.path)).toEqual(listed);
    expect(result.report.summary.found).toBe(listed.length);
  });

  it('merges the same article from two sources into one that records both paths', () => {
    const original = articleAt('duplicates/first-copy.md')!;
    expect(original.body.paths).toEqual(['duplicates/first-copy.md', 'duplicates/second-copy.md']);
    expect(byPath.get('duplicates/second-copy.md')).toEqual({
      path: 'duplicates/second-copy.md',
      status: 'merged',
      mergedInto: original.summary.id,
      format: 'front-matter',
      encoding: 'utf-8',
    });
    const ids = result.articles.map((article) => article.summary.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('never runs a js front-matter block', () => {
    expect((globalThis as Record<string, unknown>).__chronicleFrontMatterRan).toBeUndefined();
    expect(existsSync('js-front-matter-ran.txt')).toBe(false);
    expect(existsSync(join(FIXTURES, 'js-front-matter-ran.txt'))).toBe(false);
  });

  it('keeps pasted code and forum dates out of the bodies', () => {
    const html = (path: string) => articleAt(path)!.body.html;
    expect(html('ad-script-pasted.txt')).not.toMatch(/loader|function|appendChild/);
    expect(html('inline-css-pasted.txt')).not.toMatch(/padding|adQueue|visited/);
    expect(html('forum-reply-headers.txt')).not.toContain('楼主');
    expect(html('forum-reply-headers.txt')).toContain(
      '<p><strong>2# 湖畔听风 发表于 2021-9-30 21:02</strong></p>',
    );
    expect(html('byline-under-title.txt')).not.toContain('方知远');
    expect(html('prose-with-semicolons.txt').match(/<p>/g)).toHaveLength(4);
  });

  it('resolves relative body images that exist and leaves missing ones to the sanitizer', () => {
    const html = articleAt('relative-body-image.md')!.body.html;
    expect(html).toContain('src="media/babe628b22d4e316.svg"');
    expect(html).not.toContain('missing.png');
    expect(result.media.get('media/babe628b22d4e316.svg')).toBe(
      join(FIXTURES, 'images/local-chart.svg'),
    );
  });

  it('keeps the text after thousands of nested elements, and says the nest was flattened', () => {
    const { body } = articleAt('deeply-nested-inline-elements.md')!;
    expect(body.html).toContain('<p>嵌套之后的结尾段落必须保留。</p>');
    expect(body.removed.byKind).toEqual({ 'deep-nesting': 1 });
  });

  it('drops the saved page script and its repeated heading', () => {
    const html = articleAt('saved-page.html')!.body.html;
    expect(html).not.toContain('<h1');
    expect(html).not.toContain('window.bad');
  });
});
