import { symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MediaCollector } from './media';
import { makeTempDir, removeDir, writeFiles } from './test-helpers';

const SVG = '<svg xmlns="http://www.w3.org/2000/svg"/>';
let root: string;
let outside: string;

beforeEach(async () => {
  root = await makeTempDir();
  outside = await makeTempDir();
  await writeFiles(root, [
    ['news/images/chart one.svg', SVG],
    ['news/images/copy.svg', SVG],
    ['news/images/notes.txt', 'not an image'],
    ['logo.png', 'png bytes'],
  ]);
  await writeFiles(outside, [['secret.png', 'secret']]);
  await symlink(join(outside, 'secret.png'), join(root, 'news/images/leak.png'));
});

afterEach(async () => {
  await removeDir(root);
  await removeDir(outside);
});

describe('MediaCollector.resolve', () => {
  const article = () => join(root, 'news/article.md');

  it('resolves a relative path against the article folder, by content hash', () => {
    const media = new MediaCollector(root);
    const image = media.resolve('images/chart%20one.svg?v=2#top', article());
    expect(image).toEqual({
      mediaPath: expect.stringMatching(/^media\/[0-9a-f]{16}\.svg$/),
      relPath: 'news/images/chart one.svg',
      absPath: join(root, 'news/images/chart one.svg'),
    });
    // Identical bytes share one media file.
    expect(media.resolve('images/copy.svg', article())?.mediaPath).toBe(image?.mediaPath);
  });

  it('resolves a root-relative path against the content root', () => {
    expect(new MediaCollector(root).resolve('/logo.png', article())?.relPath).toBe('logo.png');
  });

  it('refuses URLs, missing files, other file types and anything outside the root', () => {
    const media = new MediaCollector(root);
    for (const src of [
      'https://example.com/a.png',
      '//cdn.example.com/a.png',
      'data:image/png;base64,AAAA',
      'javascript:alert(1)',
      'images/missing.png',
      'images/notes.txt',
      '../../etc/passwd.png',
      'images/leak.png',
      '%E0%A4%A',
      '',
    ]) {
      expect(media.resolve(src, article())).toBeNull();
    }
  });
});
