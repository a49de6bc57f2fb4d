import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { walkFiles } from './output-snapshot';

export interface OutputFigures {
  totalBytes: number;
  files: number;
  /** What the reader fetches before it can show the first row, as named by the manifest. */
  entry: { files: string[]; rawBytes: number; gzipBytes: number };
}

export const MANIFEST_FILE = 'manifest.json';

interface ManifestLayout {
  articleCount: number;
  /** This build's folder of immutable files, e.g. `build-<hash>/`. */
  build: string;
}

/** readManifestLayout: the fields of manifest.json that say where the reader's files are. */
export async function readManifestLayout(dataDir: string): Promise<ManifestLayout> {
  const manifest = JSON.parse(await readFile(join(dataDir, MANIFEST_FILE), 'utf8')) as {
    articleCount?: unknown;
    build?: unknown;
  };
  if (typeof manifest.build !== 'string' || typeof manifest.articleCount !== 'number') {
    throw new Error(
      `${MANIFEST_FILE} has no build folder or article count: a data design the bench does not know`,
    );
  }
  return { articleCount: manifest.articleCount, build: manifest.build };
}

/**
 * listEntryFiles: the data files the reader must fetch before its first row: the manifest, the
 * columns every view filters with, and the first chunk of rows (a screenful is well inside it).
 * When the data design changes, change this with it; the browser's own list of what it fetched
 * is in the results JSON, under reader.value.requests.
 */
export async function listEntryFiles(dataDir: string): Promise<string[]> {
  const { build } = await readManifestLayout(dataDir);
  return [MANIFEST_FILE, `${build}columns.json`, `${build}rows/0.json`];
}

export const gzipSize = (data: Buffer | string) => gzipSync(data).length;

export async function measureDataOutput(dataDir: string): Promise<OutputFigures> {
  const { files, bytes } = await walkFiles(dataDir);
  const entryFiles = await listEntryFiles(dataDir);
  let rawBytes = 0;
  let gzipBytes = 0;
  for (const file of entryFiles) {
    const data = await readFile(join(dataDir, file));
    rawBytes += data.length;
    gzipBytes += gzipSize(data);
  }
  return {
    totalBytes: bytes,
    files,
    entry: { files: entryFiles, rawBytes, gzipBytes },
  };
}
