import type { ParseArgsConfig } from 'node:util';
import { CONFIG_FILE_NAME } from './config';
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
  --out DIR       data folder to write, replaced whole (default: ${DEFAULT_OUT})
  --config FILE   per-source settings: time zones, display names, aliases (default:
                  ${CONFIG_FILE_NAME} in the content folder, if there is one; see docs/ingest.md)
  --strict        exit with 1 if any file is rejected or has a warning
  --verbose       also list every warning, with its file and line
  --quiet         print nothing but errors (no summary, no progress bar)
  --help          show this help

On a terminal, runs of 500 files or more show a progress bar on stderr.

Exit status: 0 when at least one article was read (and, with --strict, no file was rejected
or warned about); 1 otherwise; 2 for bad options or an unreadable config.`;

export const CLI_OPTIONS = {
  content: { type: 'string' },
  out: { type: 'string' },
  config: { type: 'string' },
  strict: { type: 'boolean', default: false },
  verbose: { type: 'boolean', default: false },
  quiet: { type: 'boolean', default: false },
  help: { type: 'boolean', default: false },
} as const satisfies ParseArgsConfig['options'];

/** Runs smaller than this finish too fast for a progress bar to help. */
const PROGRESS_MIN_FILES = 500;
const PROGRESS_EVERY = 250;
const PROGRESS_WIDTH = 30;

/**
 * formatProgress: the progress bar line for `done` of `total` files, or null when nothing should
 * be drawn (a small run, or between redraws).
 */
export function formatProgress(done: number, total: number): string | null {
  if (total < PROGRESS_MIN_FILES || (done % PROGRESS_EVERY !== 0 && done !== total)) return null;
  const filled = Math.round((done / total) * PROGRESS_WIDTH);
  return `\r[${'#'.repeat(filled)}${'.'.repeat(PROGRESS_WIDTH - filled)}] ${done}/${total} files${done === total ? '\n' : ''}`;
}
