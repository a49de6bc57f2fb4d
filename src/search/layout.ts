import { TITLE_PREFIX } from './tokenize';

/**
 * Where the index keeps a key, shared by the builder and the reader. A key and its title twin
 * (`^key`) hash alike, so they share a shard: a query loads one shard per key, not two.
 */

/** shardOf: the shard holding `key`, by 32-bit FNV-1a of its UTF-16 code units. */
export function shardOf(key: string, shards: number): number {
  const base = key.startsWith(TITLE_PREFIX) ? key.slice(TITLE_PREFIX.length) : key;
  let hash = 0x811c9dc5;
  for (let index = 0; index < base.length; index += 1) {
    hash ^= base.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % shards;
}

/** Paths inside the build folder. */
export const shardPath = (shard: number) => `search/${shard}.json`;
export const keyFilePath = (shard: number, index: number) => `search/${shard}-${index}.json`;

/** A key's postings value in its shard when they are in a file of their own. */
export const KEY_FILE_MARK = '@';
