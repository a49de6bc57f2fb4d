/**
 * The queries the search figures are measured with, in the order they are typed. They are drawn
 * from the corpus generator's vocabulary (src/tools/corpus/vocabulary.ts), so every corpus size
 * has results for each, and each exercises a different path of the query engine.
 */
export interface BenchQuery {
  text: string;
  /** What the query exercises, for the table. */
  kind: string;
}

export const SEARCH_QUERIES: readonly BenchQuery[] = [
  // First: it pays for the search code and the first shards.
  { text: '央行', kind: '2-character word (one bigram)' },
  { text: '停火协议', kind: '4-character word (three bigrams)' },
  // `外汇储备` followed by `规模达到…` in the generator's sentences.
  { text: '储备规模', kind: 'substring across two words' },
  { text: '聯合國', kind: 'Traditional characters (联合国)' },
  { text: 'ceasefire', kind: 'English word' },
  { text: 'NATO 北约', kind: 'mixed English and Chinese terms' },
  { text: '"trade pact"', kind: 'quoted English phrase' },
  { text: '利率 -美联储', kind: 'a term and an exclusion' },
];

/** The query of the "shared link" load, `/?q=…`: a cold page whose first query is in its URL. */
export const SHARED_LINK_QUERY = '停火协议';
