import { describe, expect, it } from 'vitest';
import { forEachConcurrently } from './concurrency';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('forEachConcurrently', () => {
  it('runs every item, never more than the limit at once, counting each as it settles', async () => {
    let running = 0;
    let peak = 0;
    const seen: number[] = [];
    const counts: number[] = [];
    await forEachConcurrently(
      Array.from({ length: 20 }, (_, index) => index),
      3,
      async (item) => {
        running += 1;
        peak = Math.max(peak, running);
        await tick();
        seen.push(item);
        running -= 1;
      },
      (done) => counts.push(done),
    );
    expect(peak).toBe(3);
    expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, index) => index));
    expect(counts).toEqual(Array.from({ length: 20 }, (_, index) => index + 1));
  });

  it('starts nothing new after a failure and rejects with it', async () => {
    const started: number[] = [];
    await expect(
      forEachConcurrently([0, 1, 2, 3, 4, 5], 2, async (item) => {
        started.push(item);
        await tick();
        if (item === 1) throw new Error('item 1 failed');
      }),
    ).rejects.toThrow('item 1 failed');
    expect(started.length).toBeLessThan(6);
  });

  it('settles at once for no items', async () => {
    await expect(
      forEachConcurrently([], 4, () => Promise.reject(new Error('never'))),
    ).resolves.toBe(undefined);
  });
});
