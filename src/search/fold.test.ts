import { describe, expect, it } from 'vitest';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import { foldCodePoint, foldText, foldWithOffsets } from './fold';

describe('foldText', () => {
  it.each([
    ['Traditional to Simplified', '新削減戰略武器條約', '新削减战略武器条约'],
    ['Simplified stays', '新削减战略武器条约', '新削减战略武器条约'],
    ['Taiwan variants through the standard form', '裡面', '里面'],
    ['full-width Latin and digits', 'ＡＢＣ１２３', 'abc123'],
    ['full-width punctuation', '（Ｈ１００）', '(h100)'],
    ['case', 'NATO Summit', 'nato summit'],
    ['accents', 'Café Éclair', 'cafe eclair'],
    ['compatibility forms', 'ﬁle ①', 'file 1'],
    ['characters outside the BMP stay whole', '𠀀x', '𠀀x'],
  ])('%s', (_, text, folded) => {
    expect(foldText(text)).toBe(folded);
  });

  it('folds a text as its code points one by one', () => {
    const text = 'Ｈ100 芯片，條約 Ünïcode 𠀀 ﬁ';
    expect(foldText(text)).toBe(Array.from(text, foldCodePoint).join(''));
  });

  it('is idempotent over every character of the Traditional table', () => {
    const characters = TSCharacters.split('|').flatMap((entry) => entry.split(' '));
    expect(characters.length).toBeGreaterThan(3000);
    const text = characters.join('');
    expect(foldText(foldText(text))).toBe(foldText(text));
  });

  it('makes Traditional and Simplified forms of the same words equal', () => {
    expect(foldText('條約')).toBe(foldText('条约'));
    expect(foldText('戰略穩定對話')).toBe(foldText('战略稳定对话'));
  });
});

describe('foldWithOffsets', () => {
  it('maps each folded character to where it came from', () => {
    const text = 'Ａ𠀀ﬁ條';
    const { text: folded, offsets } = foldWithOffsets(text);
    expect(folded).toBe('a𠀀fi条');
    expect([...offsets]).toEqual([0, 1, 1, 3, 3, 4, 5]);
    const start = folded.indexOf('fi');
    expect(text.slice(offsets[start], offsets[start + 2])).toBe('ﬁ');
  });

  it('gives the same text as foldText', () => {
    const text = '美俄《新削減戰略武器條約》ＮＥＷ START';
    expect(foldWithOffsets(text).text).toBe(foldText(text));
  });
});
