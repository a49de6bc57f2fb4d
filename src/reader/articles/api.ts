import {
  DocumentInvalidError,
  parseArticleBody,
  parseColumns,
  parseIdShard,
  parseManifest,
  parseRowChunk,
  SchemaVersionMismatchError,
} from '../../manifest/parse';
import type { ArticleBody, Columns, IdShard, Manifest, RowChunk } from '../../manifest/schema';

/** The data folder, under the app's base path (`/`, or e.g. `/chronicle/`). */
export const DATA_URL = `${import.meta.env.BASE_URL}data/`;

/** A data file the server does not have (HTTP 404 or 410). */
export class DataNotFoundError extends Error {
  override readonly name = 'DataNotFoundError';
  constructor(readonly url: string) {
    super(`${url} was not found`);
  }
}

/** The server answered with an error status other than not-found. */
export class DataHttpError extends Error {
  override readonly name = 'DataHttpError';
  constructor(
    readonly url: string,
    readonly status: number,
  ) {
    super(`${url} answered HTTP ${status}`);
  }
}

/** The request never got an answer: offline, DNS, connection reset. */
export class DataNetworkError extends Error {
  override readonly name = 'DataNetworkError';
  constructor(readonly url: string) {
    super(`${url} could not be fetched`);
  }
}

/** The answer was not JSON (a truncated file, or an HTML page served in its place). */
export class DataNotJsonError extends Error {
  override readonly name = 'DataNotJsonError';
  constructor(readonly url: string) {
    super(`${url} is not JSON`);
  }
}

/** isExplainedDataError: a failure to load the archive's data, which the error views explain. */
export function isExplainedDataError(error: unknown): boolean {
  return (
    error instanceof DataNotFoundError ||
    error instanceof DataHttpError ||
    error instanceof DataNetworkError ||
    error instanceof DataNotJsonError ||
    error instanceof SchemaVersionMismatchError ||
    error instanceof DocumentInvalidError
  );
}

async function fetchJson(url: string, signal?: AbortSignal): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, { signal, credentials: 'same-origin' });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new DataNetworkError(url);
  }
  if (response.status === 404 || response.status === 410) throw new DataNotFoundError(url);
  if (!response.ok) throw new DataHttpError(url, response.status);
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    throw new DataNotJsonError(url);
  }
}

export async function fetchManifest(signal?: AbortSignal): Promise<Manifest> {
  // The one unhashed file: the browser revalidates it, everything else is named by its content.
  return parseManifest(await fetchJson(`${DATA_URL}manifest.json`, signal));
}

export async function fetchColumns(manifest: Manifest, signal?: AbortSignal): Promise<Columns> {
  const file = `${manifest.build}columns.json`;
  return parseColumns(await fetchJson(`${DATA_URL}${file}`, signal), file);
}

export async function fetchRowChunk(
  manifest: Manifest,
  chunk: number,
  signal?: AbortSignal,
): Promise<RowChunk> {
  const file = `${manifest.build}rows/${chunk}.json`;
  const document = parseRowChunk(await fetchJson(`${DATA_URL}${file}`, signal), file);
  if (document.chunk !== chunk) {
    throw new DocumentInvalidError(file, [
      { path: 'chunk', message: `expected ${chunk}, found ${document.chunk}` },
    ]);
  }
  return document;
}

/** idShardOf: the shard an article id is listed in. */
export const idShardOf = (id: string) => id.slice(0, 2);

export async function fetchIdShard(
  manifest: Manifest,
  shard: string,
  signal?: AbortSignal,
): Promise<IdShard> {
  const file = `${manifest.build}ids/${shard}.json`;
  return parseIdShard(await fetchJson(`${DATA_URL}${file}`, signal), file);
}

export async function fetchArticleBody(
  id: string,
  bodyHash: string,
  signal?: AbortSignal,
): Promise<ArticleBody> {
  const file = `articles/${id}.${bodyHash}.json`;
  const body = parseArticleBody(await fetchJson(`${DATA_URL}${file}`, signal), file);
  if (body.id !== id) {
    throw new DocumentInvalidError(file, [
      { path: 'id', message: `expected ${id}, found ${body.id}` },
    ]);
  }
  return body;
}

/**
 * fetchBuildFile: a file of the build folder as parsed JSON, for callers that validate it against
 * its own schema (the search index's files, see src/search/index-source.ts).
 */
export function fetchBuildFile(
  manifest: Manifest,
  path: string,
  signal?: AbortSignal,
): Promise<unknown> {
  return fetchJson(`${DATA_URL}${manifest.build}${path}`, signal);
}

/** resolveMediaUrl: where the reader finds an image ingest copied into the data folder. */
export function resolveMediaUrl(ref: string): string {
  return ref.startsWith('media/') ? `${DATA_URL}${ref}` : ref;
}
