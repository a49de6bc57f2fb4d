import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  compareSnapshots,
  isBodyFile,
  matchColdBuild,
  snapshotFolder,
  type FileState,
  type Snapshot,
} from './output-snapshot';

const state = (bytes: number, hash: string, stamp = 's'): FileState => ({ bytes, hash, stamp });
const snapshot = (entries: [string, FileState][]): Snapshot => new Map(entries);

describe('compareSnapshots', () => {
  it('sorts every path into added, changed, removed or unchanged, and counts rewrites', () => {
    const before = snapshot([
      ['manifest.json', state(10, 'm1')],
      ['bodies/a.json', state(100, 'a')],
      ['bodies/b.json', state(200, 'b')],
      ['bodies/c.json', state(300, 'c')],
      ['rows/0.json', state(50, 'r')],
    ]);
    const after = snapshot([
      ['manifest.json', state(11, 'm2', 't')],
      ['bodies/a.json', state(100, 'a')],
      ['bodies/b.json', state(200, 'b', 'rewritten')],
      ['bodies/d.json', state(400, 'd', 't')],
      ['rows/0.json', state(60, 'r2', 't')],
    ]);
    const change = compareSnapshots(before, after);
    expect(change.added).toEqual({ files: 1, bytes: 400 });
    expect(change.changed).toEqual({ files: 2, bytes: 71 });
    expect(change.removed).toEqual({ files: 1, bytes: 300 });
    expect(change.unchanged).toEqual({ files: 2, bytes: 300 });
    // The same bytes written again count as written, not as changed.
    expect(change.written).toEqual({ files: 4, bytes: 671 });
    expect(change.after).toEqual({ files: 5, bytes: 771 });
    expect(change.bodies.before).toEqual({ files: 3, bytes: 600 });
    expect(change.bodies.kept).toEqual({ files: 2, bytes: 300 });
    expect(change.bodies.keptShare).toBe(0.5);
  });

  it('finds nothing changed between a snapshot and itself', () => {
    const same = snapshot([['bodies/a.json', state(5, 'a')]]);
    const change = compareSnapshots(same, same);
    expect(change.written.files + change.added.files + change.changed.files).toBe(0);
    expect(change.bodies.keptShare).toBe(1);
  });
});

describe('matchColdBuild', () => {
  it('counts cold-build files missing or differing, and files only in the rebuild', () => {
    const cold = snapshot([
      ['a', state(1, 'x')],
      ['b', state(1, 'y')],
      ['c', state(1, 'z')],
    ]);
    const rebuilt = snapshot([
      ['a', state(1, 'x', 'other stamp')],
      ['b', state(1, 'changed')],
      ['old', state(1, 'o')],
    ]);
    expect(matchColdBuild(rebuilt, cold)).toEqual({
      coldFiles: 3,
      missing: 1,
      differing: 1,
      extra: 1,
      examples: ['b', 'c'],
    });
  });
});

describe('isBodyFile', () => {
  it('knows body files by their top folder', () => {
    expect(isBodyFile('bodies/0123456789abcdef.json')).toBe(true);
    expect(isBodyFile('articles/x.0123.json')).toBe(false);
    expect(isBodyFile('build-abc/rows/0.json')).toBe(false);
    expect(isBodyFile('manifest.json')).toBe(false);
  });
});

describe('snapshotFolder', () => {
  it('hashes every file, and weighs body files gzip when asked', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'chronicle-snapshot-'));
    try {
      await mkdir(join(dir, 'bodies'));
      await mkdir(join(dir, 'rows'));
      const body = JSON.stringify({ html: '<p>正文</p>'.repeat(50) });
      await writeFile(join(dir, 'bodies', 'a.json'), body);
      await writeFile(join(dir, 'rows', '0.json'), '[]');
      const { snapshot: files, bodies } = await snapshotFolder(dir, { gzipBodies: true });
      expect([...files.keys()]).toEqual(['bodies/a.json', 'rows/0.json']);
      expect(files.get('rows/0.json')?.bytes).toBe(2);
      expect(bodies.files).toBe(1);
      expect(bodies.gzip.max).toBe(gzipSync(body).length);

      const again = await snapshotFolder(dir);
      expect(compareSnapshots(files, again).written.files).toBe(0);
      await writeFile(join(dir, 'rows', '0.json'), '[]');
      const rewritten = compareSnapshots(again, await snapshotFolder(dir));
      expect(rewritten.changed.files).toBe(0);
      expect(rewritten.written.files).toBe(1);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
