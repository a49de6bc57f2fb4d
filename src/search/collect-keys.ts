import { FoldBuffer, foldInto } from './fold';
import * as tokenize from './tokenize';

// Bound once: a loader that compiles modules to CommonJS (tsx, as ingest runs) turns every use of
// an imported name into a property read through a getter, which the scan loop would pay per unit.
const { codePointClass, HAN, SEPARATOR, stemWord, TITLE_PREFIX, unitClass, WORD } = tokenize;

/**
 * KeyCollector: the keys of documents and the rows that contain each, as forEachIndexKey
 * (tokenize.ts) defines them, at ingest's pace. Each document is folded into one reused buffer and
 * scanned once; units and keys are numbers, not strings:
 * - a Chinese character's unit is its code point; a word's is WORD_UNITS + the index of its stem,
 *   found from the word's code units by a hash table, so a word seen before costs no string;
 * - a key is (title?, unit, second unit or NO_UNIT), interned by an open-addressing table whose
 *   slots also hold the last row that had the key, so a key repeated in a document costs a lookup;
 * - a key's rows are varint gaps in slices of one byte pool (the slices of a key double in size and
 *   end in a pointer to the next), so postings cost about a byte each and no object per key.
 * Key strings are made once per distinct key, when the collection is read (keyText).
 */

/** Units at or above this are words; below, code points. */
const WORD_UNITS = 0x110000;
const NO_UNIT = -1;

/**
 * Key table slots: [title + 2 × unit, second unit, key id, last row, where its next byte goes,
 * its slice's end, its slice's level]: a posting touches the slot and the pool, nothing else.
 */
const SLOT = 8;
const KEY = 2;
const LAST_ROW = 3;
const WRITE = 4;
const SLICE_END = 5;
const LEVEL = 6;
const EMPTY = -1;

/** Pool slices: data bytes by level, then 4 bytes pointing to the next slice. */
const SLICE_SIZES = [5, 10, 22, 46, 94, 190, 382, 766, 1534, 4092, 16380, 65532];
const POINTER = 4;

function mix(a: number, b: number): number {
  let hash = Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca77);
  hash ^= hash >>> 15;
  hash = Math.imul(hash, 0x2c1b3c6d);
  return hash ^ (hash >>> 13);
}

export class KeyCollector {
  private readonly buffer = new FoldBuffer();

  /** Words: hash table of [hash, word index + 1] over the words' code units in wordUnits. */
  private wordSlots = new Int32Array(1 << 12);
  private wordStart = new Int32Array(1 << 11);
  private wordLength = new Int32Array(1 << 11);
  private wordUnit = new Int32Array(1 << 11);
  private wordUnits = new Uint16Array(1 << 14);
  private wordUnitsLength = 0;
  private words = 0;
  private readonly stemIndex = new Map<string, number>();
  private readonly stems: string[] = [];

  private slots = new Int32Array((1 << 12) * SLOT).fill(EMPTY);
  private keyCount = 0;
  private keyFirst = new Int32Array(1 << 13);
  private keySecond = new Int32Array(1 << 13);

  /** Per key: where its slices start; and, once settled, its slots' last row, write and end. */
  private head = new Int32Array(1 << 13);
  private write = new Int32Array(0);
  private sliceEnd = new Int32Array(0);
  private lastRowOf = new Int32Array(0);
  private settled = true;
  private pool = new Uint8Array(1 << 16);
  private poolLength = 0;

  get keys(): number {
    return this.keyCount;
  }

  /** add: a document's keys, for `row`, larger than every row added before. */
  add(title: string, text: string, row: number): void {
    const buffer = this.buffer;
    buffer.length = 0;
    foldInto(title, buffer);
    const titleLength = buffer.length;
    // The title is part of the text too, so a query across title and body terms finds the article.
    buffer.reserve(1);
    buffer.push(10);
    foldInto(text, buffer);
    this.scan(buffer.length, 0, row);
    this.scan(titleLength, 1, row);
  }

  /** scan: the keys of the buffer's first `length` units, as a title (1) or not (0). */
  private scan(length: number, title: number, row: number): void {
    const units = this.buffer.units;
    let previous = NO_UNIT;
    let detached = true;
    for (let index = 0; index < length;) {
      const code = units[index]!;
      let charClass: number;
      let codePoint = code;
      let size = 1;
      if (code >= 0xd800 && code <= 0xdbff && index + 1 < length) {
        const low = units[index + 1]!;
        if (low >= 0xdc00 && low <= 0xdfff) {
          codePoint = (code - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
          size = 2;
          charClass = codePointClass(codePoint);
        } else charClass = unitClass(code);
      } else charClass = unitClass(code);

      let unit: number;
      if (charClass === HAN) {
        unit = codePoint;
        if (title) this.addKey(title, unit, NO_UNIT, row);
        index += size;
      } else if (charClass === WORD) {
        const start = index;
        let hash = 0x811c9dc5;
        index += size;
        for (let unitIndex = start; unitIndex < index; unitIndex += 1) {
          hash = Math.imul(hash ^ units[unitIndex]!, 0x01000193);
        }
        while (index < length) {
          const next = units[index]!;
          let nextClass: number;
          let nextSize = 1;
          if (next >= 0xd800 && next <= 0xdbff && index + 1 < length) {
            const low = units[index + 1]!;
            if (low >= 0xdc00 && low <= 0xdfff) {
              nextSize = 2;
              nextClass = codePointClass((next - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000);
            } else nextClass = unitClass(next);
          } else nextClass = unitClass(next);
          if (nextClass !== WORD) break;
          hash = Math.imul(hash ^ next, 0x01000193);
          if (nextSize === 2) hash = Math.imul(hash ^ units[index + 1]!, 0x01000193);
          index += nextSize;
        }
        unit = this.wordUnitOf(units, start, index, hash);
        this.addKey(title, unit, NO_UNIT, row);
      } else {
        if (charClass === SEPARATOR) detached = true;
        index += size;
        continue;
      }
      if (previous !== NO_UNIT && !detached) this.addKey(title, previous, unit, row);
      previous = unit;
      detached = false;
    }
  }

  /** wordUnitOf: the unit of the word in units[start, end), whose FNV-1a hash is `hash`. */
  private wordUnitOf(units: Uint16Array, start: number, end: number, hash: number): number {
    const length = end - start;
    let mask = this.wordSlots.length / 2 - 1;
    let slot = (hash ^ (hash >>> 16)) & mask;
    for (;;) {
      const entry = this.wordSlots[2 * slot + 1]!;
      if (entry === 0) break;
      if (this.wordSlots[2 * slot] === hash && this.wordLength[entry - 1] === length) {
        const at = this.wordStart[entry - 1]!;
        let same = true;
        for (let offset = 0; offset < length; offset += 1) {
          if (this.wordUnits[at + offset] !== units[start + offset]) {
            same = false;
            break;
          }
        }
        if (same) return this.wordUnit[entry - 1]!;
      }
      slot = (slot + 1) & mask;
    }

    const word = this.words;
    if (word === this.wordStart.length) {
      this.wordStart = grow(this.wordStart);
      this.wordLength = grow(this.wordLength);
      this.wordUnit = grow(this.wordUnit);
    }
    if (this.wordUnitsLength + length > this.wordUnits.length) {
      const grown = new Uint16Array(2 * (this.wordUnitsLength + length));
      grown.set(this.wordUnits);
      this.wordUnits = grown;
    }
    this.wordUnits.set(units.subarray(start, end), this.wordUnitsLength);
    const stem = stemWord(unitsToString(units, start, end));
    let stemIndex = this.stemIndex.get(stem);
    if (stemIndex === undefined) {
      stemIndex = this.stems.length;
      this.stems.push(stem);
      this.stemIndex.set(stem, stemIndex);
    }
    this.wordStart[word] = this.wordUnitsLength;
    this.wordLength[word] = length;
    this.wordUnit[word] = WORD_UNITS + stemIndex;
    this.wordUnitsLength += length;
    this.words = word + 1;
    this.wordSlots[2 * slot] = hash;
    this.wordSlots[2 * slot + 1] = word + 1;

    if (2 * this.words > mask) {
      const old = this.wordSlots;
      this.wordSlots = new Int32Array(2 * old.length);
      mask = this.wordSlots.length / 2 - 1;
      for (let index = 0; index < old.length; index += 2) {
        if (old[index + 1] === 0) continue;
        let moved = (old[index]! ^ (old[index]! >>> 16)) & mask;
        while (this.wordSlots[2 * moved + 1] !== 0) moved = (moved + 1) & mask;
        this.wordSlots[2 * moved] = old[index]!;
        this.wordSlots[2 * moved + 1] = old[index + 1]!;
      }
    }
    return WORD_UNITS + stemIndex;
  }

  /** addKey: `row` to the key (title, first, second), interning the key when it is new. */
  private addKey(title: number, first: number, second: number, row: number): void {
    const slots = this.slots;
    const mask = slots.length / SLOT - 1;
    const tagged = 2 * first + title;
    let slot = mix(tagged, second) & mask;
    for (;;) {
      const at = slot * SLOT;
      const stored = slots[at]!;
      if (stored === tagged && slots[at + 1] === second) {
        if (slots[at + LAST_ROW] !== row) this.appendRow(at, row);
        return;
      }
      if (stored === EMPTY) {
        this.newKey(at, tagged, second);
        this.appendRow(at, row);
        if (2 * this.keyCount > mask) this.growSlots();
        return;
      }
      slot = (slot + 1) & mask;
    }
  }

  private newKey(at: number, tagged: number, second: number): void {
    const key = this.keyCount;
    if (key === this.keyFirst.length) {
      this.keyFirst = grow(this.keyFirst);
      this.keySecond = grow(this.keySecond);
      this.head = grow(this.head);
    }
    this.keyFirst[key] = tagged;
    this.keySecond[key] = second;
    const start = this.allocate(SLICE_SIZES[0]!);
    this.head[key] = start;
    this.keyCount = key + 1;
    const slots = this.slots;
    slots[at] = tagged;
    slots[at + 1] = second;
    slots[at + KEY] = key;
    slots[at + LAST_ROW] = -1;
    slots[at + WRITE] = start;
    slots[at + SLICE_END] = start + SLICE_SIZES[0]!;
    slots[at + LEVEL] = 0;
    this.settled = false;
  }

  private growSlots(): void {
    const old = this.slots;
    const slots = new Int32Array(2 * old.length).fill(EMPTY);
    const mask = slots.length / SLOT - 1;
    for (let at = 0; at < old.length; at += SLOT) {
      if (old[at] === EMPTY) continue;
      let slot = mix(old[at]!, old[at + 1]!) & mask;
      while (slots[slot * SLOT] !== EMPTY) slot = (slot + 1) & mask;
      slots.set(old.subarray(at, at + SLOT), slot * SLOT);
    }
    this.slots = slots;
  }

  private allocate(size: number): number {
    const start = this.poolLength;
    const end = start + size + POINTER;
    if (end > this.pool.length) {
      const grown = new Uint8Array(Math.max(2 * this.pool.length, end));
      grown.set(this.pool.subarray(0, this.poolLength));
      this.pool = grown;
    }
    this.poolLength = end;
    return start;
  }

  /** appendRow: `row` to the key in the slot at `at`, as a varint gap after its last row. */
  private appendRow(at: number, row: number): void {
    const slots = this.slots;
    let gap = row - slots[at + LAST_ROW]! - 1;
    slots[at + LAST_ROW] = row;
    let write = slots[at + WRITE]!;
    for (;;) {
      if (write === slots[at + SLICE_END]) write = this.nextSlice(at, write);
      if (gap < 128) {
        this.pool[write++] = gap;
        break;
      }
      this.pool[write++] = (gap & 127) | 128;
      gap >>>= 7;
    }
    slots[at + WRITE] = write;
    this.settled = false;
  }

  /** nextSlice: a new slice for the key in the slot at `at`, linked from the full one at `end`. */
  private nextSlice(at: number, end: number): number {
    const slots = this.slots;
    const level = Math.min(slots[at + LEVEL]! + 1, SLICE_SIZES.length - 1);
    const size = SLICE_SIZES[level]!;
    const start = this.allocate(size);
    const pool = this.pool;
    pool[end] = start & 255;
    pool[end + 1] = (start >>> 8) & 255;
    pool[end + 2] = (start >>> 16) & 255;
    pool[end + 3] = start >>> 24;
    slots[at + LEVEL] = level;
    slots[at + SLICE_END] = start + size;
    return start;
  }

  /** settle: each key's last row, write position and slice end, from the slots, for reading. */
  private settle(): void {
    if (this.settled) return;
    const count = this.keyCount;
    this.write = new Int32Array(count);
    this.sliceEnd = new Int32Array(count);
    this.lastRowOf = new Int32Array(count);
    const slots = this.slots;
    for (let at = 0; at < slots.length; at += SLOT) {
      if (slots[at] === EMPTY) continue;
      const key = slots[at + KEY]!;
      this.write[key] = slots[at + WRITE]!;
      this.sliceEnd[key] = slots[at + SLICE_END]!;
      this.lastRowOf[key] = slots[at + LAST_ROW]!;
    }
    this.settled = true;
  }

  /** keyText: the key's string, as tokenize.ts spells it. */
  keyText(key: number): string {
    const tagged = this.keyFirst[key]!;
    const first = tagged >>> 1;
    const second = this.keySecond[key]!;
    const prefix = tagged & 1 ? TITLE_PREFIX : '';
    if (second === NO_UNIT) return prefix + this.unitText(first);
    const joiner = first >= WORD_UNITS || second >= WORD_UNITS ? ' ' : '';
    return prefix + this.unitText(first) + joiner + this.unitText(second);
  }

  private unitText(unit: number): string {
    return unit >= WORD_UNITS ? this.stems[unit - WORD_UNITS]! : String.fromCodePoint(unit);
  }

  /** lastRow: the largest row that has the key. */
  lastRow(key: number): number {
    this.settle();
    return this.lastRowOf[key]!;
  }

  /** copyGaps: the key's rows as varint gaps (see postings.ts) into `out` at `at`; the end. */
  copyGaps(key: number, out: Uint8Array, at: number): number {
    this.settle();
    const pool = this.pool;
    const write = this.write[key]!;
    let position = this.head[key]!;
    let level = 0;
    let end = position + SLICE_SIZES[0]!;
    while (end !== this.sliceEnd[key] || position !== write) {
      if (position === end) {
        position =
          pool[end]! | (pool[end + 1]! << 8) | (pool[end + 2]! << 16) | (pool[end + 3]! << 24);
        level = Math.min(level + 1, SLICE_SIZES.length - 1);
        end = position + SLICE_SIZES[level]!;
        continue;
      }
      const stop = end === this.sliceEnd[key] ? write : end;
      out.set(pool.subarray(position, stop), at);
      at += stop - position;
      position = stop;
    }
    return at;
  }

  /** gapBytes: how many bytes the key's varint gaps take. */
  gapBytes(key: number): number {
    this.settle();
    let bytes = 0;
    const pool = this.pool;
    const write = this.write[key]!;
    let position = this.head[key]!;
    let level = 0;
    let end = position + SLICE_SIZES[0]!;
    while (end !== this.sliceEnd[key]) {
      bytes += end - position;
      position =
        pool[end]! | (pool[end + 1]! << 8) | (pool[end + 2]! << 16) | (pool[end + 3]! << 24);
      level = Math.min(level + 1, SLICE_SIZES.length - 1);
      end = position + SLICE_SIZES[level]!;
    }
    return bytes + write - position;
  }
}

/** unitsToString: units[start, end) as a string, a slice at a time for very long words. */
function unitsToString(units: Uint16Array, start: number, end: number): string {
  let text = '';
  for (let from = start; from < end; from += 4096) {
    text += String.fromCharCode(...units.subarray(from, Math.min(end, from + 4096)));
  }
  return text;
}

function grow<T extends Int32Array>(array: T): T {
  const grown = new (array.constructor as new (length: number) => T)(2 * array.length);
  grown.set(array);
  return grown;
}
