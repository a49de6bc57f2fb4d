import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../bench/paths';

export class IngestFailedError extends Error {
  override readonly name = 'IngestFailedError';
}

/** A data folder has a manifest at its root; an archive never does. */
export function isDataFolder(dir: string): boolean {
  return existsSync(join(dir, 'manifest.json'));
}

/**
 * ingestArchive: the project's own ingest CLI in a child process, so Pagefind indexes exactly the
 * titles, sources, dates and sanitized bodies the reader shows. Its parse cache goes under
 * workDir, keeping the repository's .ingest-cache untouched.
 */
export async function ingestArchive(
  archiveDir: string,
  dataDir: string,
  workDir: string,
): Promise<void> {
  const args = [
    ...['--import', 'tsx', 'src/ingest/cli.ts'],
    ...['--content', archiveDir, '--out', dataDir, '--cache', join(workDir, 'ingest-cache')],
    '--quiet',
  ];
  const child = spawn(process.execPath, args, {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const code = await new Promise<number | null>((resolveExit, rejectExit) => {
    child.once('error', rejectExit);
    child.once('exit', resolveExit);
  });
  if (code !== 0) {
    throw new IngestFailedError(`ingest of ${archiveDir} exited with ${String(code)}`);
  }
}
