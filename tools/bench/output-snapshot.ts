import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { BODIES_FOLDER } from '../../src/manifest/data-paths';

/**
 * Snapshots of an output folder, compared to count what a rebuild wrote and changed. They know
 * nothing of the data layout (any folder of files will do), so the figures hold before and after
 * the layout changes; only isBodyFile names where article bodies live.
 */

export interface FileState {
  bytes: number;
  /** sha1 of the content, base64. */
  hash: string;
  /** Modification time in ns with the inode: a file rewritten, even with the same bytes, differs. */
  stamp: string;
}

/** Path inside the folder, `/`-separated → state. */
export type Snapshot = Map<string, FileState>;

/** isBodyFile: whether a data file holds article bodies, by its top folder (see data-paths). */
export const isBodyFile = (path: string) => path.split('/')[0] === BODIES_FOLDER;

async function* walk(dir: string, prefix = ''): AsyncGenerator<string> {
  const entries = await readdir(join(dir, prefix), { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory()) yield* walk(dir, path);
    else if (entry.isFile()) yield path;
  }
}

/** walkFiles: how many files a folder holds, and their bytes. */
export async function walkFiles(dir: string): Promise<{ files: number; bytes: number }> {
  let files = 0;
  let bytes = 0;
  for await (const path of walk(dir)) {
    files += 1;
    bytes += (await stat(join(dir, path))).size;
  }
  return { files, bytes };
}

/** What the body files weigh one by one, gzip: what opening one article fetches of bodies. */
export interface BodyFileSizes {
  files: number;
  bytes: number;
  gzip: { median: number; p95: number; max: number };
}

export interface SnapshotWithBodies {
  snapshot: Snapshot;
  bodies: BodyFileSizes;
}

function quantileOfSorted(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

/** snapshotFolder: every file's size, hash and stamp; with `gzipBodies`, the bodies' gzip sizes. */
export async function snapshotFolder(dir: string): Promise<Snapshot>;
export async function snapshotFolder(
  dir: string,
  options: { gzipBodies: true },
): Promise<SnapshotWithBodies>;
export async function snapshotFolder(
  dir: string,
  options?: { gzipBodies: true },
): Promise<Snapshot | SnapshotWithBodies> {
  const snapshot: Snapshot = new Map();
  const gzipSizes: number[] = [];
  let bodyBytes = 0;
  for await (const path of walk(dir)) {
    const absolute = join(dir, path);
    const [data, info] = await Promise.all([readFile(absolute), stat(absolute, { bigint: true })]);
    snapshot.set(path, {
      bytes: data.length,
      hash: createHash('sha1').update(data).digest('base64'),
      stamp: `${info.ino}:${info.mtimeNs}`,
    });
    if (options?.gzipBodies && isBodyFile(path)) {
      gzipSizes.push(gzipSync(data).length);
      bodyBytes += data.length;
    }
  }
  if (!options?.gzipBodies) return snapshot;
  gzipSizes.sort((a, b) => a - b);
  return {
    snapshot,
    bodies: {
      files: gzipSizes.length,
      bytes: bodyBytes,
      gzip: {
        median: quantileOfSorted(gzipSizes, 0.5),
        p95: quantileOfSorted(gzipSizes, 0.95),
        max: gzipSizes.at(-1) ?? 0,
      },
    },
  };
}

export interface FileCount {
  files: number;
  bytes: number;
}

/** What a rebuild did to an output folder, from the snapshots before and after it. */
export interface OutputChange {
  /** Files the rebuild created or rewrote (new inode or modification time), same bytes or not. */
  written: FileCount;
  /** Paths that were not there before. */
  added: FileCount;
  /** Paths there before and after, with other bytes. */
  changed: FileCount;
  /** Paths gone after the rebuild (bytes as they were). */
  removed: FileCount;
  /** Paths there before and after with the same bytes. */
  unchanged: FileCount;
  /** Files after the rebuild. */
  after: FileCount;
  /**
   * The body files before the rebuild, and those of them still at the same path with the same
   * bytes: what browsers and CDNs keep in their caches.
   */
  bodies: { before: FileCount; kept: FileCount; keptShare: number };
}

const zero = (): FileCount => ({ files: 0, bytes: 0 });
const add = (count: FileCount, bytes: number) => {
  count.files += 1;
  count.bytes += bytes;
};

/** compareSnapshots: what changed between two snapshots of the same folder. */
export function compareSnapshots(before: Snapshot, after: Snapshot): OutputChange {
  const change = {
    written: zero(),
    added: zero(),
    changed: zero(),
    removed: zero(),
    unchanged: zero(),
    after: zero(),
  };
  const bodiesBefore = zero();
  const bodiesKept = zero();
  for (const [path, now] of after) {
    add(change.after, now.bytes);
    const then = before.get(path);
    if (then === undefined) add(change.added, now.bytes);
    else if (then.hash !== now.hash || then.bytes !== now.bytes) add(change.changed, now.bytes);
    else add(change.unchanged, now.bytes);
    if (then === undefined || then.stamp !== now.stamp) add(change.written, now.bytes);
  }
  for (const [path, then] of before) {
    const now = after.get(path);
    if (now === undefined) add(change.removed, then.bytes);
    if (!isBodyFile(path)) continue;
    add(bodiesBefore, then.bytes);
    if (now !== undefined && now.hash === then.hash && now.bytes === then.bytes) {
      add(bodiesKept, then.bytes);
    }
  }
  return {
    ...change,
    bodies: {
      before: bodiesBefore,
      kept: bodiesKept,
      keptShare: bodiesBefore.bytes === 0 ? Number.NaN : bodiesKept.bytes / bodiesBefore.bytes,
    },
  };
}

/** How a rebuilt folder compares with a cold build of the same input. */
export interface ColdMatch {
  /** Files of the cold build. */
  coldFiles: number;
  /** Cold-build files missing from the rebuilt folder, or there with other bytes. */
  missing: number;
  differing: number;
  /** Files only in the rebuilt folder (e.g. an earlier build kept for open tabs). */
  extra: number;
  /** A few differing or missing paths, to start looking. */
  examples: string[];
}

/** matchColdBuild: whether every file of a cold build is in the rebuilt folder, byte for byte. */
export function matchColdBuild(rebuilt: Snapshot, cold: Snapshot): ColdMatch {
  let missing = 0;
  let differing = 0;
  const examples: string[] = [];
  for (const [path, state] of cold) {
    const other = rebuilt.get(path);
    if (other !== undefined && other.hash === state.hash) continue;
    if (other === undefined) missing += 1;
    else differing += 1;
    if (examples.length < 5) examples.push(path);
  }
  let extra = 0;
  for (const path of rebuilt.keys()) if (!cold.has(path)) extra += 1;
  return { coldFiles: cold.size, missing, differing, extra, examples };
}
