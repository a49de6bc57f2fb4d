import { describe, expect, it } from 'vitest';
import { resolveOriginalUrl } from './original-url';

describe('resolveOriginalUrl', () => {
  it('takes the first field, in the documented order, that holds an http(s) URL', () => {
    expect(
      resolveOriginalUrl({
        permalink: 'https://blog.example.com/p/1',
        url: 'https://news.example.com/a/1',
        link: '  http://news.example.com/a/2  ',
      }),
    ).toEqual({ url: 'http://news.example.com/a/2', rejected: null });
    expect(resolveOriginalUrl({ originalUrl: 'https://example.com/x' }).url).toBe(
      'https://example.com/x',
    );
    expect(resolveOriginalUrl({ source_url: 'HTTPS://Example.com/路径' }).url).toBe(
      'https://example.com/%E8%B7%AF%E5%BE%84',
    );
  });

  it.each([
    ['javascript:alert(1)'],
    ['data:text/html,<script>alert(1)</script>'],
    ['file:///etc/passwd'],
    ['ftp://example.com/a'],
    ['//example.com/a'],
    ['news.example.com/a'],
    ['https://'],
  ])('rejects %s so ingest can warn', (value) => {
    expect(resolveOriginalUrl({ link: value })).toEqual({
      url: null,
      rejected: { field: 'link', value },
    });
  });

  it('still takes a later usable field after a rejected one', () => {
    expect(
      resolveOriginalUrl({ link: 'javascript:alert(1)', original: 'https://example.com/a' }),
    ).toEqual({ url: 'https://example.com/a', rejected: null });
  });

  it('passes over a static site path in url or permalink without rejecting it', () => {
    expect(resolveOriginalUrl({ url: '/about/', permalink: '2021/04/post.html' })).toEqual({
      url: null,
      rejected: null,
    });
    expect(resolveOriginalUrl({ permalink: 'javascript:alert(1)' }).rejected).toEqual({
      field: 'permalink',
      value: 'javascript:alert(1)',
    });
  });

  it('passes over empty and non-text values', () => {
    expect(resolveOriginalUrl({ link: '', url: ['https://example.com'], original: 3 })).toEqual({
      url: null,
      rejected: null,
    });
  });
});
