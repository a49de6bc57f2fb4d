import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { dirname, extname, relative, resolve, sep } from 'node:path';

const IMAGE_EXTENSIONS = new Set(['.png', '.jpg', '.jpeg', '.gif', '.webp', '.avif', '.svg']);
/** Larger local images are left out rather than copied into every build. */
const MAX_IMAGE_BYTES = 10 * 1024 * 1024;

/**
 * Collects the archive's local images an article refers to, under content-hashed names in the
 * data folder's `media/`, so the reader serves them from its own origin.
 */
export class MediaCollector {
  /** `media/<hash>.<ext>` → absolute path of the source file. */
  readonly files = new Map<string, string>();

  constructor(private readonly contentRoot: string) {}

  /**
   * resolve: the media path for `src` as written in the article at `articleAbsPath`, or null
   * when it is not a local image file inside the content root.
   */
  resolve(src: string, articleAbsPath: string): string | null {
    if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(src)) return null;
    let path: string;
    try {
      path = decodeURIComponent(src.replace(/[?#].*$/, ''));
    } catch {
      return null;
    }
    const absPath = path.startsWith('/')
      ? resolve(this.contentRoot, `.${path}`)
      : resolve(dirname(articleAbsPath), path);
    const rel = relative(this.contentRoot, absPath);
    if (rel.startsWith('..') || rel.startsWith(sep)) return null;
    const extension = extname(absPath).toLowerCase();
    if (!IMAGE_EXTENSIONS.has(extension)) return null;
    try {
      const info = statSync(absPath);
      if (!info.isFile() || info.size > MAX_IMAGE_BYTES) return null;
      const hash = createHash('sha256').update(readFileSync(absPath)).digest('hex').slice(0, 16);
      const mediaPath = `media/${hash}${extension === '.jpeg' ? '.jpg' : extension}`;
      this.files.set(mediaPath, absPath);
      return mediaPath;
    } catch {
      return null;
    }
  }
}
