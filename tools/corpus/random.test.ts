import { describe, expect, it } from 'vitest';
import { Random, WeightedTable } from './random';

function draw(random: Random, count: number): number[] {
  return Array.from({ length: count }, () => random.nextUint32());
}

describe('Random', () => {
  it('repeats the same sequence for the same seed and stream', () => {
    expect(draw(new Random(1, 7), 100)).toEqual(draw(new Random(1, 7), 100));
  });

  it('gives unrelated sequences for neighbouring seeds and streams', () => {
    const base = draw(new Random(1, 7), 100);
    expect(draw(new Random(2, 7), 100)).not.toEqual(base);
    expect(draw(new Random(1, 8), 100)).not.toEqual(base);
    expect(draw(new Random(1 + 2 ** 32, 7), 100)).not.toEqual(base);
  });

  it('keeps int() within its bounds and reaches both ends', () => {
    const random = new Random(3, 0);
    const seen = new Set<number>();
    for (let index = 0; index < 2_000; index += 1) seen.add(random.int(-2, 2));
    expect([...seen].sort()).toEqual([-1, -2, 0, 1, 2].sort());
  });

  it('spreads next() evenly over [0, 1)', () => {
    const random = new Random(4, 0);
    const buckets = new Array<number>(10).fill(0);
    for (let index = 0; index < 20_000; index += 1) {
      buckets[Math.floor(random.next() * 10)]! += 1;
    }
    for (const bucket of buckets) expect(bucket).toBeGreaterThan(1_800);
  });
});

describe('WeightedTable', () => {
  it('picks indexes in proportion to their weights', () => {
    const table = new WeightedTable([1, 0, 3]);
    const random = new Random(5, 0);
    const counts = [0, 0, 0];
    for (let index = 0; index < 8_000; index += 1) counts[table.pick(random)]! += 1;
    expect(counts[1]).toBe(0);
    expect(counts[2]! / counts[0]!).toBeGreaterThan(2.6);
    expect(counts[2]! / counts[0]!).toBeLessThan(3.4);
  });

  it('refuses weights that sum to zero', () => {
    expect(() => new WeightedTable([0, 0])).toThrow(RangeError);
  });
});
