import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

export interface CompareOptions {
  /** An archive to ingest, or a data folder ingest already wrote; null: recall cases only. */
  corpusDir: string | null;
  /** Holds the ingested data, the Pagefind bundles and results.json. */
  outDir: string;
  /** Timed runs per corpus query (the median is reported); bytes are the same on every run. */
  runs: number;
}

export class CompareOptionsInvalidError extends Error {
  override readonly name = 'CompareOptionsInvalidError';
}

const DEFAULT_OUT = join(tmpdir(), 'chronicle-search-compare');

export const COMPARE_HELP = `Usage: npx tsx src/tools/search-compare/cli.ts [options]

Evaluates Pagefind as Chronicle's search: indexes the recall fixture archive with Pagefind's
Node API, runs every recall case through Pagefind's browser runtime in headless Chromium and
compares the hits; with --corpus, also indexes that corpus and measures bytes and time per query.

Options:
  --corpus DIR  archive to ingest, or a data folder ingest wrote (has manifest.json)
  --out DIR     working folder (default: ${DEFAULT_OUT}); results in <out>/results.json
  --runs N      timed runs per corpus query, median reported (default: 3)
  --help        show this help

Set CHROMIUM_PATH to use a Chromium other than /usr/bin/chromium.`;

/** parseCompareOptions: the command line, or null when help was asked for. */
export function parseCompareOptions(argv: string[]): CompareOptions | null {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        corpus: { type: 'string' },
        out: { type: 'string' },
        runs: { type: 'string', default: '3' },
        help: { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new CompareOptionsInvalidError((error as Error).message);
  }
  if (values.help) return null;
  const runs = Number(values.runs);
  if (!Number.isSafeInteger(runs) || runs < 1) {
    throw new CompareOptionsInvalidError(
      `--runs: ${JSON.stringify(values.runs)} is not a positive integer`,
    );
  }
  return {
    corpusDir: values.corpus === undefined ? null : resolve(values.corpus),
    outDir: resolve(values.out ?? DEFAULT_OUT),
    runs,
  };
}
