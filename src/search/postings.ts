import { base64ToBytes, bytesToBase64, ColumnDecodeError } from '../manifest/column-codec';

/**
 * Postings: the rows (list positions, ascending) that contain a key. Stored as whichever is
 * smaller: a list of varint gaps, or a bitmap of the rows between the first and the last. A key in
 * nearly every article (a common character pair) costs at most one bit per article, so no key's
 * postings exceed an eighth of a byte per article, however common it is.
 */

const GAPS = 0;
const BITMAP = 1;

function pushVarint(bytes: number[], value: number): void {
  while (value >= 128) {
    bytes.push((value & 127) | 128);
    value >>>= 7;
  }
  bytes.push(value);
}

/**
 * PostingsBuilder: collects rows key by key while the index is built, as varint gaps in a growing
 * buffer, so a hundred million postings take about a hundred megabytes, not gigabytes of arrays.
 */
export class PostingsBuilder {
  private bytes = new Uint8Array(8);
  private length = 0;
  private last = -1;
  count = 0;

  /** add: a row, larger than any added before. */
  add(row: number): void {
    let gap = row - this.last - 1;
    this.last = row;
    this.count += 1;
    if (this.length + 5 > this.bytes.length) {
      const grown = new Uint8Array(this.bytes.length * 2);
      grown.set(this.bytes.subarray(0, this.length));
      this.bytes = grown;
    }
    while (gap >= 128) {
      this.bytes[this.length++] = (gap & 127) | 128;
      gap >>>= 7;
    }
    this.bytes[this.length++] = gap;
  }

  /** encode: the postings' bytes, as gaps or as a bitmap, whichever is smaller. */
  encode(): Uint8Array {
    const gaps = this.bytes.subarray(0, this.length);
    const rows = decodeGaps(gaps, 0);
    const first = rows[0] ?? 0;
    const span = this.last - first + 1;
    const header: number[] = [BITMAP];
    pushVarint(header, first);
    pushVarint(header, span);
    const bitmapLength = header.length + Math.ceil(span / 8);
    if (bitmapLength >= gaps.length + 1) {
      const out = new Uint8Array(gaps.length + 1);
      out[0] = GAPS;
      out.set(gaps, 1);
      return out;
    }
    const out = new Uint8Array(bitmapLength);
    out.set(header);
    for (const row of rows) {
      const bit = row - first;
      out[header.length + (bit >>> 3)]! |= 1 << (bit & 7);
    }
    return out;
  }
}

function decodeGaps(bytes: Uint8Array, start: number): Uint32Array {
  let count = 0;
  for (let index = start; index < bytes.length; index += 1) if (bytes[index]! < 128) count += 1;
  const rows = new Uint32Array(count);
  let row = -1;
  let position = start;
  for (let index = 0; index < count; index += 1) {
    let gap = 0;
    let shift = 0;
    for (;;) {
      const byte = bytes[position++]!;
      gap |= (byte & 127) << shift;
      if (byte < 128) break;
      shift += 7;
    }
    row += gap + 1;
    rows[index] = row;
  }
  if (position !== bytes.length) throw new ColumnDecodeError('postings end inside a number');
  return rows;
}

function readVarint(bytes: Uint8Array, position: number): [value: number, next: number] {
  let value = 0;
  let shift = 0;
  for (;;) {
    if (position >= bytes.length) throw new ColumnDecodeError('postings end early');
    const byte = bytes[position++]!;
    value += (byte & 127) * 2 ** shift;
    if (byte < 128) return [value, position];
    shift += 7;
  }
}

/** decodePostings: the ascending rows of encoded postings, or a ColumnDecodeError. */
export function decodePostings(bytes: Uint8Array): Uint32Array {
  if (bytes[0] === GAPS) return decodeGaps(bytes, 1);
  if (bytes[0] !== BITMAP) throw new ColumnDecodeError('postings of an unknown kind');
  const [first, afterFirst] = readVarint(bytes, 1);
  const [span, start] = readVarint(bytes, afterFirst);
  if (bytes.length - start !== Math.ceil(span / 8)) {
    throw new ColumnDecodeError('bitmap postings of the wrong length');
  }
  const rows: number[] = [];
  for (let bit = 0; bit < span; bit += 1) {
    if (bytes[start + (bit >>> 3)]! & (1 << (bit & 7))) rows.push(first + bit);
  }
  return Uint32Array.from(rows);
}

export const postingsToText = bytesToBase64;
export const postingsFromText = (text: string) => decodePostings(base64ToBytes(text));

/** intersect: the rows in both ascending lists. */
export function intersect(a: Uint32Array, b: Uint32Array): Uint32Array {
  const out = new Uint32Array(Math.min(a.length, b.length));
  let length = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i]! < b[j]!) i += 1;
    else if (a[i]! > b[j]!) j += 1;
    else {
      out[length++] = a[i]!;
      i += 1;
      j += 1;
    }
  }
  return out.slice(0, length);
}

/** subtract: the rows of `a` not in `b`. */
export function subtract(a: Uint32Array, b: Uint32Array): Uint32Array {
  const out = new Uint32Array(a.length);
  let length = 0;
  let j = 0;
  for (let i = 0; i < a.length; i += 1) {
    while (j < b.length && b[j]! < a[i]!) j += 1;
    if (j >= b.length || b[j] !== a[i]) out[length++] = a[i]!;
  }
  return out.slice(0, length);
}

/** contains: whether an ascending list holds `row`. */
export function contains(rows: Uint32Array, row: number): boolean {
  let low = 0;
  let high = rows.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (rows[middle]! < row) low = middle + 1;
    else high = middle;
  }
  return rows[low] === row;
}
