import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { encodeDescendingDeltas, encodeUints } from '../../manifest/column-codec';
import { DocumentInvalidError } from '../../manifest/parse';
import { SCHEMA_VERSION, type Columns, type Manifest } from '../../manifest/schema';
import { makeRow } from './test-articles';
import { articleQueries, moveOnFrom } from './queries';

/** The build files of a small archive (one row chunk), each named by the hash `<digit>…`. */
function filesHashed(digit: string): Record<string, string> {
  const hash = digit.repeat(16);
  return {
    columns: hash,
    'rows/0': hash,
    ...Object.fromEntries(
      Array.from({ length: 256 }, (_, n) => [`ids/${n.toString(16).padStart(2, '0')}`, hash]),
    ),
  };
}

const manifest: Manifest = {
  schemaVersion: SCHEMA_VERSION,
  generator: 'chronicle',
  articleCount: 3,
  build: '0123456789abcdef',
  chunkSize: 64,
  search: { shards: 1, hash: '00000000000000e0' },
  sources: [
    { name: '北辰时报', count: 2 },
    { name: '环球观察周刊', count: 1 },
  ],
  files: filesHashed('a'),
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

describe('after a deploy', () => {
  const DATA = `${import.meta.env.BASE_URL}data/`;
  const old = makeRow({ id: '0a0000000001', body: '1'.repeat(16), source: '北辰时报' });
  const added = makeRow({ id: '0b0000000002', body: '2'.repeat(16), source: '北辰时报' });
  const first: Manifest = {
    ...manifest,
    articleCount: 1,
    build: '1'.repeat(16),
    files: filesHashed('1'),
  };
  const second: Manifest = {
    ...manifest,
    articleCount: 2,
    build: '2'.repeat(16),
    files: filesHashed('2'),
  };
  const columnsOf = (count: number): Columns => ({
    schemaVersion: SCHEMA_VERSION,
    count,
    datedCount: count,
    minutes: encodeDescendingDeltas(Array.from({ length: count }, (_, n) => 1000 - n)),
    sources: encodeUints(Array.from({ length: count }, () => 0)),
  });
  const bodyOf = (id: string) => ({
    schemaVersion: SCHEMA_VERSION,
    id,
    html: `<p>${id}</p>`,
    paths: [`${id}.md`],
    removed: { total: 0, byKind: {}, embeds: [] },
  });
  /** The data folder once the second build is deployed and the first one's files are gone. */
  const served = new Map<string, unknown>([
    ['manifest.json', second],
    ['columns.2222222222222222.json', columnsOf(2)],
    [
      'rows/0.2222222222222222.json',
      // The old article keeps its number 0, the new one is appended; both in the second's group.
      { schemaVersion: SCHEMA_VERSION, chunk: 0, rows: [{ ...old, body: '3'.repeat(16) }, added] },
    ],
    ['ids/0a.2222222222222222.json', { schemaVersion: SCHEMA_VERSION, documents: { [old.id]: 0 } }],
    [
      `bodies/${'3'.repeat(16)}.json`,
      { schemaVersion: SCHEMA_VERSION, bodies: [bodyOf(old.id), bodyOf(added.id)] },
    ],
  ]);

  function deployed(): QueryClient {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        const document = served.get(url.slice(DATA.length));
        return document === undefined
          ? new Response('', { status: 404 })
          : new Response(JSON.stringify(document), { status: 200 });
      }),
    );
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    client.setQueryData(articleQueries.manifest().queryKey, first);
    client.setQueryData(articleQueries.rowChunk(first, 0).queryKey, {
      schemaVersion: SCHEMA_VERSION,
      chunk: 0,
      rows: [old],
    });
    return client;
  }

  it('moves on to the new build when a file of the old one is missing', async () => {
    const client = deployed();
    await expect(client.fetchQuery(articleQueries.idShard(first, '0a'))).rejects.toThrow(
      /was not found/,
    );
    expect(client.getQueryData(articleQueries.manifest().queryKey)).toEqual(second);
    // Its columns are loaded before the views see the new manifest, so they need not wait.
    expect(client.getQueryData(articleQueries.columns(second).queryKey)?.count).toBe(2);
  });

  it('stays on its build when the manifest names the same one: the file is really missing', async () => {
    const client = deployed();
    served.set('manifest.json', first);
    try {
      await expect(client.fetchQuery(articleQueries.idShard(first, '0a'))).rejects.toThrow();
      expect(client.getQueryData(articleQueries.manifest().queryKey)).toBe(first);
    } finally {
      served.set('manifest.json', second);
    }
  });

  it('finds an open article’s body in the new build when its old group is gone', async () => {
    const client = deployed();
    const body = await client.fetchQuery(articleQueries.body(old.id, old.body));
    expect(body.id).toBe(old.id);
    expect(client.getQueryData(articleQueries.manifest().queryKey)).toEqual(second);
  });

  it('does nothing when the reader has already moved on from that build', async () => {
    const client = deployed();
    client.setQueryData(articleQueries.manifest().queryKey, second);
    await moveOnFrom(client, first.build);
    expect(client.getQueryData(articleQueries.manifest().queryKey)).toEqual(second);
    expect(fetch).not.toHaveBeenCalled();
  });
});
