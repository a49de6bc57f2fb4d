import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  buildFilePath,
  COLUMNS_NAME,
  MANIFEST_FILE,
  rowChunkName,
} from '../../src/manifest/data-paths';
import { chunkOf, documentOfRow } from '../../src/manifest/numbering';
import { parseManifest } from '../../src/manifest/parse';
import type { Manifest } from '../../src/manifest/schema';
import { walkFiles } from './output-snapshot';

export { MANIFEST_FILE } from '../../src/manifest/data-paths';

export interface OutputFigures {
  totalBytes: number;
  files: number;
  /** What the reader fetches before it can show the first row, as named by the manifest. */
  entry: { files: string[]; rawBytes: number; gzipBytes: number };
}

/** readManifestLayout: the manifest of a data folder, which names every build file by its hash. */
export async function readManifestLayout(dataDir: string): Promise<Manifest> {
  return parseManifest(JSON.parse(await readFile(join(dataDir, MANIFEST_FILE), 'utf8')));
}

/** firstListChunks: the row chunks holding the list's first `rows` rows (newest first). */
export function firstListChunks(manifest: Manifest, rows: number): number[] {
  const last = Math.min(rows, manifest.articleCount) - 1;
  if (last < 0) return [];
  const newest = chunkOf(manifest.chunkSize, documentOfRow(manifest.articleCount, 0)).chunk;
  const oldest = chunkOf(manifest.chunkSize, documentOfRow(manifest.articleCount, last)).chunk;
  return Array.from({ length: newest - oldest + 1 }, (_, index) => newest - index);
}

/**
 * listEntryFiles: the data files the reader must fetch before its first row: the manifest, the
 * columns every view filters with, and the chunks of the first screenful of rows. When the data
 * design changes, change this with it; the browser's own list of what it fetched is in the
 * results JSON, under reader.value.requests.
 */
export async function listEntryFiles(dataDir: string): Promise<string[]> {
  const manifest = await readManifestLayout(dataDir);
  return [
    MANIFEST_FILE,
    buildFilePath(manifest, COLUMNS_NAME),
    ...firstListChunks(manifest, 20).map((chunk) => buildFilePath(manifest, rowChunkName(chunk))),
  ];
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
