import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateArticle } from './article';
import { sanitizeFileName } from './file-names';
import { generateCorpus } from './generate-corpus';
import { planCorpus } from './plan';
import {
  addArticles,
  editAndRemove,
  editArticleText,
  listCorpusFiles,
  pickSpread,
  undoCorpusChange,
} from './grow-corpus';

async function readAll(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const relPath of listCorpusFiles(dir)) {
    files.set(relPath, await readFile(join(dir, ...relPath.split('/')), 'utf8'));
  }
  return files;
}

describe('growing a corpus', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'chronicle-grow-'));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('adds articles so the corpus is the larger corpus, byte for byte', async () => {
    await generateCorpus({ count: 300, seed: 3, outDir: join(root, 'grown') });
    await generateCorpus({ count: 360, seed: 3, outDir: join(root, 'whole') });
    const added = addArticles(join(root, 'grown'), 3, 300, 60);
    expect(added).toHaveLength(60);
    expect(await readAll(join(root, 'grown'))).toEqual(await readAll(join(root, 'whole')));
  }, 60_000);

  it('names a new article after the names already in its folder', async () => {
    const dir = join(root, 'corpus');
    await generateCorpus({ count: 50, seed: 3, outDir: dir });
    const next = generateArticle(planCorpus(3), 3, 50);
    const name = sanitizeFileName(next.title);
    await mkdir(join(dir, ...next.dir.split('/')), { recursive: true });
    // Another case of the same name: taken too, as on case-insensitive file systems.
    await writeFile(
      join(dir, ...next.dir.split('/'), `${name.toUpperCase()}${next.extension}`),
      '',
    );
    const [added] = addArticles(dir, 3, 50, 1);
    expect(added?.relPath).toBe(`${next.dir}/${name} (2)${next.extension}`);
  }, 60_000);

  it('edits and removes the asked numbers of distinct files, and undoes it all', async () => {
    const dir = join(root, 'corpus');
    await generateCorpus({ count: 200, seed: 5, outDir: dir });
    const original = await readAll(dir);
    const added = addArticles(dir, 5, 200, 10);
    const { edited, removed } = editAndRemove(dir, 20, 15);
    expect(edited).toHaveLength(20);
    expect(removed).toHaveLength(15);
    const touched = new Set([...edited, ...removed].map((file) => file.relPath));
    expect(touched.size).toBe(35);

    const changed = await readAll(dir);
    expect(changed.size).toBe(200 + 10 - 15);
    for (const file of edited) {
      expect(changed.get(file.relPath)).toBe(editArticleText(file.relPath, file.previous!));
      expect(changed.get(file.relPath)).not.toBe(file.previous);
    }
    for (const file of removed) expect(changed.has(file.relPath)).toBe(false);

    undoCorpusChange(dir, { added, edited, removed });
    expect(await readAll(dir)).toEqual(original);
  }, 60_000);

  it('makes the same change to the same corpus', async () => {
    await generateCorpus({ count: 120, seed: 9, outDir: join(root, 'a') });
    await generateCorpus({ count: 120, seed: 9, outDir: join(root, 'b') });
    const a = editAndRemove(join(root, 'a'), 7, 7);
    const b = editAndRemove(join(root, 'b'), 7, 7);
    expect(a).toEqual(b);
  }, 60_000);
});

describe('editArticleText', () => {
  it('adds the correction inside an HTML body, before its closing tag', () => {
    const text = '---\ntitle: t\n---\n<div>\n<p>正文</p>\n</div>\n';
    const edited = editArticleText('hexo/a/b/c/t.md', text);
    expect(edited).toMatch(/<p>正文<\/p>\n<p>更正：[^<]+<\/p>\n<\/div>\n$/);
  });

  it('adds a paragraph line to plain text', () => {
    expect(editArticleText('txt/c/t.txt', 'T\n来源：X\n\n\u3000\u3000正文\n')).toMatch(
      /正文\n\u3000\u3000更正：.+\n$/,
    );
  });
});

describe('pickSpread', () => {
  it('picks distinct positions in range, spread over the list', () => {
    const picks = pickSpread(1000, 200);
    expect(new Set(picks).size).toBe(200);
    expect(Math.min(...picks)).toBeLessThan(5);
    expect(Math.max(...picks)).toBeGreaterThan(995);
    expect(picks.every((position) => position >= 0 && position < 1000)).toBe(true);
  });

  it('refuses more picks than files', () => {
    expect(() => pickSpread(3, 4)).toThrow(RangeError);
  });
});
