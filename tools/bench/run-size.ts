import { execFileSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { BenchBrowser, type ColdLoadFigures } from './browser-step';
import { ensureCorpus, type CorpusFigures } from './corpus-step';
import { measureDataOutput, type OutputFigures } from './data-output';
import { findOnPath, runHugo, type HugoFigures } from './hugo-step';
import { runIngest, type IngestFigures } from './ingest-step';
import type { StepGroup } from './options';
import { snapshotFolder, type BodyFileSizes } from './output-snapshot';
import { measureRebuilds, skippedRebuilds, type RebuildSeries } from './rebuild-step';
import { REPO_ROOT } from './paths';
import { attempt, NOT_ASKED_FOR, skipped, type Outcome } from './outcome';
import { LIST_ROW, TIMELINE_BAR } from './page-scripts';
import {
  buildSite,
  measureScripts,
  preparePublicDir,
  writeStaticPage,
  type SiteFigures,
} from './site-step';
import type { SearchSessionFigures, SharedLinkFigures } from './search-figures';
import { measureSearchIndexOnDisk, type SearchIndexOnDisk } from './search-index-files';
import { SEARCH_QUERIES, SHARED_LINK_QUERY } from './search-queries';
import { startStaticServer } from './static-server';
import type { Series } from './stats';

export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryBytes: number;
  node: string;
  chromium: string | null;
  /** The commit measured, `-dirty` when the working tree had changes. */
  revision: string | null;
}

export interface SizeResult {
  size: number;
  seed: number;
  startedAt: string;
  machine: Machine;
  corpus: Outcome<CorpusFigures>;
  /** The groups of steps this run measured (options.ts). */
  only: StepGroup[];
  /** From an empty parse cache: a first build. */
  ingest: Outcome<IngestFigures>;
  output: Outcome<OutputFigures>;
  /** The body files of the cold build, one by one: what opening an article fetches of them. */
  bodies: Outcome<BodyFileSizes>;
  /** Hugo building the same corpus, in the same run. */
  hugo: Outcome<HugoFigures>;
  /** Warm rebuilds after the corpus changes (the first, nothing changed, is the warm ingest). */
  rebuilds: RebuildSeries;
  site: Outcome<SiteFigures>;
  reader: Outcome<ColdLoadFigures>;
  staticPage: Outcome<ColdLoadFigures>;
  timeline: Outcome<ColdLoadFigures>;
  sourceToggle: Outcome<Series>;
  dateChange: Outcome<Series>;
  articleOpen: Outcome<Series>;
  /** The search index's files as ingest wrote them. */
  searchIndex: Outcome<SearchIndexOnDisk>;
  /** Queries typed one after another into a loaded list. */
  search: Outcome<SearchSessionFigures>;
  /** A cold load of `/?q=…`. */
  searchLink: Outcome<SharedLinkFigures>;
}

export const RUNS = {
  coldLoad: 5,
  timeline: 3,
  filter: 20,
  articleOpen: 10,
  /** Sessions typing every query of SEARCH_QUERIES, after a warm-up session. */
  searchSessions: 3,
  searchLink: 3,
  staticRows: 50,
};

/** The longest single wait: a reader that renders or filters every row needs more with size. */
const waitMs = (size: number) => Math.min(600_000, Math.max(60_000, size * 6));
/** A series of runs stops early once it has taken this long (it always has one measured run). */
const SERIES_MS = 300_000;
/** Ingest gets ten minutes plus 30 ms an article (at the start it needed ~10). */
const ingestTimeoutMs = (size: number) => 600_000 + size * 30;

function describeRevision(): string | null {
  try {
    return execFileSync('git', ['describe', '--always', '--dirty'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    }).trim();
  } catch {
    return null;
  }
}

const log = (size: number, message: string) =>
  process.stderr.write(`[${size.toLocaleString('en-US')}] ${message}\n`);

/** Logs how a step went and how long it took, and passes its outcome on. */
async function step<T>(size: number, name: string, run: () => Promise<T>): Promise<Outcome<T>> {
  log(size, `${name}…`);
  const started = performance.now();
  const outcome = await attempt(run);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  log(
    size,
    outcome.ok
      ? `${name}: done in ${seconds} s`
      : `${name}: FAILED after ${seconds} s: ${outcome.error}`,
  );
  return outcome;
}

/**
 * benchSize: every step for one corpus size. A step that fails is recorded with its error and
 * the steps that need it are skipped; the browser and the server are always closed.
 */
export async function benchSize(
  size: number,
  seed: number,
  workDir: string,
  keep: boolean,
  only: StepGroup[],
): Promise<SizeResult> {
  const result: SizeResult = {
    size,
    seed,
    startedAt: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memoryBytes: totalmem(),
      node: process.version,
      chromium: null,
      revision: describeRevision(),
    },
    only,
    corpus: skipped('not run'),
    ingest: skipped('no corpus'),
    output: skipped('no corpus'),
    bodies: skipped('no corpus'),
    hugo: skipped('no corpus'),
    rebuilds: skippedRebuilds('no corpus'),
    site: skipped('no corpus'),
    reader: skipped('no corpus'),
    staticPage: skipped('no corpus'),
    timeline: skipped('no corpus'),
    sourceToggle: skipped('no corpus'),
    dateChange: skipped('no corpus'),
    articleOpen: skipped('no corpus'),
    searchIndex: skipped('no corpus'),
    search: skipped('no corpus'),
    searchLink: skipped('no corpus'),
  };
  const publicDir = join(workDir, `public-${size}`);
  const cacheDir = join(workDir, `ingest-cache-${size}`);
  const siteDir = join(workDir, `site-${size}`);
  const hugoDir = join(workDir, `hugo-${size}`);

  result.corpus = await step(size, 'corpus', () => ensureCorpus(workDir, size, seed));
  if (!result.corpus.ok) return result;
  const corpus = result.corpus.value;

  await rm(publicDir, { recursive: true, force: true });
  await rm(cacheDir, { recursive: true, force: true });
  try {
    await measureBuiltArchive(result, corpus, { workDir, publicDir, cacheDir, siteDir, hugoDir });
  } finally {
    if (!keep) {
      await rm(hugoDir, { recursive: true, force: true });
      await rm(siteDir, { recursive: true, force: true });
      await rm(publicDir, { recursive: true, force: true });
      await rm(cacheDir, { recursive: true, force: true });
    }
  }
  return result;
}

const BROWSER_STEPS = [
  'reader',
  'staticPage',
  'timeline',
  'sourceToggle',
  'dateChange',
  'articleOpen',
  'search',
  'searchLink',
] as const;

type StepKey = Exclude<
  keyof SizeResult,
  'size' | 'seed' | 'startedAt' | 'machine' | 'only' | 'rebuilds'
>;

function skipSteps(result: SizeResult, keys: readonly StepKey[], because: string): void {
  for (const key of keys) result[key] = skipped(because);
}

interface SizeDirs {
  workDir: string;
  publicDir: string;
  cacheDir: string;
  siteDir: string;
  hugoDir: string;
}

/** The steps after the corpus: ingest, output, Hugo, build, the browser figures, rebuilds. */
async function measureBuiltArchive(
  result: SizeResult,
  corpus: CorpusFigures,
  dirs: SizeDirs,
): Promise<void> {
  const { size, only } = result;
  const dataDir = await preparePublicDir(dirs.publicDir);
  result.ingest = await step(size, 'ingest (empty cache)', () =>
    runIngest(corpus.dir, dataDir, dirs.cacheDir, size, ingestTimeoutMs(size)),
  );
  if (!result.ingest.ok) {
    skipSteps(
      result,
      ['output', 'bodies', 'searchIndex', 'hugo', 'site', ...BROWSER_STEPS],
      'ingest failed',
    );
    result.rebuilds = skippedRebuilds('ingest failed');
    return;
  }
  const coldSnapshot = await step(size, 'output snapshot', () =>
    snapshotFolder(dataDir, { gzipBodies: true }),
  );
  result.bodies = coldSnapshot.ok ? { ok: true, value: coldSnapshot.value.bodies } : coldSnapshot;
  result.output = await step(size, 'output', () => measureDataOutput(dataDir));
  result.searchIndex = await step(size, 'search index on disk', () =>
    measureSearchIndexOnDisk(dataDir),
  );

  if (!only.includes('hugo')) result.hugo = skipped(NOT_ASKED_FOR);
  else {
    const hugo = findOnPath('hugo');
    result.hugo =
      hugo === null
        ? skipped('hugo is not on the PATH')
        : await step(size, 'hugo --minify (empty public/, resources/ and cache)', () =>
            runHugo(hugo, corpus.dir, dirs.hugoDir, size, ingestTimeoutMs(size)),
          );
    if (!result.hugo.ok) log(size, `Hugo comparison ${result.hugo.error}`);
  }

  if (!only.includes('browser')) {
    skipSteps(result, ['site', ...BROWSER_STEPS], NOT_ASKED_FOR);
  } else {
    await measureSiteInBrowser(result, corpus, dataDir, dirs);
  }

  if (!only.includes('rebuild')) result.rebuilds = skippedRebuilds(NOT_ASKED_FOR);
  else if (!coldSnapshot.ok) result.rebuilds = skippedRebuilds('no snapshot of the cold output');
  else {
    result.rebuilds = await measureRebuilds({
      size,
      seed: result.seed,
      corpusDir: corpus.dir,
      dataDir,
      cacheDir: dirs.cacheDir,
      scratchDir: join(dirs.workDir, `cold-check-${size}`),
      coldSnapshot: coldSnapshot.value.snapshot,
      ingestTimeoutMs: ingestTimeoutMs(size),
      step: (name, run) => step(size, name, run),
    });
  }
}

/** The Vite build of the ingested data, served, and every figure measured in Chromium. */
async function measureSiteInBrowser(
  result: SizeResult,
  corpus: CorpusFigures,
  dataDir: string,
  { publicDir, siteDir }: SizeDirs,
): Promise<void> {
  const { size } = result;
  let staticPath: Outcome<string> = skipped('no site');
  result.site = await step(size, 'vite build', async () => {
    const buildMs = await buildSite(publicDir, siteDir);
    const figures = await measureScripts(siteDir, buildMs);
    staticPath = await attempt(() => writeStaticPage(siteDir, dataDir, RUNS.staticRows));
    return figures;
  });
  if (!result.site.ok) {
    skipSteps(result, BROWSER_STEPS, 'the site did not build');
    return;
  }

  const server = await startStaticServer(siteDir);
  const browser = new BenchBrowser({ waitMs: waitMs(size), seriesMs: SERIES_MS });
  try {
    result.machine.chromium = await browser.version().catch(() => null);
    const list = `${server.url}/`;
    result.reader = await step(size, 'reader cold load', () =>
      browser.coldLoad(list, LIST_ROW, RUNS.coldLoad, { heap: true }),
    );
    const resolvedStatic: Outcome<string> = staticPath;
    result.staticPage = resolvedStatic.ok
      ? await step(size, 'static page cold load', () =>
          browser.coldLoad(`${server.url}${resolvedStatic.value}`, LIST_ROW, RUNS.coldLoad, {
            heap: false,
          }),
        )
      : { ok: false, error: `static page not written: ${resolvedStatic.error}` };
    if (!result.reader.ok) {
      // Each series starts from a loaded list; without one it would only wait out its limit.
      skipSteps(
        result,
        ['sourceToggle', 'dateChange', 'articleOpen', 'search', 'searchLink'],
        'the list did not load',
      );
    } else {
      result.sourceToggle = await step(size, 'source toggle', () =>
        browser.sourceToggle(list, RUNS.filter),
      );
      result.dateChange = await step(size, 'date change', () =>
        browser.dateChange(list, RUNS.filter, corpus.rangeDays),
      );
      result.articleOpen = await step(size, 'article open', () =>
        browser.articleOpen(list, RUNS.articleOpen),
      );
      result.search = await step(size, 'search queries', () =>
        browser.searchSession(list, SEARCH_QUERIES, RUNS.searchSessions),
      );
      result.searchLink = await step(size, 'search shared link', () =>
        browser.sharedLink(
          `${list}?q=${encodeURIComponent(SHARED_LINK_QUERY)}`,
          SHARED_LINK_QUERY,
          RUNS.searchLink,
        ),
      );
    }
    result.timeline = await step(size, 'timeline cold load', () =>
      browser.coldLoad(`${server.url}/timeline`, TIMELINE_BAR, RUNS.timeline, { heap: false }),
    );
  } finally {
    await browser.close();
    await server.close();
  }
}
