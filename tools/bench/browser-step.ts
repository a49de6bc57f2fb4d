import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { median, summarizeSeries, type Series } from './stats';
import {
  summarizeQuery,
  summarizeSharedLink,
  type QueryRun,
  type SearchSessionFigures,
  type SharedLinkFigures,
} from './search-figures';
import type { BenchQuery } from './search-queries';
import type { RequestRecord } from './request-record';
import {
  armInteractionScript,
  armSearchScript,
  requestsSinceScript,
  SEARCH_INIT_SCRIPT,
  SEARCH_RESULTS_SHOWN,
  SNIPPETS_SHOWN,
  FIRST_PAINT,
  firstPaintScript,
  INTERACTION_MS,
  LIST_ROW,
  REQUESTS_BEFORE_FIRST_PAINT,
  type InteractionTarget,
} from './page-scripts';

export interface BrowserLimits {
  /** Longest wait for any one thing: a load, a first paint, an interaction's result. */
  waitMs: number;
  /** A series stops early, with fewer runs, once it has taken this long. */
  seriesMs: number;
}

export interface ColdLoadFigures {
  /** Median over the measured runs (a warm-up run before them is not counted). */
  firstPaintMs: number;
  samplesMs: number[];
  /** Bytes over the wire (headers included) for requests started before the first paint. */
  transferredBeforeFirstPaint: { nonJsBytes: number; jsBytes: number };
  /** The first measured run's requests, for seeing what the bytes were. */
  requests: RequestRecord[];
  /** Used JS heap after load and a forced GC, median over the runs; null when not asked for. */
  heapUsedBytes: number | null;
}

const VIEWPORT = { width: 1280, height: 900 };
const LOCALE = 'zh-CN';
const TIMEZONE = 'Asia/Shanghai';
/** How long "after load" waits for the network to go quiet before reading the heap. */
const SETTLE_MS = 5_000;
const FILTER_FORM = '筛选';
const FROM_DATE = '起始日期';
const SEARCH_LABEL = '搜索文章';
/**
 * After the results show, the rows on screen fetch their row chunks and then, for snippets, their
 * articles' bodies. They are taken as done once no data request has been in flight for
 * DATA_QUIET_MS, counted from the results, or after DATA_WAIT_MS whatever happens.
 */
const DATA_QUIET_MS = 750;
const DATA_WAIT_MS = 15_000;

/** What the page's search probe resolves with (see SEARCH_INIT_SCRIPT). */
interface SearchShown {
  startMs: number;
  resultsMs: number;
  count: number;
}

/**
 * watchDataRequests: follows the page's requests for data files, so a measurement can wait until
 * the rows and bodies a search result needs have arrived (Resource Timing lists a request only
 * once it is done).
 */
function watchDataRequests(page: Page) {
  let inFlight = 0;
  let lastChange = performance.now();
  const isData = (url: string) => new URL(url).pathname.startsWith('/data/');
  const started = (request: { url(): string }) => {
    if (!isData(request.url())) return;
    inFlight += 1;
    lastChange = performance.now();
  };
  const ended = (request: { url(): string }) => {
    if (!isData(request.url())) return;
    inFlight = Math.max(0, inFlight - 1);
    lastChange = performance.now();
  };
  page.on('request', started);
  page.on('requestfinished', ended);
  page.on('requestfailed', ended);
  return {
    /** Resolves once no data request has started or ended for quietMs from now, or after maxMs. */
    async quiet(quietMs: number, maxMs: number): Promise<void> {
      const from = performance.now();
      lastChange = Math.max(lastChange, from);
      while (performance.now() - from < maxMs) {
        if (inFlight === 0 && performance.now() - lastChange >= quietMs) return;
        await new Promise((resolveTick) => setTimeout(resolveTick, 50));
      }
    },
  };
}

export class BenchTimeoutError extends Error {
  override readonly name = 'BenchTimeoutError';
}

const isScript = (url: string) => /\.m?js$/.test(new URL(url).pathname);

async function usedHeapAfterGc(page: Page, context: BrowserContext): Promise<number> {
  const cdp = await context.newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** BenchBrowser: one headless Chromium, relaunched if it died; every measurement gets a new context. */
export class BenchBrowser {
  private browser: Browser | null = null;

  constructor(private readonly limits: BrowserLimits) {}

  async version(): Promise<string> {
    return (await this.get()).version();
  }

  private async get(): Promise<Browser> {
    if (this.browser?.isConnected()) return this.browser;
    this.browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-component-update',
        // Only the bench's server answers: remote images in the corpus (example.* hosts) fail at
        // once instead of waiting on DNS, so they neither add bytes nor vary the timings.
        '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
      ],
      timeout: this.limits.waitMs,
    });
    return this.browser;
  }

  /** Runs with a fresh context (empty cache) and page, and closes them whatever happens. */
  async withPage<T>(measure: (page: Page, context: BrowserContext) => Promise<T>): Promise<T> {
    const browser = await this.get();
    const context = await browser.newContext({
      viewport: VIEWPORT,
      locale: LOCALE,
      timezoneId: TIMEZONE,
      serviceWorkers: 'block',
    });
    try {
      context.setDefaultTimeout(this.limits.waitMs);
      context.setDefaultNavigationTimeout(this.limits.waitMs);
      const page = await context.newPage();
      return await measure(page, context);
    } finally {
      await context.close().catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    await this.browser?.close().catch(() => undefined);
    this.browser = null;
  }

  /** Awaits a promise the page's bench scripts made, for at most the wait limit. */
  private async awaitInPage<T>(page: Page, expression: string, what: string): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new BenchTimeoutError(`no ${what} within ${this.limits.waitMs / 1000} s`)),
        this.limits.waitMs,
      );
    });
    try {
      return (await Promise.race([page.evaluate(expression), timeout])) as T;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Opens url in the page and waits until the first element matching selector is painted. */
  private async loadUntilPainted(page: Page, url: string, selector: string): Promise<number> {
    await page.addInitScript({ content: firstPaintScript(selector) });
    await page.goto(url, { waitUntil: 'commit' });
    return this.awaitInPage<number>(page, FIRST_PAINT, `first ${selector} painted`);
  }

  /**
   * warmUp: an unmeasured load of url until its network goes quiet, so the server's gzip cache and
   * the OS file cache are warm, as a CDN's would be. It does not wait for the page to render.
   */
  private async warmUp(url: string): Promise<void> {
    await this.withPage(async (page) => {
      await page.goto(url, { waitUntil: 'commit' });
      await page.waitForLoadState('networkidle');
    });
  }

  /**
   * coldLoad: after a warm-up, loads url in fresh contexts until the first element matching
   * selector is painted, `runs` times (fewer if the series runs out of time).
   */
  async coldLoad(
    url: string,
    selector: string,
    runs: number,
    options: { heap: boolean },
  ): Promise<ColdLoadFigures> {
    const loads: { firstPaintMs: number; requests: RequestRecord[]; heap: number | null }[] = [];
    const started = performance.now();
    await this.warmUp(url);
    for (let run = 0; run < runs; run += 1) {
      if (run > 0 && performance.now() - started > this.limits.seriesMs) break;
      const load = await this.withPage(async (page, context) => {
        const firstPaintMs = await this.loadUntilPainted(page, url, selector);
        await page.waitForLoadState('load');
        await page.waitForLoadState('networkidle', { timeout: SETTLE_MS }).catch(() => undefined);
        const requests = (await page.evaluate(REQUESTS_BEFORE_FIRST_PAINT)) as RequestRecord[];
        return {
          firstPaintMs,
          requests,
          heap: options.heap ? await usedHeapAfterGc(page, context) : null,
        };
      });
      loads.push(load);
    }
    const samples = loads.map((load) => load.firstPaintMs);
    const requests = loads[0]?.requests ?? [];
    const sum = (records: RequestRecord[]) =>
      records.reduce((total, record) => total + record.transferBytes, 0);
    return {
      firstPaintMs: median(samples),
      samplesMs: samples,
      transferredBeforeFirstPaint: {
        nonJsBytes: sum(requests.filter((record) => !isScript(record.url))),
        jsBytes: sum(requests.filter((record) => isScript(record.url))),
      },
      requests,
      heapUsedBytes: options.heap ? median(loads.map((load) => load.heap ?? Number.NaN)) : null,
    };
  }

  /** Times one interaction that `act` starts, from its first event to the painted result. */
  private async timeInteraction(
    page: Page,
    eventType: 'click' | 'input',
    target: InteractionTarget,
    act: () => Promise<void>,
  ): Promise<number> {
    await page.evaluate(armInteractionScript(eventType, target));
    await act();
    return this.awaitInPage<number>(page, INTERACTION_MS, `${target} after ${eventType}`);
  }

  /** Loads the list in a fresh context, then runs `step` up to `runs` times, each timed. */
  private async series(
    listUrl: string,
    runs: number,
    step: (page: Page, run: number) => Promise<number>,
  ): Promise<Series> {
    return this.withPage(async (page) => {
      await this.loadUntilPainted(page, listUrl, LIST_ROW);
      await page.waitForLoadState('networkidle', { timeout: SETTLE_MS }).catch(() => undefined);
      const samples: number[] = [];
      const started = performance.now();
      for (let run = 0; run < runs; run += 1) {
        if (run > 0 && performance.now() - started > this.limits.seriesMs) break;
        samples.push(await step(page, run));
      }
      return summarizeSeries(samples);
    });
  }

  /** sourceToggle: checks and unchecks the first source in the filter panel, alternately. */
  sourceToggle(listUrl: string, runs: number): Promise<Series> {
    return this.series(listUrl, runs, (page) => {
      const checkbox = page.getByRole('form', { name: FILTER_FORM }).getByRole('checkbox').first();
      return this.timeInteraction(page, 'click', 'count-changed', () => checkbox.click());
    });
  }

  /** dateChange: sets the start of the date range to two days, alternately. */
  dateChange(
    listUrl: string,
    runs: number,
    days: { early: string; late: string },
  ): Promise<Series> {
    return this.series(listUrl, runs, (page, run) => {
      const input = page.getByLabel(FROM_DATE, { exact: true });
      const day = run % 2 === 0 ? days.early : days.late;
      return this.timeInteraction(page, 'input', 'count-changed', () => input.fill(day));
    });
  }

  /** articleOpen: opens the n-th row's article (a body not fetched before), then goes back. */
  articleOpen(listUrl: string, runs: number): Promise<Series> {
    return this.series(listUrl, runs, async (page, run) => {
      const link = page.locator(LIST_ROW).nth(run).getByRole('link').first();
      const ms = await this.timeInteraction(page, 'click', 'body-painted', () => link.click());
      await page.goBack();
      await page.locator('.article-body').waitFor({ state: 'detached' });
      await page.locator(LIST_ROW).first().waitFor();
      return ms;
    });
  }

  /**
   * searchSession: in a cold list page, types each query into the search box and presses Enter,
   * in order (the first query pays for the search code); each is timed from the Enter to the
   * painted results status, and its requests are those that started after the Enter, the
   * snippets' article bodies included. One unmeasured warm-up session, then `runs` sessions,
   * each in a fresh context (fewer if the series runs out of time).
   */
  async searchSession(
    listUrl: string,
    queries: readonly BenchQuery[],
    runs: number,
  ): Promise<SearchSessionFigures> {
    const started = performance.now();
    await this.withPage((page) => this.typeQueries(page, listUrl, queries));
    const sessions: QueryRun[][] = [];
    for (let run = 0; run < runs; run += 1) {
      if (run > 0 && performance.now() - started > this.limits.seriesMs) break;
      sessions.push(await this.withPage((page) => this.typeQueries(page, listUrl, queries)));
    }
    return {
      queries: queries.map((query, index) =>
        summarizeQuery(
          query,
          sessions.map((session) => session[index]!),
        ),
      ),
      runs: sessions.length,
    };
  }

  private async typeQueries(
    page: Page,
    listUrl: string,
    queries: readonly BenchQuery[],
  ): Promise<QueryRun[]> {
    await page.addInitScript({ content: SEARCH_INIT_SCRIPT });
    const data = watchDataRequests(page);
    await this.loadUntilPainted(page, listUrl, LIST_ROW);
    // The list's own requests (row chunks, images) are over before the first query is typed.
    await page.waitForLoadState('networkidle', { timeout: SETTLE_MS }).catch(() => undefined);
    const box = page.getByRole('searchbox', { name: SEARCH_LABEL });
    const runs: QueryRun[] = [];
    for (const query of queries) {
      await page.evaluate(armSearchScript(query.text, false));
      // One input event for the whole query, then Enter before the box's typing pause ends:
      // the search starts with the Enter.
      await box.fill(query.text);
      await box.press('Enter');
      const shown = await this.awaitInPage<SearchShown>(
        page,
        SEARCH_RESULTS_SHOWN,
        `results for ${query.text}`,
      );
      await data.quiet(DATA_QUIET_MS, DATA_WAIT_MS);
      const requests = (await page.evaluate(requestsSinceScript(shown.startMs))) as RequestRecord[];
      const shownRows = (await page.evaluate(SNIPPETS_SHOWN)) as { rows: number; snippets: number };
      runs.push({
        resultsMs: shown.resultsMs,
        count: shown.count,
        requests: requests.map((record) => ({
          ...record,
          startMs: record.startMs - shown.startMs,
          endMs: record.endMs - shown.startMs,
        })),
        rowsShown: shownRows.rows,
        snippetsShown: shownRows.snippets,
      });
    }
    return runs;
  }

  /**
   * sharedLink: a cold load of a URL whose query string has a search (`/?q=…`), timed from
   * navigation start to the painted results status; a warm-up, then `runs` loads.
   */
  async sharedLink(url: string, query: string, runs: number): Promise<SharedLinkFigures> {
    const loads: { resultsMs: number; count: number; requests: RequestRecord[] }[] = [];
    const started = performance.now();
    await this.warmUp(url);
    for (let run = 0; run < runs; run += 1) {
      if (run > 0 && performance.now() - started > this.limits.seriesMs) break;
      const load = await this.withPage(async (page) => {
        await page.addInitScript({
          content: `${SEARCH_INIT_SCRIPT}\n${armSearchScript(query, true)};`,
        });
        await page.goto(url, { waitUntil: 'commit' });
        const shown = await this.awaitInPage<SearchShown>(
          page,
          SEARCH_RESULTS_SHOWN,
          `results for ${query}`,
        );
        const requests = (await page.evaluate(requestsSinceScript(0))) as RequestRecord[];
        return { resultsMs: shown.resultsMs, count: shown.count, requests };
      });
      loads.push(load);
    }
    return summarizeSharedLink(query, loads);
  }
}
