import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { IngestConfigSchema, type IngestConfig } from './config';
import type { IngestResult } from './ingest';

/** The "now" every test ingests at, so plausibility checks never depend on the clock. */
export const TEST_NOW = new Date('2024-01-01T00:00:00.000Z');

export function testConfig(input: unknown = {}): IngestConfig {
  return IngestConfigSchema.parse(input);
}

/** makeTempDir: a fresh folder under the OS temp dir; remove it with removeDir. */
export function makeTempDir(prefix = 'chronicle-ingest-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

export function removeDir(dir: string): Promise<void> {
  return rm(dir, { recursive: true, force: true });
}

/** writeFiles: relative path → text or bytes, written in the order given (creating folders). */
export async function writeFiles(
  root: string,
  files: Iterable<[string, string | Uint8Array]>,
): Promise<void> {
  for (const [relPath, content] of files) {
    const path = join(root, relPath);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, content);
  }
}

/** ingestFolder: ingest at TEST_NOW. Imported lazily so tests that only need files skip the DOM. */
export async function ingestFolder(
  contentRoot: string,
  config = testConfig(),
): Promise<IngestResult> {
  const { ingestArchive } = await import('./ingest');
  return ingestArchive({ contentRoot, config, now: TEST_NOW });
}

/** resultOnly: an ingest result without its run statistics, for comparing two runs. */
export function resultOnly({ articles, report, media }: IngestResult): IngestResult {
  return { articles, report, media };
}

/** readFolderBytes: every file under `dir` (relative path → bytes), for byte-identity checks. */
export async function readFolderBytes(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(path.slice(dir.length + 1), await readFile(path));
  }
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
