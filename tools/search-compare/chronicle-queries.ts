import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseManifest } from '../../src/manifest/parse';
import { search } from '../../src/search/engine';
import { indexSource } from '../../src/search/index-source';
import { parseQuery } from '../../src/search/query';
import { CORPUS_QUERIES, RESULTS_PAGE } from './corpus-queries';

export interface ChronicleQueryFigures {
  query: string;
  filtered: boolean;
  hits: number;
  /** Index files the engine loaded for this query alone (gzip, each file on its own), bytes. */
  indexGzipBytes: number;
  indexFiles: number;
  /** Row chunks holding the first RESULTS_PAGE results' titles and excerpts, gzip bytes. */
  rowsGzipBytes: number;
  rowFiles: number;
}

/**
 * measureChronicleQueries: for the comparison's corpus queries, what Chronicle's index sends,
 * from the data folder on disk: the files each query needs when nothing is cached yet, gzipped
 * as a static host would send them, and the row chunks that show a page of results (Pagefind's
 * counterpart is its result fragments). The source filter applies to the ranked rows, as in the
 * reader.
 */
export async function measureChronicleQueries(
  dataDir: string,
  source: string,
): Promise<ChronicleQueryFigures[]> {
  const manifest = parseManifest(JSON.parse(readFileSync(join(dataDir, 'manifest.json'), 'utf8')));
  const buildDir = join(dataDir, manifest.build);
  const gzipSize = (path: string) => gzipSync(readFileSync(path)).length;
  const sourceIndex = manifest.sources.findIndex((summary) => summary.name === source);
  const sourceOfRow = new Map<number, number>();
  const sourceOf = (row: number): number => {
    const chunk = Math.floor(row / manifest.chunkSize);
    if (!sourceOfRow.has(row)) {
      const { rows } = JSON.parse(readFileSync(join(buildDir, 'rows', `${chunk}.json`), 'utf8'));
      rows.forEach((article: { source: string }, offset: number) =>
        sourceOfRow.set(
          chunk * manifest.chunkSize + offset,
          manifest.sources.findIndex((summary) => summary.name === article.source),
        ),
      );
    }
    return sourceOfRow.get(row)!;
  };

  const figures: ChronicleQueryFigures[] = [];
  for (const { query, filtered = false } of CORPUS_QUERIES) {
    const loaded = new Set<string>();
    const index = indexSource(manifest.search.shards, async (path) => {
      loaded.add(path);
      return JSON.parse(readFileSync(join(buildDir, path), 'utf8'));
    });
    const ranked = (await search(parseQuery(query), index, manifest.articleCount)).rows;
    const rows = filtered
      ? [...ranked].filter((row) => sourceOf(row) === sourceIndex)
      : [...ranked];
    const chunks = new Set(
      rows.slice(0, RESULTS_PAGE).map((row) => Math.floor(row / manifest.chunkSize)),
    );
    figures.push({
      query,
      filtered,
      hits: rows.length,
      indexGzipBytes: [...loaded].reduce((sum, path) => sum + gzipSize(join(buildDir, path)), 0),
      indexFiles: loaded.size,
      rowsGzipBytes: [...chunks].reduce(
        (sum, chunk) => sum + gzipSize(join(buildDir, 'rows', `${chunk}.json`)),
        0,
      ),
      rowFiles: chunks.size,
    });
  }
  return figures;
}

/** renderChronicleTable: the figures as a Markdown table, in kB. */
export function renderChronicleTable(figures: ChronicleQueryFigures[], source: string): string {
  const kb = (bytes: number) => (bytes / 1000).toFixed(1);
  const lines = [
    `| query | hits | index files, gzip kB (files) | rows of the first ${RESULTS_PAGE} results, gzip kB (files) |`,
    '| --- | --- | --- | --- |',
    ...figures.map(
      (figure) =>
        `| \`${figure.query}\`${figure.filtered ? ` + \`source=${source}\`` : ''} | ${figure.hits.toLocaleString('en')} | ${kb(figure.indexGzipBytes)} (${figure.indexFiles}) | ${kb(figure.rowsGzipBytes)} (${figure.rowFiles}) |`,
    ),
  ];
  return lines.join('\n');
}
