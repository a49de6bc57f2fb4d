import { articleBar, articleRows, expect, test } from './test';
import type { Page } from '@playwright/test';

/** The search results status line, once results are shown. */
const resultsStatus = (page: Page, count: number, query: string) =>
  page.getByRole('status').filter({ hasText: `找到 ${count} 篇与“${query}”相关的文章` });

/** Stretches marked in the article body by the CSS Custom Highlight API. */
const bodyHighlights = (page: Page) =>
  page.evaluate(() =>
    [...(CSS.highlights.get('search-terms') ?? [])].map((range) => String(range)),
  );

const TREATY_RESULTS = ['开放天空条约退约生效', '中导条约正式失效', '新约延期五年 双方完成换文'];

test.describe('search', () => {
  test('/ focuses the box; results are ranked, titles before bodies, with the terms marked', async ({
    page,
  }) => {
    await page.goto('/');
    await expect(page.getByRole('status').filter({ hasText: '共 11 篇文章' })).toBeVisible();
    await page.keyboard.press('/');
    await expect(page.getByRole('searchbox', { name: '搜索文章' })).toBeFocused();
    await page.keyboard.type('条约');
    await page.keyboard.press('Enter');

    await expect(page).toHaveURL(/\?q=%E6%9D%A1%E7%BA%A6$/);
    await expect(resultsStatus(page, 3, '条约')).toBeVisible();
    // Two title matches, newer first, then the article that has the word in its body only.
    await expect(articleRows(page)).toHaveText(TREATY_RESULTS);
    const rows = page
      .getByRole('main')
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { level: 2 }) });
    await expect(rows.nth(0).getByRole('heading').locator('mark')).toHaveText('条约');
    await expect(rows.nth(2).getByRole('heading').locator('mark')).toHaveCount(0);
    await expect(rows.nth(2).locator('.article-card__snippet mark')).toHaveText(['条约']);
  });

  test('opens a result with the terms highlighted; back keeps the query and the filters', async ({
    page,
  }) => {
    await page.goto('/');
    await page.getByRole('checkbox', { name: /北辰时报/ }).check();
    await page.getByRole('searchbox', { name: '搜索文章' }).fill('條約');
    await page.keyboard.press('Enter');
    await expect(resultsStatus(page, 2, '條約')).toBeVisible();
    await expect(articleRows(page)).toHaveText(['中导条约正式失效', '新约延期五年 双方完成换文']);

    await page.getByRole('link', { name: '新约延期五年 双方完成换文' }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: '新约延期五年 双方完成换文' }),
    ).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: '正文中已高亮“條約”' })).toBeVisible();
    await expect.poll(() => bodyHighlights(page)).toEqual(['条约']);
    // Previous and next follow the results: this is the second of two.
    await expect(page.getByText('第 2 篇，共 2 篇')).toBeVisible();

    await articleBar(page)
      .getByRole('link', { name: /返回列表/ })
      .click();
    await expect(page).toHaveURL(/\?q=.+&source=.+/);
    await expect(page.getByRole('searchbox', { name: '搜索文章' })).toHaveValue('條約');
    await expect(page.getByRole('checkbox', { name: /北辰时报/ })).toBeChecked();
    await expect(articleRows(page)).toHaveText(['中导条约正式失效', '新约延期五年 双方完成换文']);
  });

  test('a shared link with ?q= loads its results directly and survives a reload', async ({
    page,
  }) => {
    // A run crossing two words, in Traditional characters: 战略|稳定 → 略穩定對.
    await page.goto(`/?q=${encodeURIComponent('略穩定對')}`);
    await expect(resultsStatus(page, 2, '略穩定對')).toBeVisible();
    await expect(articleRows(page)).toHaveText([
      '首轮战略稳定对话结束',
      '日内瓦峰会举行 两国元首会晤近四小时',
    ]);
    await page.reload();
    await expect(articleRows(page)).toHaveText([
      '首轮战略稳定对话结束',
      '日内瓦峰会举行 两国元首会晤近四小时',
    ]);
    await expect(page.getByRole('searchbox', { name: '搜索文章' })).toHaveValue('略穩定對');
  });

  test('Latin words match by stem; a minus excludes', async ({ page }) => {
    await page.goto(`/?q=${encodeURIComponent('WORKING group')}`);
    await expect(resultsStatus(page, 2, 'WORKING group')).toBeVisible();
    await page.goto(`/?q=${encodeURIComponent('条约 -中导')}`);
    await expect(articleRows(page)).toHaveText([
      '开放天空条约退约生效',
      '新约延期五年 双方完成换文',
    ]);
  });

  test('typing refines one history entry: back leaves the search', async ({ page }) => {
    await page.goto('/');
    const box = page.getByRole('searchbox', { name: '搜索文章' });
    await box.pressSequentially('条约');
    await expect(resultsStatus(page, 3, '条约')).toBeVisible();
    // Slower than the typing pause: results arrive while the reader is still typing, and the
    // field must keep what was typed meanwhile.
    await box.pressSequentially(' -中导', { delay: 400 });
    await expect(resultsStatus(page, 2, '条约 -中导')).toBeVisible();
    await expect(box).toHaveValue('条约 -中导');
    await page.goBack();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole('status').filter({ hasText: '共 11 篇文章' })).toBeVisible();
    await expect(box).toHaveValue('');
    await page.goForward();
    await expect(box).toHaveValue('条约 -中导');
    await expect(articleRows(page)).toHaveCount(2);
  });

  test('no results says so and offers to search without the filters', async ({ page }) => {
    await page.goto(
      `/?q=${encodeURIComponent('潜艇')}&source=${encodeURIComponent('北辰时报')}&from=2021-01-01`,
    );
    await expect(page.getByText('在当前筛选条件下，没有找到与“潜艇”相关的文章。')).toBeVisible();
    await page.getByRole('button', { name: '不限日期' }).click();
    await expect(page).not.toHaveURL(/from=/);
    await expect(page).toHaveURL(/source=/);
    await page.getByRole('button', { name: '不限来源' }).click();
    await expect(page.getByText('没有找到与“潜艇”相关的文章。')).toBeVisible();
    await page.getByRole('button', { name: '清除搜索' }).last().click();
    await expect(page.getByRole('status').filter({ hasText: '共 11 篇文章' })).toBeVisible();
  });

  test('the timeline searches too, counting only the results', async ({ page }) => {
    await page.goto(`/timeline?q=${encodeURIComponent('条约')}`);
    await expect(resultsStatus(page, 3, '条约')).toBeVisible();
    // The timeline keeps its order, newest first, whatever the ranking.
    const links = page.locator('.timeline-row').getByRole('link');
    await expect(links).toHaveText([
      '新约延期五年 双方完成换文',
      '开放天空条约退约生效',
      '中导条约正式失效',
    ]);
    await expect(links.nth(1).locator('mark')).toHaveText('条约');
    await expect(page.getByRole('searchbox', { name: '搜索文章' })).toHaveValue('条约');
  });
});
