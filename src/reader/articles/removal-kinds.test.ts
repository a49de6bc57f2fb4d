import { describe, expect, it } from 'vitest';
import { splitRemovals } from './removal-kinds';

describe('splitRemovals', () => {
  it('counts inline styles and tracking pixels apart from what the reader should know', () => {
    expect(
      splitRemovals({
        total: 34,
        byKind: { style: 27, 'tracking-pixel': 2, script: 3, 'event-handler': 1, iframe: 1 },
        embeds: [],
      }),
    ).toEqual({
      substantive: [
        { kind: 'event-handler', count: 1 },
        { kind: 'iframe', count: 1 },
        { kind: 'script', count: 3 },
      ],
      substantiveTotal: 5,
      cosmeticTotal: 29,
    });
  });

  it('has nothing substantive for an article whose only removals were styles', () => {
    expect(splitRemovals({ total: 27, byKind: { style: 27 }, embeds: [] })).toEqual({
      substantive: [],
      substantiveTotal: 0,
      cosmeticTotal: 27,
    });
  });
});
