import { z } from 'zod';

/**
 * The contract between ingest and reader. Ingest validates everything it writes against these
 * schemas and the reader validates everything it fetches; types are inferred, never restated.
 * Bump SCHEMA_VERSION on any change a reader of the previous version could misread.
 *
 * The files of the data folder and their paths are in src/manifest/data-paths.ts; how documents are
 * numbered is in src/manifest/numbering.ts; docs/scale.md says why it is laid out this way.
 */
export const SCHEMA_VERSION = 6;

/** Article ids are derived from the file's path relative to the content root (see ingest). */
export const ArticleIdSchema = z
  .string()
  .regex(/^[0-9a-f]{12}$/, 'expected 12 lowercase hex digits');

/** An ISO 8601 instant in UTC, e.g. 2021-07-29T05:11:25.000Z. */
export const UtcInstantSchema = z.iso.datetime({ offset: false });

/**
 * An image the reader may display: an absolute http(s) URL, or a file ingest copied into the data
 * folder (`media/<hash>.<ext>`), resolved against the data folder by the reader.
 */
export const ImageRefSchema = z
  .string()
  .refine(
    (value) =>
      /^https?:\/\/[^\s]+$/i.test(value) || /^media\/[0-9a-f]{16}\.[a-z0-9]{1,5}$/.test(value),
    'expected an http(s) URL or a media/ file',
  );

/** BCP 47 language of an article's text as detected by ingest. */
export const ContentLanguageSchema = z.enum(['zh', 'ja', 'en', 'und']);

/** Hash of a data file's content, part of its name so hosts can cache it forever. */
export const FileHashSchema = z.string().regex(/^[0-9a-f]{16}$/);

/** Everything a list row, the article header and search results show; no body. */
export const ArticleRowSchema = z.object({
  id: ArticleIdSchema,
  title: z.string().min(1),
  source: z.string().min(1),
  channel: z.string().min(1).nullable(),
  author: z.string().min(1).nullable(),
  date: UtcInstantSchema.nullable(),
  image: ImageRefSchema.nullable(),
  /** The article's address on the web, from its metadata; only http(s). */
  url: z.url({ protocol: /^https?$/ }).nullable(),
  excerpt: z.string(),
  /** Characters of body text (code points, whitespace collapsed). */
  length: z.int().nonnegative(),
  readingMinutes: z.int().positive(),
  lang: ContentLanguageSchema,
  /** The hash naming the body group file that holds this article's body (`bodies/<hash>.json`). */
  body: FileHashSchema,
});

export const SourceSummarySchema = z.object({
  name: z.string().min(1),
  count: z.int().positive(),
  /** The archiver's category of the source (its articles' first category, e.g. 新媒体), if any. */
  group: z.string().min(1).nullable().optional(),
});

/** Articles per row chunk. */
export const CHUNK_SIZE = 64;

/**
 * The name of a build file in the manifest's table: its path without the hash and `.json` (see
 * src/manifest/data-paths.ts).
 */
export const BuildFileNameSchema = z.string().regex(/^(?:columns|rows\/\d+|ids\/[0-9a-f]{2})$/);

export const ManifestSchema = z
  .object({
    schemaVersion: z.literal(SCHEMA_VERSION),
    generator: z.literal('chronicle'),
    articleCount: z.int().nonnegative(),
    /** This build's identity: a hash over everything the manifest names. */
    build: FileHashSchema,
    chunkSize: z.literal(CHUNK_SIZE),
    /** Sorted by name; `sources[i]` is source index i in the columns. */
    sources: z.array(SourceSummarySchema),
    /**
     * The full-text index (see src/search): how many shards its keys are spread over, and the
     * hash over all its files that names their folder (see data-paths.ts).
     */
    search: z.object({ shards: z.int().positive(), hash: FileHashSchema }),
    /**
     * Every build file by name → the hash of its content, which its path carries: a file that
     * did not change between builds keeps its path, and readers and CDNs keep it cached.
     */
    files: z.record(BuildFileNameSchema, FileHashSchema),
  })
  .superRefine((manifest, context) => {
    const chunks = Math.ceil(Math.max(0, manifest.articleCount) / CHUNK_SIZE);
    const required = [
      'columns',
      ...Array.from({ length: chunks }, (_, chunk) => `rows/${chunk}`),
      ...Array.from({ length: 256 }, (_, shard) => `ids/${shard.toString(16).padStart(2, '0')}`),
    ];
    const missing = required.filter((name) => !Object.hasOwn(manifest.files, name));
    if (missing.length > 0) {
      context.addIssue({
        code: 'custom',
        path: ['files'],
        message: `lacks ${missing.slice(0, 3).join(', ')}${missing.length > 3 ? ` (+${missing.length - 3} more)` : ''}`,
      });
    }
  });

/**
 * The columns every view filters, counts and groups with, row i being the i-th article in list
 * order (newest first, undated last). Encoded with src/manifest/column-codec.ts.
 */
export const ColumnsSchema = z
  .object({
    schemaVersion: z.literal(SCHEMA_VERSION),
    count: z.int().nonnegative(),
    datedCount: z.int().nonnegative(),
    /** Epoch minutes of the dated rows, descending, as base64 varint deltas. */
    minutes: z.string(),
    /** Source index of every row, as base64 varints. */
    sources: z.string(),
  })
  // A negative count is reported on its own field; comparing against it would only add noise.
  .refine((columns) => columns.count < 0 || columns.datedCount <= columns.count, {
    path: ['datedCount'],
    message: 'more dated rows than rows',
  });

export const RowChunkSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  /** Chunk n holds documents n*chunkSize … n*chunkSize+chunkSize-1 (see numbering.ts). */
  chunk: z.int().nonnegative(),
  rows: z.array(ArticleRowSchema),
});

export const IdShardSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  /** Article id → document number (see numbering.ts). */
  documents: z.record(ArticleIdSchema, z.int().nonnegative()),
});

/**
 * One shard of the search index: every key whose hash falls in it, with the documents that contain it
 * (src/search/postings.ts, base64), or `@i` when they are large enough to be file `<n>-<i>.json`.
 */
export const SearchShardSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  shard: z.int().nonnegative(),
  keys: z.record(z.string().min(1), z.string().regex(/^(?:@\d+|[A-Za-z0-9+/]*={0,2})$/)),
});

/** The postings of one key that has a file of its own. */
export const SearchKeyFileSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  key: z.string().min(1),
  postings: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/),
});

/** What the sanitizer took out of an article, so the reader can say so. */
export const RemovalReportSchema = z.object({
  total: z.int().nonnegative(),
  /** Element or attribute kind → how many were removed, e.g. { iframe: 2, form: 1 }. */
  byKind: z.record(z.string(), z.int().positive()),
  /** Plain links to removed embeds (videos, frames) that were http(s). */
  embeds: z.array(z.object({ kind: z.string(), url: z.url({ protocol: /^https?$/ }) })),
});

export const ArticleBodySchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  id: ArticleIdSchema,
  /** Sanitized HTML; the reader sanitizes it again before injecting it. */
  html: z.string(),
  /** Every path (relative to the content root, `/`-separated) this article was found at. */
  paths: z.array(z.string().min(1)).min(1),
  removed: RemovalReportSchema,
});

/**
 * Bodies of consecutive documents, fetched together when one of them is opened (see
 * src/ingest/body-groups.ts for how documents are grouped).
 */
export const BodyGroupSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  bodies: z.array(ArticleBodySchema).min(1),
});

/**
 * Every file of one build but the manifest, the report and this list, sorted: what a deploy
 * uploads, and what the next build keeps for readers still on this one.
 */
export const BuildFilesSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  files: z.array(z.string().min(1)),
});

export type ArticleRow = z.infer<typeof ArticleRowSchema>;
export type SourceSummary = z.infer<typeof SourceSummarySchema>;
export type Manifest = z.infer<typeof ManifestSchema>;
export type Columns = z.infer<typeof ColumnsSchema>;
export type RowChunk = z.infer<typeof RowChunkSchema>;
export type IdShard = z.infer<typeof IdShardSchema>;
export type SearchShard = z.infer<typeof SearchShardSchema>;
export type SearchKeyFile = z.infer<typeof SearchKeyFileSchema>;
export type RemovalReport = z.infer<typeof RemovalReportSchema>;
export type ArticleBody = z.infer<typeof ArticleBodySchema>;
export type BodyGroup = z.infer<typeof BodyGroupSchema>;
export type BuildFiles = z.infer<typeof BuildFilesSchema>;
export type ContentLanguage = z.infer<typeof ContentLanguageSchema>;
