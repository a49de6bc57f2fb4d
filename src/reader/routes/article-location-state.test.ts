import { describe, expect, it } from 'vitest';
import { readArticleLocationState } from './article-location-state';

describe('readArticleLocationState', () => {
  it.each([
    { returnTo: 'list', depth: 1 },
    { returnTo: 'timeline', depth: 1 },
    { returnTo: 'list', depth: 4 },
  ] as const)('reads %j', (state) => {
    expect(readArticleLocationState(state)).toEqual(state);
  });

  it('keeps only the fields it knows', () => {
    expect(readArticleLocationState({ returnTo: 'timeline', depth: 2, scroll: 480 })).toEqual({
      returnTo: 'timeline',
      depth: 2,
    });
  });

  it.each<[string, unknown]>([
    ['null', null],
    ['undefined', undefined],
    ['a string', 'list'],
    ['a number', 1],
    ['an empty object', {}],
    ['an array', ['list', 1]],
    ['no depth', { returnTo: 'list' }],
    ['no returnTo', { depth: 1 }],
    ['an unknown view', { returnTo: 'home', depth: 1 }],
    ['a view in other case', { returnTo: 'List', depth: 1 }],
    ['depth 0', { returnTo: 'list', depth: 0 }],
    ['a negative depth', { returnTo: 'timeline', depth: -2 }],
    ['depth as a string', { returnTo: 'list', depth: '2' }],
    ['NaN depth', { returnTo: 'list', depth: NaN }],
    ['infinite depth', { returnTo: 'list', depth: Infinity }],
    ['fractional depth', { returnTo: 'list', depth: 1.5 }],
  ])('rejects %s', (_, state) => {
    expect(readArticleLocationState(state)).toBeNull();
  });
});
