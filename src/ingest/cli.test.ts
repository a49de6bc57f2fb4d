import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_OPTIONS, formatProgress, HELP } from './cli-options';
import { makeTempDir, removeDir, writeFiles } from './test-helpers';

const PROJECT = fileURLToPath(new URL('../..', import.meta.url));

function runCli(args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/ingest/cli.ts', ...args], {
    cwd: PROJECT,
    encoding: 'utf8',
    env: { ...process.env, CHRONICLE_CONTENT: '' },
  });
}

describe('--help', () => {
  it('documents every flag the parser accepts', () => {
    for (const flag of Object.keys(CLI_OPTIONS)) expect(HELP).toContain(`--${flag}`);
    expect(HELP).toMatch(/Exit status/);
  });
});

describe('formatProgress', () => {
  it('draws a bar only for large runs, every 250 files and at the end', () => {
    expect(formatProgress(250, 400)).toBeNull();
    expect(formatProgress(251, 1000)).toBeNull();
    expect(formatProgress(500, 1000)).toBe(`\r[${'#'.repeat(15)}${'.'.repeat(15)}] 500/1000 files`);
    expect(formatProgress(1000, 1000)).toBe(`\r[${'#'.repeat(30)}] 1000/1000 files\n`);
  });
});

describe('the ingest command', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await makeTempDir();
    await writeFiles(join(dir, 'in'), [
      ['good.txt', '标题\n正文。'],
      ['warned.md', '---\ntitle: 日期坏了\ndate: yesterday\n---\n<p>正文。</p>'],
    ]);
  });
  afterAll(async () => {
    await removeDir(dir);
  });

  it('prints a summary whose counts add up, and fails under --strict on a warning', () => {
    const result = runCli([
      '--content',
      join(dir, 'in'),
      '--out',
      join(dir, 'out'),
      '--verbose',
      '--strict',
    ]);
    expect(result.stdout).toContain(
      'Files found: 2 = 1 accepted + 1 accepted with warnings + 0 merged + 0 rejected + 0 skipped (every file accounted for)',
    );
    expect(result.stdout).toContain('warning: warned.md:3: date "yesterday" could not be read');
    expect(result.stderr).toContain('ingest: --strict: 0 rejected, 1 with warnings');
    expect(result.status).toBe(1);
    const report = JSON.parse(readFileSync(join(dir, 'out', 'ingest-report.json'), 'utf8'));
    expect(report.summary.found).toBe(2);
  }, 30_000);
});
