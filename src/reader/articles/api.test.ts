import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { encodeDescendingDeltas, encodeUints } from '../../manifest/column-codec';
import { DocumentInvalidError, SchemaVersionMismatchError } from '../../manifest/parse';
import { idShardOf } from '../../manifest/data-paths';
import type {
  ArticleBody,
  BodyGroup,
  Columns,
  IdShard,
  Manifest,
  RowChunk,
} from '../../manifest/schema';
import {
  DATA_URL,
  DataHttpError,
  DataNetworkError,
  DataNotFoundError,
  DataNotJsonError,
  bodyOf,
  fetchBodyGroup,
  fetchColumns,
  fetchIdShard,
  fetchManifest,
  fetchRowChunk,
  fetchSearchFile,
  isExplainedDataError,
  resolveMediaUrl,
} from './api';
import { makeRow } from './test-articles';

const DATA = `${import.meta.env.BASE_URL}data/`;
/** A manifest naming every file by a hash of its own: `<n>` repeated, for the file's number. */
function manifestWithHashes(digit: string): Manifest {
  const hash = digit.repeat(16);
  return {
    schemaVersion: 6,
    generator: 'chronicle',
    articleCount: 1,
    build: '0123456789abcdef',
    chunkSize: 64,
    search: { shards: 1, hash },
    sources: [{ name: '新华社', count: 1 }],
    files: {
      columns: hash,
      'rows/0': hash,
      'rows/12': hash,
      ...Object.fromEntries(
        Array.from({ length: 256 }, (_, n) => [`ids/${n.toString(16).padStart(2, '0')}`, hash]),
      ),
    },
  };
}

const manifest = manifestWithHashes('a');

const row = makeRow({ id: '0a1b2c3d4e5f', source: '新华社', body: 'fedcba9876543210' });

const columns: Columns = {
  schemaVersion: 6,
  count: 1,
  datedCount: 1,
  minutes: encodeDescendingDeltas([Math.floor(Date.parse(row.date!) / 60_000)]),
  sources: encodeUints([0]),
};

const chunk: RowChunk = { schemaVersion: 6, chunk: 0, rows: [row] };

const shard: IdShard = { schemaVersion: 6, documents: { [row.id]: 0 } };

const body: ArticleBody = {
  schemaVersion: 6,
  id: row.id,
  html: '<p>正文</p>',
  paths: ['2021/07/story.md'],
  removed: { total: 0, byKind: {}, embeds: [] },
};

const group: BodyGroup = { schemaVersion: 6, bodies: [body] };

const BODY_FILE = 'bodies/fedcba9876543210.json';

const fetchMock = vi.fn<typeof fetch>();

/** answer: make every fetch answer with this status and body text. */
function answer(status: number, text: string): void {
  fetchMock.mockImplementation(async () => new Response(text, { status }));
}
const answerJson = (value: unknown) => answer(200, JSON.stringify(value));

/** failureOf: what a fetch rejects with (a failure of the test if it resolves). */
async function failureOf(fetching: Promise<unknown>): Promise<unknown> {
  return fetching.then(
    (value) => {
      throw new Error(`expected a failure, got ${JSON.stringify(value)}`);
    },
    (error: unknown) => error,
  );
}

beforeEach(() => {
  vi.stubGlobal('fetch', fetchMock);
});

afterEach(() => {
  fetchMock.mockReset();
  vi.unstubAllGlobals();
});

describe('DATA_URL', () => {
  it('is the data folder under the app’s base path, ready to have file names appended', () => {
    expect(DATA_URL.startsWith(import.meta.env.BASE_URL)).toBe(true);
    expect(DATA_URL.endsWith('/data/')).toBe(true);
  });
});

describe('fetchManifest', () => {
  it('fetches manifest.json from the data folder and returns it parsed', async () => {
    answerJson(manifest);
    await expect(fetchManifest()).resolves.toEqual(manifest);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(fetchMock.mock.calls[0]![0]).toBe(`${DATA}manifest.json`);
  });

  it('passes the abort signal and same-origin credentials to fetch', async () => {
    answerJson(manifest);
    const controller = new AbortController();
    await fetchManifest(controller.signal);
    expect(fetchMock.mock.calls[0]![1]).toMatchObject({
      signal: controller.signal,
      credentials: 'same-origin',
    });
  });

  it.each([404, 410])('turns HTTP %i into DataNotFoundError naming the URL', async (status) => {
    answer(status, 'Not Found');
    const error = await failureOf(fetchManifest());
    expect(error).toBeInstanceOf(DataNotFoundError);
    expect(error).toMatchObject({ url: `${DATA}manifest.json` });
  });

  it.each([500, 503, 403])('turns HTTP %i into DataHttpError with the status', async (status) => {
    answer(status, 'error');
    const error = await failureOf(fetchManifest());
    expect(error).toBeInstanceOf(DataHttpError);
    expect(error).toMatchObject({ url: `${DATA}manifest.json`, status });
    expect(error).not.toBeInstanceOf(DataNotFoundError);
  });

  it('turns a rejected request into DataNetworkError', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));
    const error = await failureOf(fetchManifest());
    expect(error).toBeInstanceOf(DataNetworkError);
    expect(error).toMatchObject({ url: `${DATA}manifest.json` });
  });

  it('lets an abort through unchanged, so the query layer can tell it from a failure', async () => {
    const abort = new DOMException('The operation was aborted.', 'AbortError');
    fetchMock.mockRejectedValue(abort);
    await expect(fetchManifest()).rejects.toBe(abort);
  });

  it.each([
    ['an HTML page', '<!doctype html><html><body>App</body></html>'],
    ['a truncated file', '{"schemaVersion": 2, "generator": "chr'],
    ['an empty answer', ''],
  ])('turns %s into DataNotJsonError', async (_, text) => {
    answer(200, text);
    const error = await failureOf(fetchManifest());
    expect(error).toBeInstanceOf(DataNotJsonError);
    expect(error).toMatchObject({ url: `${DATA}manifest.json` });
  });

  it('reports a version 1 manifest with the version it found and the one it expected', async () => {
    answerJson({
      schemaVersion: 1,
      generator: 'chronicle',
      articleCount: 1,
      index: 'index.0123456789abcdef.json',
      bodies: 'articles/',
    });
    const error = await failureOf(fetchManifest());
    expect(error).toBeInstanceOf(SchemaVersionMismatchError);
    expect(error).toMatchObject({ document: 'manifest.json', found: 1, expected: 6 });
  });

  it('reports an invalid manifest with the fields at fault', async () => {
    answerJson({ ...manifest, build: 'build-0123456789abcdef/', articleCount: -1 });
    const error = await failureOf(fetchManifest());
    expect(error).toBeInstanceOf(DocumentInvalidError);
    const { document, issues } = error as DocumentInvalidError;
    expect(document).toBe('manifest.json');
    expect(issues.map((issue) => issue.path).sort()).toEqual(['articleCount', 'build']);
  });
});

/**
 * The failure classes every file under the data folder shares: the URL is named in transport
 * failures and the file (relative to the data folder) in content failures.
 */
describe.each<{
  name: string;
  file: string;
  valid: object;
  invalid: { value: object; paths: string[] };
  load: (signal?: AbortSignal) => Promise<unknown>;
}>([
  {
    name: 'fetchColumns',
    file: 'columns.aaaaaaaaaaaaaaaa.json',
    valid: columns,
    invalid: { value: { ...columns, count: -1, minutes: 7 }, paths: ['count', 'minutes'] },
    load: (signal) => fetchColumns(manifest, signal),
  },
  {
    name: 'fetchRowChunk',
    file: 'rows/0.aaaaaaaaaaaaaaaa.json',
    valid: chunk,
    invalid: {
      value: { ...chunk, rows: [{ ...row, date: '2021-07-29' }] },
      paths: ['rows.0.date'],
    },
    load: (signal) => fetchRowChunk(manifest, 0, signal),
  },
  {
    name: 'fetchIdShard',
    file: 'ids/0a.aaaaaaaaaaaaaaaa.json',
    valid: shard,
    invalid: {
      value: { ...shard, documents: { '0A1B2C3D4E5F': 0 } },
      paths: ['documents.0A1B2C3D4E5F'],
    },
    load: (signal) => fetchIdShard(manifest, '0a', signal),
  },
  {
    name: 'fetchBodyGroup',
    file: BODY_FILE,
    valid: group,
    invalid: { value: { ...group, bodies: [{ ...body, paths: [] }] }, paths: ['bodies.0.paths'] },
    load: (signal) => fetchBodyGroup(row.body, signal),
  },
])('$name', ({ file, valid, invalid, load }) => {
  const url = `${DATA}${file}`;

  it(`fetches ${file} from the data folder and returns it parsed`, async () => {
    answerJson(valid);
    await expect(load()).resolves.toEqual(valid);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(fetchMock.mock.calls[0]![0]).toBe(url);
  });

  it('passes the abort signal and same-origin credentials to fetch', async () => {
    answerJson(valid);
    const controller = new AbortController();
    await load(controller.signal);
    expect(fetchMock.mock.calls[0]![1]).toMatchObject({
      signal: controller.signal,
      credentials: 'same-origin',
    });
  });

  it('turns HTTP 404 into DataNotFoundError naming the URL', async () => {
    answer(404, '');
    const error = await failureOf(load());
    expect(error).toBeInstanceOf(DataNotFoundError);
    expect(error).toMatchObject({ url });
  });

  it('turns HTTP 500 into DataHttpError with the status', async () => {
    answer(500, 'error');
    const error = await failureOf(load());
    expect(error).toBeInstanceOf(DataHttpError);
    expect(error).toMatchObject({ url, status: 500 });
  });

  it('turns a rejected request into DataNetworkError', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));
    const error = await failureOf(load());
    expect(error).toBeInstanceOf(DataNetworkError);
    expect(error).toMatchObject({ url });
  });

  it('lets an abort through unchanged', async () => {
    const abort = new DOMException('The operation was aborted.', 'AbortError');
    fetchMock.mockRejectedValue(abort);
    await expect(load()).rejects.toBe(abort);
  });

  it('turns an HTML page served in its place into DataNotJsonError', async () => {
    answer(200, '<!doctype html><html><body>App</body></html>');
    const error = await failureOf(load());
    expect(error).toBeInstanceOf(DataNotJsonError);
    expect(error).toMatchObject({ url });
  });

  it.each([5, 7])('rejects a version %i file, naming the file', async (schemaVersion) => {
    answerJson({ ...valid, schemaVersion });
    const error = await failureOf(load());
    expect(error).toBeInstanceOf(SchemaVersionMismatchError);
    expect(error).toMatchObject({ document: file, found: schemaVersion, expected: 6 });
  });

  it('locates every invalid field in the file’s own name', async () => {
    answerJson(invalid.value);
    const error = await failureOf(load());
    expect(error).toBeInstanceOf(DocumentInvalidError);
    expect(error).toMatchObject({ document: file });
    expect((error as DocumentInvalidError).issues.map((issue) => issue.path).sort()).toEqual(
      invalid.paths,
    );
    expect((error as Error).message).toContain(file);
    expect((error as Error).message).toContain(invalid.paths[0]);
  });
});

describe('URLs built from the manifest', () => {
  const other = manifestWithHashes('f');

  it('reads columns, chunks, shards and search files at the hashes the manifest names', async () => {
    answerJson(columns);
    await fetchColumns(other);
    answerJson({ ...chunk, chunk: 12 });
    await fetchRowChunk(other, 12);
    answerJson(shard);
    await fetchIdShard(other, 'ff');
    answerJson({});
    await fetchSearchFile(other, 'search/0-3.json');
    expect(fetchMock.mock.calls.map(([url]) => url)).toEqual([
      `${DATA}columns.ffffffffffffffff.json`,
      `${DATA}rows/12.ffffffffffffffff.json`,
      `${DATA}ids/ff.ffffffffffffffff.json`,
      `${DATA}search/ffffffffffffffff/0-3.json`,
    ]);
  });

  it('asks the server for the manifest every time, past any cache', async () => {
    answerJson(manifest);
    await fetchManifest();
    expect(fetchMock.mock.calls[0]![1]).toMatchObject({ cache: 'no-cache' });
  });

  it('reads a body group by its hash', async () => {
    answerJson(group);
    await fetchBodyGroup('0011223344556677');
    expect(fetchMock.mock.calls[0]![0]).toBe(`${DATA}bodies/0011223344556677.json`);
  });
});

describe('fetchRowChunk', () => {
  it('refuses a chunk whose number is not the one asked for', async () => {
    answerJson({ ...chunk, chunk: 1 });
    const error = await failureOf(fetchRowChunk(manifest, 0));
    expect(error).toBeInstanceOf(DocumentInvalidError);
    expect(error).toMatchObject({ document: 'rows/0.aaaaaaaaaaaaaaaa.json' });
    expect((error as DocumentInvalidError).issues).toEqual([
      { path: 'chunk', message: 'expected 0, found 1' },
    ]);
  });

  it('accepts a later chunk that says it is that chunk', async () => {
    const third = { ...chunk, chunk: 2 };
    answerJson(third);
    await expect(fetchRowChunk(manifestWithHashes('b'), 12)).rejects.toThrow(/expected 12/);
    await expect(
      fetchRowChunk({ ...manifest, files: { ...manifest.files, 'rows/2': 'c'.repeat(16) } }, 2),
    ).resolves.toEqual(third);
  });
});

describe('bodyOf', () => {
  it('picks the article’s body from its group', () => {
    const other = { ...body, id: 'ffffffffffff' };
    expect(bodyOf({ ...group, bodies: [other, body] }, row.id, row.body)).toEqual(body);
  });

  it('refuses a group without the article, naming the file', () => {
    const other = { ...body, id: 'ffffffffffff' };
    expect(() => bodyOf({ ...group, bodies: [other] }, row.id, row.body)).toThrow(
      expect.objectContaining({
        document: BODY_FILE,
        issues: [{ path: 'bodies', message: 'has no body for 0a1b2c3d4e5f' }],
      }),
    );
  });
});

describe('idShardOf', () => {
  it('is the first two hex digits of the id', () => {
    expect(idShardOf('0a1b2c3d4e5f')).toBe('0a');
    expect(idShardOf('ff0000000000')).toBe('ff');
  });
});

describe('isExplainedDataError', () => {
  it.each<[string, unknown]>([
    ['not found', new DataNotFoundError('/data/manifest.json')],
    ['an HTTP error', new DataHttpError('/data/manifest.json', 500)],
    ['a network error', new DataNetworkError('/data/manifest.json')],
    ['not JSON', new DataNotJsonError('/data/manifest.json')],
    ['a version mismatch', new SchemaVersionMismatchError('manifest.json', 1)],
    ['an invalid document', new DocumentInvalidError('manifest.json', [])],
  ])('is true for %s', (_, error) => {
    expect(isExplainedDataError(error)).toBe(true);
  });

  it.each<[string, unknown]>([
    ['a plain Error', new Error('boom')],
    ['a TypeError', new TypeError('x is undefined')],
    ['an abort', new DOMException('The operation was aborted.', 'AbortError')],
    ['a string', 'DataNotFoundError'],
    ['an object that only looks like one', { name: 'DataNotFoundError', url: '/data/x' }],
    ['null', null],
  ])('is false for %s', (_, error) => {
    expect(isExplainedDataError(error)).toBe(false);
  });
});

describe('resolveMediaUrl', () => {
  it('resolves a copied media file against the data folder', () => {
    expect(resolveMediaUrl('media/0123456789abcdef.jpg')).toBe(`${DATA}media/0123456789abcdef.jpg`);
  });

  it.each(['https://example.com/media/a.jpg', 'http://example.com/a.png'])(
    'leaves the absolute URL %s as it is',
    (url) => {
      expect(resolveMediaUrl(url)).toBe(url);
    },
  );
});
