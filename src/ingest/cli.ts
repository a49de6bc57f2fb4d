import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CONFIG_FILE_NAME, ConfigInvalidError, loadConfig } from './config';
import { ingestArchive } from './ingest';
import { formatReportSummary } from './report';
import { MANIFEST_FILE, REPORT_FILE, writeDataFolder } from './write-output';

const DEFAULT_CONTENT = 'sample-archive';
const DEFAULT_OUT = 'public/data';

const HELP = `Usage: npm run ingest -- [options]

Reads every article file under a content folder and writes the reader's data:
${MANIFEST_FILE}, the article index, one body file per article, local images, and
${REPORT_FILE}, which accounts for every file found.

Options:
  --content DIR   content folder to read (default: $CHRONICLE_CONTENT, else ${DEFAULT_CONTENT})
  --out DIR       data folder to write, replaced whole (default: ${DEFAULT_OUT})
  --config FILE   per-source settings (default: ${CONFIG_FILE_NAME} in the content folder, if any)
  --strict        exit with 1 if any file is rejected or has warnings
  --verbose       list every warning in the summary, not only rejected and skipped files
  --quiet         print nothing but errors
  --help          show this help

Exit status: 0 when at least one article was read (and, with --strict, nothing was rejected
or warned about); 1 otherwise; 2 for bad options or an unreadable config.`;

function fail(message: string): never {
  process.stderr.write(`ingest: ${message}\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        content: { type: 'string' },
        out: { type: 'string' },
        config: { type: 'string' },
        strict: { type: 'boolean', default: false },
        verbose: { type: 'boolean', default: false },
        quiet: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    }));
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
          if (total < 500 || (done % 250 !== 0 && done !== total)) return;
          const width = 30;
          const filled = Math.round((done / total) * width);
          process.stderr.write(
            `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} files`,
          );
          if (done === total) process.stderr.write('\n');
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
  } else if (values.strict && (summary.rejected > 0 || summary.acceptedWithWarnings > 0)) {
    process.stderr.write(
      `ingest: --strict: ${summary.rejected} rejected, ${summary.acceptedWithWarnings} with warnings\n`,
    );
    process.exitCode = 1;
  }
}

await main();
