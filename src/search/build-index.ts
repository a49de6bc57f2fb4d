import { parseSearchKeyFile, parseSearchShard } from '../manifest/parse';
import { SCHEMA_VERSION } from '../manifest/schema';
import { foldText } from './fold';
import { KEY_FILE_MARK, keyFilePath, shardOf, shardPath } from './layout';
import { PostingsBuilder, postingsToText } from './postings';
import { indexKeys } from './tokenize';

/** What the index reads of an article: its title and the plain text of its body. */
export interface SearchDocument {
  title: string;
  text: string;
}

/**
 * Postings longer than this (base64 characters) get a file of their own, so that a shard stays
 * small whatever keys share it; shards hold about SHARD_CHARACTERS. Measured on the generated
 * 100k corpus (docs/search.md): smaller shards mean more files for little fewer bytes per query.
 */
export const OWN_FILE_CHARACTERS = 1024;
export const SHARD_CHARACTERS = 4096;

export interface SearchIndexFiles {
  shards: number;
  /** Paths relative to the build folder, each validated against its schema. */
  files: { path: string; text: string }[];
  keys: number;
}

/**
 * buildSearchIndex: the index of the documents, the i-th being row i. Pure and deterministic:
 * keys are laid out sorted, so the same documents give the same files.
 */
export function buildSearchIndex(
  documents: Iterable<SearchDocument>,
  layout = { ownFileCharacters: OWN_FILE_CHARACTERS, shardCharacters: SHARD_CHARACTERS },
): SearchIndexFiles {
  const postings = new Map<string, PostingsBuilder>();
  const add = (key: string, row: number) => {
    let builder = postings.get(key);
    if (!builder) {
      builder = new PostingsBuilder();
      postings.set(key, builder);
    }
    builder.add(row);
  };
  let row = 0;
  for (const document of documents) {
    const title = foldText(document.title);
    // The title is part of the text too, so a query across title and body terms finds the article.
    for (const key of indexKeys(`${title}\n${foldText(document.text)}`, { title: false })) {
      add(key, row);
    }
    for (const key of indexKeys(title, { title: true })) add(key, row);
    row += 1;
  }

  const encoded = [...postings]
    .map(([key, builder]) => [key, postingsToText(builder.encode())] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  let sharedCharacters = 0;
  for (const [key, text] of encoded) {
    if (text.length <= layout.ownFileCharacters) sharedCharacters += key.length + text.length + 6;
  }
  const shards = Math.max(1, Math.ceil(sharedCharacters / layout.shardCharacters));

  const shardKeys = Array.from({ length: shards }, () => ({}) as Record<string, string>);
  const ownFiles = new Array<number>(shards).fill(0);
  const files: SearchIndexFiles['files'] = [];
  for (const [key, text] of encoded) {
    const shard = shardOf(key, shards);
    if (text.length <= layout.ownFileCharacters) {
      shardKeys[shard]![key] = text;
      continue;
    }
    const index = ownFiles[shard]!;
    ownFiles[shard] = index + 1;
    shardKeys[shard]![key] = `${KEY_FILE_MARK}${index}`;
    const path = keyFilePath(shard, index);
    files.push({
      path,
      text: JSON.stringify(
        parseSearchKeyFile({ schemaVersion: SCHEMA_VERSION, key, postings: text }, path),
      ),
    });
  }
  shardKeys.forEach((keys, shard) => {
    const path = shardPath(shard);
    files.push({
      path,
      text: JSON.stringify(parseSearchShard({ schemaVersion: SCHEMA_VERSION, shard, keys }, path)),
    });
  });
  return { shards, files, keys: encoded.length };
}
