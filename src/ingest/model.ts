import type { ArticleBody, ArticleRow } from '../manifest/schema';

/** An article's row before its body file is written (the row names the body by its hash). */
export type ArticleSummary = Omit<ArticleRow, 'body'>;
import type { OriginalUrlField } from './derive/original-url';
import type { SourceOrigin } from './derive/source';
import type { LocalImage } from './media';

/** A problem worth telling the archive's owner about; `line` is 1-based in the source file. */
export interface IngestWarning {
  message: string;
  line?: number;
}

/** A file as ingest sees it: where it is and what it decoded to. */
export interface SourceFile {
  /** Path relative to the content root, `/`-separated, Unicode NFC. */
  relPath: string;
  absPath: string;
  text: string;
  encoding: string;
}

/**
 * What a format parser extracts, before any normalization. Fields are raw: the derive steps decide
 * what a value means (dates, titles, sources), so every format gets the same rules.
 */
export interface ParsedArticle {
  title: unknown;
  /** An explicit source (front-matter `source`). */
  source: unknown;
  categories: unknown;
  /** The author field of the file's metadata; archivers put the feed's name here. */
  author: unknown;
  /** A person credited in the text (`记者 …`): shown as the author, never taken as the source. */
  byline: unknown;
  date: unknown;
  image: unknown;
  /** Metadata fields that may hold the article's original web address, by key (see derive/original-url). */
  originalUrl: Partial<Record<OriginalUrlField, unknown>>;
  /** Unsanitized body HTML: Markdown is rendered and plain text wrapped before sanitizing. */
  bodyHtml: string;
  warnings: IngestWarning[];
  /** 1-based line of each metadata field in the file, so warnings about a field can name it. */
  fieldLines?: Record<string, number>;
}

export type ParseOutcome = { ok: true; article: ParsedArticle } | { ok: false; reason: string };

/** One input format: decides from the content (and extension) whether it applies, then parses. */
export interface FormatParser {
  name: string;
  claims(file: SourceFile): boolean;
  parse(file: SourceFile): ParseOutcome;
}

/** Where an article's body file goes: the hash its name carries and its size in bytes. */
export interface BodyFileRef {
  hash: string;
  bytes: number;
}

/** A normalized article: the index entry plus its body. */
export interface Article {
  summary: ArticleSummary;
  /** The archiver's first category (`categories[0]`), grouping sources in the reader; null if none. */
  group: string | null;
  body: ArticleBody;
  encoding: string;
  format: string;
  /** Where the source name came from, before the config's aliases (for the report). */
  sourceOrigin: SourceOrigin;
  /** The archive's image files the article shows (header and body), by media path. */
  localImages: LocalImage[];
  /**
   * The body file as laid out when the file was parsed, kept (and cached) so that a rebuild can
   * find the file already written without laying the body out again. Only set, and only valid,
   * while `body.paths` holds just the file's own path: merging a duplicate in removes it.
   */
  bodyFile?: BodyFileRef;
}
