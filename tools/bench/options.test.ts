import { describe, expect, it } from 'vitest';
import { BenchOptionsInvalidError, DEFAULT_SIZES, STEP_GROUPS, parseBenchOptions } from './options';
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

describe('--only', () => {
  it('runs every group by default', () => {
    expect(parseBenchOptions([])?.only).toEqual(STEP_GROUPS);
  });

  it('always keeps the cold ingest, and keeps the groups in run order', () => {
    expect(parseBenchOptions(['--only', 'rebuild,hugo'])?.only).toEqual([
      'ingest',
      'hugo',
      'rebuild',
    ]);
  });

  it('rejects a group it does not know', () => {
    expect(() => parseBenchOptions(['--only', 'ingest,chrome'])).toThrow(BenchOptionsInvalidError);
  });
});
