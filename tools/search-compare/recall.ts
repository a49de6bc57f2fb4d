import type { RecallCase } from '../../src/search/recall/cases';
import type { PagefindBrowser, PagefindFilters, QueryOutcome } from './browser-search';

export interface RecallOutcome {
  name: string;
  query: string;
  filters: string | null;
  expected: number;
  found: string[];
  missed: string[];
  extra: string[];
  /** For ordered cases: whether Pagefind's order of the expected hits matches; else null. */
  orderKept: boolean | null;
  /** Pagefind's hits in its order, as archive paths. */
  pagefindOrder: string[];
}

interface CaseFilters {
  pagefind: PagefindFilters | null;
  /** Inclusive UTC days; Pagefind filters match whole values, so ranges are applied afterwards. */
  from: string | null;
  to: string | null;
}

/** Reads a case's `source=…&from=…&to=…` into a Pagefind source filter and a date range. */
function readCaseFilters(filters: string | undefined): CaseFilters {
  const params = new URLSearchParams(filters ?? '');
  const sources = params.getAll('source');
  return {
    pagefind: sources.length > 0 ? { source: { any: sources } } : null,
    from: params.get('from'),
    to: params.get('to'),
  };
}

/**
 * The date post-filter, on the `date` metadata (the same value as the date sort key): outside
 * any range when undated, as in the reader's list.
 */
function inDateRange(date: string, { from, to }: CaseFilters): boolean {
  if (from === null && to === null) return true;
  if (date === '') return false;
  const day = date.slice(0, 10);
  return (from === null || day >= from) && (to === null || day <= to);
}

function compare(
  recallCase: RecallCase,
  outcome: QueryOutcome,
  filters: CaseFilters,
  pathByUrl: ReadonlyMap<string, string>,
): RecallOutcome {
  const order = outcome.hits
    .filter((hit) => inDateRange(hit.date, filters))
    .map((hit) => pathByUrl.get(hit.url) ?? hit.url);
  const expected = new Set(recallCase.hits);
  const found = order.filter((path) => expected.has(path));
  return {
    name: recallCase.name,
    query: recallCase.query,
    filters: recallCase.filters ?? null,
    expected: expected.size,
    found,
    missed: recallCase.hits.filter((path) => !order.includes(path)),
    extra: order.filter((path) => !expected.has(path)),
    orderKept: recallCase.ordered
      ? found.length === recallCase.hits.length &&
        found.every((path, rank) => path === recallCase.hits[rank])
      : null,
    pagefindOrder: order,
  };
}

/** runRecall: every case's query through Pagefind in the browser, all results' data loaded. */
export async function runRecall(
  browser: PagefindBrowser,
  cases: readonly RecallCase[],
  pathByUrl: ReadonlyMap<string, string>,
): Promise<RecallOutcome[]> {
  return browser.withPage(async (page) => {
    const outcomes: RecallOutcome[] = [];
    for (const recallCase of cases) {
      const filters = readCaseFilters(recallCase.filters);
      const outcome = await page.query({
        query: recallCase.query,
        filters: filters.pagefind,
        dataLimit: null,
      });
      outcomes.push(compare(recallCase, outcome, filters, pathByUrl));
    }
    return outcomes;
  });
}
