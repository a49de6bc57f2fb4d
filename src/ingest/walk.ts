import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

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
 * reported and not read.
 */
export async function listContentFiles(root: string): Promise<WalkEntry[]> {
  const realRoot = await realpath(root);
  const entries: WalkEntry[] = [];
  const visited = new Set<string>([realRoot]);

  async function visit(dir: string, relDir: string): Promise<void> {
    const names = (await readdir(dir)).sort(byCodePoint);
    const stored = storedNames(names);
    for (const name of names) {
      const absPath = join(dir, name);
      const relPath = relDir + stored.get(name)!;
      const info = await lstat(absPath);
      let target = absPath;
      let targetInfo = info;
      if (info.isSymbolicLink()) {
        try {
          target = await realpath(absPath);
          targetInfo = await stat(target);
        } catch {
          entries.push({ kind: 'skipped', relPath, reason: 'broken symlink' });
          continue;
        }
        if (!isInside(realRoot, target)) {
          entries.push({
            kind: 'skipped',
            relPath,
            reason: 'symlink leads outside the content root (not followed)',
          });
          continue;
        }
      }
      if (targetInfo.isDirectory()) {
        if (name.startsWith('.')) {
          entries.push({
            kind: 'skipped',
            relPath: `${relPath}/`,
            reason: 'hidden folder (not entered)',
          });
          continue;
        }
        const realDir = await realpath(target);
        if (visited.has(realDir)) {
          entries.push({
            kind: 'skipped',
            relPath: `${relPath}/`,
            reason: 'folder already visited (symlink loop)',
          });
          continue;
        }
        visited.add(realDir);
        await visit(absPath, `${relPath}/`);
      } else if (targetInfo.isFile()) {
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

  await visit(root, '');
  return entries;
}
