import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_OPTIONS, HELP, parseJobs } from './cli-options';
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

describe('parseJobs', () => {
  it('takes a whole number from 1 up, defaulting to one thread per CPU', () => {
    expect(parseJobs('2')).toBe(2);
    expect(parseJobs(undefined)).toBeGreaterThanOrEqual(1);
    for (const bad of ['0', '-1', '1.5', 'two', '', '99999'])
      expect(parseJobs(bad), bad).toBeNull();
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
      '--cache',
      join(dir, 'cache'),
      '--verbose',
      '--strict',
      '--stats',
    ]);
    expect(result.stdout).toContain(
      'Files found: 2 = 1 accepted + 1 accepted with warnings + 0 merged + 0 rejected + 0 skipped (every file accounted for)',
    );
    expect(result.stdout).toContain('warning: warned.md:3: date "yesterday" could not be read');
    expect(result.stderr).toContain('ingest: --strict: 0 rejected, 1 with warnings');
    expect(result.status).toBe(1);
    const report = JSON.parse(readFileSync(join(dir, 'out', 'ingest-report.json'), 'utf8'));
    expect(report.summary.found).toBe(2);
    expect(result.stderr).toContain(
      'ingest: 2 article files: 2 read, 2 parsed (in this thread), 0 from the cache',
    );
    expect(result.stderr).toMatch(/peak memory \(RSS\) \d+ MB/);
  }, 30_000);

  it('reads unchanged files from the cache on the next run', () => {
    const args = ['--content', join(dir, 'in'), '--out', join(dir, 'out2'), '--quiet', '--stats'];
    const result = runCli([...args, '--cache', join(dir, 'cache')]);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('');
    // Read again or not, depending on how long ago the files were written (see RACY_MS).
    expect(result.stderr).toMatch(
      /2 article files: [02] read, 0 parsed \(in this thread\), 2 from/,
    );
    expect(readFileSync(join(dir, 'out2', 'manifest.json'), 'utf8')).toBe(
      readFileSync(join(dir, 'out', 'manifest.json'), 'utf8'),
    );
  }, 30_000);
});
