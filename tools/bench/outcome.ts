/** One step's result, or why it has none; a failed step never stops the run. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: string };

const MAX_ERROR_LENGTH = 400;

export function describeFailure(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  // Playwright appends a call log after the first lines; the table only needs the gist.
  const gist = text.split('\n').slice(0, 3).join(' ').replace(/\s+/g, ' ').trim();
  return gist.length > MAX_ERROR_LENGTH ? `${gist.slice(0, MAX_ERROR_LENGTH)}…` : gist;
}

export async function attempt<T>(run: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    return { ok: false, error: describeFailure(error) };
  }
}

/** The outcome of a step that could not run because one it needs failed. */
export function skipped<T>(because: string): Outcome<T> {
  return { ok: false, error: `skipped: ${because}` };
}

/** Why a step did not run when --only left its group out; the table leaves its rows out. */
export const NOT_ASKED_FOR = 'not asked for (--only)';

/** The text a step's rows carry when --only left its group out. */
export const NOT_ASKED_FOR_TEXT = `skipped: ${NOT_ASKED_FOR}`;
