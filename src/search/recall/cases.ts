/**
 * Recall cases for full-text search: each query, run against the fixture archive in
 * `./archive`, must find exactly `hits`. Every fixture was written for these cases (invented
 * outlets, people and events), and each file is named after the case it serves. When adding an
 * article, check every case again: a fixture that happens to contain a query's words, in either
 * script, joins that case's hits.
 */
export interface RecallCase {
  /** What the case checks, e.g. 'cross-word Chinese substring'. */
  name: string;
  /** What the reader types in the search box. */
  query: string;
  /** List filters as a URL query string (`source=…&from=YYYY-MM-DD&to=YYYY-MM-DD`, days in UTC); absent for none. */
  filters?: string;
  /** Every article the query must find, and no other: paths relative to src/search/recall/archive. */
  hits: string[];
  /** When set, `hits` is listed in the expected ranking order (best first). */
  ordered?: boolean;
}

const BEICHEN = 'hexo/新闻/北辰时报/国际';
const NANLING = 'hexo/新闻/南岭日报/财经';
const CHENGHAI = 'hexo/港台/澄海新聞/兩岸';
const HARBOR = 'hexo/海外/The Harbor Courier/World';
const OUTPOST = 'hexo/期刊/科技前哨/产业';
const FORUM = 'txt/转帖';

/** Every article about a treaty: 条约 in Simplified text, 條約 in Traditional. */
const TREATY_ARTICLES = [
  `${BEICHEN}/cross-word-substring-treaty.md`,
  `${CHENGHAI}/traditional-treaty-text.md`,
  `${BEICHEN}/exclude-term-treaty-without-russia.md`,
  `${CHENGHAI}/exclude-term-traditional-treaty.md`,
];

/** NATO written as NATO (next to Chinese, no space), Nato, and in an English article. */
const NATO_ARTICLES = [
  `${BEICHEN}/mixed-latin-chinese-nato.md`,
  `${CHENGHAI}/mixed-nato-traditional-lowercase.md`,
  `${HARBOR}/nato-english-only.md`,
];

/** Articles with both NATO (any case) and 北约/北約. */
const NATO_AND_BEIYUE_ARTICLES = [
  `${BEICHEN}/mixed-latin-chinese-nato.md`,
  `${CHENGHAI}/mixed-nato-traditional-lowercase.md`,
];

const MODEL_NUMBER_ARTICLES = [
  `${OUTPOST}/fullwidth-model-number.md`,
  `${NANLING}/halfwidth-model-number.md`,
];

const H100_CHIP_ARTICLES = [
  `${OUTPOST}/mixed-h100-chip.md`,
  `${NANLING}/mixed-h100-order-reversed.md`,
];

const SANCTION_ARTICLES = [
  `${HARBOR}/stemming-sanctioned.md`,
  `${HARBOR}/stemming-sanction-singular.md`,
];

export const RECALL_CASES: readonly RecallCase[] = [
  {
    name: 'cross-word Chinese substring, in Simplified and Traditional text',
    query: '削减战略',
    hits: [`${BEICHEN}/cross-word-substring-treaty.md`, `${CHENGHAI}/traditional-treaty-text.md`],
  },
  {
    name: 'two characters across a word boundary (芯片|供应)',
    query: '片供',
    hits: [`${OUTPOST}/mixed-h100-chip.md`],
  },
  {
    name: 'Simplified query finds Traditional text',
    query: '条约',
    hits: TREATY_ARTICLES,
  },
  {
    name: 'Traditional query finds Simplified text',
    query: '條約',
    hits: TREATY_ARTICLES,
  },
  {
    name: 'Traditional four-character query',
    query: '戰略穩定',
    hits: [
      `${BEICHEN}/mixed-query-chinese-term-only.md`,
      `${BEICHEN}/source-filter-strategic-stability.md`,
      `${CHENGHAI}/source-filter-other-outlet.md`,
    ],
  },
  {
    name: 'single Chinese character in a title',
    query: '鲸',
    hits: [`${NANLING}/single-character-title.md`],
  },
  {
    name: 'single Traditional character finds Simplified title',
    query: '鯨',
    hits: [`${NANLING}/single-character-title.md`],
  },
  {
    name: 'full-width query finds half-width and full-width text',
    query: 'ＸＲ７００',
    hits: MODEL_NUMBER_ARTICLES,
  },
  {
    name: 'half-width query finds full-width and half-width text',
    query: 'XR700',
    hits: MODEL_NUMBER_ARTICLES,
  },
  {
    name: 'lower-case query finds an upper-case model name',
    query: 'h100',
    hits: H100_CHIP_ARTICLES,
  },
  {
    name: 'plural finds singular and past tense (Porter stem)',
    query: 'sanctions',
    hits: SANCTION_ARTICLES,
  },
  {
    name: 'gerund finds singular and past tense, not sanctuary',
    query: 'sanctioning',
    hits: SANCTION_ARTICLES,
  },
  {
    name: 'upper-case acronym finds NATO, Nato and NATO glued to Chinese',
    query: 'NATO',
    hits: NATO_ARTICLES,
  },
  {
    name: 'mixed Latin and Chinese query: both terms required',
    query: 'NATO 北约',
    hits: NATO_AND_BEIYUE_ARTICLES,
  },
  {
    name: 'mixed query in the other order',
    query: '北约 NATO',
    hits: NATO_AND_BEIYUE_ARTICLES,
  },
  {
    name: 'model name and Chinese word, adjacent in one article and apart in another',
    query: 'H100 芯片',
    hits: H100_CHIP_ARTICLES,
  },
  {
    name: 'terms split between title and body',
    query: '近海出现 燃油补贴',
    hits: [`${NANLING}/single-character-title.md`],
  },
  {
    name: 'quoted phrase: adjacent words in order only',
    query: '"arms control"',
    hits: [`${HARBOR}/phrase-arms-control.md`],
  },
  {
    name: 'the same words unquoted: anywhere, any order',
    query: 'arms control',
    hits: [`${HARBOR}/phrase-arms-control.md`, `${HARBOR}/phrase-control-of-arms-reversed.md`],
  },
  {
    name: 'excluded Chinese term, also in its Traditional form',
    query: '条约 -俄罗斯',
    hits: [
      `${BEICHEN}/exclude-term-treaty-without-russia.md`,
      `${CHENGHAI}/exclude-term-traditional-treaty.md`,
    ],
  },
  {
    name: 'Latin term with a Chinese term excluded',
    query: 'NATO -北约',
    hits: [`${HARBOR}/nato-english-only.md`],
  },
  {
    name: 'source filter',
    query: '战略稳定',
    filters: 'source=北辰时报',
    hits: [
      `${BEICHEN}/mixed-query-chinese-term-only.md`,
      `${BEICHEN}/source-filter-strategic-stability.md`,
    ],
  },
  {
    name: 'date filter: one year; undated and other years left out',
    query: '军控',
    filters: 'from=2021-01-01&to=2021-12-31',
    hits: [`${BEICHEN}/cross-word-substring-treaty.md`, `${CHENGHAI}/traditional-treaty-text.md`],
  },
  {
    name: 'source and date filters together',
    query: '条约',
    filters: 'source=澄海新聞&from=2021-01-01',
    hits: [`${CHENGHAI}/traditional-treaty-text.md`],
  },
  {
    name: 'date filter ending on the day of one article, the day before the other',
    query: '削减战略',
    filters: 'to=2021-02-05',
    hits: [`${BEICHEN}/cross-word-substring-treaty.md`],
  },
  {
    name: 'term in the title ranks above term in the body; then newer first',
    query: '量子通信',
    hits: [
      `${OUTPOST}/ranking-term-in-title.md`,
      `${BEICHEN}/ranking-term-in-body-newer.md`,
      `${NANLING}/ranking-term-in-body-older.md`,
    ],
    ordered: true,
  },
  {
    name: 'plain-text articles',
    query: '无人机编队',
    hits: [`${FORUM}/plain-text-forum-repost.txt`, `${FORUM}/plain-text-undated-arms-control.txt`],
  },
  {
    name: 'Chinese query found nowhere',
    query: '火星殖民',
    hits: [],
  },
  {
    name: 'every term is required: each is found, never together',
    query: 'NATO 量子通信',
    hits: [],
  },
];
