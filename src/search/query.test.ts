import { describe, expect, it } from 'vitest';
import { isSearchable, parseQuery } from './query';

const summary = (raw: string) =>
  parseQuery(raw).terms.map(({ folded, phrase, exclude, keys }) => ({
    folded,
    phrase,
    exclude,
    keys,
  }));

describe('parseQuery', () => {
  it('needs every bigram of a Chinese run, however the words fall', () => {
    expect(summary('削减战略')).toEqual([
      { folded: '削减战略', phrase: false, exclude: false, keys: ['削减', '减战', '战略'] },
    ]);
  });

  it('folds the query like the text: Traditional, widths, case', () => {
    expect(summary('條約 ＡＢＣ１２３ NATO').map((term) => term.keys)).toEqual([
      ['条约'],
      ['abc123'],
      ['nato'],
    ]);
  });

  it('splits terms at spaces; a mixed run keeps its parts side by side', () => {
    expect(summary('NATO 北约').map((term) => term.keys)).toEqual([['nato'], ['北约']]);
    expect(summary('H100芯片')[0]!.keys).toEqual(['h100', 'h100 芯', '芯片']);
  });

  it('reads quoted phrases, in ASCII and Chinese quotes, as one term whose words are neighbours', () => {
    expect(summary('"arms control"')).toEqual([
      {
        folded: 'arms control',
        phrase: true,
        exclude: false,
        keys: ['arm', 'control', 'arm control'],
      },
    ]);
    expect(summary('“战略 稳定”')[0]!.keys).toEqual(['战略', '略稳', '稳定']);
    expect(summary('「戰略穩定」')[0]!.folded).toBe('战略稳定');
  });

  it('reads a leading minus as an exclusion, of a word or of a phrase', () => {
    expect(
      summary('条约 -俄罗斯 -"new start"').map(({ folded, exclude }) => [folded, exclude]),
    ).toEqual([
      ['条约', false],
      ['俄罗斯', true],
      ['new start', true],
    ]);
    expect(summary('co-operation')[0]!.exclude).toBe(false);
  });

  it('looks for a single Chinese character in titles only', () => {
    const [term] = parseQuery('约').terms;
    expect(term!.keys).toEqual([]);
    expect(term!.titleKeys).toEqual(['^约']);
  });

  it('drops terms without letters and repeated terms', () => {
    expect(summary('— ！ 条约 条约 "" -').map((term) => term.folded)).toEqual(['条约']);
  });

  it('closes an unclosed quote at the end', () => {
    expect(summary('"arms control')[0]).toMatchObject({ folded: 'arms control', phrase: true });
  });

  it('is searchable only with a term to look for', () => {
    expect(isSearchable(parseQuery('-俄罗斯'))).toBe(false);
    expect(isSearchable(parseQuery('  '))).toBe(false);
    expect(isSearchable(parseQuery('条约 -俄罗斯'))).toBe(true);
  });
});
