import { symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { capText, compareArticles, ingestFile, MAX_TEXT_CHARS, readCapped } from './ingest';
import type { Article } from './model';
import { ingestFolder, makeTempDir, removeDir, writeFiles } from './test-helpers';

let root: string;
beforeEach(async () => {
  root = await makeTempDir();
});
afterEach(async () => {
  await removeDir(root);
});

const article = (title: string, body: string, extra = '') =>
  `---\ntitle: ${title}\ncategories:\n - 新闻\n - 北辰时报\n - 国际\nauthor: 北辰时报\n${extra}---\n\n<p>${body}</p>\n`;

describe('ingestArchive on a folder mixing good and bad files', () => {
  it('puts every good file in the manifest and gives every file exactly one status', async () => {
    const good: [string, string][] = [
      [
        'hexo/新闻/北辰时报/国际/第一篇.md',
        article('第一篇', '正文一。', 'date: 2021-01-01 10:00\n'),
      ],
      ['hexo/新闻/北辰时报/国际/第二篇.md', article('第二篇', '正文二。', 'date: yesterday\n')],
      ['txt/评论/第三篇.txt', '第三篇\n来源 星河评论\n\u3000\u3000正文三。\n'],
      ['txt/评论/with space "quoted".txt', 'Fourth\n\nBody four.\n'],
      ['page.html', '<title>第五篇</title><p>正文五。</p>'],
      ['note.md', '# 第六篇\n\n正文六。'],
    ];
    await writeFiles(root, good);
    await writeFiles(root, [
      ['bad/unclosed.md', '---\ntitle: 坏\n正文'],
      ['bad/empty.txt', ''],
      ['bad/blank.md', ' \n\n'],
      ['bad/binary.txt', new Uint8Array([0, 1, 2, 3, 0, 0])],
      ['bad/data.csv', 'a,b'],
      ['x.md/inside.md', article('文件夹里的文章', '正文七。')],
    ]);
    const outside = await makeTempDir();
    await writeFiles(outside, [['target.md', article('外部', '不应读取。')]]);
    await symlink(join(outside, 'target.md'), join(root, 'link-out.md'));

    const { articles, report } = await ingestFolder(root);
    const titles = articles.map((entry) => entry.summary.title).sort();
    expect(titles).toEqual(
      ['Fourth', '文件夹里的文章', '第一篇', '第三篇', '第二篇', '第五篇', '第六篇'].sort(),
    );
    expect(report.summary).toEqual({
      found: 13,
      accepted: 6,
      acceptedWithWarnings: 1,
      merged: 0,
      rejected: 4,
      skipped: 2,
      articles: 7,
    });
    const statusOf = Object.fromEntries(
      report.files.map((file) => [file.path, [file.status, file.reason]]),
    );
    expect(statusOf).toMatchObject({
      'bad/unclosed.md': ['rejected', 'front matter opened with --- at line 1 is never closed'],
      'bad/empty.txt': ['rejected', 'empty file'],
      'bad/blank.md': ['rejected', 'only whitespace (no text)'],
      'bad/binary.txt': ['rejected', 'binary file (not text)'],
      'bad/data.csv': ['skipped', 'not an article type (.csv)'],
      'link-out.md': ['skipped', 'symlink leads outside the content root (not followed)'],
    });
    expect(new Set(report.files.map((file) => file.path)).size).toBe(report.files.length);
    await removeDir(outside);
  });
});

describe('duplicates', () => {
  it('merges the same title and body found twice into the first one, keeping both paths', async () => {
    await writeFiles(root, [
      ['b/copy.md', article('同一篇', '同样的正文。', 'date: 2021-05-01\n')],
      ['a/original.md', article('同一篇', '同样的正文。', 'date: 2021-05-02\n')],
      ['a/other.md', article('同一篇', '不同的正文。')],
    ]);
    const { articles, report } = await ingestFolder(root);
    expect(articles).toHaveLength(2);
    const merged = articles.find((entry) => entry.body.paths.length === 2)!;
    expect(merged.body.paths).toEqual(['a/original.md', 'b/copy.md']);
    // Its body file, laid out while it had one path, no longer describes it.
    expect(merged.bodyFile).toBeUndefined();
    expect(articles.find((entry) => entry !== merged)?.bodyFile).toBeDefined();
    expect(report.files.find((file) => file.path === 'b/copy.md')).toEqual({
      path: 'b/copy.md',
      status: 'merged',
      mergedInto: merged.summary.id,
      format: 'front-matter',
      encoding: 'utf-8',
    });
    expect(report.files.find((file) => file.path === 'a/original.md')).toMatchObject({
      status: 'accepted',
      id: merged.summary.id,
    });
  });

  // Made here, not in fixtures/: git and many file systems cannot hold the pair.
  it('keeps two files whose names differ only in normalization, each with its own id', async () => {
    await writeFiles(root, [
      ['caf\u00e9-norm.txt', '合成形式的文件名\n这是第一份文件的正文。\n'],
      ['cafe\u0301-norm.txt', '分解形式的文件名\n这是第二份文件的正文。\n'],
    ]);
    const { articles, report } = await ingestFolder(root);
    // The report is in code-point order: `e` + U+0301 sorts before U+00E9.
    expect(report.files.map((file) => [file.path, file.status])).toEqual([
      ['cafe\u0301-norm.txt', 'accepted'],
      ['caf\u00e9-norm.txt', 'accepted'],
    ]);
    expect(report.files[0]!.id).not.toBe(report.files[1]!.id);
    expect(articles.map((entry) => entry.summary.title).sort()).toEqual(
      ['分解形式的文件名', '合成形式的文件名'].sort(),
    );
  });
});

describe('images in the archive', () => {
  it('says how many articles show each image', async () => {
    await writeFiles(root, [
      ['a.md', article('甲', '<img src="img/shared.svg">', "headimg: 'img/head.svg'\n")],
      ['b.md', article('乙', '<img src="img/shared.svg"><img src="img/absent.svg">')],
      ['img/shared.svg', '<svg xmlns="http://www.w3.org/2000/svg"/>'],
      ['img/head.svg', '<svg xmlns="http://www.w3.org/2000/svg" width="1"/>'],
      ['img/unused.png', 'png'],
    ]);
    const { report, media } = await ingestFolder(root);
    const reasons = Object.fromEntries(report.files.map((file) => [file.path, file.reason]));
    expect(reasons).toMatchObject({
      'img/shared.svg': 'image, shown by 2 articles',
      'img/head.svg': 'image, shown by 1 article',
      'img/unused.png': 'image not referenced by any article',
    });
    expect([...media.values()].sort()).toEqual([
      join(root, 'img/head.svg'),
      join(root, 'img/shared.svg'),
    ]);
  });
});

describe('a 20 MB article', () => {
  it('is read in bounded time and memory, cut with a warning that names the line', async () => {
    const paragraph = '\u3000\u3000这是一段为了测试超大文件而反复出现的正文。\n';
    const lines = Math.ceil((20 * 1024 * 1024) / Buffer.byteLength(paragraph));
    await writeFile(join(root, 'huge.txt'), `超大的文章\n${paragraph.repeat(lines)}`);
    const started = Date.now();
    const { report, articles } = await ingestFolder(root);
    expect(Date.now() - started).toBeLessThan(20_000);
    const [file] = report.files;
    expect(file?.status).toBe('accepted-with-warnings');
    expect(file?.warnings).toEqual([
      {
        message: expect.stringMatching(
          /^very large file \(20\.0 MB\): only the first [\d,]+ characters were read$/,
        ),
        line: expect.any(Number),
      },
    ]);
    expect(articles[0]?.summary.title).toBe('超大的文章');
    expect(articles[0]?.summary.length).toBeLessThanOrEqual(MAX_TEXT_CHARS);
  }, 30_000);
});

describe('capText', () => {
  it('leaves normal text alone', () => {
    expect(capText('短文', 6)).toEqual({ text: '短文' });
  });

  it('drops inline base64 images before cutting', () => {
    const text = `<p>a</p><img src="data:image/png;base64,${'A'.repeat(5000)}"><p>b</p>`;
    expect(capText(text, text.length, 100)).toEqual({
      text: '<p>a</p><img src="data:,"><p>b</p>',
    });
  });

  it('cuts at a line break and names the first line left out', () => {
    expect(capText('one\ntwo\nthree\nfour', 2 * 1024 * 1024, 10)).toEqual({
      text: 'one\ntwo',
      warning: {
        message: 'very large file (2.0 MB): only the first 7 characters were read',
        line: 3,
      },
    });
  });
});

describe('readCapped', () => {
  it('cuts a UTF-16 LE file on a whole line break', async () => {
    const text = 'ab\ncd\nef';
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    await writeFile(join(root, 'u16.txt'), bytes);
    const { bytes: read, size } = await readCapped(join(root, 'u16.txt'), 14);
    expect(size).toBe(bytes.length);
    expect(Buffer.from(read.subarray(2)).toString('utf16le')).toBe('ab\ncd');
  });

  it('cuts a UTF-8 file without a line break before an incomplete character', async () => {
    await writeFile(join(root, 'one-line.txt'), '新约延期');
    const { bytes } = await readCapped(join(root, 'one-line.txt'), 7);
    expect(new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toBe('新约');
  });
});

describe('ingestFile', () => {
  it('reports the encoding of a file it rejects after decoding', () => {
    const outcome = ingestFile(
      { relPath: 'a.md', absPath: join(root, 'a.md') },
      { bytes: new TextEncoder().encode('---\ntitle: a\n'), size: 14 },
      undefined as never,
    );
    expect(outcome).toEqual({
      status: 'rejected',
      reason: 'front matter opened with --- at line 1 is never closed',
      format: 'front-matter',
      encoding: 'utf-8',
    });
  });
});

describe('compareArticles', () => {
  const at = (id: string, date: string | null, title = 'Same') =>
    ({ summary: { id, date, title } }) as Article;

  it('puts the newest first, undated last, and breaks ties by id', () => {
    const sorted = [
      at('b', null),
      at('c', '2021-01-01T00:00:00.000Z'),
      at('a', null),
      at('d', '2021-01-01T00:00:00.000Z'),
      at('e', '2022-01-01T00:00:00.000Z'),
    ].sort(compareArticles);
    expect(sorted.map((entry) => entry.summary.id)).toEqual(['e', 'c', 'd', 'a', 'b']);
  });

  it('orders undated articles by title: Chinese by pinyin, numbers by value', () => {
    const sorted = [
      at('a', null, '中国'),
      at('b', null, 'Item 10'),
      at('c', null, '北京'),
      at('d', null, 'Item 9'),
      at('e', '2021-01-01T00:00:00.000Z', '中国'),
    ].sort(compareArticles);
    expect(sorted.map((entry) => entry.summary.id)).toEqual(['e', 'c', 'a', 'd', 'b']);
  });
});
