import {
  chromium,
  type Browser,
  type BrowserContext,
  type Page,
  type Request,
} from '@playwright/test';
import { startStaticServer, type StaticServer } from '../bench/static-server';

/** Pagefind's filter argument: every listed filter must match one of its values. */
export type PagefindFilters = Record<string, { any: string[] }>;

export interface QueryRequest {
  query: string;
  filters: PagefindFilters | null;
  /** Load the data (URL, metadata) of only the first n results, as a results page would. */
  dataLimit: number | null;
}

export interface RequestRecord {
  url: string;
  /** Response bytes over the wire: headers, and the body as sent (gzipped if compressed). */
  transferBytes: number;
}

export interface QueryOutcome {
  /** From the call to the loaded result data; the first query includes loading Pagefind. */
  ms: number;
  hitCount: number;
  /** The loaded results in Pagefind's order: their URL and `date` metadata. */
  hits: { url: string; date: string }[];
  requests: RequestRecord[];
}

/** Longest wait for a page load or a query. */
const WAIT_MS = 120_000;

/**
 * Runs in the page: Pagefind's own browser runtime (pagefind.js, which searches in a Web Worker
 * with its WebAssembly), loaded from the served bundle on first use.
 */
const PAGE_SCRIPT = `(() => {
  let pagefind = null;
  const load = () => (pagefind ??= import('/pagefind/pagefind.js'));
  window.searchCompare = {
    async query({ query, filters, dataLimit }) {
      const started = performance.now();
      const search = await (await load()).search(query, filters ? { filters } : {});
      const results = dataLimit === null ? search.results : search.results.slice(0, dataLimit);
      const data = await Promise.all(results.map((result) => result.data()));
      return {
        ms: performance.now() - started,
        hitCount: search.results.length,
        hits: data.map((item) => ({ url: item.url, date: item.meta.date ?? '' })),
      };
    },
  };
})();`;

/** Requests that finish after the awaited call, e.g. a prefetch, still count to that call. */
const SETTLE_MS = 100;

async function recordOf(request: Request): Promise<RequestRecord> {
  const sizes = await request.sizes();
  return {
    url: request.url(),
    transferBytes: sizes.responseHeadersSize + sizes.responseBodySize,
  };
}

/**
 * NetworkLog: every request the context finished, the Web Worker's included (the page's
 * Resource Timing misses those, and Pagefind fetches its index and results from its worker).
 */
class NetworkLog {
  private readonly records: Promise<RequestRecord>[] = [];

  constructor(context: BrowserContext) {
    context.on('requestfinished', (request) => this.records.push(recordOf(request)));
  }

  /** Records what `call` fetched. */
  async during<T>(call: () => Promise<T>): Promise<{ value: T; requests: RequestRecord[] }> {
    const seen = this.records.length;
    const value = await call();
    await new Promise((resolveSettled) => setTimeout(resolveSettled, SETTLE_MS));
    return { value, requests: await Promise.all(this.records.slice(seen)) };
  }
}

/** SearchPage: one page with Pagefind not yet loaded (so the first query is a cold one). */
export class SearchPage {
  constructor(
    private readonly page: Page,
    private readonly network: NetworkLog,
  ) {}

  async query(request: QueryRequest): Promise<QueryOutcome> {
    const { value, requests } = await this.network.during(
      () =>
        this.page.evaluate(`window.searchCompare.query(${JSON.stringify(request)})`) as Promise<
          Omit<QueryOutcome, 'requests'>
        >,
    );
    return { ...value, requests };
  }
}

/** PagefindBrowser: a bundle served from 127.0.0.1 and one headless Chromium to search it. */
export class PagefindBrowser {
  private constructor(
    private readonly server: StaticServer,
    private readonly browser: Browser,
  ) {}

  static async start(siteDir: string): Promise<PagefindBrowser> {
    const server = await startStaticServer(siteDir);
    try {
      const browser = await chromium.launch({
        executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
        args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'],
        timeout: WAIT_MS,
      });
      return new PagefindBrowser(server, browser);
    } catch (error) {
      await server.close();
      throw error;
    }
  }

  /** Runs `measure` in a fresh context (empty HTTP cache), closing it whatever happens. */
  async withPage<T>(measure: (page: SearchPage) => Promise<T>): Promise<T> {
    const context = await this.browser.newContext();
    try {
      context.setDefaultTimeout(WAIT_MS);
      const network = new NetworkLog(context);
      const page = await context.newPage();
      await page.goto(`${this.server.url}/`, { waitUntil: 'load', timeout: WAIT_MS });
      await page.evaluate(PAGE_SCRIPT);
      return await measure(new SearchPage(page, network));
    } finally {
      await context.close().catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    await this.browser.close().catch(() => undefined);
    await this.server.close();
  }
}
