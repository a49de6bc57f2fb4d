import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CorpusOptionsInvalidError,
  OutputFolderNotEmptyError,
  generateCorpus,
  type CorpusArticleInfo,
  type CorpusStats,
} from './generate-corpus';

const temporary: string[] = [];

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'chronicle-corpus-'));
  temporary.push(dir);
  return dir;
}

afterAll(async () => {
  await Promise.all(temporary.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** Every file under root, `/`-separated relative path → contents. */
async function readTree(root: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const absPath = join(entry.parentPath, entry.name);
    files.set(
      absPath
        .slice(root.length + 1)
        .split('\\')
        .join('/'),
      await readFile(absPath),
    );
  }
  return files;
}

describe('generateCorpus: determinism', () => {
  it('writes byte-identical files for the same seed, and different ones for another seed', async () => {
    const [first, second, other] = await Promise.all([tempDir(), tempDir(), tempDir()]);
    const statsFirst = await generateCorpus({ count: 400, seed: 7, outDir: first });
    const statsSecond = await generateCorpus({ count: 400, seed: 7, outDir: second });
    await generateCorpus({ count: 400, seed: 8, outDir: other });

    const [a, b, c] = await Promise.all([readTree(first), readTree(second), readTree(other)]);
    expect(a.size).toBe(400);
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    for (const [path, bytes] of a) expect(bytes.equals(b.get(path)!), path).toBe(true);
    expect(statsSecond).toEqual(statsFirst);

    const shared = [...a.keys()].filter((path) => c.has(path));
    expect(shared.length).toBeLessThan(10);
  });

  it('gives a prefix of a larger corpus for a smaller count', async () => {
    const small: CorpusArticleInfo[] = [];
    const large: CorpusArticleInfo[] = [];
    await generateCorpus({
      count: 150,
      seed: 3,
      outDir: await tempDir(),
      onArticle: (info) => small.push(info),
    });
    await generateCorpus({
      count: 300,
      seed: 3,
      outDir: await tempDir(),
      onArticle: (info) => large.push(info),
    });
    expect(large.slice(0, 150)).toEqual(small);
  });
});

describe('generateCorpus: shape of 2,000 articles', () => {
  const articles: CorpusArticleInfo[] = [];
  let stats: CorpusStats;
  let outDir: string;

  beforeAll(async () => {
    outDir = await tempDir();
    stats = await generateCorpus({
      count: 2_000,
      seed: 1,
      outDir,
      onArticle: (info) => articles.push(info),
    });
  });

  it('writes one file per article and counts them', async () => {
    expect((await readTree(outDir)).size).toBe(2_000);
    expect(stats.files.md + stats.files.txt).toBe(2_000);
    expect(stats.totalBytes).toBe(articles.reduce((sum, article) => sum + article.fileBytes, 0));
  });

  it('uses both formats in the archivers’ layouts, mostly front matter + HTML', () => {
    expect(stats.files.txt).toBeGreaterThan(0);
    expect(stats.files.md / 2_000).toBeGreaterThan(0.95);
    for (const article of articles) {
      const pattern =
        article.format === 'front-matter'
          ? /^hexo\/[^/]+\/[^/]+\/[^/]+\/[^/]+\.md$/
          : /^txt\/[^/]+\/[^/]+\.txt$/;
      expect(article.relPath).toMatch(pattern);
    }
  });

  it('skews sources heavily: the largest has about a fifth, the smallest very few', () => {
    const counts = stats.sources.map((source) => source.articles);
    expect(counts[0]! / 2_000).toBeGreaterThan(0.14);
    expect(counts[0]! / 2_000).toBeLessThan(0.26);
    expect(counts[counts.length - 1]!).toBeLessThanOrEqual(3);
    expect(counts[0]! / counts[Math.floor(counts.length / 2)]!).toBeGreaterThan(8);
  });

  it('leaves 1–3.5% of articles undated', () => {
    expect(stats.undated / 2_000).toBeGreaterThanOrEqual(0.01);
    expect(stats.undated / 2_000).toBeLessThanOrEqual(0.035);
    expect(articles.filter((article) => article.date === null)).toHaveLength(stats.undated);
  });

  it('has bodies with a median of 3–7 KB and a long tail past 25 KB', () => {
    expect(stats.bodyBytes.median).toBeGreaterThanOrEqual(3_000);
    expect(stats.bodyBytes.median).toBeLessThanOrEqual(7_000);
    expect(stats.bodyBytes.max).toBeGreaterThanOrEqual(25_000);
    expect(stats.bodyBytes.max).toBeLessThanOrEqual(51_200);
  });

  it('dates five years, 2019–2023, with fewer articles on weekends', () => {
    const dated = articles.filter((article) => article.date !== null).map((a) => new Date(a.date!));
    const years = new Set(dated.map((date) => date.getUTCFullYear()));
    expect([...years].sort()).toEqual([2019, 2020, 2021, 2022, 2023]);
    const weekend = dated.filter((date) => [0, 6].includes(date.getUTCDay())).length;
    expect(weekend / 2 / ((dated.length - weekend) / 5)).toBeLessThan(0.75);
  });

  it('titles Chinese articles in 10–40 characters, some with English, some Traditional', () => {
    const chinese = articles.filter((article) => article.lang !== 'en');
    for (const { title } of chinese) {
      expect([...title].length).toBeGreaterThanOrEqual(10);
      expect([...title].length).toBeLessThanOrEqual(40);
    }
    const withLatin = chinese.filter(({ title }) => /[A-Za-z]/.test(title)).length;
    expect(withLatin / chinese.length).toBeGreaterThan(0.1);
    expect(withLatin / chinese.length).toBeLessThan(0.5);
    const share = (lang: string) => articles.filter((a) => a.lang === lang).length / 2_000;
    expect(share('zh-Hant')).toBeGreaterThan(0.01);
    expect(share('en')).toBeGreaterThan(0.025);
  });

  it('gives about 60% of front-matter articles a header image on an https example host', async () => {
    const frontMatter = articles.filter((article) => article.format === 'front-matter');
    let withImage = 0;
    for (const article of frontMatter.slice(0, 500)) {
      const text = await readFile(join(outDir, article.relPath), 'utf8');
      const image = /^(?:headimg|thumbnail): '([^']*)'$/m.exec(text)?.[1];
      if (image === undefined) continue;
      withImage += 1;
      expect(image).toMatch(/^https:\/\/[a-z]+\.example\.(?:com|org)\//);
    }
    expect(withImage / 500).toBeGreaterThan(0.5);
    expect(withImage / 500).toBeLessThan(0.7);
  });

  it('mixes RFC 1123 and YYYY-MM-DD HH:MM:SS dates, mostly RFC 1123', async () => {
    let rfc = 0;
    let plain = 0;
    for (const article of articles.slice(0, 500)) {
      if (article.format !== 'front-matter') continue;
      const text = await readFile(join(outDir, article.relPath), 'utf8');
      const date = /^date: (.*)$/m.exec(text)?.[1];
      if (date === undefined) continue;
      if (/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/.test(date)) rfc += 1;
      else if (/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(date)) plain += 1;
      else throw new Error(`unexpected date "${date}" in ${article.relPath}`);
    }
    expect(plain).toBeGreaterThan(0);
    expect(rfc).toBeGreaterThan(plain * 2);
  });

  it('writes bodies with paragraphs, images, links, blockquotes and lists', async () => {
    const html = (
      await Promise.all(
        articles
          .filter((article) => article.format === 'front-matter')
          .slice(0, 100)
          .map((article) => readFile(join(outDir, article.relPath), 'utf8')),
      )
    ).join('\n');
    expect(html).toMatch(/<p>/);
    expect(html).toMatch(/<img src="https:\/\/[a-z]+\.example\.(?:com|org)\/[^"]+" alt="/);
    expect(html).toMatch(/<a href="https:\/\/[a-z]+\.example\.(?:com|org)\//);
    expect(html).toMatch(/<blockquote>/);
    expect(html).toMatch(/<ul>\n<li>/);
  });
});

describe('generateCorpus: options', () => {
  it('refuses bad counts and seeds', async () => {
    const outDir = await tempDir();
    for (const count of [0, -1, 1.5, Number.NaN]) {
      await expect(generateCorpus({ count, seed: 1, outDir })).rejects.toThrow(
        CorpusOptionsInvalidError,
      );
    }
    await expect(generateCorpus({ count: 1, seed: 0.5, outDir })).rejects.toThrow(
      CorpusOptionsInvalidError,
    );
  });

  it('refuses a non-empty folder unless forced, and then empties it first', async () => {
    const outDir = await tempDir();
    await writeFile(join(outDir, 'keep-me.txt'), 'not part of the corpus');
    await expect(generateCorpus({ count: 5, seed: 1, outDir })).rejects.toThrow(
      OutputFolderNotEmptyError,
    );
    await generateCorpus({ count: 5, seed: 1, outDir, force: true });
    const files = await readTree(outDir);
    expect(files.has('keep-me.txt')).toBe(false);
    expect(files.size).toBe(5);
  });
});
