import { availableParallelism } from 'node:os';
import type { ParseArgsConfig } from 'node:util';
import { CONFIG_FILE_NAME } from './config';
import { MIN_FILES_PER_THREAD } from './parse-pool';
import { PROGRESS_MIN_FILES } from './progress';
import { MANIFEST_FILE, REPORT_FILE } from './write-output';

export const DEFAULT_CONTENT = 'sample-archive';
export const DEFAULT_OUT = 'public/data';

export const HELP = `Usage: npm run ingest -- [options]

Reads every file under a content folder and writes the reader's data: ${MANIFEST_FILE}, the
article index, one body file per article, the archive's images that articles show, and
${REPORT_FILE}, which gives every file found exactly one status: accepted,
accepted-with-warnings, merged (a duplicate of another article), rejected or skipped.

Options:
  --content DIR   content folder to read (default: $CHRONICLE_CONTENT, else ${DEFAULT_CONTENT})
  --out DIR       data folder to write; it ends up holding this build only, and files already
                  there with the same content are not written again (default: ${DEFAULT_OUT})
  --config FILE   per-source settings: time zones, display names, aliases (default:
                  ${CONFIG_FILE_NAME} in the content folder, if there is one; see docs/ingest.md)
  --jobs N        worker threads parsing files (default: one per CPU, here ${availableParallelism()});
                  1, or under ${2 * MIN_FILES_PER_THREAD} files to parse: the main thread alone
  --cache DIR     parse cache folder (default: .ingest-cache/ in the repository): files
                  whose bytes, path, config and ingest code are unchanged are not parsed again,
                  and files whose size, times and inode are unchanged are not even read
  --no-cache      parse every file, and neither read nor write the cache
  --stats         print timings, files parsed and from the cache, and peak memory to stderr
  --strict        exit with 1 if any file is rejected or has a warning
  --verbose       also list every warning, with its file and line
  --quiet         print nothing but errors (no summary, no progress bar)
  --help          show this help

On a terminal, a progress bar on stderr shows each phase of ${PROGRESS_MIN_FILES} files or more (checking the
cache, parsing, writing) with its rate and the time left.

Exit status: 0 when at least one article was read (and, with --strict, no file was rejected
or warned about); 1 otherwise; 2 for bad options or an unreadable config.`;

export const CLI_OPTIONS = {
  content: { type: 'string' },
  out: { type: 'string' },
  config: { type: 'string' },
  jobs: { type: 'string' },
  cache: { type: 'string' },
  'no-cache': { type: 'boolean', default: false },
  stats: { type: 'boolean', default: false },
  strict: { type: 'boolean', default: false },
  verbose: { type: 'boolean', default: false },
  quiet: { type: 'boolean', default: false },
  help: { type: 'boolean', default: false },
} as const satisfies ParseArgsConfig['options'];

/** parseJobs: the --jobs value as a whole number of threads, or null when it is not one. */
export function parseJobs(value: string | undefined): number | null {
  if (value === undefined) return Math.max(1, availableParallelism());
  return /^[1-9]\d{0,3}$/.test(value) ? Number(value) : null;
}
