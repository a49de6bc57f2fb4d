import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base64ToBytes } from '../manifest/column-codec';
import {
  contains,
  decodePostings,
  intersect,
  PostingsBuilder,
  postingsFromText,
  postingsToText,
  subtract,
} from './postings';

const ascendingRows = fc
  .uniqueArray(fc.integer({ min: 0, max: 200_000 }), { maxLength: 400 })
  .map((rows) => Uint32Array.from(rows.sort((a, b) => a - b)));

function encode(rows: ArrayLike<number>): Uint8Array {
  const builder = new PostingsBuilder();
  for (let index = 0; index < rows.length; index += 1) builder.add(rows[index]!);
  return builder.encode();
}

describe('postings', () => {
  it('round-trips any ascending rows through bytes and base64', () => {
    fc.assert(
      fc.property(ascendingRows, (rows) => {
        expect([...decodePostings(encode(rows))]).toEqual([...rows]);
        expect([...postingsFromText(postingsToText(encode(rows)))]).toEqual([...rows]);
      }),
    );
  });

  it('stores sparse rows as gaps and dense rows as a bitmap of at most a bit per row', () => {
    const sparse = encode([5, 90_000]);
    expect(sparse[0]).toBe(0);
    const dense = Array.from({ length: 50_000 }, (_, index) => index * 2);
    const bytes = encode(dense);
    expect(bytes[0]).toBe(1);
    expect(bytes.length).toBeLessThanOrEqual(100_000 / 8 + 8);
  });

  it('rejects postings that are cut short or of an unknown kind', () => {
    const bytes = encode([1, 100_000]);
    expect(() => decodePostings(bytes.subarray(0, bytes.length - 1))).toThrow(/postings/);
    expect(() => decodePostings(Uint8Array.of(7, 1))).toThrow(/unknown kind/);
    expect(() =>
      decodePostings(base64ToBytes(postingsToText(encode(dense())).slice(0, -4))),
    ).toThrow();
  });

  it('intersects, subtracts and looks up like sets', () => {
    fc.assert(
      fc.property(ascendingRows, ascendingRows, (a, b) => {
        const inB = new Set(b);
        expect([...intersect(a, b)]).toEqual([...a].filter((row) => inB.has(row)));
        expect([...subtract(a, b)]).toEqual([...a].filter((row) => !inB.has(row)));
        for (const row of a) expect(contains(b, row)).toBe(inB.has(row));
      }),
    );
  });
});

function dense(): number[] {
  return Array.from({ length: 3000 }, (_, index) => index);
}
