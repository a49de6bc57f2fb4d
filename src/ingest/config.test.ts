import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigInvalidError, DEFAULT_TIME_ZONE, loadConfig, sourceSettingsFor } from './config';
import { makeTempDir, removeDir, testConfig, writeFiles } from './test-helpers';

let dir: string;
beforeEach(async () => {
  dir = await makeTempDir();
});
afterEach(async () => {
  await removeDir(dir);
});

describe('loadConfig', () => {
  it('uses the defaults when the optional file is missing', async () => {
    expect(await loadConfig(join(dir, 'chronicle.config.json'), false)).toEqual({
      defaultTimeZone: DEFAULT_TIME_ZONE,
      sources: {},
    });
  });

  it('fails for a missing file that was asked for', async () => {
    await expect(loadConfig(join(dir, 'nope.json'), true)).rejects.toBeInstanceOf(
      ConfigInvalidError,
    );
  });

  it('reads a valid file', async () => {
    await writeFiles(dir, [
      [
        'c.json',
        JSON.stringify({
          defaultTimeZone: 'Asia/Shanghai',
          sources: { 'Aljazeera 半岛网': { displayName: '半岛电视台', timeZone: 'Asia/Qatar' } },
        }),
      ],
    ]);
    expect(await loadConfig(join(dir, 'c.json'), true)).toEqual({
      defaultTimeZone: 'Asia/Shanghai',
      sources: {
        'Aljazeera 半岛网': { displayName: '半岛电视台', aliases: [], timeZone: 'Asia/Qatar' },
      },
    });
  });

  it('names the file and the field that is wrong', async () => {
    await writeFiles(dir, [
      ['bad.json', JSON.stringify({ sources: { a: { timeZone: 'Mars/Base' } }, extra: 1 })],
      ['broken.json', '{ not json'],
    ]);
    await expect(loadConfig(join(dir, 'bad.json'), true)).rejects.toThrow(
      /bad\.json: .*sources\.a\.timeZone: not an IANA time zone/,
    );
    await expect(loadConfig(join(dir, 'bad.json'), true)).rejects.toThrow(/extra/);
    await expect(loadConfig(join(dir, 'broken.json'), true)).rejects.toThrow(
      /broken\.json: not JSON/,
    );
  });
});

describe('sourceSettingsFor', () => {
  const config = testConfig({
    defaultTimeZone: 'UTC',
    sources: {
      北辰时报: { aliases: ['北辰时报 - 国际'], timeZone: 'Asia/Shanghai' },
      'The Meridian Ledger': { displayName: 'Meridian Ledger' },
    },
  });

  it('follows aliases to the source name and its zone', () => {
    expect(sourceSettingsFor(config, '北辰时报 - 国际')).toEqual({
      name: '北辰时报',
      timeZone: 'Asia/Shanghai',
    });
  });

  it('uses the display name, and the default zone when a source has none', () => {
    expect(sourceSettingsFor(config, 'The Meridian Ledger')).toEqual({
      name: 'Meridian Ledger',
      timeZone: 'UTC',
    });
    expect(sourceSettingsFor(config, 'Other')).toEqual({ name: 'Other', timeZone: 'UTC' });
  });
});
