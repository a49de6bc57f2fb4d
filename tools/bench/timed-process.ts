import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const GNU_TIME = '/usr/bin/time';
const OUTPUT_TAIL = 4_000;

export interface TimedRun {
  wallMs: number;
  /** The peak resident set in kB (GNU time's %M: the largest process of the tree), or null. */
  peakRssKb: number | null;
  /** User + system CPU time of the process and its waited-for children (GNU time), or null. */
  cpuMs: number | null;
  stdout: string;
  /** The last few kB of stderr. */
  stderr: string;
}

export class ProcessFailedError extends Error {
  override readonly name = 'ProcessFailedError';
}

export interface TimedCommand {
  /** What the failure message calls it, e.g. `ingest`. */
  name: string;
  command: string;
  args: string[];
  cwd: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs: number;
  /** Measure the peak memory with GNU time when it is there (the default). */
  gnuTime?: boolean;
}

/**
 * runTimed: a command in a child process of its own group, timed from spawn to exit, under GNU
 * time for the peak memory when /usr/bin/time exists. A timeout or Ctrl-C of the bench ends the
 * whole group; a non-zero exit throws with the tail of stderr.
 */
export async function runTimed(run: TimedCommand): Promise<TimedRun> {
  const rssFile = join(tmpdir(), `chronicle-bench-time-${process.pid}-${Date.now()}.txt`);
  const gnuTime = (run.gnuTime ?? true) && existsSync(GNU_TIME);
  const [command, ...args] = gnuTime
    ? [GNU_TIME, '-f', '%M %U %S', '-o', rssFile, run.command, ...run.args]
    : [run.command, ...run.args];

  const started = performance.now();
  const child = spawn(command!, args, {
    cwd: run.cwd,
    env: run.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so a timeout ends GNU time and the command under it together.
    detached: true,
  });
  const killGroup = () => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // Already gone.
    }
  };
  process.once('exit', killGroup);
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    stdout = (stdout + chunk).slice(-OUTPUT_TAIL);
  });
  child.stderr.on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-OUTPUT_TAIL);
  });
  const timer = setTimeout(killGroup, run.timeoutMs);
  const { code, signal } = await new Promise<{ code: number | null; signal: string | null }>(
    (resolveExit, rejectExit) => {
      child.once('error', rejectExit);
      child.once('close', (exitCode, exitSignal) =>
        resolveExit({ code: exitCode, signal: exitSignal }),
      );
    },
  ).finally(() => {
    clearTimeout(timer);
    process.off('exit', killGroup);
  });
  const wallMs = performance.now() - started;

  try {
    if (code !== 0) {
      const how = signal ? `was killed by ${signal}` : `exited with ${code}`;
      const timedOut = wallMs >= run.timeoutMs ? ` after the ${run.timeoutMs / 1000} s limit` : '';
      const tail = `${stderr.trim()}\n${stdout.trim()}`.trim().slice(-500);
      throw new ProcessFailedError(`${run.name} ${how}${timedOut}: ${tail}`);
    }
    if (!gnuTime) return { wallMs, peakRssKb: null, cpuMs: null, stdout, stderr };
    const [rss, user, system] = (await readFile(rssFile, 'utf8'))
      .trim()
      .split('\n')
      .at(-1)!
      .split(' ');
    return {
      wallMs,
      peakRssKb: Number(rss),
      cpuMs: (Number(user) + Number(system)) * 1000,
      stdout,
      stderr,
    };
  } finally {
    await rm(rssFile, { force: true });
  }
}
