import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BENCH_HELP, BenchOptionsInvalidError, parseBenchOptions } from './options';
import { renderSweepTable, sweepIndexLayouts } from './index-sweep';
import { SEARCH_QUERIES } from './search-queries';
import { renderTable, tabulate, tabulateQueries } from './report';
import { benchSize } from './run-size';

async function main(): Promise<number> {
  let options;
  try {
    options = parseBenchOptions(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof BenchOptionsInvalidError)) throw error;
    process.stderr.write(`bench: ${error.message}\n\n${BENCH_HELP}\n`);
    return 2;
  }
  if (options === null) {
    process.stdout.write(`${BENCH_HELP}\n`);
    return 0;
  }
  await mkdir(options.workDir, { recursive: true });
  if (options.indexSweep) {
    const sweep = await sweepIndexLayouts(
      options.indexSweep.dataDir,
      options.indexSweep,
      SEARCH_QUERIES.map((query) => query.text),
      (message) => process.stderr.write(`${message}\n`),
    );
    const path = join(options.workDir, `index-sweep-${sweep.articleCount}.json`);
    await writeFile(path, `${JSON.stringify(sweep, null, 2)}\n`);
    process.stdout.write(`\n${renderSweepTable(sweep)}\nResults: ${path}\n`);
    return 0;
  }
  process.stderr.write(`bench: working in ${options.workDir}\n`);
  for (const size of options.sizes) {
    const result = await benchSize(size, options.seed, options.workDir, options.keep, options.only);
    const rows = tabulate(result);
    const path = join(options.workDir, `bench-${size}.json`);
    const queryTable = result.search.ok ? tabulateQueries(result.search.value) : null;
    await writeFile(path, `${JSON.stringify({ ...result, table: rows, queryTable }, null, 2)}\n`);
    const table = renderTable(result, rows);
    const markdown = join(options.workDir, `bench-${size}.md`);
    await writeFile(markdown, table);
    process.stdout.write(`\n${table}\nResults: ${path} and ${markdown}\n`);
  }
  return 0;
}

// Playwright closes its browsers on these signals but leaves the process running; end it too
// (the ingest child's process group is killed on exit).
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    process.stderr.write(`bench: ${signal}, stopping\n`);
    process.exit(130);
  });
}

process.exitCode = await main();
