import { createHash } from 'node:crypto';
import { parseArticleBody } from '../manifest/parse';
import type { ArticleRow } from '../manifest/schema';
import type { Article, BodyFileRef } from './model';

/** A data file to write: its path inside the data folder and its text. */
export interface DataFile {
  path: string;
  text: string;
}

/** hashOf: the 16 hex digits of a file's content hash that its name carries. */
export const hashOf = (text: string) =>
  createHash('sha256').update(text).digest('hex').slice(0, 16);

export const bodyPath = (id: string, hash: string) => `articles/${id}.${hash}.json`;

/**
 * layOutBody: an article's body file, validated against the body schema and named by its hash,
 * and its row, which names that hash.
 */
export function layOutBody({ summary, body }: Article): { file: DataFile; row: ArticleRow } {
  const text = JSON.stringify(parseArticleBody(body, `body of ${body.paths[0]}`));
  const hash = hashOf(text);
  return { file: { path: bodyPath(summary.id, hash), text }, row: { ...summary, body: hash } };
}

/** bodyFileRef: the hash and size of the article's body file as it stands (see Article.bodyFile). */
export function bodyFileRef(article: Article): BodyFileRef {
  const { file, row } = layOutBody(article);
  return { hash: row.body, bytes: Buffer.byteLength(file.text) };
}
