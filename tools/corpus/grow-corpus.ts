import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateArticle } from './article';
import { FolderNames, sanitizeFileName } from './file-names';
import { planCorpus } from './plan';

/**
 * A corpus changed the way an archive grows between two ingests: articles added, edited and
 * removed. Everything here is deterministic: the same corpus and the same request give the same
 * files, so two runs of the bench rebuild the same change.
 */

/** A file's path relative to the corpus root, `/`-separated, and its text before the change. */
export interface ChangedFile {
  relPath: string;
  /** The file's text before the change; null for a file the change created. */
  previous: string | null;
}

/** What a change did to the corpus, enough to undo it (see undoCorpusChange). */
export interface CorpusChange {
  added: ChangedFile[];
  edited: ChangedFile[];
  removed: ChangedFile[];
}

/** The article files of a corpus, relative and `/`-separated, sorted by UTF-16 code units. */
export function listCorpusFiles(dir: string): string[] {
  const files: string[] = [];
  const walk = (relDir: string) => {
    const entries = readdirSync(join(dir, relDir), { withFileTypes: true });
    for (const entry of entries) {
      const relPath = relDir === '' ? entry.name : `${relDir}/${entry.name}`;
      if (entry.isDirectory()) walk(relPath);
      else if (entry.isFile() && /\.(md|txt)$/.test(entry.name)) files.push(relPath);
    }
  };
  walk('');
  return files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The names already taken in a folder of the corpus, as FolderNames knows them. */
function claimExisting(names: FolderNames, dir: string, relDir: string, seen: Set<string>): void {
  if (seen.has(relDir)) return;
  seen.add(relDir);
  let entries: string[];
  try {
    entries = readdirSync(join(dir, ...relDir.split('/')));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  for (const name of entries) {
    const dot = name.lastIndexOf('.');
    names.claim(relDir, dot > 0 ? name.slice(0, dot) : name, dot > 0 ? name.slice(dot) : '');
  }
}

/**
 * addArticles: writes articles `from` … `from + count - 1` of the corpus for `seed` into a corpus
 * that holds articles 0 … from - 1. Names are claimed after the ones already in each folder, as
 * generateCorpus claims them in index order, so the result is the corpus of `from + count`
 * articles, byte for byte.
 */
export function addArticles(dir: string, seed: number, from: number, count: number): ChangedFile[] {
  const plan = planCorpus(seed);
  const names = new FolderNames();
  const seen = new Set<string>();
  const added: ChangedFile[] = [];
  for (let index = from; index < from + count; index += 1) {
    const article = generateArticle(plan, seed, index);
    claimExisting(names, dir, article.dir, seen);
    const fileName = names.claim(article.dir, sanitizeFileName(article.title), article.extension);
    const relPath = `${article.dir}/${fileName}`;
    mkdirSync(join(dir, ...article.dir.split('/')), { recursive: true });
    writeFileSync(join(dir, ...relPath.split('/')), article.text);
    added.push({ relPath, previous: null });
  }
  return added;
}

/** The line an edit adds to an article's body: a correction, as news sites append them. */
const CORRECTION = '更正：本文发布后有更新，数据以最新公告为准。';

/** editArticleText: the text with a correction paragraph at the end of its body. */
export function editArticleText(relPath: string, text: string): string {
  if (relPath.endsWith('.txt')) return `${text}\u3000\u3000${CORRECTION}\n`;
  const close = text.lastIndexOf('</div>');
  if (close < 0) return `${text}<p>${CORRECTION}</p>\n`;
  return `${text.slice(0, close)}<p>${CORRECTION}</p>\n${text.slice(close)}`;
}

/**
 * pickSpread: `count` distinct positions in 0 … length - 1, spread evenly over the list (so
 * every part of a sorted corpus, every source and folder, gets its share of the change).
 */
export function pickSpread(length: number, count: number): number[] {
  if (count > length) {
    throw new RangeError(`cannot pick ${count} of ${length} files`);
  }
  const picks: number[] = [];
  for (let k = 0; k < count; k += 1) picks.push(Math.floor(((k + 0.5) * length) / count));
  return picks;
}

/**
 * editAndRemove: edits `edit` article files (a correction paragraph added to the body) and
 * removes `remove` others, picked evenly over the sorted list of the corpus's files, edits and
 * removals alternating.
 */
export function editAndRemove(
  dir: string,
  edit: number,
  remove: number,
): Pick<CorpusChange, 'edited' | 'removed'> {
  const files = listCorpusFiles(dir);
  const picks = pickSpread(files.length, edit + remove);
  const edited: ChangedFile[] = [];
  const removed: ChangedFile[] = [];
  picks.forEach((position, k) => {
    const relPath = files[position]!;
    const path = join(dir, ...relPath.split('/'));
    const previous = readFileSync(path, 'utf8');
    const editsLeft = edit - edited.length;
    const removalsLeft = remove - removed.length;
    if (removalsLeft === 0 || (editsLeft > 0 && k % 2 === 0)) {
      writeFileSync(path, editArticleText(relPath, previous));
      edited.push({ relPath, previous });
    } else {
      rmSync(path);
      removed.push({ relPath, previous });
    }
  });
  return { edited, removed };
}

/** undoCorpusChange: puts every file a change touched back as it was, latest change first. */
export function undoCorpusChange(dir: string, change: CorpusChange): void {
  for (const file of [...change.added, ...change.edited, ...change.removed].reverse()) {
    const path = join(dir, ...file.relPath.split('/'));
    if (file.previous === null) rmSync(path, { force: true });
    else writeFileSync(path, file.previous);
  }
}
