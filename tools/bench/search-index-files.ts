import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { searchFilePath } from '../../src/manifest/data-paths';
import { gzipSize, readManifestLayout } from './data-output';

/** The search index as ingest wrote it: the files of the folder the manifest names. */
export interface SearchIndexOnDisk {
  /** `<n>.json`: keys sharing a file, by hash. */
  shardFiles: number;
  /** `<n>-<i>.json`: one key's postings, too long to share a shard. */
  ownFiles: number;
  bytes: number;
  /** Each file gzipped on its own (zlib's default level), as a static host serves them. */
  gzipBytes: number;
  largestFileBytes: number;
}

const SHARD_FILE = /^\d+\.json$/;
const OWN_FILE = /^\d+-\d+\.json$/;

/** measureSearchIndexOnDisk: the index's files, in the folder the manifest names. */
export async function measureSearchIndexOnDisk(dataDir: string): Promise<SearchIndexOnDisk> {
  const manifest = await readManifestLayout(dataDir);
  const figures: SearchIndexOnDisk = {
    shardFiles: 0,
    ownFiles: 0,
    bytes: 0,
    gzipBytes: 0,
    largestFileBytes: 0,
  };
  const folder = join(dataDir, searchFilePath(manifest, 'search/'));
  for (const name of (await readdir(folder)).sort()) {
    if (SHARD_FILE.test(name)) figures.shardFiles += 1;
    else if (OWN_FILE.test(name)) figures.ownFiles += 1;
    else continue;
    const data = await readFile(join(folder, name));
    figures.bytes += data.length;
    figures.gzipBytes += gzipSize(data);
    figures.largestFileBytes = Math.max(figures.largestFileBytes, data.length);
  }
  return figures;
}
