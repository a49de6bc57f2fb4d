import { DEFAULT_LAYOUT, type IndexLayout, type SearchIndexFiles } from './index-files';
import { SearchIndexState, type SearchDocument } from './index-state';

export {
  OWN_FILE_CHARACTERS,
  SHARD_CHARACTERS,
  type IndexLayout,
  type SearchIndexFiles,
} from './index-files';
export type { SearchDocument } from './index-state';

/**
 * buildSearchIndex: the index of the documents, the i-th being row i. Pure and deterministic:
 * keys are laid out sorted, so the same documents give the same files. A rebuild that keeps the
 * state (SearchIndexState.build, save, load, update) gets the same files without re-reading
 * unchanged documents.
 */
export function buildSearchIndex(
  documents: Iterable<SearchDocument>,
  layout: IndexLayout = DEFAULT_LAYOUT,
): SearchIndexFiles {
  return SearchIndexState.build(documents).files(layout);
}
