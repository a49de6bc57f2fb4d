import {
  bodyGroupPath,
  buildFilePath,
  COLUMNS_NAME,
  idShardName,
  MANIFEST_FILE,
  rowChunkName,
  searchFilePath,
} from '../../manifest/data-paths';
import {
  DocumentInvalidError,
  parseBodyGroup,
  parseColumns,
  parseIdShard,
  parseManifest,
  parseRowChunk,
  SchemaVersionMismatchError,
} from '../../manifest/parse';
import type {
  ArticleBody,
  BodyGroup,
  Columns,
  IdShard,
  Manifest,
  RowChunk,
} from '../../manifest/schema';

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

async function fetchJson(
  url: string,
  signal?: AbortSignal,
  cache: RequestCache = 'default',
): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, { signal, credentials: 'same-origin', cache });
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
  // The one file that changes under its name: asked of the server every time, so a reader that
  // looks again after a deploy finds the new build.
  return parseManifest(await fetchJson(`${DATA_URL}${MANIFEST_FILE}`, signal, 'no-cache'));
}

export async function fetchColumns(manifest: Manifest, signal?: AbortSignal): Promise<Columns> {
  const file = buildFilePath(manifest, COLUMNS_NAME);
  return parseColumns(await fetchJson(`${DATA_URL}${file}`, signal), file);
}

/** fetchRowChunk: chunk n of the rows, by document number (see numbering.ts). */
export async function fetchRowChunk(
  manifest: Manifest,
  chunk: number,
  signal?: AbortSignal,
): Promise<RowChunk> {
  const file = buildFilePath(manifest, rowChunkName(chunk));
  const document = parseRowChunk(await fetchJson(`${DATA_URL}${file}`, signal), file);
  if (document.chunk !== chunk) {
    throw new DocumentInvalidError(file, [
      { path: 'chunk', message: `expected ${chunk}, found ${document.chunk}` },
    ]);
  }
  return document;
}

export async function fetchIdShard(
  manifest: Manifest,
  shard: string,
  signal?: AbortSignal,
): Promise<IdShard> {
  const file = buildFilePath(manifest, idShardName(shard));
  return parseIdShard(await fetchJson(`${DATA_URL}${file}`, signal), file);
}

/** fetchBodyGroup: the body group file a row names (ArticleRow.body). */
export async function fetchBodyGroup(groupHash: string, signal?: AbortSignal): Promise<BodyGroup> {
  const file = bodyGroupPath(groupHash);
  return parseBodyGroup(await fetchJson(`${DATA_URL}${file}`, signal), file);
}

/** bodyOf: an article's body in its group; a group without it disagrees with the row naming it. */
export function bodyOf(group: BodyGroup, id: string, groupHash: string): ArticleBody {
  const body = group.bodies.find((entry) => entry.id === id);
  if (body === undefined) {
    throw new DocumentInvalidError(bodyGroupPath(groupHash), [
      { path: 'bodies', message: `has no body for ${id}` },
    ]);
  }
  return body;
}

/**
 * fetchSearchFile: a file of the search index as parsed JSON, by the path src/search/layout.ts
 * gives it, for callers that validate it against its own schema (src/search/index-source.ts).
 */
export function fetchSearchFile(
  manifest: Manifest,
  path: string,
  signal?: AbortSignal,
): Promise<unknown> {
  return fetchJson(`${DATA_URL}${searchFilePath(manifest, path)}`, signal);
}

/** resolveMediaUrl: where the reader finds an image ingest copied into the data folder. */
export function resolveMediaUrl(ref: string): string {
  return ref.startsWith('media/') ? `${DATA_URL}${ref}` : ref;
}
