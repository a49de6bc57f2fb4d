import { KeyCollector } from './collect-keys';
import {
  DEFAULT_LAYOUT,
  layOutIndexFiles,
  type IndexLayout,
  type SearchIndexFiles,
} from './index-files';

/** What the index reads of an article: its title and the plain text of its body. */
export interface SearchDocument {
  title: string;
  text: string;
}

/**
 * A change of the indexed documents, as a rebuild of a growing archive sees it: every current row
 * either keeps its document at a new row (rows shift as articles are added and removed) or loses
 * it, and new documents take the rows left free.
 */
export interface IndexChange {
  /** For each current row, its row after the change, or -1 when its document is removed. */
  rowMap: Int32Array;
  /** Documents to index, at their rows after the change: new articles, and edited ones again. */
  added: readonly { row: number; document: SearchDocument }[];
}

export class IndexStateError extends Error {}

/** Written first in a saved state; bump when the keys of a text or the format change. */
const STATE_MAGIC = 0x43_53_49_31;
const STATE_VERSION = 1;
const HEADER_WORDS = 6;

const GAPS = 0;
const BITMAP = 1;
const BASE64 = new TextEncoder().encode(
  'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/',
);
const ascii = new TextDecoder('latin1');
const utf8 = new TextDecoder();

const varintLength = (value: number) =>
  value < 128 ? 1 : value < 16384 ? 2 : value < 2097152 ? 3 : value < 268435456 ? 4 : 5;

/** A growable byte buffer of varint gaps. */
class GapWriter {
  bytes: Uint8Array;
  length = 0;

  constructor(capacity: number) {
    this.bytes = new Uint8Array(Math.max(16, capacity));
  }

  /** reserve: room for `extra` more bytes. */
  reserve(extra: number): void {
    if (this.length + extra <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(2 * this.bytes.length, this.length + extra));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }

  varint(value: number): void {
    this.reserve(5);
    while (value >= 128) {
      this.bytes[this.length++] = (value & 127) | 128;
      value >>>= 7;
    }
    this.bytes[this.length++] = value;
  }
}

/**
 * SearchIndexState: the whole index as sorted keys and each key's rows (varint gaps, as
 * postings.ts encodes them, in one byte array), from which files() writes the index. A rebuild
 * loads the state saved by the last one and updates it with what changed, re-reading no text but
 * the added documents'; the files are the same bytes as a full build of the resulting documents
 * (index-state.test.ts holds both to a straightforward reference builder).
 */
export class SearchIndexState {
  private constructor(
    /** How many documents (rows) the index covers. */
    readonly documents: number,
    /** Every key, ascending by UTF-16 code units. */
    private readonly keys: string[],
    /** Key i's gaps are gaps[offsets[i], offsets[i + 1]). */
    private readonly offsets: Uint32Array,
    private readonly lastRows: Int32Array,
    private readonly gaps: Uint8Array,
  ) {}

  get keyCount(): number {
    return this.keys.length;
  }

  /** build: the state of the documents, the i-th being row i. */
  static build(documents: Iterable<SearchDocument>): SearchIndexState {
    const collector = new KeyCollector();
    let row = 0;
    for (const document of documents) collector.add(document.title, document.text, row++);
    return SearchIndexState.collected(collector, row);
  }

  private static collected(collector: KeyCollector, documents: number): SearchIndexState {
    const count = collector.keys;
    // Sorting strings without a comparator is V8's fast path; the key id rides along after a
    // NUL, which no key holds and which sorts before every character a key can continue with.
    const tagged = new Array<string>(count);
    for (let key = 0; key < count; key += 1) {
      tagged[key] = `${collector.keyText(key)}\0${String.fromCharCode(key >>> 16, key & 0xffff)}`;
    }
    tagged.sort();
    const keys = new Array<string>(count);
    const order = new Int32Array(count);
    const offsets = new Uint32Array(count + 1);
    const lastRows = new Int32Array(count);
    for (let index = 0; index < count; index += 1) {
      const text = tagged[index]!;
      const key = (text.charCodeAt(text.length - 2) << 16) | text.charCodeAt(text.length - 1);
      keys[index] = text.slice(0, text.length - 3);
      order[index] = key;
      offsets[index + 1] = offsets[index]! + collector.gapBytes(key);
      lastRows[index] = collector.lastRow(key);
    }
    const gaps = new Uint8Array(offsets[count]!);
    for (let index = 0; index < count; index += 1) {
      collector.copyGaps(order[index]!, gaps, offsets[index]!);
    }
    return new SearchIndexState(documents, keys, offsets, lastRows, gaps);
  }

  /** files: the index's files, byte for byte those of a full build of the same documents. */
  files(layout: IndexLayout = DEFAULT_LAYOUT): SearchIndexFiles {
    const texts = new Array<string>(this.keys.length);
    let bytes = new Uint8Array(1024);
    let base64 = new Uint8Array(1368);
    for (let index = 0; index < this.keys.length; index += 1) {
      const start = this.offsets[index]!;
      const end = this.offsets[index + 1]!;
      const needed = Math.max(end - start + 1, 11 + Math.ceil((this.lastRows[index]! + 1) / 8));
      if (needed > bytes.length) {
        bytes = new Uint8Array(2 * needed);
        base64 = new Uint8Array(4 * Math.ceil(bytes.length / 3));
      }
      const length = this.encode(index, bytes);
      texts[index] = ascii.decode(base64.subarray(0, toBase64(bytes, length, base64)));
    }
    return layOutIndexFiles(this.keys, texts, layout);
  }

  /** encode: key `index`'s postings into `out` as postings.ts encodes them; their length. */
  private encode(index: number, out: Uint8Array): number {
    const gaps = this.gaps;
    const start = this.offsets[index]!;
    const end = this.offsets[index + 1]!;
    let first = 0;
    for (let position = start, shift = 0; ; shift += 7) {
      const byte = gaps[position++]!;
      first += (byte & 127) * 2 ** shift;
      if (byte < 128) break;
    }
    const span = this.lastRows[index]! - first + 1;
    const header = 1 + varintLength(first) + varintLength(span);
    const bitmapLength = header + Math.ceil(span / 8);
    if (bitmapLength >= end - start + 1) {
      out[0] = GAPS;
      out.set(gaps.subarray(start, end), 1);
      return end - start + 1;
    }
    out.fill(0, 0, bitmapLength);
    out[0] = BITMAP;
    let at = writeVarint(out, 1, first);
    at = writeVarint(out, at, span);
    let row = -1;
    for (let position = start; position < end;) {
      let gap = 0;
      for (let shift = 0; ; shift += 7) {
        const byte = gaps[position++]!;
        gap += (byte & 127) * 2 ** shift;
        if (byte < 128) break;
      }
      row += gap + 1;
      const bit = row - first;
      out[at + (bit >>> 3)]! |= 1 << (bit & 7);
    }
    return bitmapLength;
  }

  /**
   * update: the state after `change`, tokenizing only the added documents. Throws an
   * IndexStateError when the change does not fit the state (a row map of the wrong length, rows
   * out of order, or rows after the change left empty or taken twice).
   */
  update(change: IndexChange): SearchIndexState {
    const { rowMap, added } = change;
    if (rowMap.length !== this.documents) {
      throw new IndexStateError(`row map of ${rowMap.length} rows for ${this.documents}`);
    }
    let kept = 0;
    let previous = -1;
    for (const row of rowMap) {
      if (row < 0) continue;
      if (row <= previous) throw new IndexStateError('kept rows must stay in order');
      previous = row;
      kept += 1;
    }
    const documents = kept + added.length;
    const taken = new Uint8Array(documents);
    for (const row of rowMap) if (row >= 0 && row < documents) taken[row] = 1;
    for (const { row } of added) {
      if (!Number.isInteger(row) || row < 0 || row >= documents || taken[row]) {
        throw new IndexStateError(`row ${row} is taken or out of range`);
      }
      taken[row] = 1;
    }
    if (previous >= documents) throw new IndexStateError(`row ${previous} is out of range`);

    const collector = new KeyCollector();
    for (const { row, document } of [...added].sort((a, b) => a.row - b.row)) {
      collector.add(document.title, document.text, row);
    }
    const fresh = SearchIndexState.collected(collector, documents);
    return this.merged(rowMap, fresh);
  }

  /** merged: this state's keys with rows renumbered by `rowMap`, and the keys of `fresh`. */
  private merged(rowMap: Int32Array, fresh: SearchIndexState): SearchIndexState {
    const keys: string[] = [];
    const offsets: number[] = [0];
    const lastRows: number[] = [];
    const out = new GapWriter(this.gaps.length + fresh.gaps.length + 1024);
    const freshRows = new GapReader(fresh.gaps);
    let addedRows: Int32Array = new Int32Array(64);
    let freshIndex = 0;
    const take = (key: string, lastRow: number) => {
      if (lastRow < 0) {
        out.length = offsets[offsets.length - 1]!;
        return;
      }
      keys.push(key);
      offsets.push(out.length);
      lastRows.push(lastRow);
    };
    for (let index = 0; index <= this.keys.length; index += 1) {
      const key = index < this.keys.length ? this.keys[index]! : null;
      while (freshIndex < fresh.keys.length && (key === null || fresh.keys[freshIndex]! < key)) {
        freshRows.reset(fresh.offsets[freshIndex]!, fresh.offsets[freshIndex + 1]!);
        let last = -1;
        for (let row = freshRows.next(); row >= 0; row = freshRows.next()) {
          out.varint(row - last - 1);
          last = row;
        }
        take(fresh.keys[freshIndex]!, last);
        freshIndex += 1;
      }
      if (key === null) break;
      let added = 0;
      if (freshIndex < fresh.keys.length && fresh.keys[freshIndex] === key) {
        freshRows.reset(fresh.offsets[freshIndex]!, fresh.offsets[freshIndex + 1]!);
        for (let row = freshRows.next(); row >= 0; row = freshRows.next()) {
          if (added === addedRows.length) addedRows = grown(addedRows);
          addedRows[added++] = row;
        }
        freshIndex += 1;
      }
      const start = this.offsets[index]!;
      const end = this.offsets[index + 1]!;
      take(key, remapGaps(this.gaps, start, end, rowMap, addedRows, added, out));
    }
    return new SearchIndexState(
      fresh.documents,
      keys,
      Uint32Array.from(offsets),
      Int32Array.from(lastRows),
      out.bytes.slice(0, out.length),
    );
  }

  /** save: the state as bytes for load(). */
  save(): Uint8Array {
    const keyBytes = new TextEncoder().encode(this.keys.join('\n'));
    const keysEnd = HEADER_WORDS * 4 + keyBytes.length;
    const offsetsAt = keysEnd + ((4 - (keysEnd % 4)) % 4);
    const lastRowsAt = offsetsAt + 4 * this.offsets.length;
    const gapsAt = lastRowsAt + 4 * this.lastRows.length;
    const out = new Uint8Array(gapsAt + this.gaps.length);
    new Uint32Array(out.buffer, 0, HEADER_WORDS).set([
      STATE_MAGIC,
      STATE_VERSION,
      this.documents,
      this.keys.length,
      keyBytes.length,
      this.gaps.length,
    ]);
    out.set(keyBytes, HEADER_WORDS * 4);
    new Uint32Array(out.buffer, offsetsAt, this.offsets.length).set(this.offsets);
    new Int32Array(out.buffer, lastRowsAt, this.lastRows.length).set(this.lastRows);
    out.set(this.gaps, gapsAt);
    return out;
  }

  /** load: a state from save()'s bytes, or an IndexStateError if they are not one of this version. */
  static load(bytes: Uint8Array): SearchIndexState {
    if (bytes.length < HEADER_WORDS * 4) throw new IndexStateError('index state too short');
    const header = new Uint32Array(copyOf(bytes, 0, HEADER_WORDS * 4));
    const [magic, version, documents, keyCount, keyBytes, gapBytes] = header as unknown as number[];
    if (magic !== STATE_MAGIC || version !== STATE_VERSION) {
      throw new IndexStateError('not an index state of this version');
    }
    const keysEnd = HEADER_WORDS * 4 + keyBytes!;
    const offsetsAt = keysEnd + ((4 - (keysEnd % 4)) % 4);
    const lastRowsAt = offsetsAt + 4 * (keyCount! + 1);
    const gapsAt = lastRowsAt + 4 * keyCount!;
    if (bytes.length !== gapsAt + gapBytes!)
      throw new IndexStateError('index state of the wrong size');
    const keysText = utf8.decode(bytes.subarray(HEADER_WORDS * 4, keysEnd));
    const keys = keyCount === 0 ? [] : keysText.split('\n');
    if (keys.length !== keyCount) throw new IndexStateError('index state keys do not match');
    return new SearchIndexState(
      documents!,
      keys,
      new Uint32Array(copyOf(bytes, offsetsAt, lastRowsAt)),
      new Int32Array(copyOf(bytes, lastRowsAt, gapsAt)),
      new Uint8Array(copyOf(bytes, gapsAt, bytes.length)),
    );
  }
}

/**
 * copyOf: bytes[start, end) in a buffer of their own, aligned for any typed array. Not slice():
 * a Node Buffer's slice is a view into the file's buffer.
 */
function copyOf(bytes: Uint8Array, start: number, end: number): ArrayBuffer {
  return new Uint8Array(bytes.subarray(start, end)).buffer;
}

/** Reads ascending rows back from varint gaps; next() is -1 at the end. */
class GapReader {
  private position = 0;
  private end = 0;
  private row = -1;

  constructor(private readonly gaps: Uint8Array) {}

  reset(start: number, end: number): void {
    this.position = start;
    this.end = end;
    this.row = -1;
  }

  next(): number {
    if (this.position >= this.end) return -1;
    let gap = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = this.gaps[this.position++]!;
      gap += (byte & 127) * 2 ** shift;
      if (byte < 128) break;
    }
    this.row += gap + 1;
    return this.row;
  }
}

/**
 * remapGaps: the rows in gaps[start, end) renumbered by `rowMap` (−1 drops a row), merged with
 * the first `count` of the ascending `added` rows, appended to `out` as gaps; the last row, or −1
 * when none is left. Every key of an update takes this path, so it reads and writes inline.
 */
function remapGaps(
  gaps: Uint8Array,
  start: number,
  end: number,
  rowMap: Int32Array,
  added: Int32Array,
  count: number,
  out: GapWriter,
): number {
  out.reserve(5 * (count + 1));
  let bytes = out.bytes;
  let length = out.length;
  let oldRow = -1;
  let last = -1;
  let next = 0;
  for (let position = start; position < end || next < count;) {
    let row: number;
    if (position < end) {
      let gap = 0;
      for (let shift = 0; ; shift += 7) {
        const byte = gaps[position++]!;
        gap += (byte & 127) * 2 ** shift;
        if (byte < 128) break;
      }
      oldRow += gap + 1;
      row = rowMap[oldRow]!;
      if (row < 0) continue;
    } else row = 0x7fffffff;
    while (next < count && added[next]! < row) {
      let value = added[next]! - last - 1;
      last = added[next++]!;
      while (value >= 128) {
        bytes[length++] = (value & 127) | 128;
        value >>>= 7;
      }
      bytes[length++] = value;
    }
    if (row === 0x7fffffff) break;
    if (length + 5 > bytes.length) {
      out.length = length;
      out.reserve(5 * (count - next + 1));
      bytes = out.bytes;
    }
    let value = row - last - 1;
    last = row;
    while (value >= 128) {
      bytes[length++] = (value & 127) | 128;
      value >>>= 7;
    }
    bytes[length++] = value;
  }
  out.length = length;
  return last;
}

function grown(rows: Int32Array): Int32Array {
  const larger = new Int32Array(2 * rows.length);
  larger.set(rows);
  return larger;
}

function writeVarint(out: Uint8Array, at: number, value: number): number {
  while (value >= 128) {
    out[at++] = (value & 127) | 128;
    value = Math.floor(value / 128);
  }
  out[at++] = value;
  return at;
}

/** toBase64: bytes[0, length) as base64 ASCII codes into `out` (standard, padded); their count. */
function toBase64(bytes: Uint8Array, length: number, out: Uint8Array): number {
  let at = 0;
  let index = 0;
  for (; index + 2 < length; index += 3) {
    const n = (bytes[index]! << 16) | (bytes[index + 1]! << 8) | bytes[index + 2]!;
    out[at++] = BASE64[n >> 18]!;
    out[at++] = BASE64[(n >> 12) & 63]!;
    out[at++] = BASE64[(n >> 6) & 63]!;
    out[at++] = BASE64[n & 63]!;
  }
  const rest = length - index;
  if (rest > 0) {
    const n = (bytes[index]! << 16) | (rest === 2 ? bytes[index + 1]! << 8 : 0);
    out[at++] = BASE64[n >> 18]!;
    out[at++] = BASE64[(n >> 12) & 63]!;
    out[at++] = rest === 2 ? BASE64[(n >> 6) & 63]! : 61;
    out[at++] = 61;
  }
  return at;
}
