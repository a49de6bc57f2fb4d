import DOMPurify, { type WindowLike } from 'dompurify';
import { describe, expect, test, vi } from 'vitest';
import { RemovalReportSchema } from '../manifest/schema';
import { createArticleSanitizer, SanitizerUnsupportedError } from './article-policy';
import {
  BENIGN,
  BENIGN_CASES,
  HOSTILE_CASES,
  expectHostileCaseHandled,
  expectInert,
  hostileInput,
} from './policy-cases';

const sanitizer = createArticleSanitizer(DOMPurify(window));
const NOTHING_REMOVED = { total: 0, byKind: {}, embeds: [] };

describe('hostile input', () => {
  test.each(HOSTILE_CASES)('$name', (hostile) => {
    const { removed } = expectHostileCaseHandled(sanitizer, hostile);
    expect(RemovalReportSchema.parse(removed)).toEqual(removed);
    expect(removed.total).toBe(Object.values(removed.byKind).reduce((sum, n) => sum + n, 0));
  });
});

describe('benign input', () => {
  test.each(BENIGN_CASES)('$name', ({ input, output, options }) => {
    const { html, removed } = sanitizer.sanitize(input, options);
    expect(html).toBe(output);
    expect(removed).toEqual(NOTHING_REMOVED);
    expectInert(html);
  });

  test('every fragment link points at an id that exists', () => {
    const footnotes = BENIGN_CASES.find(({ name }) => name.startsWith('footnotes'));
    const { html } = sanitizer.sanitize(footnotes?.input ?? '');
    const body = new DOMParser().parseFromString(html, 'text/html');
    const links = Array.from(body.querySelectorAll('a[href^="#"]'));
    expect(links).toHaveLength(3);
    for (const link of links) {
      const id = decodeURIComponent(link.getAttribute('href')?.slice(1) ?? '');
      expect(body.getElementById(id), id).not.toBeNull();
    }
  });
});

describe('second pass (ingest sanitizes, the browser sanitizes again)', () => {
  const keepMedia = (src: string) => (src.startsWith('media/') ? src : null);
  const inputs = [
    ...HOSTILE_CASES.map((hostile) => ({ ...hostile, input: hostileInput(hostile) })),
    ...BENIGN_CASES,
  ];

  test.each(inputs)('is identical and reports nothing: $name', ({ input, options }) => {
    const first = sanitizer.sanitize(input, options ?? { resolveImageSrc: keepMedia });
    const second = sanitizer.sanitize(first.html, { resolveImageSrc: keepMedia });
    expect(second.html).toBe(first.html);
    expect(second.removed).toEqual(NOTHING_REMOVED);
  });

  test('maps ingest media paths to the data folder without reporting anything', () => {
    const atIngest = sanitizer.sanitize('<p>图</p><img src="photos/a.png" alt="甲">', {
      resolveImageSrc: () => 'media/0123456789abcdef.png',
    });
    const toDataFolder = (src: string) =>
      src.startsWith('media/') ? `/data/${src}` : src.startsWith('/data/media/') ? src : null;
    const inBrowser = sanitizer.sanitize(atIngest.html, { resolveImageSrc: toDataFolder });
    expect(inBrowser.html).toBe(atIngest.html.replace('src="media/', 'src="/data/media/'));
    expect(inBrowser.html).toContain('src="/data/media/0123456789abcdef.png"');
    expect(inBrowser.removed).toEqual(NOTHING_REMOVED);
    expect(sanitizer.sanitize(inBrowser.html, { resolveImageSrc: toDataFolder }).html).toBe(
      inBrowser.html,
    );
  });
});

describe('sanitizeForInjection', () => {
  test.each([...HOSTILE_CASES.map(hostileInput), BENIGN_CASES.map(({ input }) => input).join('')])(
    'returns the same markup and report as sanitize (a string without Trusted Types): %#',
    (input) => {
      const injected = sanitizer.sanitizeForInjection(input);
      expect(typeof injected.html).toBe('string');
      expect(injected).toEqual(sanitizer.sanitize(input));
    },
  );
});

describe('createArticleSanitizer', () => {
  test('resets the report on every call', () => {
    const hostile = `${BENIGN}<script>alert(1)</script><p onclick="x()">甲</p>`;
    const expected = { total: 2, byKind: { 'event-handler': 1, script: 1 }, embeds: [] };
    expect(sanitizer.sanitize(hostile).removed).toEqual(expected);
    expect(sanitizer.sanitize(hostile).removed).toEqual(expected);
    expect(sanitizer.sanitize(BENIGN).removed).toEqual(NOTHING_REMOVED);
    expect(sanitizer.sanitize('').removed).toEqual(NOTHING_REMOVED);
  });

  test('calls the resolver only for relative srcs of images that stay', () => {
    const resolveImageSrc = vi.fn((src: string) => (src.startsWith('media/') ? src : null));
    sanitizer.sanitize(
      '<img src="https://img.example/a.jpg"><img src="//img.example/b.jpg"><img src="data:image/png;base64,AA=="><img src="javascript:alert(1)"><img src="media/0123456789abcdef.png"><img src="media/pixel.gif" width=1 height=1><template><img src="media/hidden.png"></template>',
      { resolveImageSrc },
    );
    expect(resolveImageSrc.mock.calls).toEqual([['media/0123456789abcdef.png']]);
  });

  test('takes the instance over, removing hooks already on it', () => {
    const purify = DOMPurify(window);
    const foreignHook = vi.fn();
    purify.addHook('uponSanitizeElement', foreignHook);
    createArticleSanitizer(purify).sanitize('<p>甲</p>');
    expect(foreignHook).not.toHaveBeenCalled();
  });

  test('refuses a DOMPurify without a usable DOM', () => {
    expect(() => createArticleSanitizer(DOMPurify({} as WindowLike))).toThrow(
      SanitizerUnsupportedError,
    );
  });
});
