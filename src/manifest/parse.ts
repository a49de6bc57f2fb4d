import type { z } from 'zod';
import {
  ArticleBodySchema,
  BodyGroupSchema,
  BuildFilesSchema,
  ColumnsSchema,
  IdShardSchema,
  ManifestSchema,
  RowChunkSchema,
  SCHEMA_VERSION,
  SearchKeyFileSchema,
  SearchShardSchema,
  type ArticleBody,
  type BodyGroup,
  type BuildFiles,
  type Columns,
  type IdShard,
  type Manifest,
  type RowChunk,
  type SearchKeyFile,
  type SearchShard,
} from './schema';

/** One schema violation, located: `articles.3.date: Invalid ISO datetime`. */
export interface SchemaIssue {
  path: string;
  message: string;
}

/** The document declares a schema version this code was not built for. */
export class SchemaVersionMismatchError extends Error {
  override readonly name = 'SchemaVersionMismatchError';
  constructor(
    readonly document: string,
    readonly found: unknown,
    readonly expected: number = SCHEMA_VERSION,
  ) {
    super(`${document}: schema version ${String(found)}, expected ${expected}`);
  }
}

/** The document is JSON of the right version but does not match the schema. */
export class DocumentInvalidError extends Error {
  override readonly name = 'DocumentInvalidError';
  constructor(
    readonly document: string,
    readonly issues: SchemaIssue[],
  ) {
    const first = issues
      .slice(0, 3)
      .map((issue) => `${issue.path || '(root)'}: ${issue.message}`)
      .join('; ');
    super(
      `${document} is invalid: ${first}${issues.length > 3 ? ` (+${issues.length - 3} more)` : ''}`,
    );
  }
}

function parseVersioned<S extends z.ZodType>(
  schema: S,
  document: string,
  value: unknown,
): z.infer<S> {
  const version =
    typeof value === 'object' && value !== null && 'schemaVersion' in value
      ? (value as { schemaVersion: unknown }).schemaVersion
      : undefined;
  if (version !== SCHEMA_VERSION) {
    throw new SchemaVersionMismatchError(document, version);
  }
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new DocumentInvalidError(
      document,
      result.error.issues.map((issue) => ({
        path: issue.path.map(String).join('.'),
        message: issue.message,
      })),
    );
  }
  return result.data;
}

export const parseManifest = (value: unknown, document = 'manifest.json'): Manifest =>
  parseVersioned(ManifestSchema, document, value);

export const parseColumns = (value: unknown, document = 'columns.json'): Columns =>
  parseVersioned(ColumnsSchema, document, value);

export const parseRowChunk = (value: unknown, document = 'row chunk'): RowChunk =>
  parseVersioned(RowChunkSchema, document, value);

export const parseIdShard = (value: unknown, document = 'id shard'): IdShard =>
  parseVersioned(IdShardSchema, document, value);

export const parseArticleBody = (value: unknown, document = 'article body'): ArticleBody =>
  parseVersioned(ArticleBodySchema, document, value);

export const parseSearchShard = (value: unknown, document = 'search shard'): SearchShard =>
  parseVersioned(SearchShardSchema, document, value);

export const parseSearchKeyFile = (value: unknown, document = 'search key file'): SearchKeyFile =>
  parseVersioned(SearchKeyFileSchema, document, value);

export const parseBodyGroup = (value: unknown, document = 'body group'): BodyGroup =>
  parseVersioned(BodyGroupSchema, document, value);

export const parseBuildFiles = (value: unknown, document = 'build-files.json'): BuildFiles =>
  parseVersioned(BuildFilesSchema, document, value);
