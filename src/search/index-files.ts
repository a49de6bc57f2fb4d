import { SCHEMA_VERSION } from '../manifest/schema';
import { KEY_FILE_MARK, keyFilePath, shardOf, shardPath } from './layout';

/**
 * Postings longer than this (base64 characters) get a file of their own, so that a shard stays
 * small whatever keys share it; shards hold about SHARD_CHARACTERS. Measured on the generated
 * 100k corpus (docs/search.md): smaller shards mean more files for little fewer bytes per query.
 */
export const OWN_FILE_CHARACTERS = 1024;
export const SHARD_CHARACTERS = 4096;

export interface IndexLayout {
  ownFileCharacters: number;
  shardCharacters: number;
}

export const DEFAULT_LAYOUT: IndexLayout = {
  ownFileCharacters: OWN_FILE_CHARACTERS,
  shardCharacters: SHARD_CHARACTERS,
};

export interface SearchIndexFiles {
  shards: number;
  /** Paths relative to the build folder, each a SearchShard or SearchKeyFile document. */
  files: { path: string; text: string }[];
  keys: number;
}

const ARRAY_INDEX = /^(?:0|[1-9]\d*)$/;
const LARGEST_ARRAY_INDEX = 2 ** 32 - 2;

/** Whether a JavaScript object lists `key` first, in numeric order (an array index). */
const isArrayIndex = (key: string) => ARRAY_INDEX.test(key) && Number(key) <= LARGEST_ARRAY_INDEX;

/**
 * layOutIndexFiles: the index's files for keys in ascending order (by UTF-16 code units) and their
 * postings as base64. The JSON is written directly, not through JSON.stringify of one object per
 * shard, but spells the same bytes: keys a JavaScript object lists first (array indices, like
 * `2021`) come first in numeric order, then the rest in order.
 */
export function layOutIndexFiles(
  keys: readonly string[],
  postings: readonly string[],
  layout: IndexLayout = DEFAULT_LAYOUT,
): SearchIndexFiles {
  let sharedCharacters = 0;
  for (let index = 0; index < keys.length; index += 1) {
    const text = postings[index]!;
    if (text.length <= layout.ownFileCharacters) {
      sharedCharacters += keys[index]!.length + text.length + 6;
    }
  }
  const shards = Math.max(1, Math.ceil(sharedCharacters / layout.shardCharacters));

  const numbered = Array.from({ length: shards }, () => [] as [number, string][]);
  const named = Array.from({ length: shards }, () => [] as string[]);
  const ownFiles = new Array<number>(shards).fill(0);
  const files: SearchIndexFiles['files'] = [];
  for (let index = 0; index < keys.length; index += 1) {
    const key = keys[index]!;
    let text = postings[index]!;
    const shard = shardOf(key, shards);
    const quoted = JSON.stringify(key);
    if (text.length > layout.ownFileCharacters) {
      const own = ownFiles[shard]!;
      ownFiles[shard] = own + 1;
      files.push({
        path: keyFilePath(shard, own),
        text: `{"schemaVersion":${SCHEMA_VERSION},"key":${quoted},"postings":"${text}"}`,
      });
      text = `${KEY_FILE_MARK}${own}`;
    }
    const entry = `${quoted}:"${text}"`;
    if (isArrayIndex(key)) numbered[shard]!.push([Number(key), entry]);
    else named[shard]!.push(entry);
  }
  for (let shard = 0; shard < shards; shard += 1) {
    const entries = numbered[shard]!.sort(([a], [b]) => a - b).map(([, entry]) => entry);
    entries.push(...named[shard]!);
    files.push({
      path: shardPath(shard),
      text: `{"schemaVersion":${SCHEMA_VERSION},"shard":${shard},"keys":{${entries.join(',')}}}`,
    });
  }
  return { shards, files, keys: keys.length };
}
