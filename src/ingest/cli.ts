import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CLI_OPTIONS, DEFAULT_CONTENT, DEFAULT_OUT, HELP, parseJobs } from './cli-options';
import { CONFIG_FILE_NAME, ConfigInvalidError, loadConfig } from './config';
import { ingestArchive } from './ingest';
import { closeCacheReaders, DEFAULT_CACHE_DIR } from './ingest-cache';
import { createProgressBar } from './progress';
import { countFilesWithWarnings, formatReportSummary } from './report';
import { MANIFEST_FILE, REPORT_FILE, writeDataFolder, type SearchIndexStats } from './write-output';

function fail(message: string): never {
  process.stderr.write(`ingest: ${message}\n`);
  process.exit(2);
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function main(): Promise<void> {
  const started = performance.now();
  let values;
  try {
    ({ values } = parseArgs({ options: CLI_OPTIONS, strict: true }));
  } catch (error) {
    fail(`${(error as Error).message}\n\n${HELP}`);
  }
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return;
  }
  const contentRoot = resolve(values.content ?? process.env.CHRONICLE_CONTENT ?? DEFAULT_CONTENT);
  if (!existsSync(contentRoot) || !statSync(contentRoot).isDirectory()) {
    fail(`content folder not found: ${contentRoot}`);
  }
  const outDir = resolve(values.out ?? DEFAULT_OUT);
  const jobs = parseJobs(values.jobs);
  if (jobs === null) fail(`--jobs must be a whole number from 1 up, not "${values.jobs}"`);
  if (values['no-cache'] && values.cache !== undefined) fail('--cache and --no-cache conflict');
  const cacheDir = values['no-cache'] ? undefined : resolve(values.cache ?? DEFAULT_CACHE_DIR);
  let config;
  try {
    config = await loadConfig(
      values.config ?? join(contentRoot, CONFIG_FILE_NAME),
      values.config !== undefined,
    );
  } catch (error) {
    if (error instanceof ConfigInvalidError) fail(error.message);
    throw error;
  }

  const onProgress =
    !values.quiet && process.stderr.isTTY
      ? createProgressBar((text) => process.stderr.write(text))
      : undefined;
  const result = await ingestArchive({
    contentRoot,
    config,
    now: new Date(),
    jobs,
    cacheDir,
    onProgress,
  });
  const ingested = performance.now();
  let searchIndex: SearchIndexStats | null = null;
  await writeDataFolder(outDir, result, {
    onProgress,
    onSearchIndex: (stats) => (searchIndex = stats),
  });
  const written = performance.now();
  closeCacheReaders();

  const { summary } = result.report;
  if (!values.quiet) {
    process.stdout.write(`${formatReportSummary(result.report, values.verbose)}\n`);
    process.stdout.write(`Wrote ${join(outDir, MANIFEST_FILE)} and ${REPORT_FILE}\n`);
  }
  if (values.stats) {
    const { stats } = result;
    const total = written - started;
    const threads =
      stats.workers > 0
        ? `${stats.workers} worker thread${stats.workers === 1 ? '' : 's'}`
        : 'this thread';
    process.stderr.write(
      [
        `ingest: ${stats.articleFiles} article files: ${stats.read} read, ${stats.parsed} parsed (in ${threads}), ${stats.fromCache} from the cache${cacheDir ? ` (${cacheDir})` : ' (off)'}`,
        `ingest: read and parse ${seconds(ingested - started)}, write ${seconds(written - ingested)}, total ${seconds(total)}: ${Math.round(summary.found / (total / 1000))} files/s`,
        ...(searchIndex ? [describeSearchIndex(searchIndex)] : []),
        `ingest: peak memory (RSS) ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`,
        '',
      ].join('\n'),
    );
  }
  if (summary.articles === 0) {
    process.stderr.write('ingest: no article could be read\n');
    process.exitCode = 1;
  } else if (values.strict) {
    const warned = countFilesWithWarnings(result.report);
    if (summary.rejected > 0 || warned > 0) {
      process.stderr.write(
        `ingest: --strict: ${summary.rejected} rejected, ${warned} with warnings\n`,
      );
      process.exitCode = 1;
    }
  }
}

function describeSearchIndex(stats: SearchIndexStats): string {
  const megabytes = (stats.bytes / 1024 / 1024).toFixed(1);
  return `ingest: search index ${seconds(stats.milliseconds)} (part of write): ${stats.keys} keys in ${stats.files} files, ${megabytes} MB`;
}

await main();
