import { stemmer } from 'stemmer';

/**
 * Tokenizing folded text (see fold.ts) into what the index stores. Chinese has no spaces to split
 * on and any run of characters may be what a reader looks for, so every Chinese (and Japanese,
 * Korean) character is a unit of its own and the index keeps each pair of neighbours (a bigram):
 * a query of n characters needs its n − 1 bigrams, wherever word boundaries fall. Latin words
 * (and numbers, and mixed runs like h100) are units too, stemmed.
 *
 * Keys are what the index maps to the rows containing them:
 * - a word's stem: `control`;
 * - two neighbouring units: two Chinese characters as they are (`条约`), or, when a word is one of
 *   them, both joined by a space (`arm control`, `h100 芯`). Neighbours may be separated by
 *   whitespace but not by punctuation, so `"arms control"` can be matched as a phrase;
 * - in titles only, single Chinese characters, so a one-character query finds titles.
 * Title keys carry TITLE_PREFIX, so title matches can rank first.
 */

export const TITLE_PREFIX = '^';

/** Character classes. */
export const SEPARATOR = 0;
export const SPACE = 1;
export const WORD = 2;
export const HAN = 3;

const classes = new Uint8Array(0x10000);
const CLASS_KNOWN = 4;
const HAN_CHARACTER = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const WORD_CHARACTER = /[\p{L}\p{N}]/u;
const SPACE_CHARACTER = /\s/u;

function classify(char: string): number {
  if (HAN_CHARACTER.test(char)) return HAN;
  if (WORD_CHARACTER.test(char)) return WORD;
  return SPACE_CHARACTER.test(char) ? SPACE : SEPARATOR;
}

/** unitClass: the class of a code unit read on its own (a lone surrogate is a separator). */
export function unitClass(code: number): number {
  let known = classes[code]!;
  if (known === 0) {
    known = classify(String.fromCharCode(code)) | CLASS_KNOWN;
    classes[code] = known;
  }
  return known & 3;
}

const codePointClasses = new Map<number, number>();

/** codePointClass: the class of a code point beyond the Basic Multilingual Plane. */
export function codePointClass(codePoint: number): number {
  let known = codePointClasses.get(codePoint);
  if (known === undefined) {
    known = classify(String.fromCodePoint(codePoint));
    codePointClasses.set(codePoint, known);
  }
  return known;
}

/** classAt: the class of the code point at `index`, and its length in code units. */
function classAt(text: string, index: number): [charClass: number, length: number] {
  const code = text.charCodeAt(index);
  if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length) {
    const codePoint = text.codePointAt(index)!;
    return codePoint > 0xffff ? [codePointClass(codePoint), 2] : [unitClass(code), 1];
  }
  return [unitClass(code), 1];
}

/** One unit of folded text: a Chinese character or a word, and where it is. */
export interface Unit {
  kind: 'han' | 'word';
  /** The character, or the word's stem. */
  key: string;
  start: number;
  end: number;
  /** Whether punctuation (not just whitespace) separates it from the unit before. */
  detached: boolean;
}

const MIN_STEMMED_LENGTH = 3;

/** stemWord: the Porter stem of a Latin word; other words (with digits, other scripts) as they are. */
export function stemWord(word: string): string {
  return word.length >= MIN_STEMMED_LENGTH && /^[a-z]+$/.test(word) ? stemmer(word) : word;
}

/** units: the units of a folded text, in order. */
export function units(folded: string): Unit[] {
  const out: Unit[] = [];
  let detached = true;
  for (let index = 0; index < folded.length;) {
    const [charClass, length] = classAt(folded, index);
    if (charClass === HAN) {
      out.push({
        kind: 'han',
        key: folded.slice(index, index + length),
        start: index,
        end: index + length,
        detached,
      });
      detached = false;
      index += length;
    } else if (charClass === WORD) {
      let end = index + length;
      for (;;) {
        if (end >= folded.length) break;
        const [nextClass, nextLength] = classAt(folded, end);
        if (nextClass !== WORD) break;
        end += nextLength;
      }
      out.push({
        kind: 'word',
        key: stemOf(folded.slice(index, end)),
        start: index,
        end,
        detached,
      });
      detached = false;
      index = end;
    } else {
      if (charClass === SEPARATOR) detached = true;
      index += length;
    }
  }
  return out;
}

/** pairKey: the key of two neighbouring units. */
export function pairKey(first: Unit, second: Unit): string {
  return first.kind === 'han' && second.kind === 'han'
    ? first.key + second.key
    : `${first.key} ${second.key}`;
}

const stems = new Map<string, string>();

/** stemOf: stemWord, remembered: an archive repeats its words many times over. */
function stemOf(word: string): string {
  let stem = stems.get(word);
  if (stem === undefined) {
    stem = stemWord(word);
    if (stems.size < 200_000) stems.set(word, stem);
  }
  return stem;
}

/**
 * forEachIndexKey: every key of a field's folded text, in order, some more than once. Titles add
 * their single Chinese characters; `prefix` marks the field's keys. The same keys as units() and
 * pairKey() give (tokenize.test.ts checks it), without making an object per character: ingest
 * runs this over every article.
 */
export function forEachIndexKey(
  folded: string,
  options: { title: boolean },
  emit: (key: string) => void,
): void {
  const prefix = options.title ? TITLE_PREFIX : '';
  let previous: string | null = null;
  let previousIsWord = false;
  let detached = true;
  for (let index = 0; index < folded.length;) {
    const [charClass, length] = classAt(folded, index);
    if (charClass === HAN || charClass === WORD) {
      let end = index + length;
      if (charClass === WORD) {
        while (end < folded.length) {
          const [nextClass, nextLength] = classAt(folded, end);
          if (nextClass !== WORD) break;
          end += nextLength;
        }
      }
      const isWord = charClass === WORD;
      const key = isWord ? stemOf(folded.slice(index, end)) : folded.slice(index, end);
      if (isWord || options.title) emit(prefix + key);
      if (previous !== null && !detached) {
        emit(previousIsWord || isWord ? `${prefix}${previous} ${key}` : prefix + previous + key);
      }
      previous = key;
      previousIsWord = isWord;
      detached = false;
      index = end;
    } else {
      if (charClass === SEPARATOR) detached = true;
      index += length;
    }
  }
}

/** indexKeys: every key of a field's folded text, each once (see forEachIndexKey). */
export function indexKeys(folded: string, options: { title: boolean }): Set<string> {
  const keys = new Set<string>();
  forEachIndexKey(folded, options, (key) => keys.add(key));
  return keys;
}
