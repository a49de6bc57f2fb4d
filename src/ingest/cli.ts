import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CLI_OPTIONS, DEFAULT_CONTENT, DEFAULT_OUT, formatProgress, HELP } from './cli-options';
import { CONFIG_FILE_NAME, ConfigInvalidError, loadConfig } from './config';
import { ingestArchive } from './ingest';
import { countFilesWithWarnings, formatReportSummary } from './report';
import { MANIFEST_FILE, REPORT_FILE, writeDataFolder } from './write-output';

function fail(message: string): never {
  process.stderr.write(`ingest: ${message}\n`);
  process.exit(2);
}

async function main(): Promise<void> {
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

  const showProgress = !values.quiet && process.stderr.isTTY;
  const result = await ingestArchive({
    contentRoot,
    config,
    now: new Date(),
    onProgress: showProgress
      ? (done, total) => {
          const line = formatProgress(done, total);
          if (line !== null) process.stderr.write(line);
        }
      : undefined,
  });
  await writeDataFolder(outDir, result);

  const { summary } = result.report;
  if (!values.quiet) {
    process.stdout.write(`${formatReportSummary(result.report, values.verbose)}\n`);
    process.stdout.write(`Wrote ${join(outDir, MANIFEST_FILE)} and ${REPORT_FILE}\n`);
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

await main();
