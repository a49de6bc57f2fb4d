import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DocumentInvalidError, SchemaVersionMismatchError } from '../../manifest/parse';
import type { ArticleBody, ArticleIndex, Manifest } from '../../manifest/schema';
import {
  DATA_URL,
  DataHttpError,
  DataNetworkError,
  DataNotFoundError,
  DataNotJsonError,
  fetchArticleBody,
  fetchArticleIndex,
  fetchManifest,
  resolveMediaUrl,
} from './api';
import { makeArticle } from './test-articles';

const DATA = `${import.meta.env.BASE_URL}data/`;

const manifest: Manifest = {
  schemaVersion: 1,
  generator: 'chronicle',
  articleCount: 1,
  index: 'index.0123456789abcdef.json',
  bodies: 'articles/',
};

const article = makeArticle({ id: '0a1b2c3d4e5f', source: '新华社' });

const index: ArticleIndex = {
  schemaVersion: 1,
  articles: [article],
  sources: [{ name: '新华社', count: 1 }],
};

const body: ArticleBody = {
  schemaVersion: 1,
  id: article.id,
  html: '<p>正文</p>',
  paths: ['2021/07/story.md'],
  removed: { total: 0, byKind: {}, embeds: [] },
};

const fetchMock = vi.fn<typeof fetch>();

/** answer: make every fetch answer with this status and body text. */
function answer(status: number, text: string): void {
  fetchMock.mockImplementation(async () => new Response(text, { status }));
}
const answerJson = (value: unknown) => answer(200, JSON.stringify(value));

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
    const error = await fetchManifest().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DataNotFoundError);
    expect(error).toMatchObject({ url: `${DATA}manifest.json` });
  });

  it.each([500, 503, 403])('turns HTTP %i into DataHttpError with the status', async (status) => {
    answer(status, 'error');
    const error = await fetchManifest().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DataHttpError);
    expect(error).toMatchObject({ url: `${DATA}manifest.json`, status });
    expect(error).not.toBeInstanceOf(DataNotFoundError);
  });

  it('turns a rejected request into DataNetworkError', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));
    const error = await fetchManifest().catch((caught: unknown) => caught);
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
    ['a truncated file', '{"schemaVersion": 1, "generator": "chr'],
    ['an empty answer', ''],
  ])('turns %s into DataNotJsonError', async (_, text) => {
    answer(200, text);
    const error = await fetchManifest().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DataNotJsonError);
    expect(error).toMatchObject({ url: `${DATA}manifest.json` });
  });

  it('reports a different schema version with what it found and expected', async () => {
    answerJson({ ...manifest, schemaVersion: 2 });
    const error = await fetchManifest().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SchemaVersionMismatchError);
    expect(error).toMatchObject({ document: 'manifest.json', found: 2, expected: 1 });
  });

  it('reports an invalid manifest with the fields at fault', async () => {
    answerJson({ ...manifest, index: 'index.json', articleCount: -1 });
    const error = await fetchManifest().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DocumentInvalidError);
    const { document, issues } = error as DocumentInvalidError;
    expect(document).toBe('manifest.json');
    expect(issues.map((issue) => issue.path).sort()).toEqual(['articleCount', 'index']);
  });
});

describe('fetchArticleIndex', () => {
  it('fetches the index the manifest names and returns it parsed', async () => {
    answerJson(index);
    await expect(fetchArticleIndex(manifest)).resolves.toEqual(index);
    expect(fetchMock.mock.calls[0]![0]).toBe(`${DATA}index.0123456789abcdef.json`);
  });

  it('passes the abort signal to fetch', async () => {
    answerJson(index);
    const controller = new AbortController();
    await fetchArticleIndex(manifest, controller.signal);
    expect(fetchMock.mock.calls[0]![1]).toMatchObject({ signal: controller.signal });
  });

  it('turns a missing index into DataNotFoundError', async () => {
    answer(404, '');
    await expect(fetchArticleIndex(manifest)).rejects.toBeInstanceOf(DataNotFoundError);
  });

  it('locates an invalid article field by index and name, in the index’s own file', async () => {
    answerJson({ ...index, articles: [{ ...article, date: '2021-07-29' }] });
    const error = await fetchArticleIndex(manifest).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DocumentInvalidError);
    expect(error).toMatchObject({ document: 'index.0123456789abcdef.json' });
    expect((error as DocumentInvalidError).issues.map((issue) => issue.path)).toEqual([
      'articles.0.date',
    ]);
    expect((error as Error).message).toContain('articles.0.date');
  });

  it('rejects an index of another schema version', async () => {
    answerJson({ ...index, schemaVersion: 0 });
    await expect(fetchArticleIndex(manifest)).rejects.toMatchObject({
      name: 'SchemaVersionMismatchError',
      found: 0,
      expected: 1,
      document: 'index.0123456789abcdef.json',
    });
  });
});

describe('fetchArticleBody', () => {
  it('fetches <bodies><id>.json and returns it parsed', async () => {
    answerJson(body);
    await expect(fetchArticleBody(manifest, article.id)).resolves.toEqual(body);
    expect(fetchMock.mock.calls[0]![0]).toBe(`${DATA}articles/0a1b2c3d4e5f.json`);
  });

  it('turns a missing body into DataNotFoundError naming its URL', async () => {
    answer(404, '');
    await expect(fetchArticleBody(manifest, article.id)).rejects.toMatchObject({
      name: 'DataNotFoundError',
      url: `${DATA}articles/0a1b2c3d4e5f.json`,
    });
  });

  it('locates an invalid body field in the body’s own file', async () => {
    answerJson({ ...body, paths: [] });
    const error = await fetchArticleBody(manifest, article.id).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DocumentInvalidError);
    expect(error).toMatchObject({ document: 'articles/0a1b2c3d4e5f.json' });
    expect((error as DocumentInvalidError).issues.map((issue) => issue.path)).toEqual(['paths']);
  });

  it('refuses a body that belongs to another article', async () => {
    answerJson({ ...body, id: 'ffffffffffff' });
    const error = await fetchArticleBody(manifest, article.id).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toContain('articles/0a1b2c3d4e5f.json');
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
