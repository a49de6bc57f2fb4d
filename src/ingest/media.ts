import { createHash } from 'node:crypto';
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, extname, relative, resolve, sep } from 'node:path';

/** Extensions of the image files an article may show from the archive. */
export const IMAGE_EXTENSIONS: ReadonlySet<string> = new Set([
  '.png',
  '.jpg',
  '.jpeg',
  '.gif',
  '.webp',
  '.avif',
  '.svg',
]);
/** Larger local images are left out rather than copied into every build. */
const MAX_IMAGE_BYTES = 10 * 1024 * 1024;

/** An image file of the archive that an article shows. */
export interface LocalImage {
  /** Where the data folder serves it: `media/<content hash>.<ext>`. */
  mediaPath: string;
  /** Path relative to the content root, `/`-separated, as the report names files. */
  relPath: string;
  absPath: string;
}

/** What the derive steps need of the media collector; ingest wraps it to record every lookup. */
export interface ImageResolver {
  resolve(src: string, articleAbsPath: string): LocalImage | null;
}

function isInside(root: string, target: string): boolean {
  const rel = relative(root, target);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && !/^[a-zA-Z]:/.test(rel));
}

/**
 * Finds the archive's local images an article refers to and names them by content hash, so the
 * reader serves them from its own origin and identical images are stored once.
 */
export class MediaCollector implements ImageResolver {
  private readonly realRoot: string;
  private readonly known = new Map<string, LocalImage | null>();

  constructor(private readonly contentRoot: string) {
    this.realRoot = realpathSync(contentRoot);
  }

  /**
   * resolve: the local image for `src` as written in the article at `articleAbsPath` — relative
   * to the article's folder, or to the content root when it starts with `/` — or null when it is
   * not an image file inside the content root (a symlink leading out of it does not count).
   */
  resolve(src: string, articleAbsPath: string): LocalImage | null {
    if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(src)) return null;
    let path: string;
    try {
      path = decodeURIComponent(src.replace(/[?#].*$/, ''));
    } catch {
      return null;
    }
    if (path === '' || path.includes('\0')) return null;
    const absPath = path.startsWith('/')
      ? resolve(this.contentRoot, `.${path}`)
      : resolve(dirname(articleAbsPath), path);
    if (!isInside(this.contentRoot, absPath)) return null;
    if (!this.known.has(absPath)) this.known.set(absPath, this.load(absPath));
    return this.known.get(absPath) ?? null;
  }

  private load(absPath: string): LocalImage | null {
    const extension = extname(absPath).toLowerCase();
    if (!IMAGE_EXTENSIONS.has(extension)) return null;
    try {
      if (!isInside(this.realRoot, realpathSync(absPath))) return null;
      const info = statSync(absPath);
      if (!info.isFile() || info.size > MAX_IMAGE_BYTES) return null;
      const hash = createHash('sha256').update(readFileSync(absPath)).digest('hex').slice(0, 16);
      return {
        mediaPath: `media/${hash}${extension === '.jpeg' ? '.jpg' : extension}`,
        relPath: relative(this.contentRoot, absPath).split(sep).join('/').normalize('NFC'),
        absPath,
      };
    } catch {
      return null;
    }
  }
}
