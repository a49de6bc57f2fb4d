// A sample of the synthetic archive, ingested: each body comes out a fixed point of the
// browser's policy (DOMPurify over jsdom, the reader's configuration). See docs/security.md.
import { describe, test } from 'vitest';
import { findParser } from '../../src/ingest/formats/registry';
import {
  createBrowserOracle,
  expectBrowserFixedPoint,
  expectSameVisibleText,
  toMedia,
} from '../../src/sanitizer/differential-oracle';
import { sanitizeForIngest } from '../../src/sanitizer/ingest-sanitizer';
import { generateArticle } from './article';
import { planCorpus } from './plan';

const SEED = 7;
const SAMPLE = 300;

describe('a sample of the synthetic archive', () => {
  test(`${SAMPLE} articles of seed ${SEED} come out fixed points of the browser policy`, () => {
    const oracle = createBrowserOracle();
    const plan = planCorpus(SEED);
    for (let index = 0; index < SAMPLE; index += 1) {
      const article = generateArticle(plan, SEED, index * 331);
      const file = {
        relPath: `${article.dir}/${index}${article.extension}`,
        absPath: `/corpus/${article.dir}/${index}${article.extension}`,
        text: article.text,
        encoding: 'utf-8',
      };
      const parsed = findParser(file)?.parse(file);
      if (!parsed?.ok) throw new Error(`${file.relPath}: ${parsed?.reason ?? 'no format'}`);
      const input = parsed.article.bodyHtml;
      const { html } = sanitizeForIngest(input, { resolveImageSrc: toMedia });
      expectBrowserFixedPoint(html, oracle);
      expectSameVisibleText(input, html, oracle, { resolveImageSrc: toMedia });
    }
  }, 600_000);
});
