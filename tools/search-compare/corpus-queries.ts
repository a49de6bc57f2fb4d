import { median } from '../bench/stats';
import type { PagefindBrowser, QueryOutcome, RequestRecord, SearchPage } from './browser-search';

export interface CorpusQuery {
  /** What kind of query it is, e.g. '2-char word'. */
  kind: string;
  query: string;
  /** Restrict to this source (the corpus's largest, chosen at run time). */
  filtered?: boolean;
}

/**
 * Queries a reader of the synthetic corpus would type, drawn from its vocabulary
 * (src/tools/corpus/vocabulary.ts): words and parts of words, both scripts, English and mixed.
 */
export const CORPUS_QUERIES: readonly CorpusQuery[] = [
  { kind: '2-char word', query: '芯片' },
  { kind: '2-char word', query: '央行' },
  { kind: '4-char word', query: '数据中心' },
  { kind: '4-char word', query: '停火协议' },
  { kind: 'word typed halfway (卫星互联网)', query: '卫星互联' },
  { kind: 'cross-word substring (供应链|安全)', query: '链安全' },
  { kind: 'Traditional (国防预算)', query: '國防預算' },
  { kind: 'English word', query: 'ceasefire' },
  { kind: 'English phrase', query: '"export curbs"' },
  { kind: 'acronym', query: 'NATO' },
  { kind: 'mixed Latin + Chinese', query: 'H100 芯片' },
  { kind: '4-char word + source filter', query: '数据中心', filtered: true },
];

/**
 * Readies Pagefind (pagefind.js, worker, WebAssembly, metadata) before a "later" query: a word
 * in no article, whose index chunk (words starting with q) no measured query needs.
 */
const WARM_UP = { query: 'qqqq', filters: null, dataLimit: 0 };

/** A results page: the data of this many results is loaded, as a list showing them would. */
export const RESULTS_PAGE = 20;

export interface Transfer {
  requests: number;
  /** Over the wire, headers included. */
  bytes: number;
  /** Of which result data (`.pf_fragment` files). */
  fragmentBytes: number;
}

export interface QueryFigures {
  kind: string;
  query: string;
  filter: string | null;
  hitCount: number;
  /** First query in a fresh page: pagefind.js, WebAssembly, entry and metadata included. */
  first: Transfer & { medianMs: number };
  /** The query after another one (so Pagefind is loaded): its own bytes. */
  later: Transfer & { medianMs: number };
}

function transferOf(requests: RequestRecord[]): Transfer {
  const sum = (records: RequestRecord[]) =>
    records.reduce((total, record) => total + record.transferBytes, 0);
  return {
    requests: requests.length,
    bytes: sum(requests),
    fragmentBytes: sum(requests.filter((record) => record.url.endsWith('.pf_fragment'))),
  };
}

/**
 * Runs the query `runs` times, each in a fresh page (empty HTTP cache and no Pagefind state);
 * `prepare` readies the page first. Bytes come from the first run: every run fetches the same.
 */
async function measure(
  browser: PagefindBrowser,
  runs: number,
  prepare: (page: SearchPage) => Promise<unknown>,
  query: (page: SearchPage) => Promise<QueryOutcome>,
): Promise<{ outcome: QueryOutcome; transfer: Transfer; medianMs: number }> {
  const outcomes: QueryOutcome[] = [];
  for (let run = 0; run < runs; run += 1) {
    outcomes.push(
      await browser.withPage(async (page) => {
        await prepare(page);
        return query(page);
      }),
    );
  }
  const outcome = outcomes[0]!;
  const medianMs = median(outcomes.map((each) => each.ms));
  return { outcome, transfer: transferOf(outcome.requests), medianMs };
}

/** measureCorpusQueries: bytes and time per query, first and later, with a results page loaded. */
export async function measureCorpusQueries(
  browser: PagefindBrowser,
  runs: number,
  filterSource: string,
): Promise<QueryFigures[]> {
  const figures: QueryFigures[] = [];
  for (const corpusQuery of CORPUS_QUERIES) {
    const filters = corpusQuery.filtered ? { source: { any: [filterSource] } } : null;
    const request = { query: corpusQuery.query, filters, dataLimit: RESULTS_PAGE };
    const run = (page: SearchPage) => page.query(request);
    const first = await measure(browser, runs, async () => undefined, run);
    const later = await measure(browser, runs, (page) => page.query(WARM_UP), run);
    figures.push({
      kind: corpusQuery.kind,
      query: corpusQuery.query,
      filter: corpusQuery.filtered ? `source=${filterSource}` : null,
      hitCount: first.outcome.hitCount,
      first: { ...first.transfer, medianMs: first.medianMs },
      later: { ...later.transfer, medianMs: later.medianMs },
    });
  }
  return figures;
}
