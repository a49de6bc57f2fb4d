import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { ingestFolder, makeTempDir, removeDir, writeFiles } from '../../src/ingest/test-helpers';
import { writeDataFolder } from '../../src/ingest/write-output';
import { MANIFEST_FILE, searchFilePath } from '../../src/manifest/data-paths';
import { parseManifest } from '../../src/manifest/parse';
import { search } from '../../src/search/engine';
import { indexSource } from '../../src/search/index-source';
import { parseQuery } from '../../src/search/query';

/** Search over a data folder on disk, as a reader of that folder would. */
async function searchFolder(out: string, query: string): Promise<number> {
  const manifest = parseManifest(JSON.parse(await readFile(join(out, MANIFEST_FILE), 'utf8')));
  const source = indexSource(manifest.search.shards, async (path) =>
    JSON.parse(await readFile(join(out, searchFilePath(manifest, path)), 'utf8')),
  );
  return (await search(parseQuery(query), source, manifest.articleCount)).rows.length;
}

const article = (title: string, body: string) =>
  `---\ntitle: ${title}\ndate: 2021-03-04T08:00:00Z\n---\n<p>${body}</p>\n`;

let dir: string;
beforeEach(async () => {
  dir = await makeTempDir('chronicle-reingest-');
});
afterEach(() => removeDir(dir));

it('search follows the archive as articles are edited, added and removed', async () => {
  const content = join(dir, 'archive');
  const out = join(dir, 'out');
  await writeFiles(content, [
    ['hexo/新闻/北辰时报/国际/a.md', article('峰会开幕', '双方讨论了战略稳定。')],
    ['hexo/新闻/北辰时报/国际/b.md', article('会谈结束', '新削减战略武器条约延期。')],
  ]);
  await writeDataFolder(out, await ingestFolder(content));
  expect(await searchFolder(out, '战略稳定')).toBe(1);
  expect(await searchFolder(out, '无人潜航器')).toBe(0);

  await writeFiles(content, [
    ['hexo/新闻/北辰时报/国际/a.md', article('峰会开幕', '双方讨论了无人潜航器。')],
    ['hexo/新闻/北辰时报/国际/c.md', article('新一轮磋商', '战略稳定对话重启，讨论无人潜航器。')],
  ]);
  await removeDir(join(content, 'hexo/新闻/北辰时报/国际/b.md'));
  await writeDataFolder(out, await ingestFolder(content));
  expect(await searchFolder(out, '战略稳定')).toBe(1);
  expect(await searchFolder(out, '无人潜航器')).toBe(2);
  expect(await searchFolder(out, '削减战略')).toBe(0);
}, 60_000);
