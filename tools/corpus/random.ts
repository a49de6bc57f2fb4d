/**
 * Seeded randomness for the corpus generator. Output must be byte-identical for a seed on every
 * machine, so nothing here reads Math.random or the clock.
 */

/** splitmix32 step: spreads nearby seeds (1, 2, 3…) into unrelated 32-bit words. */
function mix32(value: number): number {
  let z = (value + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
  z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
  return (z ^ (z >>> 15)) >>> 0;
}

/**
 * Random: sfc32 (Chris Doty-Humphrey's Small Fast Counting generator) with helpers. Each
 * (seed, stream) pair is an independent sequence, so article `i` can be generated on its own.
 */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number, stream: number) {
    const low = seed >>> 0;
    const high = Math.floor(seed / 0x1_0000_0000) >>> 0;
    this.a = mix32(low ^ 0x5bd1e995);
    this.b = mix32(high ^ mix32(stream));
    this.c = mix32(stream ^ mix32(low));
    this.d = 1;
    // The first outputs of a freshly seeded sfc32 are still correlated with the seed.
    for (let round = 0; round < 12; round += 1) this.nextUint32();
  }

  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextUint32() / 0x1_0000_0000;
  }

  /** Uniform integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** Standard normal (Box–Muller). */
  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Lowercase hex of `length` digits, for image and link paths. */
  hex(length: number): string {
    let text = '';
    while (text.length < length) text += this.nextUint32().toString(16).padStart(8, '0');
    return text.slice(0, length);
  }
}

/** WeightedTable: picks an index with probability proportional to its weight (binary search). */
export class WeightedTable {
  private readonly cumulative: Float64Array;

  constructor(weights: ArrayLike<number>) {
    this.cumulative = new Float64Array(weights.length);
    let total = 0;
    for (let index = 0; index < weights.length; index += 1) {
      total += weights[index]!;
      this.cumulative[index] = total;
    }
    if (!(total > 0)) throw new RangeError('weights must have a positive sum');
  }

  pick(random: Random): number {
    const target = random.next() * this.cumulative[this.cumulative.length - 1]!;
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.cumulative[middle]! > target) high = middle;
      else low = middle + 1;
    }
    return low;
  }
}
