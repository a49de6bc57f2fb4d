/**
 * The search code the reader loads on first use, as one chunk: the folding tables and the stemmer
 * weigh more than the rest of the list view, and a reader who never searches never fetches them.
 */
export { search } from '../../search/engine';
export { findMatches, makeSnippet, type Snippet, type TextRange } from '../../search/highlight';
export { indexSource } from '../../search/index-source';
export { htmlToText } from '../../search/plain-text';
export { isSearchable, parseQuery, type ParsedQuery } from '../../search/query';
export { foldText } from '../../search/fold';
