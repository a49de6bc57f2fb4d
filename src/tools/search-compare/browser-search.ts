import { chromium, type Browser, type Page } from '@playwright/test';
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
  /** Bytes over the wire, headers included (Resource Timing's transferSize). */
  transferBytes: number;
  /** Body bytes as sent (gzipped when the server compressed them). */
  encodedBytes: number;
  decodedBytes: number;
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
 * Runs in the page: Pagefind's own browser runtime (pagefind.js and its WebAssembly), loaded
 * from the served bundle on first use, and the resources each call fetched, from Resource
 * Timing (whose buffer is raised so that no request of a large query goes uncounted).
 */
const PAGE_SCRIPT = `(() => {
  performance.setResourceTimingBufferSize(1_000_000);
  let pagefind = null;
  const load = () => (pagefind ??= import('/pagefind/pagefind.js'));
  const settle = () => new Promise((resolve) => setTimeout(resolve, 50));
  const requestsSince = (seen) =>
    performance.getEntriesByType('resource').slice(seen).map((entry) => ({
      url: entry.name,
      transferBytes: entry.transferSize,
      encodedBytes: entry.encodedBodySize,
      decodedBytes: entry.decodedBodySize,
    }));
  window.searchCompare = {
    async init() {
      const seen = performance.getEntriesByType('resource').length;
      await (await load()).init();
      await settle();
      return requestsSince(seen);
    },
    async query({ query, filters, dataLimit }) {
      const seen = performance.getEntriesByType('resource').length;
      const started = performance.now();
      const search = await (await load()).search(query, filters ? { filters } : {});
      const results = dataLimit === null ? search.results : search.results.slice(0, dataLimit);
      const data = await Promise.all(results.map((result) => result.data()));
      const ms = performance.now() - started;
      await settle();
      return {
        ms,
        hitCount: search.results.length,
        hits: data.map((item) => ({ url: item.url, date: item.meta.date ?? '' })),
        requests: requestsSince(seen),
      };
    },
  };
})();`;

/** SearchPage: one page with Pagefind not yet loaded (so the first query is a cold one). */
export class SearchPage {
  constructor(private readonly page: Page) {}

  /** Loads pagefind.js, its WebAssembly and metadata without searching; returns what it fetched. */
  init(): Promise<RequestRecord[]> {
    return this.page.evaluate('window.searchCompare.init()') as Promise<RequestRecord[]>;
  }

  query(request: QueryRequest): Promise<QueryOutcome> {
    return this.page.evaluate(
      `window.searchCompare.query(${JSON.stringify(request)})`,
    ) as Promise<QueryOutcome>;
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
      const page = await context.newPage();
      await page.goto(`${this.server.url}/`, { waitUntil: 'load', timeout: WAIT_MS });
      await page.evaluate(PAGE_SCRIPT);
      return await measure(new SearchPage(page));
    } finally {
      await context.close().catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    await this.browser.close().catch(() => undefined);
    await this.server.close();
  }
}
