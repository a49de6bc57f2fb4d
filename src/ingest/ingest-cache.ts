import { createHash, randomUUID } from 'node:crypto';
import type { Stats } from 'node:fs';
import {
  closeSync,
  fstatSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  statSync,
  writeSync,
} from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import pLimit from 'p-limit';
import type { ParsedFile, ParseSettings } from './ingest-file';

/**
 * Bump when the meaning of a cached result changes in a way the code fingerprint would not show
 * (it already covers every source file ingest runs and the installed packages).
 */
export const INGEST_CACHE_VERSION = 3;

/** The default cache folder: `.ingest-cache/` at the repository root (git-ignored). */
export const DEFAULT_CACHE_DIR = fileURLToPath(new URL('../../.ingest-cache', import.meta.url));

/** Caches of this many archives are kept; the least recently used beyond them are removed. */
const KEPT_ARCHIVES = 4;
/** Entries are spread over this many files by path, so one changed file rewrites 1/256 of it. */
const SHARD_COUNT = 256;
const META_FILE = 'meta.json';
const SHARD_FILE = /^[0-9a-f]{2}\.bin$/;
const HTML_FILE = /^[0-9a-f]{2}-[0-9a-f]{8}\.html$/;
/** Shard files read at once when the cache opens. */
const LOAD_CONCURRENCY = 8;
/**
 * A file's stamp (size, times, inode) stands for its bytes only when the file was last changed
 * at least this long before the stamp was taken: a change within the same tick of a coarse clock
 * (FAT keeps 2 s) would leave the stamp as it was. Younger files are hashed again next run.
 */
const RACY_MS = 2_000;
/** An HTML file is rewritten with only its live bodies once it is this many times their size. */
const COMPACT_RATIO = 2;
const COMPACT_MIN_BYTES = 256 * 1024;

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

/** cacheKey: the key of a file's content at a path under a cache's salt. */
export function cacheKey(
  salt: string,
  relPath: string,
  read: { bytes: Uint8Array; size: number },
): string {
  return sha256().update(`${salt}\n${relPath}\n${read.size}\n`).update(read.bytes).digest('hex');
}

/** What the file system says of a file, compared to tell whether it changed since it was hashed. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
}

export const stampOf = (info: Stats): FileStamp => ({
  size: info.size,
  mtimeMs: info.mtimeMs,
  ctimeMs: info.ctimeMs,
  ino: info.ino,
});

const sameStamp = (a: FileStamp, b: FileStamp) =>
  a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs && a.ino === b.ino;

/** Where a body's HTML lies in a shard's HTML file, as UTF-8. */
interface HtmlRange {
  offset: number;
  length: number;
}

interface CacheEntry {
  key: string;
  /** The run's `now`: a result stays valid for later runs only (see normalizeArticle). */
  nowMs: number;
  /** The file's stamp when it was hashed, if old enough to be trusted (see RACY_MS); else null. */
  stamp: FileStamp | null;
  /** The result, its article body's `html` left empty: that is in the shard's HTML file. */
  parsed: ParsedFile;
  /** null when the file is not an article. */
  html: HtmlRange | null;
}

/** A shard on disk: its entries by path, and the file that holds their bodies' HTML. */
interface Shard {
  htmlFile: string | null;
  entries: Map<string, CacheEntry>;
}

function shardOf(relPath: string): string {
  const byte = sha256().update(relPath).digest()[0]! % SHARD_COUNT;
  return byte.toString(16).padStart(2, '0');
}

/**
 * Descriptors of the HTML files read from, so reading a body costs one system call: one per
 * shard, since the write step asks for bodies in list order, which is no shard's order.
 */
const readers = new Map<string, number>();
const MAX_READERS = SHARD_COUNT;

function readRange(path: string, { offset, length }: HtmlRange): string {
  let fd = readers.get(path);
  if (fd === undefined) {
    if (readers.size >= MAX_READERS) {
      const [oldest, oldFd] = readers.entries().next().value!;
      readers.delete(oldest);
      closeSync(oldFd);
    }
    fd = openSync(path, 'r');
    readers.set(path, fd);
  }
  const buffer = Buffer.allocUnsafe(length);
  let filled = 0;
  while (filled < length) {
    const count = readSync(fd, buffer, filled, length - filled, offset + filled);
    if (count === 0) throw new Error(`ingest cache: ${path} ends before a body it holds`);
    filled += count;
  }
  return buffer.toString('utf8');
}

/** Releases the HTML files a run read bodies from (a later read opens them again). */
export function closeCacheReaders(): void {
  for (const fd of readers.values()) closeSync(fd);
  readers.clear();
}

/** withoutHtml: the result with its article body's HTML left empty, and that HTML. */
function withoutHtml(parsed: ParsedFile): { parsed: ParsedFile; html: string | null } {
  const { outcome } = parsed;
  if (outcome.status !== 'article') return { parsed, html: null };
  const { html } = outcome.article.body;
  const body = { ...outcome.article.body, html: '' };
  return {
    parsed: { ...parsed, outcome: { ...outcome, article: { ...outcome.article, body } } },
    html,
  };
}

/**
 * withLazyHtml: the result with an article body whose `html` is read from disk each time it is
 * asked for, so a run holds the bodies it has not yet written in no memory at all.
 */
function withLazyHtml(parsed: ParsedFile, read: () => string): ParsedFile {
  const { outcome } = parsed;
  if (outcome.status !== 'article') return parsed;
  const body = Object.defineProperty({ ...outcome.article.body }, 'html', {
    get: read,
    enumerable: true,
  }) as typeof outcome.article.body;
  return { ...parsed, outcome: { ...outcome, article: { ...outcome.article, body } } };
}

/** An HTML file being added to, from its end. */
interface Appender {
  file: string;
  fd: number;
  size: number;
}

/**
 * The parse cache of one archive: per file, the ParsedFile it gave, under a key made of the file's
 * bytes, its path, the config and the code, and the file's stamp when it was hashed. A run reuses
 * what it can and keeps exactly the entries of the files it saw, so the cache never outgrows the
 * archive.
 *
 * On disk, `<cacheDir>/<archive id>/`: `meta.json`; up to 256 shard files `<xx>.bin`, each its
 * entries by path in V8's serialization format (Node's version, which fixes the format, is part
 * of the salt), without the bodies' HTML; and per shard an HTML file `<xx>-<id>.html` that new
 * bodies are appended to, read back one body at a time. Opening the cache reads the small shard
 * files only, so a rebuild that changed nothing never reads a body. A shard file is replaced by
 * rename after the HTML it names is written, so a killed run leaves a consistent cache.
 */
export class IngestCache {
  private readonly next = new Map<string, Shard>();
  private readonly changed = new Set<string>();
  private readonly appenders = new Map<string, Appender>();

  private constructor(
    private readonly folder: string,
    readonly salt: string,
    private readonly loaded: Map<string, Shard>,
    /** When the run began: stamps of files changed less than RACY_MS before are not trusted. */
    private readonly startedMs: number,
  ) {}

  /**
   * open: the cache for `settings.contentRoot` under `cacheDir`, empty when the salt (config,
   * code, archive location) changed. Also removes the caches of archives not used recently and
   * HTML files no shard names any more.
   */
  static async open(cacheDir: string, settings: ParseSettings): Promise<IngestCache> {
    const startedMs = Date.now();
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
      const names = await readdir(folder);
      const limit = pLimit(LOAD_CONCURRENCY);
      await Promise.all(
        names
          .filter((name) => SHARD_FILE.test(name))
          .map((name) =>
            limit(async () => {
              try {
                const shard = deserialize(await readFile(join(folder, name))) as Partial<Shard>;
                if (shard.entries instanceof Map && holdsItsHtml(folder, shard as Shard)) {
                  loaded.set(name.slice(0, 2), shard as Shard);
                }
              } catch {
                // A damaged shard is a shard of misses.
              }
            }),
          ),
      );
      const named = new Set([...loaded.values()].map((shard) => shard.htmlFile));
      for (const name of names) {
        if (HTML_FILE.test(name) && !named.has(name)) await rm(join(folder, name), { force: true });
      }
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
    return new IngestCache(folder, salt, loaded, startedMs);
  }

  /** keyOf: the key of a file's content at a path; hash it before the bytes go to a worker. */
  keyOf(relPath: string, read: { bytes: Uint8Array; size: number }): string {
    return cacheKey(this.salt, relPath, read);
  }

  /** knownKey: the key the cache holds for a path, to tell whether its bytes are unchanged. */
  knownKey(relPath: string): string | undefined {
    return this.loaded.get(shardOf(relPath))?.entries.get(relPath)?.key;
  }

  /**
   * reuseUnchanged: the cached result for this path if the file's stamp is the one it had when
   * it was hashed, so its bytes need not be read (see reuse for the other conditions).
   */
  reuseUnchanged(
    relPath: string,
    stamp: FileStamp,
    now: Date,
    isCurrent: (parsed: ParsedFile) => boolean,
  ): ParsedFile | undefined {
    const entry = this.loaded.get(shardOf(relPath))?.entries.get(relPath);
    if (!entry?.stamp || !sameStamp(entry.stamp, stamp)) return undefined;
    return this.reuse(relPath, entry.key, stamp, now, isCurrent);
  }

  /**
   * reuse: the cached result for this path and key, if it was made at or before `now` and
   * `isCurrent` accepts it (e.g. its images are unchanged); it is then kept for the next run,
   * under the file's stamp as now read. Its body's HTML is read from disk when asked for.
   */
  reuse(
    relPath: string,
    key: string,
    stamp: FileStamp | null,
    now: Date,
    isCurrent: (parsed: ParsedFile) => boolean,
  ): ParsedFile | undefined {
    const shard = shardOf(relPath);
    const loaded = this.loaded.get(shard);
    const entry = loaded?.entries.get(relPath);
    if (!entry || entry.key !== key || entry.nowMs > now.getTime() || !isCurrent(entry.parsed)) {
      return undefined;
    }
    const trusted = this.trusted(stamp);
    const kept = sameStampOrNull(entry.stamp, trusted) ? entry : { ...entry, stamp: trusted };
    if (kept !== entry) this.changed.add(shard);
    this.entriesOf(shard).entries.set(relPath, kept);
    return this.lazy(loaded!.htmlFile, kept);
  }

  /**
   * store: remember a freshly parsed result for the next run. Its body's HTML is written to the
   * shard's HTML file now, and the result returned reads it from there, so the caller need not
   * hold it.
   */
  store(
    relPath: string,
    key: string,
    stamp: FileStamp | null,
    now: Date,
    parsed: ParsedFile,
  ): ParsedFile {
    const shard = shardOf(relPath);
    const split = withoutHtml(parsed);
    let range: HtmlRange | null = null;
    let file: string | null = null;
    if (split.html !== null) {
      const appender = this.appenderOf(shard);
      const bytes = Buffer.from(split.html, 'utf8');
      writeSync(appender.fd, bytes, 0, bytes.length, appender.size);
      range = { offset: appender.size, length: bytes.length };
      appender.size += bytes.length;
      file = appender.file;
    }
    const entry: CacheEntry = {
      key,
      nowMs: now.getTime(),
      stamp: this.trusted(stamp),
      parsed: split.parsed,
      html: range,
    };
    this.entriesOf(shard).entries.set(relPath, entry);
    this.changed.add(shard);
    return this.lazy(file, entry);
  }

  /**
   * save: write the shards whose entries differ from what was loaded — new results, new stamps,
   * or entries of files this run did not keep (deleted, changed, unreadable) — and delete emptied
   * ones. An HTML file mostly made of bodies no entry names any more is written anew with the
   * live ones; the old one stays until the next open, since this run's results may read from it.
   */
  async save(): Promise<void> {
    const shards = new Set([...this.loaded.keys(), ...this.next.keys()]);
    for (const shard of shards) {
      const before = this.loaded.get(shard);
      const after = this.next.get(shard);
      if (!this.changed.has(shard) && (before?.entries.size ?? 0) === (after?.entries.size ?? 0)) {
        continue;
      }
      const path = join(this.folder, `${shard}.bin`);
      if (!after || after.entries.size === 0) {
        await rm(path, { force: true });
        continue;
      }
      this.compact(shard, after);
      const temporary = `${path}.${process.pid}.tmp`;
      await writeFile(temporary, serialize(after));
      await rename(temporary, path);
    }
    for (const appender of this.appenders.values()) closeSync(appender.fd);
    this.appenders.clear();
  }

  /** compact: rewrite a shard's HTML file with its live bodies alone, when it is mostly garbage. */
  private compact(shard: string, after: Shard): void {
    if (after.htmlFile === null) return;
    const source = join(this.folder, after.htmlFile);
    let live = 0;
    for (const { html } of after.entries.values()) live += html?.length ?? 0;
    const size = this.appenders.get(shard)?.size ?? fileSize(source);
    if (size < COMPACT_MIN_BYTES || size <= live * COMPACT_RATIO) return;
    const file = `${shard}-${randomUUID().slice(0, 8)}.html`;
    const fd = openSync(join(this.folder, file), 'w');
    try {
      let offset = 0;
      for (const [relPath, entry] of after.entries) {
        if (!entry.html) continue;
        const bytes = Buffer.from(readRange(source, entry.html), 'utf8');
        writeSync(fd, bytes, 0, bytes.length, offset);
        after.entries.set(relPath, { ...entry, html: { offset, length: bytes.length } });
        offset += bytes.length;
      }
    } finally {
      closeSync(fd);
    }
    after.htmlFile = file;
  }

  private trusted(stamp: FileStamp | null): FileStamp | null {
    if (!stamp) return null;
    const limit = this.startedMs - RACY_MS;
    return stamp.mtimeMs < limit && stamp.ctimeMs < limit ? stamp : null;
  }

  private lazy(file: string | null, entry: CacheEntry): ParsedFile {
    const { html } = entry;
    if (file === null || html === null) return entry.parsed;
    const path = join(this.folder, file);
    return withLazyHtml(entry.parsed, () => readRange(path, html));
  }

  private appenderOf(shard: string): Appender {
    let appender = this.appenders.get(shard);
    if (appender) return appender;
    const entries = this.entriesOf(shard);
    const file = entries.htmlFile ?? `${shard}-${randomUUID().slice(0, 8)}.html`;
    entries.htmlFile = file;
    const fd = openSync(join(this.folder, file), 'a');
    appender = { file, fd, size: fstatSync(fd).size };
    this.appenders.set(shard, appender);
    return appender;
  }

  private entriesOf(shard: string): Shard {
    let entries = this.next.get(shard);
    if (!entries) {
      entries = { htmlFile: this.loaded.get(shard)?.htmlFile ?? null, entries: new Map() };
      this.next.set(shard, entries);
    }
    return entries;
  }
}

function sameStampOrNull(a: FileStamp | null, b: FileStamp | null): boolean {
  return a === null || b === null ? a === b : sameStamp(a, b);
}

/** Whether a shard's HTML file is there and long enough for every body it should hold. */
function holdsItsHtml(folder: string, shard: Shard): boolean {
  if (shard.htmlFile === null) return true;
  if (typeof shard.htmlFile !== 'string' || !HTML_FILE.test(shard.htmlFile)) return false;
  let end = 0;
  for (const { html } of shard.entries.values()) {
    if (html) end = Math.max(end, html.offset + html.length);
  }
  return (statSync(join(folder, shard.htmlFile), { throwIfNoEntry: false })?.size ?? -1) >= end;
}

const fileSize = (path: string) => statSync(path, { throwIfNoEntry: false })?.size ?? 0;

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
