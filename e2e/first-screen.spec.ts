import type { Page } from '@playwright/test';
import { articleRows, expect, test } from './test';

/** Rows of the list as text: title, link and meta line of each `main article`, in order. */
function readRows(page: Page) {
  return page.locator('main article').evaluateAll((articles) =>
    articles.map((article) => ({
      title: article.querySelector('h2')?.textContent ?? '',
      href: article.querySelector('h2 a')?.getAttribute('href') ?? '',
      meta: article.querySelector('.article-card__meta')?.textContent ?? '',
    })),
  );
}

/** Resolves once the app has taken the page over (the prerendered screen is inert until then). */
async function waitForTheApp(page: Page) {
  await expect(page.locator('#root')).not.toHaveAttribute('inert');
}

test.describe('prerendered first screen', () => {
  test('index.html holds the list as the app renders it, rows and all', async ({ browser }) => {
    const withoutScript = await browser.newContext({ javaScriptEnabled: false });
    const raw = await withoutScript.newPage();
    await raw.goto('/');
    // The document itself, before any script: the rows, the count, the heading.
    await expect(raw.getByRole('heading', { level: 1, name: '文章' })).toBeVisible();
    await expect(raw.locator('#results')).toHaveText('共 11 篇文章');
    const prerendered = await readRows(raw);
    expect(prerendered.length).toBeGreaterThanOrEqual(5);
    await withoutScript.close();

    const live = await browser.newContext();
    const page = await live.newPage();
    await page.goto('/');
    await waitForTheApp(page);
    await expect(page.locator('#results')).toHaveText('共 11 篇文章');
    const rendered = await readRows(page);
    expect(rendered.slice(0, prerendered.length)).toEqual(prerendered);
    await live.close();
  });

  test('hydration keeps the prerendered rows instead of drawing them again', async ({ page }) => {
    // Before any script: tag the first row the parser inserts. A row drawn afresh has no tag.
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        const row = document.querySelector('main article');
        if (!row) return;
        row.setAttribute('data-from-html', '');
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto('/');
    await waitForTheApp(page);
    await expect(page.locator('main article').first()).toHaveAttribute('data-from-html', '');
    // And the app is live on it: the first source filters the list.
    await page.getByRole('checkbox', { name: /北辰时报/ }).check();
    await expect(page.getByRole('status').filter({ hasText: '共 3 篇文章' })).toBeVisible();
  });

  test('an English browser gets the prerendered screen, then its own language', async ({
    browser,
  }) => {
    const context = await browser.newContext({ locale: 'en-US', timezoneId: 'America/New_York' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto('/');
    await waitForTheApp(page);
    await expect(page.getByRole('heading', { level: 1, name: 'Articles' })).toBeVisible();
    await expect(page.locator('#results')).toHaveText('11 articles');
    // The reader's own time zone once hydrated: prerendered for Shanghai, 20:00 UTC on 28 July
    // was the 29th; in New York it is still the 28th.
    const lateEvening = page.locator('main article').filter({ hasText: '首轮战略稳定对话结束' });
    await expect(lateEvening.locator('time')).toHaveText('Jul 28, 2021');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    expect(errors).toEqual([]);
    await context.close();
  });

  test('another URL served index.html never shows the prerendered list', async ({ page }) => {
    await page.addInitScript(() => {
      // Notes whether a list row was ever visible before the app took over.
      const seen = { listShown: false };
      (window as unknown as { __firstScreen: typeof seen }).__firstScreen = seen;
      new MutationObserver(() => {
        const row = document.querySelector('main article');
        if (
          row &&
          document.getElementById('root')?.hasAttribute('inert') &&
          row.checkVisibility({ visibilityProperty: true })
        ) {
          seen.listShown = true;
        }
      }).observe(document, { childList: true, subtree: true, attributes: true });
    });
    await page.goto('/?sort=oldest');
    await waitForTheApp(page);
    await expect(articleRows(page).first()).toHaveText('中导条约正式失效');
    const seen = await page.evaluate(
      () => (window as unknown as { __firstScreen: { listShown: boolean } }).__firstScreen,
    );
    expect(seen.listShown).toBe(false);
  });
});
