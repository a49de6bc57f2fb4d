import { readdir, realpath, stat } from 'node:fs/promises';
import { relative, sep } from 'node:path';

export type WalkEntry =
  | { kind: 'file'; relPath: string; absPath: string }
  | { kind: 'skipped'; relPath: string; reason: string };

/**
 * The names of one folder as stored: NFC, so macOS's decomposed names give the same ids as
 * everywhere else; but when two entries differ only in normalization (both are real files, with
 * different content), the one that is not already NFC keeps its exact name, so neither is lost
 * and no two share an id.
 */
function storedNames(names: string[]): Map<string, string> {
  const byNfc = new Map<string, number>();
  for (const name of names) {
    const nfc = name.normalize('NFC');
    byNfc.set(nfc, (byNfc.get(nfc) ?? 0) + 1);
  }
  return new Map(
    names.map((name) => {
      const nfc = name.normalize('NFC');
      return [name, byNfc.get(nfc)! > 1 && name !== nfc ? name : nfc];
    }),
  );
}

function isInside(root: string, target: string): boolean {
  const rel = relative(root, target);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && !/^[a-zA-Z]:/.test(rel));
}

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * listContentFiles: every file under the root, depth first in code-point order so the output
 * never depends on the file system's listing order. Symlinks are followed only while they stay
 * inside the root; hidden folders (`.git`, `.obsidian`) and hidden files (`.DS_Store`) are
 * reported and not read. Each folder is one `readdir` that also gives each entry's type, so
 * only symlinks cost further system calls.
 */
export async function listContentFiles(root: string): Promise<WalkEntry[]> {
  const realRoot = await realpath(root);
  const entries: WalkEntry[] = [];
  const visited = new Set<string>([realRoot]);

  /** `realDir`: the folder's path with no symlink in it, so a plain subfolder needs no realpath. */
  async function visit(dir: string, realDir: string, relDir: string): Promise<void> {
    const dirents = (await readdir(dir, { withFileTypes: true })).sort((a, b) =>
      byCodePoint(a.name, b.name),
    );
    const stored = storedNames(dirents.map((dirent) => dirent.name));
    for (const dirent of dirents) {
      const { name } = dirent;
      // Concatenated, not joined: `dir` is already normalized, and join's normalizing is a
      // tenth of a walk's time.
      const absPath = `${dir}${sep}${name}`;
      const relPath = relDir + stored.get(name)!;
      let isDirectory = dirent.isDirectory();
      let isFile = dirent.isFile();
      let realTarget = `${realDir}${sep}${name}`;
      if (dirent.isSymbolicLink()) {
        try {
          realTarget = await realpath(absPath);
          const targetInfo = await stat(realTarget);
          isDirectory = targetInfo.isDirectory();
          isFile = targetInfo.isFile();
        } catch {
          entries.push({ kind: 'skipped', relPath, reason: 'broken symlink' });
          continue;
        }
        if (!isInside(realRoot, realTarget)) {
          entries.push({
            kind: 'skipped',
            relPath,
            reason: 'symlink leads outside the content root (not followed)',
          });
          continue;
        }
      }
      if (isDirectory) {
        if (name.startsWith('.')) {
          entries.push({
            kind: 'skipped',
            relPath: `${relPath}/`,
            reason: 'hidden folder (not entered)',
          });
          continue;
        }
        if (visited.has(realTarget)) {
          entries.push({
            kind: 'skipped',
            relPath: `${relPath}/`,
            reason: 'folder already visited (symlink loop)',
          });
          continue;
        }
        visited.add(realTarget);
        await visit(absPath, realTarget, `${relPath}/`);
      } else if (isFile) {
        if (name.startsWith('.')) {
          entries.push({ kind: 'skipped', relPath, reason: 'hidden file' });
          continue;
        }
        entries.push({ kind: 'file', relPath, absPath });
      } else {
        entries.push({ kind: 'skipped', relPath, reason: 'not a regular file' });
      }
    }
  }

  await visit(root, realRoot, '');
  return entries;
}
