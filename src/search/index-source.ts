import { parseSearchKeyFile, parseSearchShard } from '../manifest/parse';
import type { SearchIndexSource } from './engine';
import { keyFilePath, shardPath } from './layout';

/**
 * indexSource: the engine's view of an index whose files `load` returns (parsed JSON, by path
 * inside the build folder), each validated against its schema.
 */
export function indexSource(
  shards: number,
  load: (path: string) => Promise<unknown>,
): SearchIndexSource {
  return {
    shards,
    async loadShard(shard) {
      const path = shardPath(shard);
      const document = parseSearchShard(await load(path), path);
      return document.keys;
    },
    async loadKeyFile(shard, index) {
      const path = keyFilePath(shard, index);
      return parseSearchKeyFile(await load(path), path).postings;
    },
  };
}
