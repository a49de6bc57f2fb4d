import { z } from 'zod';

/**
 * The contract between ingest and reader. Ingest validates everything it writes against these
 * schemas and the reader validates everything it fetches; types are inferred, never restated.
 * Bump SCHEMA_VERSION on any change a reader of the previous version could misread.
 */
export const SCHEMA_VERSION = 1;

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

export const ArticleSummarySchema = z.object({
  id: ArticleIdSchema,
  title: z.string().min(1),
  source: z.string().min(1),
  channel: z.string().min(1).nullable(),
  author: z.string().min(1).nullable(),
  date: UtcInstantSchema.nullable(),
  image: ImageRefSchema.nullable(),
  excerpt: z.string(),
  /** Characters of body text (code points, whitespace collapsed). */
  length: z.int().nonnegative(),
  readingMinutes: z.int().positive(),
  lang: ContentLanguageSchema,
});

export const SourceSummarySchema = z.object({
  name: z.string().min(1),
  count: z.int().positive(),
});

export const ArticleIndexSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  /** Newest first, undated last, ties broken by id. */
  articles: z.array(ArticleSummarySchema),
  /** Sorted by name; counts over all articles. */
  sources: z.array(SourceSummarySchema),
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

export const ManifestSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  generator: z.literal('chronicle'),
  articleCount: z.int().nonnegative(),
  /** File name of the article index, relative to the data folder. */
  index: z.string().regex(/^index\.[0-9a-f]{16}\.json$/),
  /** Folder of body files (`<id>.json`), relative to the data folder. */
  bodies: z.literal('articles/'),
});

export type ArticleSummary = z.infer<typeof ArticleSummarySchema>;
export type SourceSummary = z.infer<typeof SourceSummarySchema>;
export type ArticleIndex = z.infer<typeof ArticleIndexSchema>;
export type RemovalReport = z.infer<typeof RemovalReportSchema>;
export type ArticleBody = z.infer<typeof ArticleBodySchema>;
export type Manifest = z.infer<typeof ManifestSchema>;
export type ContentLanguage = z.infer<typeof ContentLanguageSchema>;
