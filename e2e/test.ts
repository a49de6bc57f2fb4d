import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { deriveArticleId } from '../src/ingest/derive/article-id';
import { BODIES_FOLDER, COLUMNS_NAME, rowChunkName } from '../src/manifest/data-paths';

export { expect };

/**
 * Routes matching the data files tests intercept (see src/manifest/data-paths.ts): the fixture
 * archive's one row chunk, and its body groups (bodies of consecutive articles, by hash).
 */
export const DATA_ROUTES = {
  columns: `**/data/${COLUMNS_NAME}.*.json`,
  firstRowChunk: `**/data/${rowChunkName(0)}.*.json`,
  bodyGroups: `**/data/${BODIES_FOLDER}/*.json`,
} as const;

/** The id ingest gives a fixture file, from its path inside e2e/archive. */
export const idOf = (relPath: string) => deriveArticleId(relPath);

export const FIXTURES = {
  localImage: 'hexo/新闻/北辰时报/国际/local-image-and-thumbnail.md',
  summit: 'hexo/新闻/北辰时报/国际/rfc1123-date.md',
  oldest: 'hexo/新闻/北辰时报/国际/oldest-dated.md',
  openSkies: 'hexo/期刊/环球观察周刊/深度/local-time-date.md',
  lateUtc: 'hexo/期刊/环球观察周刊/深度/late-utc-evening-is-next-day-in-shanghai.md',
  noDate: 'hexo/期刊/环球观察周刊/深度/no-date.md',
  english: 'hexo/新闻/The Meridian Ledger/World/english-article.md',
  sameDay: 'hexo/新闻/The Meridian Ledger/World/same-day-second-article.md',
  hostile: 'hexo/新媒体/东方视点网/转载/hostile-script-iframe-form.md',
  markupInTitle: 'hexo/新媒体/东方视点网/快讯/markup-in-title.md',
  forumTrailer: 'txt/WorldNews/forum-trailer.txt',
} as const;

interface PageProblems {
  /** Console errors matching these are expected by the test (e.g. a 404 it provoked). */
  allowConsoleErrors: (pattern: RegExp) => void;
}

/**
 * The project's own `test`: every page fails its test on an uncaught exception or a console
 * error, unless the test declared that error as the point of the exercise.
 */
export const test = base.extend<{ problems: PageProblems }>({
  problems: [
    async ({ page }, use) => {
      const allowed: RegExp[] = [];
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() !== 'error') return;
        const text = message.text();
        if (!allowed.some((pattern) => pattern.test(text))) errors.push(`console.error: ${text}`);
      });
      await use({ allowConsoleErrors: (pattern) => allowed.push(pattern) });
      expect(errors, 'uncaught errors or console errors on the page').toEqual([]);
    },
    { auto: true },
  ],
});

/** Records Content-Security-Policy violations the page reports, from before any script runs. */
export async function recordCspViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const violations: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = violations;
    document.addEventListener('securitypolicyviolation', (event) => {
      violations.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return () =>
    page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
}

/** The article rows of the list, in order. */
export function articleRows(page: Page) {
  return page.getByRole('main').getByRole('article').getByRole('heading', { level: 2 });
}

/** The bar at the top of an article: back, previous, next, star. */
export function articleBar(page: Page) {
  return page.getByRole('navigation', { name: /^(文章导航|Article navigation)$/ });
}

/**
 * Fails on any serious or critical axe violation on the page as it is now (or in the part of it
 * `include` selects), naming each.
 */
export async function expectNoSeriousAxeViolations(page: Page, include?: string) {
  const builder = new AxeBuilder({ page });
  const results = await (include ? builder.include(include) : builder).analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    );
  expect(serious).toEqual([]);
}
