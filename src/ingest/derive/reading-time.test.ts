import { describe, expect, it } from 'vitest';
import { countCharacters, deriveReadingMinutes } from './reading-time';

describe('countCharacters', () => {
  it('counts code points with whitespace collapsed', () => {
    expect(countCharacters('  新约   延期 ')).toBe(5);
    expect(countCharacters('𠀀a')).toBe(2);
    expect(countCharacters('')).toBe(0);
  });
});

describe('deriveReadingMinutes', () => {
  it('counts Chinese by characters (400 a minute)', () => {
    expect(deriveReadingMinutes('字'.repeat(1200))).toBe(3);
  });

  it('counts other text by words (220 a minute)', () => {
    expect(deriveReadingMinutes('word '.repeat(660))).toBe(3);
  });

  it('adds both for mixed text and is at least one minute', () => {
    expect(deriveReadingMinutes(`${'字'.repeat(400)} ${'word '.repeat(220)}`)).toBe(2);
    expect(deriveReadingMinutes('')).toBe(1);
  });
});
