// @vitest-environment node
// Ingest runs in plain Node: DOMPurify over a jsdom window, with no browser globals around.
import DOMPurify from 'dompurify';
import { JSDOM } from 'jsdom';
import { describe, expect, test } from 'vitest';
import { createArticleSanitizer } from './article-policy';
import { BENIGN_CASES, HOSTILE_CASES, expectHostileCaseHandled } from './policy-cases';

const sanitizer = createArticleSanitizer(DOMPurify(new JSDOM('').window));

test('runs without browser globals', () => {
  expect(typeof window).toBe('undefined');
  expect(typeof document).toBe('undefined');
});

describe('hostile input under Node', () => {
  test.each(HOSTILE_CASES)('$name', (hostile) => {
    expectHostileCaseHandled(sanitizer, hostile);
  });
});

describe('benign input under Node', () => {
  test.each(BENIGN_CASES)('$name', ({ input, output, options }) => {
    expect(sanitizer.sanitize(input, options)).toEqual({
      html: output,
      removed: { total: 0, byKind: {}, embeds: [] },
    });
  });
});
