import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { RECALL_CASES } from '../../src/search/recall/cases';
import { REPO_ROOT } from '../bench/paths';
import { PagefindBrowser } from './browser-search';
import {
  measureChronicleQueries,
  renderChronicleTable,
  type ChronicleQueryFigures,
} from './chronicle-queries';
import { measureCorpusQueries, type QueryFigures } from './corpus-queries';
import { ingestArchive, isDataFolder } from './ingest';
import { COMPARE_HELP, CompareOptionsInvalidError, parseCompareOptions } from './options';
import { buildPagefindIndex, type PagefindBuild } from './pagefind-index';
import { largestSource, readArticleRecords } from './records';
import { runRecall, type RecallOutcome } from './recall';
import { renderIndexTable, renderQueryTable, renderRecallTable } from './report';

const RECALL_ARCHIVE = join(REPO_ROOT, 'src/search/recall/archive');

const log = (message: string) => process.stderr.write(`search-compare: ${message}\n`);

/** Serves a built index to one Chromium for the duration of `run`, then stops both. */
async function withBrowser<T>(siteDir: string, run: (browser: PagefindBrowser) => Promise<T>) {
  const browser = await PagefindBrowser.start(siteDir);
  try {
    return await run(browser);
  } finally {
    await browser.close();
  }
}

async function recall(
  outDir: string,
): Promise<{ build: PagefindBuild; outcomes: RecallOutcome[] }> {
  const dataDir = join(outDir, 'recall-data');
  log(`ingesting the recall archive into ${dataDir}`);
  await ingestArchive(RECALL_ARCHIVE, dataDir, outDir);
  const build = await buildPagefindIndex(readArticleRecords(dataDir), join(outDir, 'recall-site'));
  log(`running ${RECALL_CASES.length} recall cases`);
  const outcomes = await withBrowser(build.siteDir, (browser) =>
    runRecall(browser, RECALL_CASES, build.pathByUrl),
  );
  return { build, outcomes };
}

async function corpus(
  corpusDir: string,
  outDir: string,
  runs: number,
): Promise<{
  build: PagefindBuild;
  figures: QueryFigures[];
  chronicle: ChronicleQueryFigures[];
  source: string;
}> {
  let dataDir = corpusDir;
  if (!isDataFolder(corpusDir)) {
    dataDir = join(outDir, 'corpus-data');
    log(`ingesting ${corpusDir} into ${dataDir}`);
    await ingestArchive(corpusDir, dataDir, outDir);
  }
  log(`indexing ${dataDir} with Pagefind`);
  const build = await buildPagefindIndex(readArticleRecords(dataDir), join(outDir, 'corpus-site'));
  log(
    `indexed ${build.records} articles in ${(build.buildMs / 1000).toFixed(1)} s; measuring queries`,
  );
  const source = largestSource(dataDir);
  const figures = await withBrowser(build.siteDir, (browser) =>
    measureCorpusQueries(browser, runs, source),
  );
  log("measuring the same queries on Chronicle's index");
  const chronicle = await measureChronicleQueries(dataDir, source);
  return { build, figures, chronicle, source };
}

async function main(): Promise<number> {
  let options;
  try {
    options = parseCompareOptions(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof CompareOptionsInvalidError)) throw error;
    process.stderr.write(`search-compare: ${error.message}\n\n${COMPARE_HELP}\n`);
    return 2;
  }
  if (options === null) {
    process.stdout.write(`${COMPARE_HELP}\n`);
    return 0;
  }
  await mkdir(options.outDir, { recursive: true });
  const recallResult = await recall(options.outDir);
  const corpusResult =
    options.corpusDir === null
      ? null
      : await corpus(options.corpusDir, options.outDir, options.runs);

  const builds = [{ name: 'recall archive', build: recallResult.build }];
  if (corpusResult) builds.push({ name: 'corpus', build: corpusResult.build });
  const sections = [
    `## Pagefind recall\n\n${renderRecallTable(recallResult.outcomes)}`,
    `## Pagefind index\n\n${renderIndexTable(builds)}`,
  ];
  if (corpusResult) {
    sections.push(`## Pagefind per query\n\n${renderQueryTable(corpusResult.figures)}`);
    sections.push(
      `## Chronicle per query\n\n${renderChronicleTable(corpusResult.chronicle, corpusResult.source)}`,
    );
  }
  const resultsPath = join(options.outDir, 'results.json');
  const omitPaths = (build: PagefindBuild) => ({ ...build, pathByUrl: undefined });
  const results = {
    recall: { build: omitPaths(recallResult.build), outcomes: recallResult.outcomes },
    corpus: corpusResult && {
      build: omitPaths(corpusResult.build),
      figures: corpusResult.figures,
      chronicle: corpusResult.chronicle,
    },
  };
  await writeFile(resultsPath, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`${sections.join('\n\n')}\n\nResults: ${resultsPath}\n`);
  return 0;
}

// Playwright closes its browser on these signals but leaves the process running; end it too.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    log(`${signal}, stopping`);
    process.exit(130);
  });
}

process.exitCode = await main();
