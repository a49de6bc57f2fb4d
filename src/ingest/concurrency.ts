/**
 * forEachConcurrently: `task` for every item, at most `limit` at a time, started in item order.
 * `onSettled` gets the count of finished tasks after each one. The first failure stops new tasks
 * from starting and rejects once the running ones have settled.
 */
export async function forEachConcurrently<T>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<void>,
  onSettled?: (done: number) => void,
): Promise<void> {
  let next = 0;
  let done = 0;
  let failed = false;
  const runner = async () => {
    while (!failed && next < items.length) {
      const item = items[next++] as T;
      try {
        await task(item);
      } catch (error) {
        failed = true;
        throw error;
      }
      done += 1;
      onSettled?.(done);
    }
  };
  const runners = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, runner);
  const results = await Promise.allSettled(runners);
  const rejected = results.find((result) => result.status === 'rejected');
  if (rejected) throw rejected.reason;
}
