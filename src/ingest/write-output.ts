import { createHash } from 'node:crypto';
import { copyFile, mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArticleBody, parseArticleIndex, parseManifest } from '../manifest/parse';
import {
  SCHEMA_VERSION,
  type ArticleIndex,
  type Manifest,
  type SourceSummary,
} from '../manifest/schema';
import type { IngestResult } from './ingest';
import { IngestReportSchema } from './report';

export const MANIFEST_FILE = 'manifest.json';
export const REPORT_FILE = 'ingest-report.json';

function countSources(result: IngestResult): SourceSummary[] {
  const counts = new Map<string, number>();
  for (const { summary } of result.articles)
    counts.set(summary.source, (counts.get(summary.source) ?? 0) + 1);
  return [...counts]
    .map(([name, count]) => ({ name, count }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * writeDataFolder: replace `outDir` with the manifest, the content-hashed index, one body file per
 * article, the local media and the report. Everything is validated against the manifest schema
 * before it is written, so the reader never receives what it would refuse.
 */
export async function writeDataFolder(outDir: string, result: IngestResult): Promise<Manifest> {
  const index: ArticleIndex = parseArticleIndex({
    schemaVersion: SCHEMA_VERSION,
    articles: result.articles.map((article) => article.summary),
    sources: countSources(result),
  });
  const indexJson = JSON.stringify(index);
  const indexFile = `index.${createHash('sha256').update(indexJson).digest('hex').slice(0, 16)}.json`;
  const manifest = parseManifest({
    schemaVersion: SCHEMA_VERSION,
    generator: 'chronicle',
    articleCount: index.articles.length,
    index: indexFile,
    bodies: 'articles/',
  });

  await rm(outDir, { recursive: true, force: true });
  await mkdir(join(outDir, 'articles'), { recursive: true });
  await mkdir(join(outDir, 'media'), { recursive: true });
  await writeFile(join(outDir, indexFile), indexJson);
  for (const article of result.articles) {
    const body = parseArticleBody(article.body, `body of ${article.body.paths[0]}`);
    await writeFile(join(outDir, 'articles', `${body.id}.json`), JSON.stringify(body));
  }
  for (const [mediaPath, source] of result.media) await copyFile(source, join(outDir, mediaPath));
  await writeFile(
    join(outDir, REPORT_FILE),
    `${JSON.stringify(IngestReportSchema.parse(result.report), null, 2)}\n`,
  );
  // The entry point goes last: a reader never sees a manifest whose files are not there yet.
  await writeFile(join(outDir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}
