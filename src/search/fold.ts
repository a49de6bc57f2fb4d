import HKVariantsRev from 'opencc-js/dict/HKVariantsRev';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import TWVariantsRev from 'opencc-js/dict/TWVariantsRev';

/**
 * Folding: what search treats as the same character. Text and queries are both folded, one code
 * point at a time, so a match in the folded text is a match in the original:
 * - NFKC, so full-width forms and compatibility characters read as their plain forms (ＡＢＣ１２３ →
 *   abc123, ﬁ → fi, ① → 1);
 * - lower case, and Latin letters without their accents (Café → cafe);
 * - Traditional Chinese to Simplified, by OpenCC's character table, after its Taiwan and Hong Kong
 *   variant tables (裡 → 裏 → 里), so 條約, 条约 and their regional variants are one word.
 * Folding one code point at a time keeps the map from folded text back to the original simple
 * (see foldWithOffsets); it is what lets search highlight the reader's own text.
 */

function parseDictionary(dictionary: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const entry of dictionary.split('|')) {
    const [from, to] = entry.split(' ');
    if (from && to && from !== to) map.set(from, to);
  }
  return map;
}

let traditionalToSimplified: Map<string, string> | null = null;

/** The character table, built on first use: composing the three tables takes a few milliseconds. */
function chineseTable(): Map<string, string> {
  if (traditionalToSimplified) return traditionalToSimplified;
  const characters = parseDictionary(TSCharacters);
  const variants = new Map([...parseDictionary(HKVariantsRev), ...parseDictionary(TWVariantsRev)]);
  const table = new Map<string, string>();
  const simplify = (char: string) => characters.get(char) ?? char;
  for (const char of new Set([...characters.keys(), ...variants.keys()])) {
    // A regional variant goes to OpenCC's standard form first, then to Simplified. Iterate so that
    // a chain of entries ends where it must: folding twice changes nothing.
    let folded = simplify(variants.get(char) ?? char);
    for (let step = 0; step < 4; step += 1) {
      const next = simplify(variants.get(folded) ?? folded);
      if (next === folded) break;
      folded = next;
    }
    if (folded !== char) table.set(char, folded);
  }
  traditionalToSimplified = table;
  return table;
}

const COMBINING_MARK = /\p{M}/gu;
const LATIN_WITH_MARKS = /^\p{Script=Latin}/u;

const foldedCodePoints = new Map<string, string>();

/** foldCodePoint: the folded form of one code point (empty for a lone combining mark). */
export function foldCodePoint(codePoint: string): string {
  const known = foldedCodePoints.get(codePoint);
  if (known !== undefined) return known;
  let folded = codePoint.normalize('NFKC').toLowerCase();
  if (LATIN_WITH_MARKS.test(folded) || COMBINING_MARK.test(folded)) {
    COMBINING_MARK.lastIndex = 0;
    folded = folded.normalize('NFD').replace(COMBINING_MARK, '').normalize('NFC');
  }
  const table = chineseTable();
  folded = Array.from(folded, (char) => table.get(char) ?? char).join('');
  foldedCodePoints.set(codePoint, folded);
  return folded;
}

/** BMP code unit → its folded code unit; 0 not yet known, MULTIPLE when it folds to ≠ 1 unit. */
const foldedUnits = new Uint16Array(0x10000);
const MULTIPLE = 0xffff;

function foldUnit(code: number): number {
  let folded = foldedUnits[code]!;
  if (folded === 0) {
    const text = foldCodePoint(String.fromCharCode(code));
    folded = text.length === 1 && text.charCodeAt(0) !== MULTIPLE ? text.charCodeAt(0) : MULTIPLE;
    foldedUnits[code] = folded;
  }
  return folded;
}

const utf16 = new TextDecoder('utf-16le');

/** A growable buffer of UTF-16 code units that folding writes into, reused from text to text. */
export class FoldBuffer {
  units: Uint16Array;
  length = 0;

  constructor(capacity = 4096) {
    this.units = new Uint16Array(capacity);
  }

  /** reserve: room for `extra` more units after `length`. */
  reserve(extra: number): void {
    if (this.length + extra <= this.units.length) return;
    const grown = new Uint16Array(Math.max(2 * this.units.length, this.length + extra));
    grown.set(this.units.subarray(0, this.length));
    this.units = grown;
  }

  /** push: one code unit, with room reserved. */
  push(unit: number): void {
    this.units[this.length++] = unit;
  }
}

/** foldInto: appends the folded form of `text` to `out` (see the top of this file). */
export function foldInto(text: string, out: FoldBuffer): void {
  // Ingest folds every article, so this is the hot path: a table of single code units, and
  // foldCodePoint only for surrogate pairs and the few characters that fold to more or less.
  out.reserve(text.length);
  let units = out.units;
  let length = out.length;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    const folded = code >= 0xd800 && code <= 0xdfff ? MULTIPLE : foldUnit(code);
    if (folded !== MULTIPLE) {
      units[length++] = folded;
      continue;
    }
    const codePoint = String.fromCodePoint(text.codePointAt(index)!);
    const replacement = foldCodePoint(codePoint);
    out.length = length;
    out.reserve(replacement.length + text.length - index);
    units = out.units;
    for (let unit = 0; unit < replacement.length; unit += 1) {
      units[length++] = replacement.charCodeAt(unit);
    }
    index += codePoint.length - 1;
  }
  out.length = length;
}

/** foldText: the folded form of a text (see the top of this file). */
export function foldText(text: string): string {
  const buffer = new FoldBuffer(text.length + 16);
  foldInto(text, buffer);
  return utf16.decode(buffer.units.subarray(0, buffer.length));
}

export interface FoldedText {
  text: string;
  /**
   * `offsets[i]` is where, in the original, the code point that gave folded character `i` starts;
   * `offsets[text.length]` is the original's length. A match at folded [start, end) is the
   * original's [offsets[start], offsets[end]).
   */
  offsets: Uint32Array;
}

/** foldWithOffsets: the folded text and where each of its characters came from. */
export function foldWithOffsets(text: string): FoldedText {
  const offsets: number[] = [];
  let out = '';
  for (let index = 0; index < text.length;) {
    const codePoint = String.fromCodePoint(text.codePointAt(index)!);
    const folded = foldCodePoint(codePoint);
    for (let unit = 0; unit < folded.length; unit += 1) offsets.push(index);
    out += folded;
    index += codePoint.length;
  }
  offsets.push(text.length);
  return { text: out, offsets: Uint32Array.from(offsets) };
}
