/**
 * History state carried into the article view: which view to return to and how many entries
 * back it is, so "back" pops history (restoring the list's scroll) instead of pushing a new list.
 */
export interface ArticleLocationState {
  returnTo: 'list' | 'timeline';
  depth: number;
}

export function readArticleLocationState(state: unknown): ArticleLocationState | null {
  if (typeof state !== 'object' || state === null) return null;
  const { returnTo, depth } = state as Partial<ArticleLocationState>;
  if (returnTo !== 'list' && returnTo !== 'timeline') return null;
  if (typeof depth !== 'number' || !Number.isInteger(depth) || depth < 1) return null;
  return { returnTo, depth };
}
