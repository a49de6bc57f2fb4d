import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IngestConfigSchema } from '../../src/ingest/config';
import { ingestArchive, type IngestResult } from '../../src/ingest/ingest';
import { generateCorpus, type CorpusArticleInfo } from './generate-corpus';

/** Chronicle's own ingest must accept every file the generator writes, reading what it meant. */
describe('a generated corpus through ingest', () => {
  let outDir: string;
  const generated = new Map<string, CorpusArticleInfo>();
  let result: IngestResult;

  beforeAll(async () => {
    outDir = await mkdtemp(join(tmpdir(), 'chronicle-corpus-ingest-'));
    // Seed 2 puts plain-text, undated and Traditional Chinese files among the first 300.
    await generateCorpus({
      count: 300,
      seed: 2,
      outDir,
      onArticle: (info) => generated.set(info.relPath, info),
    });
    result = await ingestArchive({
      contentRoot: outDir,
      config: IngestConfigSchema.parse({}),
      now: new Date('2024-06-01T00:00:00Z'),
    });
  }, 60_000);

  afterAll(async () => {
    await rm(outDir, { recursive: true, force: true });
  });

  it('covers the cases worth checking', () => {
    const infos = [...generated.values()];
    expect(infos.some((info) => info.format === 'plain-text')).toBe(true);
    expect(infos.some((info) => info.format === 'front-matter' && info.date === null)).toBe(true);
    expect(infos.some((info) => info.lang === 'en')).toBe(true);
    expect(infos.some((info) => info.lang === 'zh-Hant')).toBe(true);
  });

  it('accepts every file: none rejected, skipped or merged', () => {
    const { summary, files } = result.report;
    const refused = files.filter(
      (file) => file.status !== 'accepted' && file.status !== 'accepted-with-warnings',
    );
    expect(refused).toEqual([]);
    expect(summary.found).toBe(300);
    expect(summary.accepted + summary.acceptedWithWarnings).toBe(300);
    expect(summary.articles).toBe(300);
  });

  it('reads the formats, sources, titles and dates that were generated', () => {
    const byId = new Map(result.articles.map((article) => [article.summary.id, article]));
    for (const file of result.report.files) {
      const info = generated.get(file.path)!;
      const article = byId.get(file.id!)!;
      expect(file.format, file.path).toBe(info.format);
      expect(article.summary.title, file.path).toBe(info.title);
      expect(article.summary.source, file.path).toBe(info.source);
      expect(article.summary.date, file.path).toBe(info.date);
    }
    const sources = new Set(result.articles.map((article) => article.summary.source));
    expect(sources).toEqual(new Set([...generated.values()].map((info) => info.source)));
  });

  it('keeps the https images of the bodies', () => {
    const withImages = result.articles.filter((article) =>
      /<img[^>]+src="https:\/\/[a-z]+\.example\.(?:com|org)\//.test(article.body.html),
    );
    expect(withImages.length).toBeGreaterThan(30);
  });
});
