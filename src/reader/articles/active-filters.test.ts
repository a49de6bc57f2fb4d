import { describe, expect, it } from 'vitest';
import { activeFilterChips, dateRangeLabel } from './active-filters';
import { NO_FILTERS, type ListFilters } from './list-filters';

describe('activeFilterChips', () => {
  it('gives the read state a chip of its own, last, that removes only the state', () => {
    const filters: ListFilters = { ...NO_FILTERS, sources: ['36kr'], state: 'starred' };
    const chips = activeFilterChips(filters);
    expect(chips.map(({ kind, label }) => [kind, label])).toEqual([
      ['source', '36kr'],
      ['state', 'starred'],
    ]);
    expect(chips[1]!.without).toEqual({ ...NO_FILTERS, sources: ['36kr'] });
    expect('state' in chips[1]!.without).toBe(false);
  });

  it('has no chip when nothing narrows the view', () => {
    expect(activeFilterChips(NO_FILTERS)).toEqual([]);
    expect(activeFilterChips({ ...NO_FILTERS, sort: 'oldest' })).toEqual([]);
  });

  it('gives one chip per source, one for the range and one for the search, each removing itself', () => {
    const filters: ListFilters = {
      query: '条约',
      sources: ['36kr', 'cnBeta'],
      from: '2021-01-01',
      to: '2021-12-31',
      sort: 'oldest',
    };
    const chips = activeFilterChips(filters);
    expect(chips.map(({ kind, label }) => [kind, label])).toEqual([
      ['source', '36kr'],
      ['source', 'cnBeta'],
      ['dates', '2021-01-01 – 2021-12-31'],
      ['query', '条约'],
    ]);
    expect(chips[0]!.without).toEqual({ ...filters, sources: ['cnBeta'] });
    expect(chips[2]!.without).toEqual({ ...filters, from: null, to: null });
    expect(chips[3]!.without).toEqual({ ...filters, query: '' });
    expect(new Set(chips.map((chip) => chip.key)).size).toBe(chips.length);
  });
});

describe('dateRangeLabel', () => {
  it('leaves an open end blank', () => {
    expect(dateRangeLabel('2021-01-01', null)).toBe('2021-01-01 –');
    expect(dateRangeLabel(null, '2021-12-31')).toBe('– 2021-12-31');
  });
});
