import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingestFolder } from '../../src/ingest/test-helpers';
import { layOutData } from '../../src/ingest/write-output';
import { searchFilePath } from '../../src/manifest/data-paths';
import { rowOfDocument } from '../../src/manifest/numbering';
import type { Manifest } from '../../src/manifest/schema';
import { parseListFilters } from '../../src/reader/articles/list-filters';
import {
  filterRankedRows,
  toRowFilter,
  type RowColumns,
} from '../../src/reader/articles/row-index';
import { search } from '../../src/search/engine';
import { indexSource } from '../../src/search/index-source';
import { parseQuery } from '../../src/search/query';
import { RECALL_CASES } from '../../src/search/recall/cases';

/**
 * The recall suite: the fixture archive goes through ingest and the index as it is written, and
 * each case's query runs through the reader's engine and filters, as a reader typing it would.
 */

const ARCHIVE = join(dirname(fileURLToPath(import.meta.url)), '../../src/search/recall/archive');

let manifest: Manifest;
let files: Map<string, string>;
let pathOfRow: string[];
let columns: RowColumns;

beforeAll(async () => {
  const result = await ingestFolder(ARCHIVE);
  const data = layOutData(result);
  manifest = data.manifest;
  files = new Map(data.files.map((file) => [file.path, file.text]));
  // Row i is the i-th article: ingest sorts them in list order.
  pathOfRow = result.articles.map((article) => article.body.paths[0]!);
  const sourceIndex = new Map(manifest.sources.map((source, index) => [source.name, index]));
  columns = {
    count: result.articles.length,
    datedCount: result.articles.filter((article) => article.summary.date !== null).length,
    minutes: Float64Array.from(result.articles, ({ summary }) =>
      summary.date === null ? NaN : Date.parse(summary.date) / 60_000,
    ),
    sources: Uint16Array.from(result.articles, ({ summary }) => sourceIndex.get(summary.source)!),
  };
}, 60_000);

async function hitsOf(query: string, filters = ''): Promise<string[]> {
  const source = indexSource(manifest.search.shards, async (path) => {
    const text = files.get(searchFilePath(manifest, path));
    if (text === undefined) throw new Error(`the index has no file ${path}`);
    return JSON.parse(text) as unknown;
  });
  const found = await search(parseQuery(query), source, columns.count);
  const rows = found.rows.map((document) => rowOfDocument(columns.count, document));
  const sourceNames = manifest.sources.map((summary) => summary.name);
  const rowFilter = toRowFilter(
    parseListFilters(new URLSearchParams(filters)).filters,
    sourceNames,
    'UTC',
  );
  return [...filterRankedRows(columns, rowFilter, rows)].map((row) => pathOfRow[row]!);
}

describe('recall', () => {
  it.each(RECALL_CASES.map((recallCase) => [recallCase.name, recallCase] as const))(
    '%s',
    async (_, { query, filters, hits, ordered }) => {
      const found = await hitsOf(query, filters);
      if (ordered) expect(found).toEqual(hits);
      else expect([...found].sort()).toEqual([...hits].sort());
    },
  );
});
