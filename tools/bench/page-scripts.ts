/**
 * Code that runs inside the page, kept as source text: a function handed to Playwright would be
 * serialized after tsx compiled it, and its helpers (`__name`) do not exist in the page.
 */

/** What the page shows when the list has rows: the contract in docs/benchmark.md. */
export const LIST_ROW = 'main article';
/** A bar of the timeline's month chart: each is a labelled link. */
export const TIMELINE_BAR = 'main figure li a';
/** The result count, `role=status`, e.g. 共 1234 篇文章. */
const RESULT_COUNT = String.raw`/共\s*[\d,]+\s*篇文章/`;
const ARTICLE_BODY = '.article-body';
/** The reader's error views and inline errors: a measurement that meets one fails at once. */
const ALERT = '[role="alert"]';

/** Page-side: the text of the first alert on the page, or null. */
const ALERT_TEXT = `const alertText = () => {
    const alert = document.querySelector(${JSON.stringify(ALERT)});
    return alert === null ? null : (alert.innerText || alert.textContent || '').replace(/\\s+/g, ' ').trim().slice(0, 300);
  };`;

/**
 * An init script: `window.__benchFirstPaint` is a promise of the time (ms since navigation start)
 * of the frame after the first element matching the selector was inserted, i.e. once it is
 * painted; it is rejected if an alert (an error view) shows first. Playwright awaits it with
 * `evaluate`: the page's CSP forbids the `eval` that `waitForFunction` needs.
 */
export function firstPaintScript(selector: string): string {
  return `(() => {
  const selector = ${JSON.stringify(selector)};
  ${ALERT_TEXT}
  window.__benchFirstPaint = new Promise((resolve, fail) => {
    const observer = new MutationObserver(() => {
      if (document.querySelector(selector) === null) {
        const alert = alertText();
        if (alert === null) return;
        observer.disconnect();
        fail(new Error('the page shows an error: ' + alert));
        return;
      }
      observer.disconnect();
      requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now())));
    });
    observer.observe(document, { childList: true, subtree: true });
  });
})();`;
}

export const FIRST_PAINT = 'window.__benchFirstPaint';

/** Page-side source: every request of the page so far, the navigation included, as RequestRecords. */
const PAGE_REQUESTS = `[...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
  .map((entry) => ({
    url: entry.name,
    startMs: entry.startTime,
    endMs: entry.responseEnd,
    transferBytes: entry.transferSize,
    encodedBytes: entry.encodedBodySize,
    decodedBytes: entry.decodedBodySize,
  }))`;

/** Every request that started before the first paint, the navigation included. */
export const REQUESTS_BEFORE_FIRST_PAINT = `window.__benchFirstPaint.then((until) =>
  ${PAGE_REQUESTS}.filter((request) => request.startMs <= until),
)`;

export type InteractionTarget = 'count-changed' | 'body-painted';

/**
 * Arms one timed interaction, `window.__benchRun`: the clock starts at the first `eventType` event (capture phase,
 * before the app's handlers) and stops at the frame after the target state appeared — the
 * result count's text changed, or the article body has content; an alert showing first fails it.
 */
export function armInteractionScript(
  eventType: 'click' | 'input',
  target: InteractionTarget,
): string {
  return `(() => {
  const countPattern = ${RESULT_COUNT};
  ${ALERT_TEXT}
  const countText = () => {
    for (const element of document.querySelectorAll('[role="status"]')) {
      const text = element.textContent || '';
      if (countPattern.test(text)) return text;
    }
    return null;
  };
  const before = countText();
  const reached = ${JSON.stringify(target)} === 'count-changed'
    ? () => { const now = countText(); return now !== null && now !== before; }
    : () => { const body = document.querySelector(${JSON.stringify(ARTICLE_BODY)}); return body !== null && body.childNodes.length > 0; };
  let start = null;
  let finish;
  let fail;
  window.__benchRun = new Promise((resolve, reject) => { finish = resolve; fail = reject; });
  document.addEventListener(${JSON.stringify(eventType)}, () => {
    if (start === null) start = performance.now();
  }, { capture: true, once: true });
  const observer = new MutationObserver(() => {
    if (start === null) return;
    if (!reached()) {
      const alert = alertText();
      if (alert === null) return;
      observer.disconnect();
      fail(new Error('the page shows an error: ' + alert));
      return;
    }
    observer.disconnect();
    requestAnimationFrame(() => requestAnimationFrame(() => finish(performance.now() - start)));
  });
  observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
})()`;
}

/** A promise of the armed interaction's duration in ms. */
export const INTERACTION_MS = 'window.__benchRun';

/** The list's status line once a search has results: `找到 N 篇与“query”相关的文章` (zh-CN). */
const SEARCH_RESULTS = String.raw`/找到\s*([\d,]+)\s*篇与“([\s\S]*)”相关的文章/`;

/**
 * An init script for search measurements. Resource Timing keeps 250 entries by default, fewer
 * than a session of queries with their snippets' bodies makes, so its buffer is enlarged; and
 * `window.__benchArmSearch(query, fromNavigation)` arms `window.__benchSearch`, a promise of
 * `{ startMs, resultsMs, count }`: the clock starts at the next Enter key press (captured on
 * `document`, before the app's handlers) or, for a load whose URL has the query, at navigation
 * start, and stops at the frame after the status line shows results for that query. An alert
 * showing first (a failed search) rejects it.
 */
export const SEARCH_INIT_SCRIPT = `(() => {
  performance.setResourceTimingBufferSize(100000);
  const resultsPattern = ${SEARCH_RESULTS};
  ${ALERT_TEXT}
  const normalize = (text) => text.replace(/\\s+/g, ' ').trim();
  let startMs = null;
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && startMs === null) startMs = performance.now();
  }, { capture: true });
  window.__benchArmSearch = (query, fromNavigation) => {
    startMs = fromNavigation ? 0 : null;
    window.__benchSearch = new Promise((resolve, fail) => {
      const results = () => {
        for (const element of document.querySelectorAll('[role="status"]')) {
          const match = resultsPattern.exec(element.textContent || '');
          if (match !== null && normalize(match[2]) === normalize(query)) {
            return Number(match[1].replaceAll(',', ''));
          }
        }
        return null;
      };
      const check = () => {
        if (startMs === null) return false;
        const count = results();
        if (count === null) {
          const alert = alertText();
          if (alert === null) return false;
          observer.disconnect();
          fail(new Error('the page shows an error: ' + alert));
          return true;
        }
        observer.disconnect();
        const start = startMs;
        requestAnimationFrame(() => requestAnimationFrame(() =>
          resolve({ startMs: start, resultsMs: performance.now() - start, count })));
        return true;
      };
      const observer = new MutationObserver(check);
      observer.observe(document, { childList: true, subtree: true, characterData: true });
    });
  };
})();`;

export const armSearchScript = (query: string, fromNavigation: boolean) =>
  `window.__benchArmSearch(${JSON.stringify(query)}, ${fromNavigation})`;

/** A promise of the armed search's `{ startMs, resultsMs, count }`. */
export const SEARCH_RESULTS_SHOWN = 'window.__benchSearch';

/** Every request that started at or after `sinceMs` (ms since navigation start), navigation included. */
export const requestsSinceScript = (sinceMs: number) =>
  `${PAGE_REQUESTS}.filter((request) => request.startMs >= ${sinceMs})`;

/** How many list rows the page shows, and how many of them show a search snippet. */
export const SNIPPETS_SHOWN = `({
  rows: document.querySelectorAll(${JSON.stringify(LIST_ROW)}).length,
  snippets: document.querySelectorAll('main .article-card__snippet').length,
})`;
