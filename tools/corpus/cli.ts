import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  CorpusOptionsInvalidError,
  OutputFolderNotEmptyError,
  generateCorpus,
} from './generate-corpus';
import { addArticles, editAndRemove } from './grow-corpus';

const HELP = `Usage: npm run corpus -- --count N --seed S --out DIR [--force]
       npm run corpus -- --count N --seed S --out DIR --add A --edit E --remove R

Writes a synthetic archive of N news articles for benchmarks and end-to-end tests, in the
layouts Chronicle's ingest reads: front matter + HTML (hexo/<group>/<source>/<channel>/<title>.md)
and plain text (txt/<category>/<title>.txt). The same options always give byte-identical files,
and a smaller count gives a prefix of a larger one.

Options:
  --count N   number of articles, a positive integer (e.g. 100000)
  --seed S    any integer; picks the words, sizes, dates and sources
  --out DIR   folder to write; created if missing, refused if not empty
  --force     empty a non-empty --out folder first
  --help      show this help

Changing a corpus as an archive grows (for rebuild benchmarks), in an existing --out folder
that holds the corpus of --count and --seed:
  --add A     write articles N … N+A-1: the folder then holds the corpus of N+A, byte for byte
  --edit E    add a correction paragraph to E article files, spread over the sorted file list
  --remove R  remove R other article files, spread likewise
  The same folder and options always make the same change.

On a terminal, progress is shown on stderr. The last line gives the count, total bytes and time.`;

function fail(message: string): never {
  process.stderr.write(`corpus: ${message}\n`);
  process.exit(2);
}

function readInteger(name: string, value: string | undefined): number {
  if (value === undefined) fail(`--${name} is required\n\n${HELP}`);
  const number = /^[+-]?\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(number)) fail(`--${name} must be an integer, not "${value}"`);
  return number;
}

function formatBytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB (${bytes.toLocaleString('en')} bytes)`;
}

function readCount(name: string, value: string | undefined): number {
  if (value === undefined) return 0;
  const number = readInteger(name, value);
  if (number < 0) fail(`--${name} must not be negative, not ${number}`);
  return number;
}

function changeCorpus(
  outDir: string,
  count: number,
  seed: number,
  { add, edit, remove }: { add: number; edit: number; remove: number },
): void {
  const started = performance.now();
  const dir = resolve(outDir);
  const added = addArticles(dir, seed, count, add);
  const { edited, removed } = editAndRemove(dir, edit, remove);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    `corpus: ${added.length} added${add > 0 ? ` (articles ${count}–${count + add - 1})` : ''}, ${edited.length} edited, ` +
      `${removed.length} removed in ${seconds} s → ${outDir}\n`,
  );
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        count: { type: 'string' },
        seed: { type: 'string' },
        out: { type: 'string' },
        force: { type: 'boolean', default: false },
        add: { type: 'string' },
        edit: { type: 'string' },
        remove: { type: 'string' },
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
  const count = readInteger('count', values.count);
  if (count <= 0) fail(`--count must be a positive integer, not ${count}`);
  const seed = readInteger('seed', values.seed);
  if (values.out === undefined || values.out.trim() === '') fail(`--out is required\n\n${HELP}`);
  if (values.add !== undefined || values.edit !== undefined || values.remove !== undefined) {
    changeCorpus(values.out, count, seed, {
      add: readCount('add', values.add),
      edit: readCount('edit', values.edit),
      remove: readCount('remove', values.remove),
    });
    return;
  }

  const showProgress = process.stderr.isTTY;
  const started = performance.now();
  let stats;
  try {
    stats = await generateCorpus({
      count,
      seed,
      outDir: values.out,
      force: values.force,
      onProgress: showProgress
        ? (done, total) => {
            const percent = Math.floor((done / total) * 100);
            process.stderr.write(
              `\rcorpus: ${done.toLocaleString('en')}/${total.toLocaleString('en')} (${percent}%)`,
            );
          }
        : undefined,
    });
  } catch (error) {
    if (showProgress) process.stderr.write('\n');
    if (error instanceof OutputFolderNotEmptyError || error instanceof CorpusOptionsInvalidError) {
      fail(error.message);
    }
    throw error;
  }
  if (showProgress) process.stderr.write('\n');
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const kilobytes = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  const { median, p95, max } = stats.bodyBytes;
  process.stdout.write(
    `corpus: ${stats.count.toLocaleString('en')} articles (${stats.files.md.toLocaleString('en')} .md, ` +
      `${stats.files.txt.toLocaleString('en')} .txt; ${stats.undated.toLocaleString('en')} undated) ` +
      `from ${stats.sources.length} sources; bodies median ${kilobytes(median)}, p95 ${kilobytes(p95)}, ` +
      `max ${kilobytes(max)}; ${formatBytes(stats.totalBytes)} in ${seconds} s → ${values.out}\n`,
  );
}

await main();
