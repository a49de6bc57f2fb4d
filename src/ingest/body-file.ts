import { createHash } from 'node:crypto';
import { parseArticleBody } from '../manifest/parse';
import type { Article, BodyFileRef } from './model';

/** A data file to write: its path inside the data folder and its text. */
export interface DataFile {
  path: string;
  text: string;
}

/** hashOf: the 16 hex digits of a file's content hash that its name carries. */
export const hashOf = (text: string) =>
  createHash('sha256').update(text).digest('hex').slice(0, 16);

/**
 * layOutBody: an article's body as it stands in its body group file, validated against the body
 * schema, and its hash (which names the body within its group's hash).
 */
export function layOutBody({ body }: Article): { text: string; hash: string } {
  const text = JSON.stringify(parseArticleBody(body, `body of ${body.paths[0]}`));
  return { text, hash: hashOf(text) };
}

/** bodyFileRef: the hash and size of the article's body as laid out (see Article.bodyFile). */
export function bodyFileRef(article: Article): BodyFileRef {
  const { text, hash } = layOutBody(article);
  return { hash, bytes: Buffer.byteLength(text) };
}

/**
 * knownBodyRef: the article's body hash and size, from the parse (or the cache) when it is still
 * valid, else laid out now.
 */
export const knownBodyRef = (article: Article): BodyFileRef =>
  (article.body.paths.length === 1 ? article.bodyFile : undefined) ?? bodyFileRef(article);
