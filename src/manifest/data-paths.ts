import type { Manifest } from './schema';

/**
 * Where every file of the data folder lives, for ingest (which writes them) and the reader (which
 * fetches them). Every file but the manifest, the report and the build-files list is named by a
 * hash of its content, so a host can cache it forever and a rebuild leaves unchanged files at
 * unchanged paths:
 *
 *   manifest.json                  entry point, revalidated on every visit; names every build file
 *   build-files.json               every file of this build (what a deploy uploads)
 *   ingest-report.json             what ingest made of every file it found
 *   columns.<hash>.json            dates and sources of every article, in list order
 *   rows/<n>.<hash>.json           display fields of CHUNK_SIZE documents, by document number
 *   ids/<xx>.<hash>.json           article id → document number, by the id's first two hex digits
 *   search/<hash>/<n>.json         search keys → documents containing them, sharded by key hash
 *   search/<hash>/<n>-<i>.json     postings of one key too large to share a shard
 *   bodies/<hash>.json             bodies of a run of consecutive documents
 *   media/<hash>.<ext>             local images from the archive
 *
 * The manifest's `files` table maps each build file's name (its path without hash and `.json`,
 * e.g. `rows/3`) to its hash; rows name their body group's hash. The search index is the
 * exception: its files change together on almost every build and number in the tens of thousands
 * at scale, so one hash over all of them names their folder, and the manifest stays small.
 */

export const MANIFEST_FILE = 'manifest.json';
export const REPORT_FILE = 'ingest-report.json';
export const BUILD_FILES_FILE = 'build-files.json';

/** Folders of content-named files that exist even when empty. */
export const BODIES_FOLDER = 'bodies';
export const MEDIA_FOLDER = 'media';

/** Names of build files in the manifest's table. */
export const COLUMNS_NAME = 'columns';
export const rowChunkName = (chunk: number) => `rows/${chunk}`;
export const idShardName = (shard: string) => `ids/${shard}`;

/** idShardOf: the id shard an article id is listed in. */
export const idShardOf = (id: string) => id.slice(0, 2);

/** Every id shard, all present even when empty, so looking up an unknown id is never a 404. */
export const ID_SHARDS: readonly string[] = Array.from({ length: 256 }, (_, shard) =>
  shard.toString(16).padStart(2, '0'),
);

/**
 * searchFilePath: where a search index file is, from the path src/search/layout.ts gives it
 * (`search/3.json` → `search/<hash>/3.json`).
 */
export const searchFilePath = (manifest: Pick<Manifest, 'search'>, searchPath: string) =>
  searchPath.replace(/^search\//, `search/${manifest.search.hash}/`);

/** hashedPath: where a build file named `name` with content hash `hash` is. */
export const hashedPath = (name: string, hash: string) => `${name}.${hash}.json`;

/** bodyGroupPath: where the body group file with content hash `hash` is. */
export const bodyGroupPath = (hash: string) => `${BODIES_FOLDER}/${hash}.json`;

/** The manifest names no such file: the caller asked for a file outside the build. */
export class UnknownBuildFileError extends Error {
  override readonly name = 'UnknownBuildFileError';
}

/** buildFilePath: the path of the manifest's build file `name`. */
export function buildFilePath(manifest: Pick<Manifest, 'files'>, name: string): string {
  const hash = Object.hasOwn(manifest.files, name) ? manifest.files[name] : undefined;
  if (hash === undefined) throw new UnknownBuildFileError(`the manifest names no file ${name}`);
  return hashedPath(name, hash);
}
