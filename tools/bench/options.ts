import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { SWEEP_OWN_FILE_CHARACTERS, SWEEP_SHARD_CHARACTERS } from './index-sweep';
import { REBUILD_CHANGES } from './rebuild-step';

export interface BenchOptions {
  /** Corpus sizes in articles, in the order they run. */
  sizes: number[];
  seed: number;
  /** Holds corpora (reused across runs), data, sites and the JSON results. */
  workDir: string;
  /** Keep each size's data folder and built site instead of removing them after measuring. */
  keep: boolean;
  /** The groups of steps to run (the cold ingest always runs: the others compare with it). */
  only: StepGroup[];
  /** Instead of the benchmark: the offline sweep of the search index's layout (index-sweep.ts). */
  indexSweep: IndexSweepOptions | null;
}

export interface IndexSweepOptions {
  /** An ingested data folder (with manifest.json), e.g. one `--keep` left. */
  dataDir: string;
  shardCharacters: number[];
  ownFileCharacters: number[];
}

/**
 * The bench's groups of steps: the cold ingest and its output; Hugo on the same corpus; warm
 * rebuilds after the corpus changes; the Vite build and everything measured in Chromium.
 */
export const STEP_GROUPS = ['ingest', 'hugo', 'rebuild', 'browser'] as const;
export type StepGroup = (typeof STEP_GROUPS)[number];

export class BenchOptionsInvalidError extends Error {
  override readonly name = 'BenchOptionsInvalidError';
}

export const DEFAULT_SIZES = [10_000, 100_000];

export const BENCH_HELP = `Usage: npm run bench -- [options]

Generates a synthetic corpus per size, ingests it, builds the site, serves it and measures
it in headless Chromium; prints one table per size and writes <work>/bench-<size>.json.

Options:
  --sizes N,N   corpus sizes in articles (default: ${DEFAULT_SIZES.join(',')})
  --seed N      corpus seed (default: 1)
  --work DIR    working folder; corpora in it are reused (default: ${join(tmpdir(), 'chronicle-bench')})
  --keep        keep each size's data folder and built site (removed by default)
  --only G,G    run only these groups of steps (default: all): ingest (the cold ingest and its
                output; always runs), hugo (Hugo on the same corpus, when hugo is on the PATH),
                rebuild (warm rebuilds: nothing changed, then ${REBUILD_CHANGES.add} articles added, then
                ${REBUILD_CHANGES.edit} edited + ${REBUILD_CHANGES.remove} removed), browser (the site build and Chromium).
                A large run: --sizes 1000000 --only ingest
  --help        show this help

Search index layout sweep (no browser; the benchmark does not run):
  --index-sweep DATA   rebuild the search index of an ingested data folder in memory with
                       other layouts and weigh the files the bench's queries would load
  --sweep-shards N,N   shard sizes in characters (default: ${SWEEP_SHARD_CHARACTERS.join(',')})
  --sweep-own N,N      own-file thresholds in characters (default: ${SWEEP_OWN_FILE_CHARACTERS.join(',')})

Set CHROMIUM_PATH to use a Chromium other than /usr/bin/chromium.`;

function parsePositive(option: string, text: string): number {
  const value = Number(text.replaceAll('_', ''));
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new BenchOptionsInvalidError(
      `${option}: ${JSON.stringify(text)} is not a positive integer`,
    );
  }
  return value;
}

const parseList = (option: string, text: string | undefined, fallback: number[]) =>
  text === undefined ? fallback : text.split(',').map((item) => parsePositive(option, item));

function parseGroups(text: string | undefined): StepGroup[] {
  if (text === undefined) return [...STEP_GROUPS];
  const groups = new Set<StepGroup>(['ingest']);
  for (const item of text.split(',')) {
    const group = STEP_GROUPS.find((name) => name === item.trim());
    if (group === undefined) {
      throw new BenchOptionsInvalidError(
        `--only: ${JSON.stringify(item)} is not one of ${STEP_GROUPS.join(', ')}`,
      );
    }
    groups.add(group);
  }
  return STEP_GROUPS.filter((group) => groups.has(group));
}

/** parseBenchOptions: the command line, or null when help was asked for. */
export function parseBenchOptions(argv: string[]): BenchOptions | null {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        sizes: { type: 'string' },
        seed: { type: 'string', default: '1' },
        work: { type: 'string' },
        keep: { type: 'boolean', default: false },
        only: { type: 'string' },
        'index-sweep': { type: 'string' },
        'sweep-shards': { type: 'string' },
        'sweep-own': { type: 'string' },
        help: { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new BenchOptionsInvalidError((error as Error).message);
  }
  if (values.help) return null;
  const sizes = parseList('--sizes', values.sizes, DEFAULT_SIZES);
  const seed = Number(values.seed);
  if (!Number.isSafeInteger(seed)) {
    throw new BenchOptionsInvalidError(`--seed: ${JSON.stringify(values.seed)} is not an integer`);
  }
  return {
    sizes,
    seed,
    workDir: resolve(values.work ?? join(tmpdir(), 'chronicle-bench')),
    keep: values.keep,
    only: parseGroups(values.only),
    indexSweep:
      values['index-sweep'] === undefined
        ? null
        : {
            dataDir: resolve(values['index-sweep']),
            shardCharacters: parseList(
              '--sweep-shards',
              values['sweep-shards'],
              SWEEP_SHARD_CHARACTERS,
            ),
            ownFileCharacters: parseList(
              '--sweep-own',
              values['sweep-own'],
              SWEEP_OWN_FILE_CHARACTERS,
            ),
          },
  };
}
