import { describe, expect, it } from 'vitest';
import { createProgressBar, formatProgress } from './progress';

const CLEAR = '\x1b[K';

describe('formatProgress', () => {
  it('shows the phase, a bar, the count, the recent rate and the time left', () => {
    expect(
      formatProgress({ phase: 'parse', done: 500, total: 2000, elapsedMs: 9_000, rate: 100 }),
    ).toBe(
      `\rparsing  [${'#'.repeat(8)}${'.'.repeat(22)}] 500/2000 files  100 files/s  ETA 0:15${CLEAR}`,
    );
  });

  it('ends a phase with its average rate, the time it took and a new line', () => {
    expect(
      formatProgress({ phase: 'write', done: 2000, total: 2000, elapsedMs: 125_000, rate: 50 }),
    ).toBe(`\rwriting  [${'#'.repeat(30)}] 2000/2000 files  16 files/s  in 2:05${CLEAR}\n`);
  });

  it('shows no rate or time left while there is too little to tell', () => {
    expect(
      formatProgress({ phase: 'read', done: 0, total: 1000, elapsedMs: 0, rate: null }),
    ).toContain('0/1000 files  - files/s  ETA -:--');
  });
});

describe('createProgressBar', () => {
  function record() {
    let time = 0;
    const lines: string[] = [];
    const report = createProgressBar(
      (text) => lines.push(text),
      () => time,
    );
    return {
      lines,
      at(ms: number, ...args: Parameters<typeof report>) {
        time = ms;
        report(...args);
      },
    };
  }
  const counts = (lines: string[]) =>
    lines.map((line) => `${line.match(/(\w+) +\[/)?.[1]} ${line.match(/\d+\/\d+/)?.[0]}`);

  it('draws phases of 500 files or more, at most every 100 ms, and every phase end', () => {
    const { lines, at } = record();
    at(0, 'read', 0, 400);
    at(0, 'read', 400, 400);
    at(0, 'parse', 0, 1000);
    at(50, 'parse', 10, 1000);
    at(150, 'parse', 500, 1000);
    at(160, 'parse', 1000, 1000);
    at(160, 'write', 0, 600);
    at(1_160, 'write', 600, 600);
    expect(counts(lines)).toEqual([
      'parsing 0/1000',
      'parsing 500/1000',
      'parsing 1000/1000',
      'writing 0/600',
      'writing 600/600',
    ]);
    expect(lines.at(-1)).toContain('600 files/s  in 0:01');
  });

  it('measures the rate from the first finished file, not from a slow start', () => {
    const { lines, at } = record();
    at(0, 'parse', 0, 10_000);
    at(3_000, 'parse', 2, 10_000); // Workers took three seconds to start.
    at(3_200, 'parse', 40, 10_000);
    at(4_000, 'parse', 202, 10_000);
    expect(lines[1]).toContain('- files/s  ETA -:--');
    expect(lines[2]).toContain('- files/s  ETA -:--');
    expect(lines[3]).toContain('200 files/s  ETA 0:49');
  });
});
