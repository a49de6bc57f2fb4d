import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ColumnDecodeError,
  decodeDescendingDeltas,
  decodeUints,
  encodeDescendingDeltas,
  encodeUints,
} from './column-codec';

describe('varint columns', () => {
  it('round-trips any non-negative safe integers', () => {
    fc.assert(
      fc.property(fc.array(fc.maxSafeNat(), { maxLength: 200 }), (values) => {
        expect([...decodeUints(encodeUints(values), values.length)]).toEqual(values);
      }),
    );
  });

  it('round-trips descending columns through their deltas', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 2 ** 31 }), { maxLength: 300 }), (raw) => {
        const values = [...raw].sort((a, b) => b - a);
        expect([...decodeDescendingDeltas(encodeDescendingDeltas(values), values.length)]).toEqual(
          values,
        );
      }),
    );
  });

  it('stores small numbers in one byte each', () => {
    const encoded = encodeUints([0, 1, 127, 5, 9, 100]);
    expect(encoded).toHaveLength(8); // 6 bytes → 8 base64 characters
    expect(Buffer.from(encoded, 'base64')).toEqual(Buffer.from([0, 1, 127, 5, 9, 100]));
  });

  it('agrees with Node’s base64 for multi-byte values', () => {
    const encoded = encodeUints([128, 300, 16_384]);
    expect(Buffer.from(encoded, 'base64')).toEqual(
      Buffer.from([0x80, 0x01, 0xac, 0x02, 0x80, 0x80, 0x01]),
    );
  });

  it('refuses negative, fractional and unsorted input', () => {
    expect(() => encodeUints([-1])).toThrow(RangeError);
    expect(() => encodeUints([1.5])).toThrow(RangeError);
    expect(() => encodeDescendingDeltas([1, 2])).toThrow(RangeError);
  });

  it('reports truncated, padded-out and non-base64 columns', () => {
    const encoded = encodeUints([300, 300]);
    expect(() => decodeUints(encoded, 3)).toThrow(ColumnDecodeError);
    expect(() => decodeUints(encoded, 1)).toThrow(ColumnDecodeError);
    expect(() => decodeUints('not base64!', 1)).toThrow(ColumnDecodeError);
  });
});
