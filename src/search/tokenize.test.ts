import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldText } from './fold';
import { indexKeys, pairKey, stemWord, TITLE_PREFIX, units } from './tokenize';

const keysOf = (text: string, title = false) => [...indexKeys(foldText(text), { title })].sort();

describe('units', () => {
  it('splits Chinese into characters and keeps Latin words and numbers whole', () => {
    expect(units('h100芯片 arms').map((unit) => unit.key)).toEqual(['h100', '芯', '片', 'arm']);
  });

  it('marks units that punctuation separates from the one before', () => {
    expect(units('北约，nato summit').map((unit) => unit.detached)).toEqual([
      true,
      false,
      true,
      false,
    ]);
  });

  it('knows where each unit is in the folded text', () => {
    const text = foldText('ＮＡＴＯ峰会');
    const [word, han] = units(text);
    expect(text.slice(word!.start, word!.end)).toBe('nato');
    expect(text.slice(han!.start, han!.end)).toBe('峰');
  });

  it('treats kana and hangul as characters like Chinese', () => {
    expect(units('カタ한국').map((unit) => unit.kind)).toEqual(['han', 'han', 'han', 'han']);
  });
});

describe('stemWord', () => {
  it.each([
    ['sanctions', 'sanction'],
    ['sanctioned', 'sanction'],
    ['controlling', 'control'],
    ['talks', 'talk'],
  ])('%s → %s', (word, stem) => {
    expect(stemWord(word)).toBe(stem);
  });

  it('leaves numbers, mixed words and short words alone', () => {
    expect(['h100', '2021', 'us', 'is'].map(stemWord)).toEqual(['h100', '2021', 'us', 'is']);
  });
});

describe('indexKeys', () => {
  it('keeps every pair of neighbouring Chinese characters, across word boundaries', () => {
    expect(keysOf('新削减战略')).toEqual(['削减', '减战', '战略', '新削'].sort());
  });

  it('pairs words with their neighbours across spaces but not across punctuation', () => {
    expect(keysOf('Arms Control, 条约')).toEqual(['arm', 'arm control', 'control', '条约']);
    expect(keysOf('H100 芯片')).toEqual(['h100', 'h100 芯', '芯片']);
  });

  it('adds single characters and prefixes every key in titles', () => {
    expect(keysOf('北约峰会', true)).toEqual(
      ['^北', '^北约', '^会', '^峰', '^峰会', '^约', '^约峰'].sort(),
    );
  });

  it('indexes Traditional text under the Simplified keys', () => {
    expect(keysOf('條約')).toEqual(keysOf('条约'));
  });
});

describe('index keys and query units', () => {
  /** The keys a query built from units() and pairKey() would look for in the same text. */
  function keysFromUnits(folded: string, title: boolean): Set<string> {
    const prefix = title ? TITLE_PREFIX : '';
    const keys = new Set<string>();
    units(folded).forEach((unit, index, all) => {
      if (unit.kind === 'word' || title) keys.add(prefix + unit.key);
      const previous = all[index - 1];
      if (previous && !unit.detached) keys.add(prefix + pairKey(previous, unit));
    });
    return keys;
  }

  it('agree on any mix of scripts, spaces and punctuation', () => {
    const piece = fc.constantFrom(
      '条约',
      '條約',
      'NATO',
      'arms',
      ' ',
      '，',
      '-',
      'H100',
      '𠀀',
      'ｶﾀ',
      '。 ',
      'x',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), fc.boolean(), (pieces, title) => {
        const folded = foldText(pieces.join(''));
        expect(indexKeys(folded, { title })).toEqual(keysFromUnits(folded, title));
      }),
    );
  });
});
