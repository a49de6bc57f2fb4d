import { readdir, readFile, rm, stat, truncate, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deserialize } from 'node:v8';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { IngestConfig } from './config';
import { ingestArchive } from './ingest';
import {
  makeTempDir,
  readFolderBytes,
  removeDir,
  resultOnly,
  TEST_NOW,
  testConfig,
  writeFiles,
} from './test-helpers';
import { writeDataFolder } from './write-output';

const article = (title: string, body: string, extra = '') =>
  `---\ntitle: ${title}\nsource: 北辰时报\n${extra}---\n\n<p>${body}</p>\n`;
const svg = (width: number) => `<svg xmlns="http://www.w3.org/2000/svg" width="${width}"/>`;

let dir: string;
let content: string;
let cacheDir: string;
beforeEach(async () => {
  dir = await makeTempDir();
  content = join(dir, 'in');
  cacheDir = join(dir, 'cache');
  await writeFiles(content, [
    ['a.md', article('甲', '正文甲。', 'date: 2021-01-01 10:00\n')],
    ['b.md', article('乙', '正文乙。<img src="img/chart.svg">')],
    ['c.txt', '丙\n正文丙。'],
    ['copy-of-a.md', article('甲', '正文甲。', 'date: 2021-01-02 10:00\n')],
    ['img/chart.svg', svg(1)],
    ['notes.csv', 'a,b'],
  ]);
});
afterEach(async () => {
  await removeDir(dir);
});

function ingest(options: { config?: IngestConfig; now?: Date; cache?: boolean } = {}) {
  return ingestArchive({
    contentRoot: content,
    config: options.config ?? testConfig(),
    now: options.now ?? TEST_NOW,
    ...(options.cache === false ? {} : { cacheDir }),
  });
}

async function dataOf(result: Awaited<ReturnType<typeof ingest>>, name: string) {
  await writeDataFolder(join(dir, name), result);
  return readFolderBytes(join(dir, name));
}

async function cachedPaths(): Promise<string[]> {
  const [archive] = await readdir(cacheDir);
  const folder = join(cacheDir, archive!);
  const shards = (await readdir(folder)).filter((name) => /^[0-9a-f]{2}\.bin$/.test(name));
  const paths: string[] = [];
  for (const shard of shards) {
    paths.push(
      ...(
        deserialize(await readFile(join(folder, shard))) as { entries: Map<string, unknown> }
      ).entries.keys(),
    );
  }
  return paths.sort();
}

describe('the parse cache', () => {
  it('parses nothing on a second run, and gives byte-identical data', async () => {
    const cold = await ingest();
    expect(cold.stats).toMatchObject({ articleFiles: 4, parsed: 4, fromCache: 0 });
    const warm = await ingest();
    expect(warm.stats).toMatchObject({ articleFiles: 4, parsed: 0, fromCache: 4 });
    const uncached = await ingest({ cache: false });
    expect(uncached.stats.parsed).toBe(4);

    expect(resultOnly(warm)).toEqual(resultOnly(uncached));
    expect(warm.report.summary.merged).toBe(1);
    expect(await dataOf(warm, 'warm')).toEqual(await dataOf(uncached, 'uncached'));
    // Merging into a cached article must not have changed the cache: a third run is the same.
    const third = await ingest();
    expect(await dataOf(third, 'third')).toEqual(await dataOf(uncached, 'again'));
  });

  it('parses again only the file whose content changed', async () => {
    await ingest();
    await writeFiles(content, [['c.txt', '丙\n改过的正文。']]);
    const result = await ingest();
    expect(result.stats).toMatchObject({ parsed: 1, fromCache: 3 });
    const c = result.articles.find((entry) => entry.summary.title === '丙');
    expect(c?.summary.excerpt).toBe('改过的正文。');
  });

  it('parses everything again when the config changes', async () => {
    await ingest();
    const result = await ingest({ config: testConfig({ defaultTimeZone: 'Asia/Shanghai' }) });
    expect(result.stats).toMatchObject({ parsed: 4, fromCache: 0 });
    const a = result.articles.find((entry) => entry.body.paths.includes('a.md'));
    expect(a?.summary.date).toBe('2021-01-01T02:00:00.000Z');
  });

  it('parses an article again when an image it shows changes or appears', async () => {
    await ingest();
    await writeFiles(content, [['img/chart.svg', svg(2)]]);
    const changed = await ingest();
    expect(changed.stats).toMatchObject({ parsed: 1, fromCache: 3 });
    expect(await dataOf(changed, 'changed')).toEqual(
      await dataOf(await ingest({ cache: false }), 'fresh'),
    );

    const later = '<img src="img/chart.svg"><img src="later.svg">';
    await writeFiles(content, [['b.md', article('乙', `正文乙。${later}`)]]);
    expect((await ingest()).stats.parsed).toBe(1);
    await writeFiles(content, [['later.svg', svg(3)]]);
    const appeared = await ingest();
    expect(appeared.stats.parsed).toBe(1);
    expect(appeared.media.size).toBe(2);
  });

  it('never reuses a date refused as too far ahead, nor a result from a later `now`', async () => {
    await writeFiles(content, [['future.md', article('未来', '正文。', 'date: 2025-06-01\n')]]);
    const dateOf = (result: Awaited<ReturnType<typeof ingest>>) =>
      result.articles.find((entry) => entry.summary.title === '未来')?.summary.date;
    const early = await ingest();
    expect(dateOf(early)).toBeNull();
    const later = await ingest({ now: new Date('2024-09-01T00:00:00Z') });
    expect(later.stats.parsed).toBe(1);
    expect(dateOf(later)).toBe('2025-06-01T00:00:00.000Z');
    // Cached on 2024-09-01, the date was fine; an earlier `now` must not take that on trust.
    const earlier = await ingest({ now: TEST_NOW });
    expect(earlier.stats.parsed).toBe(1);
    expect(dateOf(earlier)).toBeNull();
  });

  it('keeps exactly the entries of the files it saw', async () => {
    await ingest();
    expect(await cachedPaths()).toEqual(['a.md', 'b.md', 'c.txt', 'copy-of-a.md']);
    await rm(join(content, 'b.md'));
    await ingest();
    expect(await cachedPaths()).toEqual(['a.md', 'c.txt', 'copy-of-a.md']);
  });

  it('treats a damaged cache as empty', async () => {
    await ingest();
    const [archive] = await readdir(cacheDir);
    for (const name of await readdir(join(cacheDir, archive!))) {
      await writeFile(join(cacheDir, archive!, name), '{"truncated');
    }
    const result = await ingest();
    expect(result.stats.parsed).toBe(4);
    expect((await ingest()).stats.parsed).toBe(0);
  });
});

describe('file stamps', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reads no file whose stamp is unchanged, and does not parse one only touched', async () => {
    await ingest();
    // Files changed less than 2 s before a run are read again; move the clock past that.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 60_000);
    await ingest();
    const unchanged = await ingest();
    expect(unchanged.stats).toMatchObject({ read: 0, parsed: 0, fromCache: 4 });

    await utimes(join(content, 'c.txt'), new Date('2020-01-01'), new Date('2020-01-01'));
    const touched = await ingest();
    expect(touched.stats).toMatchObject({ read: 1, parsed: 0, fromCache: 4 });
    await writeFiles(content, [['c.txt', '丙\n正文变了。']]);
    const edited = await ingest();
    expect(edited.stats).toMatchObject({ read: 1, parsed: 1, fromCache: 3 });
    expect(await dataOf(edited, 'edited')).toEqual(
      await dataOf(await ingest({ cache: false }), 'fresh'),
    );
  });

  it('reads again a file changed less than 2 s before the run that hashed it', async () => {
    const { mtimeMs } = await stat(join(content, 'c.txt'));
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(mtimeMs + 1_000);
    await ingest();
    // Its stamp could hide a change made in the same clock tick, so it is not kept.
    expect((await ingest()).stats).toMatchObject({ read: 4, parsed: 0 });
    vi.setSystemTime(mtimeMs + 60_000);
    await ingest();
    expect((await ingest()).stats).toMatchObject({ read: 0, parsed: 0 });
  });
});

describe("the cache's bodies", () => {
  const htmlFiles = async () => {
    const [archive] = await readdir(cacheDir);
    const folder = join(cacheDir, archive!);
    const names = (await readdir(folder)).filter((name) => name.endsWith('.html'));
    return Promise.all(names.map(async (name) => (await stat(join(folder, name))).size));
  };

  it('rewrites an HTML file mostly made of stale bodies, and reads the right ones after', async () => {
    const long = (word: string) => `---\ntitle: 长文\n---\n\n<p>${word.repeat(40_000)}</p>\n`;
    for (const word of ['甲', '乙', '丙']) {
      await writeFiles(content, [['long.md', long(word)]]);
      await ingest();
    }
    // The third run left a new file of the live bodies; the next one deletes the old file.
    const result = await ingest();
    const sizes = await htmlFiles();
    const live = Buffer.byteLength('丙'.repeat(40_000));
    expect(sizes.reduce((sum, size) => sum + size, 0)).toBeLessThan(2 * live);
    expect(await dataOf(result, 'cached')).toEqual(
      await dataOf(await ingest({ cache: false }), 'fresh'),
    );
  });

  it('treats a shard whose HTML file was cut short as empty', async () => {
    await ingest();
    const [archive] = await readdir(cacheDir);
    const folder = join(cacheDir, archive!);
    for (const name of await readdir(folder)) {
      if (name.endsWith('.html')) await truncate(join(folder, name), 3);
    }
    const result = await ingest();
    expect(result.stats.parsed).toBe(4);
    expect(await dataOf(result, 'again')).toEqual(
      await dataOf(await ingest({ cache: false }), 'fresh'),
    );
  });
});
