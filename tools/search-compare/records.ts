import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ArticleBodySchema, ArticleRowSchema, ManifestSchema } from '../../src/manifest/schema';
import { htmlToText } from '../../src/search/plain-text';

/** One article as the search index sees it: what to index, and what to filter and sort by. */
export interface ArticleRecord {
  id: string;
  /** The archive path the article was first found at, to match it with recall cases. */
  path: string;
  title: string;
  /** Title and body text: what a full-text search has to find words in. */
  content: string;
  source: string;
  /** ISO instant in UTC, or null for an undated article. */
  date: string | null;
}

// Only the fields read here are checked, so data written by any schema version that has them
// (the data folder may come from an earlier ingest) can be indexed.
const ManifestFieldsSchema = ManifestSchema.pick({
  articleCount: true,
  build: true,
  chunkSize: true,
  sources: true,
});
const RowChunkFieldsSchema = z.object({
  rows: z.array(
    ArticleRowSchema.pick({ id: true, title: true, source: true, date: true, body: true }),
  ),
});
const BodyFieldsSchema = ArticleBodySchema.pick({ id: true, html: true, paths: true });

const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

/** The source with the most articles: a filter that keeps a sizeable share of any query's hits. */
export function largestSource(dataDir: string): string {
  const { sources } = ManifestFieldsSchema.parse(readJson(join(dataDir, 'manifest.json')));
  const largest = sources.reduce((best, source) => (source.count > best.count ? source : best));
  return largest.name;
}

/**
 * readArticleRecords: every article of an ingested data folder, in list order, one at a time:
 * a 100k-article folder holds about 1 GB of bodies, which need not be in memory together.
 */
export function* readArticleRecords(dataDir: string): Generator<ArticleRecord> {
  const manifest = ManifestFieldsSchema.parse(readJson(join(dataDir, 'manifest.json')));
  const chunks = Math.ceil(manifest.articleCount / manifest.chunkSize);
  for (let chunk = 0; chunk < chunks; chunk += 1) {
    const rowsPath = join(dataDir, manifest.build, 'rows', `${chunk}.json`);
    for (const row of RowChunkFieldsSchema.parse(readJson(rowsPath)).rows) {
      const body = BodyFieldsSchema.parse(
        readJson(join(dataDir, 'articles', `${row.id}.${row.body}.json`)),
      );
      yield {
        id: row.id,
        path: body.paths[0]!,
        title: row.title,
        content: `${row.title}\n${htmlToText(body.html)}`,
        source: row.source,
        date: row.date,
      };
    }
  }
}
