import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { forEachConcurrently } from './concurrency';
import type { ParsedFile, ParseSettings } from './ingest-file';

/**
 * Bump when the meaning of a cached result changes in a way the code fingerprint would not show
 * (it already covers every source file ingest runs and the installed packages).
 */
export const INGEST_CACHE_VERSION = 2;

/** The default cache folder: `.ingest-cache/` at the repository root (git-ignored). */
export const DEFAULT_CACHE_DIR = fileURLToPath(new URL('../../.ingest-cache', import.meta.url));

/** Caches of this many archives are kept; the least recently used beyond them are removed. */
const KEPT_ARCHIVES = 4;
/** Entries are spread over this many files by path, so one changed file rewrites 1/256 of it. */
const SHARD_COUNT = 256;
const META_FILE = 'meta.json';
const SHARD_FILE = /^[0-9a-f]{2}\.bin$/;

const sha256 = () => createHash('sha256');

/** The folders whose code decides what a file parses to. */
const CODE_FOLDERS = ['ingest', 'sanitizer', 'manifest', 'common'];
const SOURCE_ROOT = fileURLToPath(new URL('..', import.meta.url));
const LOCK_FILE = fileURLToPath(new URL('../../package-lock.json', import.meta.url));

let fingerprint: string | undefined;

/**
 * codeFingerprint: a hash of every non-test source file under src/{ingest,sanitizer,manifest,
 * shared}, the package lock, and Node's and ICU's versions (Intl.Segmenter and time zones come
 * from ICU). Any edit to the parsing code therefore starts a fresh cache, with no version to
 * remember to bump. Reading ~100 small files takes a few milliseconds.
 */
export function codeFingerprint(): string {
  if (fingerprint !== undefined) return fingerprint;
  const hash = sha256().update(`node ${process.versions.node} icu ${process.versions.icu}\n`);
  const files: string[] = [];
  for (const folder of CODE_FOLDERS) {
    let names: string[] = [];
    try {
      names = readdirSync(join(SOURCE_ROOT, folder), { recursive: true, encoding: 'utf8' });
    } catch {
      // A folder that is not there has nothing to hash.
    }
    for (const name of names) {
      if (
        /\.(?:ts|mjs|js)$/.test(name) &&
        !/\.test\.ts$/.test(name) &&
        !name.includes('fixtures')
      ) {
        files.push(join(SOURCE_ROOT, folder, name));
      }
    }
  }
  files.push(LOCK_FILE);
  for (const file of files.sort()) {
    let content: Buffer | string;
    try {
      content = readFileSync(file);
    } catch {
      content = 'missing';
    }
    hash.update(`${relative(SOURCE_ROOT, file).split(sep).join('/')}\n`).update(content);
  }
  fingerprint = hash.digest('hex');
  return fingerprint;
}

interface CacheEntry {
  key: string;
  /** The run's `now`: a result stays valid for later runs only (see normalizeArticle). */
  nowMs: number;
  parsed: ParsedFile;
}

type Shard = Map<string, CacheEntry>;

function shardOf(relPath: string): string {
  const byte = sha256().update(relPath).digest()[0]! % SHARD_COUNT;
  return byte.toString(16).padStart(2, '0');
}

/**
 * The parse cache of one archive: per file, the ParsedFile it gave, under a key made of the file's
 * bytes, its path, the config and the code. A run reuses what it can and keeps exactly the
 * entries of the files it saw, so the cache never outgrows the archive.
 *
 * On disk: `<cacheDir>/<archive id>/meta.json` and up to 256 shard files `<xx>.bin`, each a
 * Map of relPath → entry in V8's serialization format: reading it back takes less than half the
 * time of JSON (whose UTF-8 decoding of Chinese text dominates), and Node's version, which fixes
 * the format, is part of the salt. Shards are replaced by rename, so a killed run leaves whole
 * files.
 */
export class IngestCache {
  private readonly next = new Map<string, Shard>();
  private readonly changed = new Set<string>();

  private constructor(
    private readonly folder: string,
    private readonly salt: string,
    private readonly loaded: Map<string, Shard>,
  ) {}

  /**
   * open: the cache for `settings.contentRoot` under `cacheDir`, empty when the salt (config,
   * code, archive location) changed. Also removes the caches of archives not used recently.
   */
  static async open(cacheDir: string, settings: ParseSettings): Promise<IngestCache> {
    const archive = sha256().update(settings.contentRoot).digest('hex').slice(0, 16);
    const folder = join(cacheDir, archive);
    const salt = sha256()
      .update(
        JSON.stringify({
          version: INGEST_CACHE_VERSION,
          code: codeFingerprint(),
          contentRoot: settings.contentRoot,
          config: settings.config,
        }),
      )
      .digest('hex');
    let meta: { salt?: unknown } = {};
    try {
      meta = JSON.parse(await readFile(join(folder, META_FILE), 'utf8')) as { salt?: unknown };
    } catch {
      // No cache yet, or an unreadable one: start empty.
    }
    const loaded = new Map<string, Shard>();
    if (meta.salt === salt) {
      const names = (await readdir(folder)).filter((name) => SHARD_FILE.test(name));
      await forEachConcurrently(names, 8, async (name) => {
        try {
          const entries: unknown = deserialize(await readFile(join(folder, name)));
          if (entries instanceof Map) loaded.set(name.slice(0, 2), entries as Shard);
        } catch {
          // A damaged shard is a shard of misses.
        }
      });
    } else {
      await rm(folder, { recursive: true, force: true });
    }
    await mkdir(folder, { recursive: true });
    // Rewritten on every open, so its time says when this archive's cache was last used.
    await writeFile(
      join(folder, META_FILE),
      `${JSON.stringify({ salt, contentRoot: settings.contentRoot })}\n`,
    );
    await removeStaleArchives(cacheDir, archive);
    return new IngestCache(folder, salt, loaded);
  }

  /** keyOf: the key of a file's content at a path; hash it before the bytes go to a worker. */
  keyOf(relPath: string, read: { bytes: Uint8Array; size: number }): string {
    return sha256()
      .update(`${this.salt}\n${relPath}\n${read.size}\n`)
      .update(read.bytes)
      .digest('hex');
  }

  /**
   * reuse: the cached result for this path and key, if it was made at or before `now` and
   * `isCurrent` accepts it (e.g. its images are unchanged); it is then kept for the next run.
   */
  reuse(
    relPath: string,
    key: string,
    now: Date,
    isCurrent: (parsed: ParsedFile) => boolean,
  ): ParsedFile | undefined {
    const shard = shardOf(relPath);
    const entry = this.loaded.get(shard)?.get(relPath);
    if (!entry || entry.key !== key || entry.nowMs > now.getTime() || !isCurrent(entry.parsed)) {
      return undefined;
    }
    this.entriesOf(shard).set(relPath, entry);
    return entry.parsed;
  }

  /** store: remember a freshly parsed result for the next run. */
  store(relPath: string, key: string, now: Date, parsed: ParsedFile): void {
    const shard = shardOf(relPath);
    this.entriesOf(shard).set(relPath, { key, nowMs: now.getTime(), parsed });
    this.changed.add(shard);
  }

  /**
   * save: write the shards whose entries differ from what was loaded — new results, or entries
   * of files this run did not keep (deleted, changed, unreadable) — and delete emptied ones.
   */
  async save(): Promise<void> {
    const shards = new Set([...this.loaded.keys(), ...this.next.keys()]);
    const stale = [...shards].filter(
      (shard) =>
        this.changed.has(shard) ||
        (this.loaded.get(shard)?.size ?? 0) !== (this.next.get(shard)?.size ?? 0),
    );
    await forEachConcurrently(stale, 8, async (shard) => {
      const path = join(this.folder, `${shard}.bin`);
      const entries = this.next.get(shard);
      if (!entries || entries.size === 0) {
        await rm(path, { force: true });
        return;
      }
      const temporary = `${path}.${process.pid}.tmp`;
      await writeFile(temporary, serialize(entries));
      await rename(temporary, path);
    });
  }

  private entriesOf(shard: string): Shard {
    let entries = this.next.get(shard);
    if (!entries) {
      entries = new Map();
      this.next.set(shard, entries);
    }
    return entries;
  }
}

/** removeStaleArchives: keep the KEPT_ARCHIVES most recently used archive caches. */
async function removeStaleArchives(cacheDir: string, current: string): Promise<void> {
  const archives: { name: string; usedMs: number }[] = [];
  for (const name of await readdir(cacheDir)) {
    if (name === current || !/^[0-9a-f]{16}$/.test(name)) continue;
    try {
      archives.push({ name, usedMs: (await stat(join(cacheDir, name, META_FILE))).mtimeMs });
    } catch {
      archives.push({ name, usedMs: 0 });
    }
  }
  archives.sort((a, b) => b.usedMs - a.usedMs);
  for (const { name } of archives.slice(KEPT_ARCHIVES - 1)) {
    await rm(join(cacheDir, name), { recursive: true, force: true });
  }
}
