/**
 * Compact encodings for the index columns: unsigned LEB128 varints in base64. Dates are stored as
 * differences between neighbours (the column is sorted), so most take one or two bytes, and the
 * whole index of 100,000 articles fits in a few hundred kilobytes before compression.
 */

const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BASE64_LOOKUP = new Uint8Array(128);
for (let index = 0; index < BASE64_ALPHABET.length; index += 1) {
  BASE64_LOOKUP[BASE64_ALPHABET.charCodeAt(index)] = index;
}

export class ColumnDecodeError extends Error {
  override readonly name = 'ColumnDecodeError';
}

export function bytesToBase64(bytes: Uint8Array): string {
  let out = '';
  let index = 0;
  for (; index + 2 < bytes.length; index += 3) {
    const n = (bytes[index]! << 16) | (bytes[index + 1]! << 8) | bytes[index + 2]!;
    out +=
      BASE64_ALPHABET[n >> 18]! +
      BASE64_ALPHABET[(n >> 12) & 63]! +
      BASE64_ALPHABET[(n >> 6) & 63]! +
      BASE64_ALPHABET[n & 63]!;
  }
  const rest = bytes.length - index;
  if (rest === 1) {
    const n = bytes[index]! << 16;
    out += `${BASE64_ALPHABET[n >> 18]!}${BASE64_ALPHABET[(n >> 12) & 63]!}==`;
  } else if (rest === 2) {
    const n = (bytes[index]! << 16) | (bytes[index + 1]! << 8);
    out += `${BASE64_ALPHABET[n >> 18]!}${BASE64_ALPHABET[(n >> 12) & 63]!}${BASE64_ALPHABET[(n >> 6) & 63]!}=`;
  }
  return out;
}

export function base64ToBytes(text: string): Uint8Array {
  if (text.length % 4 !== 0 || /[^A-Za-z0-9+/=]/.test(text)) {
    throw new ColumnDecodeError('column is not base64');
  }
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const bytes = new Uint8Array((text.length / 4) * 3 - padding);
  let out = 0;
  for (let index = 0; index < text.length; index += 4) {
    const n =
      (BASE64_LOOKUP[text.charCodeAt(index)]! << 18) |
      (BASE64_LOOKUP[text.charCodeAt(index + 1)]! << 12) |
      (BASE64_LOOKUP[text.charCodeAt(index + 2)]! << 6) |
      BASE64_LOOKUP[text.charCodeAt(index + 3)]!;
    if (out < bytes.length) bytes[out++] = n >> 16;
    if (out < bytes.length) bytes[out++] = (n >> 8) & 255;
    if (out < bytes.length) bytes[out++] = n & 255;
  }
  return bytes;
}

/** encodeUints: non-negative integers (below 2^53) as base64 varints. */
export function encodeUints(values: ArrayLike<number>): string {
  const bytes: number[] = [];
  for (let index = 0; index < values.length; index += 1) {
    let value = values[index]!;
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new RangeError(`cannot encode ${value}: not a non-negative safe integer`);
    }
    while (value >= 128) {
      bytes.push((value % 128) | 128);
      value = Math.floor(value / 128);
    }
    bytes.push(value);
  }
  return bytesToBase64(Uint8Array.from(bytes));
}

/** decodeUints: exactly `count` integers from base64 varints, or a ColumnDecodeError. */
export function decodeUints(text: string, count: number): Float64Array {
  const bytes = base64ToBytes(text);
  const values = new Float64Array(count);
  let position = 0;
  for (let index = 0; index < count; index += 1) {
    let value = 0;
    let scale = 1;
    for (;;) {
      if (position >= bytes.length) throw new ColumnDecodeError('column ends early');
      const byte = bytes[position++]!;
      value += (byte & 127) * scale;
      if (byte < 128) break;
      scale *= 128;
    }
    values[index] = value;
  }
  if (position !== bytes.length) throw new ColumnDecodeError('column has trailing bytes');
  return values;
}

/**
 * encodeDescendingDeltas: a column sorted from largest to smallest, stored as its first value and
 * the (non-negative) drops between neighbours.
 */
export function encodeDescendingDeltas(values: ArrayLike<number>): string {
  const deltas = new Float64Array(values.length);
  for (let index = 0; index < values.length; index += 1) {
    const drop = index === 0 ? values[0]! : values[index - 1]! - values[index]!;
    if (drop < 0) throw new RangeError(`column is not sorted descending at ${index}`);
    deltas[index] = drop;
  }
  return encodeUints(deltas);
}

/** decodeDescendingDeltas: the inverse of encodeDescendingDeltas. */
export function decodeDescendingDeltas(text: string, count: number): Float64Array {
  const values = decodeUints(text, count);
  for (let index = 1; index < count; index += 1)
    values[index] = values[index - 1]! - values[index]!;
  return values;
}
