import { createHash } from 'node:crypto';
import type * as Fs from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { decodeDescendingDeltas, decodeUints } from '../manifest/column-codec';
import {
  bodyGroupPath,
  buildFilePath,
  BUILD_FILES_FILE,
  COLUMNS_NAME,
  idShardName,
  rowChunkName,
  searchFilePath,
} from '../manifest/data-paths';
import { rowOfDocument } from '../manifest/numbering';
import {
  parseBodyGroup,
  parseBuildFiles,
  parseColumns,
  parseIdShard,
  parseSearchShard,
  parseManifest,
  parseRowChunk,
} from '../manifest/parse';
import { CHUNK_SIZE, type ArticleRow, type Manifest } from '../manifest/schema';
import type { IngestResult } from './ingest';
import type { Article, ArticleSummary } from './model';
import { summarizeReport } from './report';
import { ingestFolder, makeTempDir, readFolderBytes, removeDir, writeFiles } from './test-helpers';
import { layOutData, MANIFEST_FILE, REPORT_FILE, writeDataFolder } from './write-output';

// Every write goes through the real writeFileSync; the spy only records the order of the writes.
const { writeOrder } = vi.hoisted(() => ({ writeOrder: [] as string[] }));
vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof Fs>();
  return {
    ...actual,
    writeFileSync: (...args: Parameters<typeof actual.writeFileSync>) => {
      writeOrder.push(String(args[0]));
      return actual.writeFileSync(...args);
    },
  };
});

/** Every two-hex-digit id prefix: ingest writes all 256 id shards, empty ones included. */
const SHARD_NAMES = Array.from({ length: 256 }, (_, index) => index.toString(16).padStart(2, '0'));

const hashOf = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);
const minuteOf = (iso: string) => Math.floor(Date.parse(iso) / 60_000);

/**
 * makeArticle: an article as ingest hands it over. `n` makes the id (spread over several id
 * shards), the path and the text unique.
 */
function makeArticle(n: number, fields: Partial<ArticleSummary> = {}): Article {
  const id = `${(n % 3).toString(16).padStart(2, '0')}${n.toString(16).padStart(10, '0')}`;
  return {
    summary: {
      id,
      title: `Article ${n}`,
      source: 'Source A',
      channel: null,
      author: null,
      date: '2021-07-29T05:11:25.000Z',
      image: null,
      url: null,
      excerpt: `Excerpt ${n}`,
      length: 1200,
      readingMinutes: 3,
      lang: 'en',
      ...fields,
    },
    body: {
      schemaVersion: 6,
      id,
      html: `<p>Body of article ${n}.</p>`,
      paths: [`2021/${n}.md`],
      removed: { total: 0, byKind: {}, embeds: [] },
    },
    group: null,
    encoding: 'utf-8',
    sourceOrigin: 'source-field',
    format: 'markdown',
    localImages: [],
  };
}

/** resultOf: an IngestResult holding these articles, which must already be in list order. */
function resultOf(articles: Article[], media = new Map<string, string>()): IngestResult {
  const files = articles.map(({ summary, body }) => ({
    path: body.paths[0]!,
    status: 'accepted' as const,
    id: summary.id,
  }));
  return { articles, report: summarizeReport(files, articles.length), media };
}

/** datedArticles: `count` articles an hour apart, newest first, cycling through three sources. */
function datedArticles(count: number, first = 0): Article[] {
  const start = Date.parse('2021-07-29T12:00:00.000Z');
  return Array.from({ length: count }, (_, index) =>
    makeArticle(first + index, {
      date: new Date(start - index * 3_600_000 - index * 1_000).toISOString(),
      source: ['Xinhua', 'AP', 'Reuters'][index % 3]!,
    }),
  );
}

/** The sample: five dated articles from three sources, then two undated ones. */
const sample = (): IngestResult =>
  resultOf([
    ...datedArticles(5),
    makeArticle(5, { date: null, source: 'AP' }),
    makeArticle(6, { date: null, source: 'Zeitung' }),
  ]);

/** The search index's shard files a manifest names (small archives have no own-key files). */
const searchShardPaths = (manifest: Manifest) =>
  Array.from({ length: manifest.search.shards }, (_, shard) =>
    searchFilePath(manifest, `search/${shard}.json`),
  );

/** Every build file the manifest names, by path, and the search index's shards. */
const buildFilePaths = (manifest: Manifest) => [
  ...Object.keys(manifest.files).map((name) => buildFilePath(manifest, name)),
  ...searchShardPaths(manifest),
];

/** A laid-out data folder, read back through the reader's schemas. */
function readLayout(result: IngestResult) {
  const { manifest, files } = layOutData(result);
  const texts = new Map(files.map((file) => [file.path, file.text]));
  expect(texts.size, 'no path is written twice').toBe(files.length);
  const json = (path: string): unknown => {
    const text = texts.get(path);
    expect(text, `${path} is written`).toBeDefined();
    return JSON.parse(text!);
  };
  const columns = parseColumns(json(buildFilePath(manifest, COLUMNS_NAME)));
  const chunkCount = Math.ceil(columns.count / manifest.chunkSize);
  const chunks = Array.from({ length: chunkCount }, (_, chunk) =>
    parseRowChunk(json(buildFilePath(manifest, rowChunkName(chunk)))),
  );
  /** Rows by document number: the chunks' order, oldest first. */
  const documents: ArticleRow[] = chunks.flatMap((chunk) => chunk.rows);
  /** Rows in list order, as the reader shows them. */
  const rows = [...documents].reverse();
  const shards = new Map(
    SHARD_NAMES.map((shard) => [
      shard,
      parseIdShard(json(buildFilePath(manifest, idShardName(shard)))),
    ]),
  );
  const bodyOf = (row: ArticleRow) => {
    const group = parseBodyGroup(json(bodyGroupPath(row.body)));
    return group.bodies.find((body) => body.id === row.id);
  };
  return { manifest, files, texts, columns, chunks, documents, rows, shards, bodyOf };
}

describe('layOutData', () => {
  it('writes a manifest naming columns, row chunks and id shards by their hashes, and the search index by one', () => {
    const { manifest, files, columns, chunks, shards, rows } = readLayout(sample());
    expect(parseManifest(structuredClone(manifest))).toEqual(manifest);
    expect(manifest).toMatchObject({
      schemaVersion: 6,
      generator: 'chronicle',
      articleCount: 7,
      chunkSize: CHUNK_SIZE,
    });
    expect(manifest.build).toMatch(/^[0-9a-f]{16}$/);
    for (const file of files) {
      if (file.path.startsWith('search/')) {
        expect(file.path.startsWith(`search/${manifest.search.hash}/`), file.path).toBe(true);
      } else if (!file.path.startsWith('bodies/')) {
        expect(file.path.endsWith(`.${hashOf(file.text)}.json`), file.path).toBe(true);
      }
    }
    expect(Object.keys(manifest.files).some((name) => name.startsWith('search'))).toBe(false);
    expect(manifest.sources).toEqual([
      { name: 'AP', count: 3, group: null },
      { name: 'Reuters', count: 1, group: null },
      { name: 'Xinhua', count: 2, group: null },
      { name: 'Zeitung', count: 1, group: null },
    ]);
    expect(columns.count).toBe(7);
    expect(chunks.map((chunk) => chunk.chunk)).toEqual([0]);
    const listing = [...shards].filter(([, shard]) => Object.keys(shard.documents).length > 0);
    expect(listing.map(([name]) => name)).toEqual(['00', '01', '02']);
    expect(files.map((file) => file.path).sort()).toEqual(
      [
        ...new Set(rows.map((row) => bodyGroupPath(row.body))),
        buildFilePath(manifest, COLUMNS_NAME),
        buildFilePath(manifest, rowChunkName(0)),
        ...SHARD_NAMES.map((shard) => buildFilePath(manifest, idShardName(shard))),
        ...searchShardPaths(manifest),
      ].sort(),
    );
    expect(buildFilePaths(manifest).sort()).toEqual(
      files
        .map((file) => file.path)
        .filter((path) => !path.startsWith('bodies/'))
        .sort(),
    );
  });

  it('numbers the articles oldest first, keeping their fields and adding their body group', () => {
    const result = sample();
    const { rows } = readLayout(result);
    expect(rows.map(({ body: _, ...summary }) => summary)).toEqual(
      result.articles.map((article) => article.summary),
    );
  });

  it('encodes each article’s minute and source index in the columns', () => {
    const result = sample();
    const { manifest, columns, rows } = readLayout(result);
    const names = manifest.sources.map((source) => source.name);
    const minutes = decodeDescendingDeltas(columns.minutes, columns.datedCount);
    const sources = decodeUints(columns.sources, columns.count);
    expect([...minutes]).toEqual(
      result.articles.slice(0, columns.datedCount).map(({ summary }) => minuteOf(summary.date!)),
    );
    expect([...sources].map((index) => names[index])).toEqual(rows.map((row) => row.source));
    expect([...sources]).toEqual([2, 0, 1, 2, 0, 0, 3]);
  });

  it('counts the dated articles, which come first, and leaves the undated ones last', () => {
    const { columns, rows } = readLayout(sample());
    expect(columns.datedCount).toBe(5);
    expect(rows.slice(0, 5).every((row) => row.date !== null)).toBe(true);
    expect(rows.slice(5).map((row) => row.date)).toEqual([null, null]);
  });

  it('writes all 256 id shards, so looking up an unknown id is never a 404', () => {
    const { files, manifest } = readLayout(resultOf([makeArticle(0)]));
    const shardFiles = files.filter((file) => file.path.startsWith('ids/'));
    expect(shardFiles.map((file) => file.path)).toEqual(
      SHARD_NAMES.map((shard) => buildFilePath(manifest, idShardName(shard))),
    );
  });

  it('lists every article in the id shard of its first two hex digits, at its number', () => {
    const { documents, rows, shards } = readLayout(sample());
    for (const [shard, { documents: entries }] of shards) {
      const expected = documents.flatMap((row, index) =>
        row.id.startsWith(shard) ? [[row.id, index]] : [],
      );
      expect(Object.entries(entries).sort()).toEqual(expected.sort());
    }
    const listed = [...shards.values()].flatMap((shard) => Object.keys(shard.documents));
    expect(listed.sort()).toEqual(rows.map((row) => row.id).sort());
  });

  it('writes every body in the body group its row names', () => {
    const result = sample();
    const { rows, bodyOf } = readLayout(result);
    rows.forEach((row, index) => {
      expect(bodyOf(row), row.id).toEqual(result.articles[index]!.body);
    });
  });

  it('is deterministic: the same articles give the same files and build name', () => {
    const first = layOutData(sample());
    const second = layOutData(sample());
    expect(second.manifest).toEqual(first.manifest);
    expect(second.files).toEqual(first.files);
  });

  it.each<[string, (article: Article) => void, number]>([
    ['a title', (article) => (article.summary.title = 'Another title'), 0],
    ['a date', (article) => (article.summary.date = '2021-07-29T11:59:00.000Z'), 0],
    ['a source', (article) => (article.summary.source = 'AP'), 0],
    ['a body', (article) => (article.body.html = '<p>Edited.</p>'), 1],
  ])(
    'changes the build name when %s changes, renaming only the body groups that changed',
    (_, change, renamedBodies) => {
      const before = layOutData(sample());
      const edited = sample();
      change(edited.articles[0]!);
      const after = layOutData(edited);
      expect(after.manifest.build).not.toBe(before.manifest.build);
      const bodies = (files: { path: string }[]) =>
        new Set(files.map((file) => file.path).filter((path) => path.startsWith('bodies/')));
      const old = bodies(before.files);
      const renamed = [...bodies(after.files)].filter((path) => !old.has(path));
      expect(renamed).toHaveLength(renamedBodies);
    },
  );

  it('splits 130 articles into three chunks of 64, 64 and 2 documents, oldest first', () => {
    const result = resultOf(datedArticles(130));
    const { manifest, columns, chunks, rows, shards } = readLayout(result);
    expect(manifest.articleCount).toBe(130);
    expect(columns).toMatchObject({ count: 130, datedCount: 130 });
    expect(chunks.map((chunk) => [chunk.chunk, chunk.rows.length])).toEqual([
      [0, 64],
      [1, 64],
      [2, 2],
    ]);
    const ids = result.articles.map((article) => article.summary.id).reverse();
    expect(chunks[0]!.rows.map((row) => row.id)).toEqual(ids.slice(0, 64));
    expect(chunks[1]!.rows.map((row) => row.id)).toEqual(ids.slice(64, 128));
    expect(chunks[2]!.rows.map((row) => row.id)).toEqual(ids.slice(128));
    // What the reader does to open an article: id shard → number → chunk and position in it.
    for (const [index, id] of ids.entries()) {
      const document = shards.get(id.slice(0, 2))!.documents[id]!;
      expect(document).toBe(index);
      expect(rowOfDocument(130, document)).toBe(129 - index);
      expect(chunks[Math.floor(document / CHUNK_SIZE)]!.rows[document % CHUNK_SIZE]!.id).toBe(id);
    }
    expect(rows).toHaveLength(130);
    expect([...decodeDescendingDeltas(columns.minutes, 130)]).toEqual(
      result.articles.map(({ summary }) => minuteOf(summary.date!)),
    );
  });

  it.each([63, 64, 65, 128])('makes ceil(%i / 64) chunks', (count) => {
    const { files, manifest } = layOutData(resultOf(datedArticles(count)));
    const chunks = files.filter((file) => file.path.startsWith('rows/'));
    expect(chunks).toHaveLength(Math.ceil(count / 64));
    expect(Object.keys(manifest.files).filter((name) => name.startsWith('rows/'))).toHaveLength(
      Math.ceil(count / 64),
    );
  });

  it('lays out an empty archive as empty columns, no chunks and empty id shards', () => {
    const { manifest, files, columns, shards } = readLayout(resultOf([]));
    expect(manifest).toMatchObject({ articleCount: 0, sources: [] });
    expect(columns).toMatchObject({ count: 0, datedCount: 0 });
    expect(files.map((file) => file.path).sort()).toEqual(
      [
        buildFilePath(manifest, COLUMNS_NAME),
        ...SHARD_NAMES.map((shard) => buildFilePath(manifest, idShardName(shard))),
        searchFilePath(manifest, 'search/0.json'),
      ].sort(),
    );
    expect(manifest.search.shards).toBe(1);
    for (const shard of shards.values()) expect(shard.documents).toEqual({});
  });

  it('refuses an article its schema rejects, naming the file it came from', () => {
    const result = resultOf([makeArticle(0)]);
    result.articles[0]!.body.paths.push('');
    expect(() => layOutData(result)).toThrow(/^body of 2021\/0\.md is invalid: paths\.1: /);
  });
});

describe('layOutData after a real ingest', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await makeTempDir();
  });
  afterEach(async () => {
    await removeDir(dir);
  });

  const markdown = (title: string, source: string, date?: string) =>
    `---\ntitle: ${title}\nsource: ${source}\n${date ? `date: ${date}\n` : ''}---\n\n<p>${title}的正文。</p>\n`;

  it('puts the undated articles last and counts the others as dated', async () => {
    await writeFiles(join(dir, 'in'), [
      ['a.md', markdown('无日期甲', '北辰时报')],
      ['b.md', markdown('旧闻', '星河评论', '2019-03-01 08:00')],
      ['c.md', markdown('新闻', '北辰时报', '2021-07-29 10:00')],
      ['d.md', markdown('无日期乙', '星河评论')],
      ['e.md', markdown('中间', '北辰时报', '2020-01-15 12:30')],
    ]);
    const result = await ingestFolder(join(dir, 'in'));
    const { manifest, columns, rows } = readLayout(result);
    expect(rows.slice(0, 3).map((row) => row.title)).toEqual(['新闻', '中间', '旧闻']);
    const undated = rows.slice(3);
    expect(
      undated.map((row) => row.title),
      'undated by title, in pinyin order',
    ).toEqual(['无日期甲', '无日期乙']);
    expect(undated.map((row) => row.date)).toEqual([null, null]);
    expect(columns).toMatchObject({ count: 5, datedCount: 3 });
    const minutes = [...decodeDescendingDeltas(columns.minutes, columns.datedCount)];
    expect(minutes).toEqual(rows.slice(0, 3).map((row) => minuteOf(row.date!)));
    const names = manifest.sources.map((source) => source.name);
    expect([...decodeUints(columns.sources, 5)].map((index) => names[index])).toEqual(
      rows.map((row) => row.source),
    );
  });

  it('groups each source under the first category most of its articles name', async () => {
    const hexo = (title: string, categories: string[]) =>
      `---\ntitle: ${title}\ncategories:\n${categories.map((name) => ` - ${name}\n`).join('')}---\n\n<p>${title}</p>\n`;
    await writeFiles(join(dir, 'in'), [
      ['a.md', hexo('甲', ['新媒体', '36kr'])],
      ['b.md', hexo('乙', ['新媒体', '36kr'])],
      ['c.md', hexo('丙', ['游戏', '36kr'])],
      ['d.md', hexo('丁', ['游戏', '机核'])],
      ['e.md', markdown('戊', '北辰时报')],
    ]);
    const { manifest } = readLayout(await ingestFolder(join(dir, 'in')));
    expect(manifest.sources).toEqual([
      { name: '36kr', count: 3, group: '新媒体' },
      { name: '北辰时报', count: 1, group: null },
      { name: '机核', count: 1, group: '游戏' },
    ]);
  });

  it('gives every article the body it knew of from parsing, and writes no more on a rebuild', async () => {
    await writeFiles(join(dir, 'in'), [
      ['a.md', markdown('甲', '北辰时报', '2021-07-29 10:00')],
      ['b.md', markdown('乙', '星河评论')],
    ]);
    const result = await ingestFolder(join(dir, 'in'));
    const { rows, bodyOf } = readLayout(result);
    result.articles.forEach((article, index) => {
      const text = JSON.stringify(bodyOf(rows[index]!));
      expect(article.bodyFile).toEqual({ hash: hashOf(text), bytes: Buffer.byteLength(text) });
    });
    const out = join(dir, 'out');
    await writeDataFolder(out, result);
    writeOrder.length = 0;
    await writeDataFolder(out, result);
    expect(writeOrder).toEqual([
      join(out, BUILD_FILES_FILE),
      join(out, REPORT_FILE),
      join(out, MANIFEST_FILE),
    ]);
  });
});

describe('writeDataFolder', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await makeTempDir();
    writeOrder.length = 0;
  });
  afterEach(async () => {
    await removeDir(dir);
  });

  /** filesReferencedBy: every data file a reader may fetch, found from the manifest alone. */
  async function filesReferencedBy(out: string, manifest: Manifest): Promise<string[]> {
    const read = async (path: string) => JSON.parse(await readFile(join(out, path), 'utf8'));
    const columns = parseColumns(await read(buildFilePath(manifest, COLUMNS_NAME)));
    // Any id may be looked up, so every shard is within reach.
    const shards = SHARD_NAMES.map((shard) => buildFilePath(manifest, idShardName(shard)));
    const paths = [buildFilePath(manifest, COLUMNS_NAME), ...shards];
    // Any key may be searched for, so every search shard and every file they name is in reach.
    for (let shard = 0; shard < manifest.search.shards; shard += 1) {
      const path = searchFilePath(manifest, `search/${shard}.json`);
      paths.push(path);
      for (const value of Object.values(parseSearchShard(await read(path)).keys)) {
        if (value.startsWith('@'))
          paths.push(searchFilePath(manifest, `search/${shard}-${value.slice(1)}.json`));
      }
    }
    for (let chunk = 0; chunk * manifest.chunkSize < columns.count; chunk += 1) {
      const path = buildFilePath(manifest, rowChunkName(chunk));
      paths.push(path);
      for (const [offset, row] of parseRowChunk(await read(path)).rows.entries()) {
        const shard = buildFilePath(manifest, idShardName(row.id.slice(0, 2)));
        expect(parseIdShard(await read(shard)).documents[row.id]).toBe(
          chunk * manifest.chunkSize + offset,
        );
        const group = parseBodyGroup(await read(bodyGroupPath(row.body)));
        expect(group.bodies.some((body) => body.id === row.id)).toBe(true);
        paths.push(bodyGroupPath(row.body));
        for (const image of [row.image]) if (image?.startsWith('media/')) paths.push(image);
      }
    }
    return [...new Set(paths)];
  }

  /** writeFresh: the bytes writeDataFolder writes into a folder that did not exist. */
  async function writeFresh(result: IngestResult): Promise<Map<string, Buffer>> {
    const fresh = await makeTempDir();
    try {
      await writeDataFolder(join(fresh, 'out'), result);
      return await readFolderBytes(join(fresh, 'out'));
    } finally {
      await removeDir(fresh);
    }
  }

  it('writes every file the manifest leads to, then the manifest itself last', async () => {
    const image = join(dir, 'photo.png');
    await writeFiles(dir, [['photo.png', new Uint8Array([137, 80, 78, 71])]]);
    const articles = datedArticles(70);
    articles[3]!.summary.image = 'media/0123456789abcdef.png';
    const result = resultOf(articles, new Map([['media/0123456789abcdef.png', image]]));
    const out = join(dir, 'out');

    const manifest = await writeDataFolder(out, result);

    const onDisk = parseManifest(JSON.parse(await readFile(join(out, MANIFEST_FILE), 'utf8')));
    expect(onDisk).toEqual(manifest);
    const written = await readFolderBytes(out);
    const referenced = await filesReferencedBy(out, onDisk);
    const groups = referenced.filter((path) => path.startsWith('bodies/')).length;
    expect(groups).toBeGreaterThan(0);
    expect(referenced).toHaveLength(1 + 256 + onDisk.search.shards + 2 + groups + 1);
    for (const path of referenced) expect(written.has(path), path).toBe(true);
    expect([...written.get('media/0123456789abcdef.png')!]).toEqual([137, 80, 78, 71]);
    expect(written.has(REPORT_FILE)).toBe(true);
    // The build's list of files names exactly what the manifest leads to.
    const listed = parseBuildFiles(JSON.parse(written.get(BUILD_FILES_FILE)!.toString('utf8')));
    expect(listed.files).toEqual([...referenced].sort());
    // Nothing else: no files left over from a layout the manifest does not describe.
    expect([...written.keys()].sort()).toEqual(
      [...referenced, MANIFEST_FILE, REPORT_FILE, BUILD_FILES_FILE].sort(),
    );
    // The entry point is written once, after everything it leads to.
    expect(writeOrder.filter((path) => path.endsWith(MANIFEST_FILE))).toHaveLength(1);
    expect(writeOrder.at(-1)).toBe(join(out, MANIFEST_FILE));
    const manifestTime = (await stat(join(out, MANIFEST_FILE))).mtimeMs;
    for (const path of referenced) {
      expect((await stat(join(out, path))).mtimeMs).toBeLessThanOrEqual(manifestTime);
    }
  });

  it('writes exactly the bytes layOutData laid out', async () => {
    const result = sample();
    const out = join(dir, 'out');
    await writeDataFolder(out, result);
    const written = await readFolderBytes(out);
    for (const file of layOutData(result).files) {
      expect(written.get(file.path)?.toString('utf8'), file.path).toBe(file.text);
    }
  });

  it('keeps the previous build’s files for one more build, for readers still on it', async () => {
    const out = join(dir, 'out');
    const first = await writeDataFolder(out, sample());
    const firstFiles = await filesReferencedBy(out, first);
    const second = await writeDataFolder(out, resultOf(datedArticles(3, 100)));
    expect(second.build).not.toBe(first.build);
    const afterSecond = new Set((await readFolderBytes(out)).keys());
    for (const path of firstFiles) expect(afterSecond.has(path), path).toBe(true);
    const secondFiles = await filesReferencedBy(out, second);
    await writeDataFolder(out, resultOf(datedArticles(4, 200)));
    const afterThird = new Set((await readFolderBytes(out)).keys());
    for (const path of secondFiles) expect(afterThird.has(path), path).toBe(true);
    const gone = firstFiles.filter((path) => !secondFiles.includes(path));
    expect(gone.length).toBeGreaterThan(0);
    for (const path of gone) expect(afterThird.has(path), path).toBe(false);
  });

  it('writes byte-identical folders for the same articles', async () => {
    await writeDataFolder(join(dir, 'one'), sample());
    await writeDataFolder(join(dir, 'two'), sample());
    expect(await readFolderBytes(join(dir, 'two'))).toEqual(
      await readFolderBytes(join(dir, 'one')),
    );
  });

  it('leaves the previous output alone when the new articles are invalid', async () => {
    const out = join(dir, 'out');
    const manifest = await writeDataFolder(out, sample());
    const before = await readFolderBytes(out);
    const invalid = sample();
    invalid.articles[2]!.summary.title = '';
    await expect(writeDataFolder(out, invalid)).rejects.toThrow(/rows\.4\.title/);
    expect(await readFolderBytes(out)).toEqual(before);
    expect(await readdir(dir)).toEqual(['out']);
    expect(parseManifest(JSON.parse(before.get(MANIFEST_FILE)!.toString('utf8')))).toEqual(
      manifest,
    );
  });

  it('writes only what changed when the folder already holds an earlier build', async () => {
    const out = join(dir, 'out');
    await writeDataFolder(out, sample());
    writeOrder.length = 0;
    await writeDataFolder(out, sample());
    expect(writeOrder).toEqual([
      join(out, BUILD_FILES_FILE),
      join(out, REPORT_FILE),
      join(out, MANIFEST_FILE),
    ]);

    const edited = sample();
    edited.articles[0]!.body.html = '<p>Edited.</p>';
    writeOrder.length = 0;
    await writeDataFolder(out, edited);
    const bodies = writeOrder.filter((path) => path.includes(`${join(out, 'bodies')}/`));
    expect(bodies).toHaveLength(1);
    // The body's group changed name, so its row's chunk did; the columns and id shards did not.
    const index = writeOrder.filter((path) => /\/(?:columns|rows|ids)\b/.test(path));
    expect(index.map((path) => path.slice(out.length + 1).split('.')[0])).toEqual(['rows/0']);
  });

  it('writes again a body file that a killed run left cut short', async () => {
    const out = join(dir, 'out');
    await writeDataFolder(out, sample());
    const before = await readFolderBytes(out);
    const [body] = [...before.keys()].filter((path) => path.startsWith('bodies/'));
    await writeFiles(out, [[body!, '{"schemaVer']]);
    await writeDataFolder(out, sample());
    expect(await readFolderBytes(out)).toEqual(before);
  });

  it('leaves out files neither it nor the previous build wrote', async () => {
    const out = join(dir, 'out');
    await writeDataFolder(out, sample());
    await writeFiles(out, [
      ['stray.txt', 'x'],
      ['bodies/0000000000000000.json', '{}'],
      ['build-0000000000000000/columns.json', '{}'],
    ]);
    await writeDataFolder(out, sample());
    expect(await readFolderBytes(out)).toEqual(await writeFresh(sample()));
  });

  it('reports the bodies written, ending at the number of articles', async () => {
    const calls: [string, number, number][] = [];
    await writeDataFolder(join(dir, 'out'), sample(), {
      onProgress: (phase, done, total) => calls.push([phase, done, total]),
    });
    expect(calls[0]).toEqual(['write', 0, 7]);
    expect(calls.at(-1)).toEqual(['write', 7, 7]);
    const done = calls.map(([, count]) => count);
    expect(done).toEqual([...done].sort((a, b) => a - b));
  });
});

describe('writeDataFolder over a growing archive', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await makeTempDir();
  });
  afterEach(async () => {
    await removeDir(dir);
  });

  /**
   * archive: `count` articles from a seeded generator, in list order: dates scattered over five
   * years (some undated), bodies of varied length, so body groups split by size and boundary.
   */
  function archive(ids: readonly number[]): Article[] {
    const articles = ids.map((n) => {
      const random = (salt: number) => ((n * 2654435761 + salt * 40503) >>> 0) % 1000;
      const article = makeArticle(n, {
        // Ids from 5000 on are the newest articles, as a growing archive adds them.
        date:
          n >= 5000
            ? new Date(Date.UTC(2025, 0, 1) + n * 60_000).toISOString()
            : random(1) < 20
              ? null
              : new Date(Date.UTC(2019, 0, 1) + random(2) * 157_680_000 + n * 1000).toISOString(),
        source: ['Xinhua', 'AP', 'Reuters', '北辰时报'][random(3) % 4]!,
        title: `Article ${n} ${'word '.repeat(random(4) % 7)}`.trim(),
      });
      article.body.html = `<p>${`Body of article ${n}, paragraph text. `.repeat(1 + random(5))}</p>`;
      return article;
    });
    // List order: newest first, undated last by title, as ingest sorts them.
    return articles.sort((a, b) => {
      const [x, y] = [a.summary.date, b.summary.date];
      if (x !== y) return x === null ? 1 : y === null ? -1 : x < y ? 1 : -1;
      return a.summary.title < b.summary.title ? -1 : 1;
    });
  }
  const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

  /** buildFiles: the files the build in `out` names (its build-files list). */
  async function buildFiles(out: string) {
    const files = parseBuildFiles(
      JSON.parse(await readFile(join(out, BUILD_FILES_FILE), 'utf8')),
    ).files;
    return new Set(files);
  }

  it('writes the same bytes updating a build of A to A+B as building A+B cold, and changes few files', async () => {
    const a = range(0, 2000);
    const cases: [string, number[]][] = [
      // 100 new articles, newest dates among them (ids above A's).
      ['+100', [...a, ...range(5000, 5100)]],
      // 100 removed and 100 edited (an edit is a new body under the same id).
      ['-100 ~100', a.filter((n) => n % 25 !== 0)],
    ];
    const incremental = join(dir, 'incremental');
    await writeDataFolder(incremental, resultOf(archive(a)));
    for (const [name, ids] of cases) {
      const articles = archive(ids);
      if (name.includes('~')) {
        for (const article of articles.filter((entry) => /[05]$/.test(entry.summary.id))) {
          article.body.html += '<p>Edited.</p>';
        }
      }
      const cold = join(dir, `cold${name.length}`);
      await writeDataFolder(cold, resultOf(articles));
      const previous = await buildFiles(incremental);
      await writeDataFolder(incremental, resultOf(articles));
      if (name === '+100') {
        // Appending the newest articles left every body group but the last where it was.
        const current = await buildFiles(incremental);
        const bodies = [...previous].filter((path) => path.startsWith('bodies/'));
        expect(bodies.filter((path) => !current.has(path)).length).toBeLessThanOrEqual(1);
      }
      const coldBytes = await readFolderBytes(cold);
      const updated = await readFolderBytes(incremental);
      for (const [path, bytes] of coldBytes) {
        expect(updated.get(path)?.equals(bytes), `${name}: ${path}`).toBe(true);
      }
      // Anything more in the updated folder is the previous build's, kept for open tabs.
      for (const path of updated.keys()) {
        if (!coldBytes.has(path)) expect(previous.has(path), `${name}: ${path}`).toBe(true);
      }
    }
  }, 300_000);
});
