import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { encodeDescendingDeltas, encodeUints } from '../../manifest/column-codec';
import { DocumentInvalidError } from '../../manifest/parse';
import { SCHEMA_VERSION, type Columns, type Manifest } from '../../manifest/schema';
import { articleQueries } from './queries';

const manifest: Manifest = {
  schemaVersion: SCHEMA_VERSION,
  generator: 'chronicle',
  articleCount: 3,
  build: 'build-0123456789abcdef/',
  chunkSize: 64,
  search: { shards: 1 },
  sources: [
    { name: '北辰时报', count: 2 },
    { name: '环球观察周刊', count: 1 },
  ],
};

const minute = (iso: string) => Date.parse(iso) / 60_000;

const columns: Columns = {
  schemaVersion: SCHEMA_VERSION,
  count: 3,
  datedCount: 2,
  minutes: encodeDescendingDeltas([minute('2021-07-28T20:00:00Z'), minute('2021-02-03T09:30:00Z')]),
  sources: encodeUints([1, 0, 0]),
};

function serve(document: unknown) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(JSON.stringify(document), { status: 200 })),
  );
}

const loadColumns = () =>
  new QueryClient().fetchQuery({ ...articleQueries.columns(manifest), retry: false });

async function issuesOf(promise: Promise<unknown>) {
  const error = await promise.catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(DocumentInvalidError);
  return (error as DocumentInvalidError).issues.map((issue) => issue.path);
}

afterEach(() => vi.unstubAllGlobals());

describe('articleQueries.columns', () => {
  it('decodes the columns into typed arrays, undated rows as NaN at the end', async () => {
    serve(columns);
    const decoded = await loadColumns();
    expect(decoded.count).toBe(3);
    expect(decoded.datedCount).toBe(2);
    expect([...decoded.minutes.slice(0, 2)]).toEqual([
      minute('2021-07-28T20:00:00Z'),
      minute('2021-02-03T09:30:00Z'),
    ]);
    expect(Number.isNaN(decoded.minutes[2])).toBe(true);
    expect([...decoded.sources]).toEqual([1, 0, 0]);
  });

  it('refuses columns for another number of articles than the manifest has', async () => {
    serve({ ...columns, count: 4, sources: encodeUints([1, 0, 0, 0]) });
    expect(await issuesOf(loadColumns())).toEqual(['count']);
  });

  it('names the column that does not decode', async () => {
    serve({ ...columns, minutes: 'not base64!' });
    expect(await issuesOf(loadColumns())).toEqual(['minutes']);
    serve({ ...columns, sources: encodeUints([1, 0]) });
    expect(await issuesOf(loadColumns())).toEqual(['sources']);
  });

  it('refuses a source index the manifest does not list', async () => {
    serve({ ...columns, sources: encodeUints([1, 0, 2]) });
    expect(await issuesOf(loadColumns())).toEqual(['sources']);
  });
});
