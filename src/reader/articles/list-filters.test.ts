import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  NO_FILTERS,
  clearFilters,
  hasActiveFilters,
  normalizeQuery,
  parseListFilters,
  serializeListFilters,
  toggleSource,
  type ListFilters,
} from './list-filters';

const parse = (query: string) => parseListFilters(new URLSearchParams(query));

describe('parseListFilters', () => {
  it('reads an empty query as no filters', () => {
    expect(parse('')).toEqual({
      filters: { query: '', sources: [], from: null, to: null },
      ignored: [],
    });
  });

  it('collects repeated source parameters, sorted and without duplicates', () => {
    expect(parse('source=Reuters&source=AP&source=Reuters').filters.sources).toEqual([
      'AP',
      'Reuters',
    ]);
  });

  it('decodes percent-encoded and plus-encoded source names', () => {
    const query = [
      `source=${encodeURIComponent('新华社')}`,
      `source=${encodeURIComponent('人民日报')}`,
      'source=New+York+Times',
    ].join('&');
    // Code-unit order: 'N' < '人' (U+4EBA) < '新' (U+65B0).
    expect(parse(query).filters.sources).toEqual(['New York Times', '人民日报', '新华社']);
  });

  it('drops blank source values and trims the rest before removing duplicates', () => {
    const { filters, ignored } = parse('source=&source=%20%20&source=%20AP%20&source=AP');
    expect(filters.sources).toEqual(['AP']);
    expect(ignored).toEqual([]);
  });

  it('reads a valid date range', () => {
    expect(parse('from=2021-07-01&to=2021-07-31')).toEqual({
      filters: { query: '', sources: [], from: '2021-07-01', to: '2021-07-31' },
      ignored: [],
    });
  });

  it('accepts a one-day range and open-ended ranges', () => {
    expect(parse('from=2021-07-29&to=2021-07-29').filters).toMatchObject({
      from: '2021-07-29',
      to: '2021-07-29',
    });
    expect(parse('from=2021-07-29').filters).toMatchObject({ from: '2021-07-29', to: null });
    expect(parse('to=2021-07-29').filters).toMatchObject({ from: null, to: '2021-07-29' });
  });

  it('ignores an invalid day and lists it', () => {
    expect(parse('from=2021-13-01&to=2021-07-31')).toEqual({
      filters: { query: '', sources: [], from: null, to: '2021-07-31' },
      ignored: [{ name: 'from', value: '2021-13-01' }],
    });
    expect(parse('from=2021-02-29&to=yesterday')).toEqual({
      filters: { query: '', sources: [], from: null, to: null },
      ignored: [
        { name: 'from', value: '2021-02-29' },
        { name: 'to', value: 'yesterday' },
      ],
    });
  });

  it('treats an empty day parameter as absent, not as invalid', () => {
    expect(parse('from=&to=')).toEqual({
      filters: { query: '', sources: [], from: null, to: null },
      ignored: [],
    });
  });

  it('swaps a range given backwards', () => {
    expect(parse('from=2021-08-01&to=2021-07-01').filters).toEqual({
      query: '',
      sources: [],
      from: '2021-07-01',
      to: '2021-08-01',
    });
  });

  it('does not swap when one end was invalid', () => {
    expect(parse('from=2021-08-01&to=2021-02-30').filters).toMatchObject({
      from: '2021-08-01',
      to: null,
    });
  });

  it('reads sort=oldest, takes sort=newest as the default, and ignores any other order', () => {
    expect(parse('sort=oldest').filters.sort).toBe('oldest');
    expect(parse('sort=newest')).toEqual({ filters: NO_FILTERS, ignored: [] });
    expect(parse('sort=random')).toEqual({
      filters: NO_FILTERS,
      ignored: [{ name: 'sort', value: 'random' }],
    });
    expect(serializeListFilters({ ...NO_FILTERS, sort: 'oldest' })).toBe('sort=oldest');
  });

  it('leaves unrelated parameters alone', () => {
    expect(parse('page=2&source=AP&utm_source=feed').filters).toEqual({
      query: '',
      sources: ['AP'],
      from: null,
      to: null,
    });
  });
});

describe('the query', () => {
  it('is read from q with its whitespace collapsed', () => {
    expect(parse(`q=${encodeURIComponent('  削减战略 \t NATO ')}`).filters.query).toBe(
      '削减战略 NATO',
    );
  });

  it('is written first, so a shared link reads as a search', () => {
    expect(
      serializeListFilters({ query: '条约 -俄罗斯', sources: ['AP'], from: null, to: null }),
    ).toBe(
      `q=${encodeURIComponent('条约').replace(/%20/g, '+')}+-${encodeURIComponent('俄罗斯')}&source=AP`,
    );
  });

  it('is cut to its maximum length without splitting a character', () => {
    const query = normalizeQuery('條'.repeat(300));
    expect(Array.from(query)).toHaveLength(200);
  });

  it('is not a filter: clearing filters keeps it, and alone it is no active filter', () => {
    const filters: ListFilters = { query: '条约', sources: ['AP'], from: '2021-01-01', to: null };
    expect(clearFilters(filters)).toEqual({ ...NO_FILTERS, query: '条约' });
    expect(clearFilters({ ...filters, sort: 'oldest' }).sort, 'the order is kept too').toBe(
      'oldest',
    );
    expect(hasActiveFilters({ ...NO_FILTERS, query: '条约' })).toBe(false);
  });
});

describe('serializeListFilters', () => {
  it('gives the empty string for no filters', () => {
    expect(serializeListFilters(NO_FILTERS)).toBe('');
  });

  it('writes sources sorted, then from, then to', () => {
    expect(
      serializeListFilters({
        query: '',
        sources: ['Reuters', 'AP'],
        from: '2021-07-01',
        to: '2021-07-31',
      }),
    ).toBe('source=AP&source=Reuters&from=2021-07-01&to=2021-07-31');
  });

  it('percent-encodes names as UTF-8 and spaces as +', () => {
    expect(
      serializeListFilters({
        query: '',
        sources: ['新华社', 'New York Times'],
        from: null,
        to: null,
      }),
    ).toBe(`source=New+York+Times&source=${encodeURIComponent('新华社')}`);
  });

  it('leaves out absent bounds', () => {
    expect(serializeListFilters({ query: '', sources: [], from: null, to: '2021-07-31' })).toBe(
      'to=2021-07-31',
    );
  });

  it('does not reorder the caller’s array', () => {
    const sources = ['b', 'a'];
    serializeListFilters({ query: '', sources, from: null, to: null });
    expect(sources).toEqual(['b', 'a']);
  });

  const dayKey = fc
    .date({ min: new Date('1900-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
    .map((date) => date.toISOString().slice(0, 10));

  /** Filters as parseListFilters produces them: trimmed unique sorted names, from ≤ to. */
  const canonicalFilters: fc.Arbitrary<ListFilters> = fc
    .record({
      query: fc.string({ unit: 'grapheme', maxLength: 40 }).map(normalizeQuery),
      sources: fc.uniqueArray(
        fc.string({ unit: 'binary', minLength: 1 }).filter((name) => name === name.trim()),
        { maxLength: 6 },
      ),
      from: fc.option(dayKey, { nil: null }),
      to: fc.option(dayKey, { nil: null }),
      state: fc.constantFrom('unread', 'starred', undefined),
    })
    .map(({ query, sources, from, to, state }) => ({
      query,
      sources: [...sources].sort(),
      ...(from !== null && to !== null && from > to ? { from: to, to: from } : { from, to }),
      ...(state && { state }),
    }));

  it('round-trips every canonical filter state through the URL', () => {
    fc.assert(
      fc.property(canonicalFilters, (filters) => {
        const parsed = parse(serializeListFilters(filters));
        expect(parsed.ignored).toEqual([]);
        expect(parsed.filters).toEqual(filters);
      }),
    );
  });

  it('normalizes any query to a state that survives a second round trip unchanged', () => {
    const param = fc.tuple(
      fc.constantFrom('q', 'source', 'from', 'to', 'state', 'other'),
      fc.oneof(
        fc.string({ unit: 'binary' }),
        fc.constantFrom('unread', 'starred'),
        dayKey,
        dayKey.map((day) => ` ${day}`),
      ),
    );
    fc.assert(
      fc.property(fc.array(param, { maxLength: 8 }), (pairs) => {
        const once = parseListFilters(new URLSearchParams(pairs)).filters;
        const twice = parse(serializeListFilters(once));
        expect(twice.filters).toEqual(once);
        expect(twice.ignored).toEqual([]);
      }),
    );
  });
});

describe('the state parameter', () => {
  it('reads unread and starred, and ignores anything else with a notice', () => {
    expect(parse('state=unread&source=AP').filters).toEqual({
      ...NO_FILTERS,
      sources: ['AP'],
      state: 'unread',
    });
    expect(parse('state=starred').filters.state).toBe('starred');
    expect(parse('state=read')).toEqual({
      filters: NO_FILTERS,
      ignored: [{ name: 'state', value: 'read' }],
    });
    expect(parse('state=').ignored).toEqual([]);
  });

  it('is written last and kept when the filters are cleared', () => {
    const filters: ListFilters = {
      ...NO_FILTERS,
      query: '条约',
      sources: ['AP'],
      state: 'starred',
    };
    expect(serializeListFilters(filters)).toBe(
      `q=${encodeURIComponent('条约')}&source=AP&state=starred`,
    );
    expect(clearFilters(filters)).toEqual({ ...NO_FILTERS, query: '条约', state: 'starred' });
  });
});

describe('toggleSource', () => {
  const base: ListFilters = {
    query: '',
    sources: ['AP', 'Xinhua'],
    from: '2021-07-01',
    to: '2021-07-31',
  };

  it('adds a source in sorted position', () => {
    expect(toggleSource(base, 'Reuters').sources).toEqual(['AP', 'Reuters', 'Xinhua']);
  });

  it('adds to an empty selection', () => {
    expect(toggleSource(NO_FILTERS, 'AP').sources).toEqual(['AP']);
  });

  it('removes a selected source', () => {
    expect(toggleSource(base, 'AP').sources).toEqual(['Xinhua']);
  });

  it('keeps the date range', () => {
    expect(toggleSource(base, 'Reuters')).toMatchObject({ from: '2021-07-01', to: '2021-07-31' });
  });

  it('does not change the filters it was given', () => {
    toggleSource(base, 'Reuters');
    toggleSource(base, 'AP');
    expect(base.sources).toEqual(['AP', 'Xinhua']);
    expect(NO_FILTERS.sources).toEqual([]);
  });

  it('undoes itself when applied twice', () => {
    expect(toggleSource(toggleSource(base, 'Reuters'), 'Reuters')).toEqual(base);
    expect(toggleSource(toggleSource(base, 'AP'), 'AP')).toEqual(base);
  });
});

describe('hasActiveFilters', () => {
  it('is false for no filters', () => {
    expect(hasActiveFilters(NO_FILTERS)).toBe(false);
  });

  it.each<[string, ListFilters]>([
    ['a source', { query: '', sources: ['AP'], from: null, to: null }],
    ['a start day', { query: '', sources: [], from: '2021-07-01', to: null }],
    ['an end day', { query: '', sources: [], from: null, to: '2021-07-31' }],
  ])('is true with only %s', (_, filters) => {
    expect(hasActiveFilters(filters)).toBe(true);
  });
});
