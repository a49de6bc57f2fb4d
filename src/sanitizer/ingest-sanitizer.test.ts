// @vitest-environment node
// The ingest's sanitizer runs in plain Node, without any DOM.
import { describe, expect, test } from 'vitest';
import { createIngestSanitizer } from './ingest-sanitizer';
import {
  BENIGN_CASES,
  HOSTILE_CASES,
  expectHostileCaseHandled,
  hostileInput,
} from './policy-cases';
import { canonicalHtml } from './differential-oracle';

const sanitizer = createIngestSanitizer();
const NOTHING_REMOVED = { total: 0, byKind: {}, embeds: [] };

describe('hostile input', () => {
  test.each(HOSTILE_CASES)('$name', (hostile) => {
    expectHostileCaseHandled(sanitizer, hostile);
  });
});

describe('benign input', () => {
  test.each(BENIGN_CASES)('$name', ({ input, output, options }) => {
    const { html, removed } = sanitizer.sanitize(input, options);
    expect(html).toBe(output);
    expect(removed).toEqual(NOTHING_REMOVED);
  });
});

describe('second pass (the output sanitized again)', () => {
  const keepMedia = (src: string) => (src.startsWith('media/') ? src : null);
  test.each([
    ...HOSTILE_CASES.map((hostile) => ({ ...hostile, input: hostileInput(hostile) })),
    ...BENIGN_CASES,
  ])('is identical and reports nothing: $name', ({ input, options }) => {
    const first = sanitizer.sanitize(input, options ?? { resolveImageSrc: keepMedia });
    const second = sanitizer.sanitize(first.html, { resolveImageSrc: keepMedia });
    expect(second.html).toBe(first.html);
    expect(second.removed).toEqual(NOTHING_REMOVED);
  });
});

describe('structure a parser would rebuild', () => {
  // Unwrapping marquee (a scope boundary to the parser) exposes nestings the parser never builds;
  // the output closes elements where a browser re-parsing it would.
  test.each([
    [
      'a table inside a p closes the p',
      '<p><marquee><table><tr><td>x</td></tr></table></marquee>y</p>',
      '<p></p><table><tbody><tr><td>x</td></tr></tbody></table>y',
    ],
    [
      'a link inside a link is unwrapped',
      '<a href="https://a.example/"><marquee><a href="https://b.example/">x</a></marquee></a>',
      '<a href="https://a.example/" target="_blank" rel="noopener noreferrer">x</a>',
    ],
    ['an li closes the li it is in', '<li>a<marquee><li>b</marquee>', '<li>a</li><li>b</li>'],
    ['a heading closes a heading', '<h1><marquee><h2>x</h2></marquee></h1>', '<h1></h1><h2>x</h2>'],
  ])('%s', (_name, input, output) => {
    const { html } = sanitizer.sanitize(input);
    expect(html).toBe(output);
    expect(canonicalHtml(html)).toBe(html);
    expect(canonicalHtml(html, 'quirks')).toBe(html);
  });
});
