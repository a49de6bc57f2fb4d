import { describe, expect, it } from 'vitest';
import { BenchOptionsInvalidError, DEFAULT_SIZES, parseBenchOptions } from './options';
import { SWEEP_OWN_FILE_CHARACTERS, SWEEP_SHARD_CHARACTERS } from './index-sweep';

describe('parseBenchOptions', () => {
  it('runs the benchmark, search included, by default', () => {
    const options = parseBenchOptions([]);
    expect(options?.sizes).toEqual(DEFAULT_SIZES);
    expect(options?.indexSweep).toBeNull();
  });

  it('reads the index sweep, with the default grid unless given', () => {
    const options = parseBenchOptions(['--index-sweep', '/tmp/data', '--sweep-own', '512,2048']);
    expect(options?.indexSweep).toEqual({
      dataDir: '/tmp/data',
      shardCharacters: SWEEP_SHARD_CHARACTERS,
      ownFileCharacters: [512, 2048],
    });
    expect(SWEEP_OWN_FILE_CHARACTERS.length).toBeGreaterThan(0);
  });

  it('rejects a grid value that is not a positive integer', () => {
    expect(() => parseBenchOptions(['--index-sweep', 'd', '--sweep-shards', '4k'])).toThrow(
      BenchOptionsInvalidError,
    );
  });
});
