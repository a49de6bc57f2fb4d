import { describe, expect, it } from 'vitest';
import { findMatches, makeSnippet } from './highlight';
import { htmlToText } from './plain-text';
import { parseQuery } from './query';

const marked = (text: string, query: string) =>
  findMatches(text, parseQuery(query)).map(([start, end]) => text.slice(start, end));

describe('findMatches', () => {
  it('finds Chinese runs in the other script and across word boundaries', () => {
    expect(marked('美俄《新削減戰略武器條約》延期', '削减战略')).toEqual(['削減戰略']);
    expect(marked('条约与條約', '條約')).toEqual(['条约', '條約']);
  });

  it('finds words by stem, case and width, and marks them as written', () => {
    expect(marked('New SANCTIONS, sanctioned firms', 'sanction')).toEqual([
      'SANCTIONS',
      'sanctioned',
    ]);
    expect(marked('型号 ＡＢＣ１２３ 与 abc123', 'ABC123')).toEqual(['ＡＢＣ１２３', 'abc123']);
  });

  it('marks a phrase only where its words are neighbours', () => {
    expect(marked('arms control and control of arms', '"arms control"')).toEqual(['arms control']);
  });

  it('does not mark excluded terms, and joins touching marks', () => {
    expect(marked('北约峰会与俄罗斯', '北约 峰会 -俄罗斯')).toEqual(['北约峰会']);
  });

  it('keeps characters outside the BMP whole', () => {
    expect(marked('𠀀条约𠀀', '条约')).toEqual(['条约']);
  });
});

describe('makeSnippet', () => {
  const text = `${'前文'.repeat(100)}北约峰会在布鲁塞尔举行。${'中段'.repeat(100)}俄罗斯回应。`;

  it('shows the text around a match with the match marked', () => {
    const snippet = makeSnippet(text, parseQuery('北约'), 60)!;
    expect(snippet.cutBefore).toBe(true);
    expect(snippet.cutAfter).toBe(true);
    expect(snippet.text.length).toBe(60);
    expect(snippet.ranges.map(([start, end]) => snippet.text.slice(start, end))).toEqual(['北约']);
  });

  it('prefers the stretch that has more of the terms', () => {
    const spread = `俄罗斯${'其他'.repeat(100)}北约峰会，俄罗斯表示关切`;
    const snippet = makeSnippet(spread, parseQuery('北约 俄罗斯'), 40)!;
    expect(snippet.ranges.map(([start, end]) => snippet.text.slice(start, end))).toEqual([
      '北约',
      '俄罗斯',
    ]);
  });

  it('is null when no term occurs', () => {
    expect(makeSnippet(text, parseQuery('潜艇'))).toBeNull();
  });
});

describe('htmlToText', () => {
  it('keeps the text of sanitized HTML, with block breaks as spaces and references decoded', () => {
    expect(htmlToText('<p>A &amp; B&nbsp;&lt;C&gt;</p><p>第二段&#x4E2D;&#25991;</p>')).toBe(
      'A & B <C> 第二段中文',
    );
  });
});
