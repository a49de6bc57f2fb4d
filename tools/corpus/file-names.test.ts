import { describe, expect, it } from 'vitest';
import { FolderNames, MAX_NAME_CHARACTERS, sanitizeFileName } from './file-names';

describe('sanitizeFileName', () => {
  it('keeps an ordinary title as it is', () => {
    expect(sanitizeFileName('美联储宣布加息 市场反应平淡')).toBe('美联储宣布加息 市场反应平淡');
  });

  it('replaces path separators and reserved characters with full-width forms', () => {
    expect(sanitizeFileName('Analysis: 24/7 AI\\GPU? "Yes" <no> a|b *')).toBe(
      'Analysis： 24／7 AI＼GPU？ ＂Yes＂ ＜no＞ a｜b ＊',
    );
  });

  it('turns control characters into spaces and trims', () => {
    expect(sanitizeFileName('  标题\n第二行\t结束\u0000 ')).toBe('标题 第二行 结束');
  });

  it('drops leading dots, which would hide the file from ingest, and trailing dots', () => {
    expect(sanitizeFileName('...hidden title...')).toBe('hidden title');
  });

  it('caps the length in characters and bytes', () => {
    const long = '军'.repeat(200);
    const name = sanitizeFileName(long);
    expect([...name].length).toBeLessThanOrEqual(MAX_NAME_CHARACTERS);
    expect(Buffer.byteLength(name)).toBeLessThanOrEqual(200);
    expect([...sanitizeFileName('a'.repeat(200))].length).toBe(MAX_NAME_CHARACTERS);
  });

  it('never gives an empty name', () => {
    expect(sanitizeFileName(' \u0001 . ')).toBe('untitled');
  });
});

describe('FolderNames', () => {
  it('appends (2), (3)… to repeated names in one folder only', () => {
    const names = new FolderNames();
    expect(names.claim('a', '标题', '.md')).toBe('标题.md');
    expect(names.claim('a', '标题', '.md')).toBe('标题 (2).md');
    expect(names.claim('a', '标题', '.md')).toBe('标题 (3).md');
    expect(names.claim('b', '标题', '.md')).toBe('标题.md');
    expect(names.claim('a', '标题', '.txt')).toBe('标题.txt');
  });

  it('treats names that differ only in case as the same file', () => {
    const names = new FolderNames();
    names.claim('x', 'GPU Supply', '.md');
    expect(names.claim('x', 'gpu supply', '.md')).toBe('gpu supply (2).md');
  });

  it('does not hand out a suffixed name that a title already took', () => {
    const names = new FolderNames();
    names.claim('x', 'T (2)', '.md');
    names.claim('x', 'T', '.md');
    expect(names.claim('x', 'T', '.md')).toBe('T (3).md');
  });
});
