// The ingest output of every fixture is a fixed point of the browser's policy: DOMPurify (jsdom)
// with the reader's configuration finds nothing to change in it. See docs/security.md.
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  createBrowserOracle,
  expectBrowserFixedPoint,
  expectSameVisibleText,
  toMedia,
} from '../sanitizer/differential-oracle';
import { createIngestSanitizer } from '../sanitizer/ingest-sanitizer';
import { decodeText } from './decode';
import { findParser } from './formats/registry';
import { ingestFile, readCapped } from './ingest-file';
import { MediaCollector } from './media';
import { TEST_NOW, testConfig } from './test-helpers';

const oracle = createBrowserOracle();

function filesUnder(root: string): string[] {
  return readdirSync(root).flatMap((name) => {
    const path = join(root, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Every file of a fixture folder with its ingest outcome and the body its format parser read. */
function ingestFolderFiles(root: string) {
  const context = {
    config: testConfig(),
    now: TEST_NOW,
    media: new MediaCollector(root),
    sanitizer: createIngestSanitizer(),
  };
  return filesUnder(root)
    .sort()
    .flatMap((absPath) => {
      const relPath = relative(root, absPath);
      const read = readCapped(absPath);
      const outcome = ingestFile({ relPath, absPath }, read, context);
      if (outcome.status !== 'article') return [];
      const decoded = decodeText(read.bytes);
      if (!decoded.ok) return [];
      const file = { relPath, absPath, text: decoded.text, encoding: decoded.encoding };
      const parsed = findParser(file)?.parse(file);
      if (!parsed?.ok) return [];
      return [
        {
          path: `${root}/${relPath}`,
          html: outcome.article.body.html,
          input: parsed.article.bodyHtml,
        },
      ];
    });
}

describe('every fixture', () => {
  const articles = ['src/ingest/fixtures', 'e2e/archive'].flatMap(ingestFolderFiles);

  test('there are fixtures to check', () => {
    expect(articles.length).toBeGreaterThan(50);
  });

  test.each(articles)('$path', ({ html, input }) => {
    expectBrowserFixedPoint(html, oracle);
    expectSameVisibleText(input, html, oracle, { resolveImageSrc: toMedia });
  });
});
