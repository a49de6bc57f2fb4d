import { describe, expect, it } from 'vitest';
import type { SourceFile } from '../model';
import { findParser } from './registry';

const file = (relPath: string, text: string): SourceFile => ({
  relPath,
  absPath: relPath,
  text,
  encoding: 'utf-8',
});

describe('findParser', () => {
  it('lets the content decide before the extension', () => {
    expect(findParser(file('a.txt', '\n---\ntitle: a\n---\nbody'))?.name).toBe('front-matter');
    expect(findParser(file('a.html', '---\ntitle: a\n---\n<p>b</p>'))?.name).toBe('front-matter');
    expect(findParser(file('a.txt', 'title\nbody'))?.name).toBe('plain-text');
    expect(findParser(file('a.md', '# title'))?.name).toBe('markdown');
    expect(findParser(file('a.htm', '<p>x</p>'))?.name).toBe('html');
    expect(findParser(file('a.csv', 'a,b'))).toBeUndefined();
  });
});
