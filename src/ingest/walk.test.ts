import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir, removeDir, writeFiles } from './test-helpers';
import { listContentFiles } from './walk';

let root: string;
let outside: string;

beforeEach(async () => {
  root = await makeTempDir();
  outside = await makeTempDir();
});

afterEach(async () => {
  await removeDir(root);
  await removeDir(outside);
});

describe('listContentFiles', () => {
  it('lists files depth first in code-point order, whatever order they were made in', async () => {
    await writeFiles(root, [
      ['b/z.md', 'z'],
      ['a.md', 'a'],
      ['b/a.md', 'a'],
      ['B.md', 'B'],
    ]);
    const entries = await listContentFiles(root);
    expect(entries.map((entry) => entry.relPath)).toEqual(['B.md', 'a.md', 'b/a.md', 'b/z.md']);
  });

  it('keeps names with spaces, quotes and any Unicode, normalized to NFC', async () => {
    const names = ['with space.md', `"double" 'single'.md`, 'cafe\u0301 新闻 😀.md'];
    await writeFiles(
      root,
      names.map((name) => [name, 'x']),
    );
    const entries = await listContentFiles(root);
    expect(entries.map((entry) => entry.relPath).sort()).toEqual(
      [`"double" 'single'.md`, 'café 新闻 😀.md', 'with space.md'].sort(),
    );
    expect(entries.every((entry) => entry.kind === 'file')).toBe(true);
  });

  // The pair is made here rather than kept in fixtures/: git and many file systems (APFS, HFS+,
  // some Windows checkouts) cannot hold two names that differ only in normalization.
  it('keeps two files whose names differ only in normalization apart, the NFC one as is', async () => {
    await writeFiles(root, [
      ['caf\u00e9-norm.txt', 'composed'],
      ['cafe\u0301-norm.txt', 'decomposed'],
      ['only-decomposed-cafe\u0301.txt', 'alone'],
    ]);
    const entries = await listContentFiles(root);
    expect(entries.map((entry) => entry.relPath).sort()).toEqual(
      ['caf\u00e9-norm.txt', 'cafe\u0301-norm.txt', 'only-decomposed-caf\u00e9.txt'].sort(),
    );
  });

  // Made here: a symlink to its own folder does not survive every checkout.
  it('reports a folder symlink that points at its own folder, at the root and below', async () => {
    await writeFiles(root, [['sub/a.md', 'a']]);
    await symlink('.', join(root, 'loop-dir'));
    await symlink('.', join(root, 'sub/loop-dir'));
    expect(await listContentFiles(root)).toEqual([
      { kind: 'skipped', relPath: 'loop-dir/', reason: 'folder already visited (symlink loop)' },
      { kind: 'file', relPath: 'sub/a.md', absPath: join(root, 'sub/a.md') },
      {
        kind: 'skipped',
        relPath: 'sub/loop-dir/',
        reason: 'folder already visited (symlink loop)',
      },
    ]);
  });

  it('enters a folder named like an article instead of reading it as a file', async () => {
    await writeFiles(root, [['x.md/inner.md', 'x']]);
    expect(await listContentFiles(root)).toEqual([
      { kind: 'file', relPath: 'x.md/inner.md', absPath: join(root, 'x.md/inner.md') },
    ]);
  });

  it('follows symlinks inside the root and reports the rest without following them', async () => {
    await writeFiles(root, [['real/a.md', 'a']]);
    await writeFiles(outside, [
      ['secret.md', 'secret'],
      ['dir/b.md', 'b'],
    ]);
    await symlink(join(root, 'real/a.md'), join(root, 'link-inside.md'));
    await symlink(join(outside, 'secret.md'), join(root, 'link-outside.md'));
    await symlink(join(outside, 'dir'), join(root, 'dir-outside'));
    await symlink(join(root, 'nowhere.md'), join(root, 'broken.md'));
    await symlink(root, join(root, 'real/loop'));
    expect(await listContentFiles(root)).toEqual([
      { kind: 'skipped', relPath: 'broken.md', reason: 'broken symlink' },
      {
        kind: 'skipped',
        relPath: 'dir-outside',
        reason: 'symlink leads outside the content root (not followed)',
      },
      { kind: 'file', relPath: 'link-inside.md', absPath: join(root, 'link-inside.md') },
      {
        kind: 'skipped',
        relPath: 'link-outside.md',
        reason: 'symlink leads outside the content root (not followed)',
      },
      { kind: 'file', relPath: 'real/a.md', absPath: join(root, 'real/a.md') },
      {
        kind: 'skipped',
        relPath: 'real/loop/',
        reason: 'folder already visited (symlink loop)',
      },
    ]);
  });

  it('reports hidden folders and files without reading them', async () => {
    await mkdir(join(root, '.git'));
    await writeFile(join(root, '.git', 'HEAD'), 'ref');
    await writeFile(join(root, '.DS_Store'), 'x');
    expect(await listContentFiles(root)).toEqual([
      { kind: 'skipped', relPath: '.DS_Store', reason: 'hidden file' },
      { kind: 'skipped', relPath: '.git/', reason: 'hidden folder (not entered)' },
    ]);
  });
});
