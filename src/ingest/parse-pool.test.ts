import { cp, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestArchive } from './ingest';
import {
  makeTempDir,
  readFolderBytes,
  removeDir,
  resultOnly,
  TEST_NOW,
  testConfig,
} from './test-helpers';
import { writeDataFolder } from './write-output';

const FIXTURES = fileURLToPath(new URL('./fixtures', import.meta.url));

describe('parsing in worker threads', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await makeTempDir();
    await cp(FIXTURES, join(dir, 'in'), { recursive: true });
    // First in walk order, so in the first batch, and by far the slowest to parse: its batch is
    // done long after the batches handed out after it.
    const paragraph = '\u3000\u3000为了让这个文件最后一个解析完而反复出现的一段正文。\n';
    await writeFile(join(dir, 'in', '0-slow.txt'), `最慢的一篇\n${paragraph.repeat(2_000)}`);
  });
  afterAll(async () => {
    await removeDir(dir);
  });

  it('gives the same result and byte-identical data as one thread', async () => {
    const options = { contentRoot: join(dir, 'in'), config: testConfig(), now: TEST_NOW };
    const single = await ingestArchive({ ...options, jobs: 1 });
    // Two parsing threads, as on a two-core machine.
    const pooled = await ingestArchive({
      ...options,
      jobs: 2,
      minFilesPerThread: 1,
      batchFiles: 2,
    });
    expect(single.stats.workers).toBe(0);
    expect(pooled.stats.workers).toBe(2);
    expect(pooled.stats.parsed).toBe(single.stats.parsed);

    expect(resultOnly(pooled)).toEqual(resultOnly(single));
    expect(pooled.report.summary.merged).toBe(1);
    expect(pooled.media.size).toBe(1);

    await writeDataFolder(join(dir, 'single'), single);
    await writeDataFolder(join(dir, 'pooled'), pooled);
    expect(await readFolderBytes(join(dir, 'pooled'))).toEqual(
      await readFolderBytes(join(dir, 'single')),
    );
  }, 60_000);

  it('parses in this thread when there are too few files per worker', async () => {
    const result = await ingestArchive({
      contentRoot: join(dir, 'in'),
      config: testConfig(),
      now: TEST_NOW,
      jobs: 8,
    });
    expect(result.stats.workers).toBe(0);
  });
});
