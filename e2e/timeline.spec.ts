import type { Locator, Page } from '@playwright/test';
import { decodeDescendingDeltas, encodeDescendingDeltas } from '../src/manifest/column-codec';
import { articleBar, DATA_ROUTES, expect, test } from './test';

/** Serves the archive's columns with the oldest dated article moved back to 2001. */
async function withOutlierDate(page: Page) {
  await page.route(DATA_ROUTES.columns, async (route) => {
    const response = await route.fetch();
    const columns = await response.json();
    const minutes = decodeDescendingDeltas(columns.minutes, columns.datedCount);
    minutes[minutes.length - 1] = Date.parse('2001-05-10T04:00:00Z') / 60_000;
    await route.fulfill({
      response,
      json: { ...columns, minutes: encodeDescendingDeltas(minutes) },
    });
  });
}

/** Presses the mouse on one bar, moves across the chart and releases it on another. */
async function drag(page: Page, from: Locator, to: Locator) {
  const start = (await from.boundingBox())!;
  const end = (await to.boundingBox())!;
  await page.mouse.move(start.x + start.width / 2, start.y + start.height / 2);
  await page.mouse.down();
  await page.mouse.move(end.x + end.width / 2, end.y + end.height / 2, { steps: 8 });
  await page.mouse.up();
}

test.describe('timeline', () => {
  test('groups articles by month and day, newest first, with counts', async ({ page }) => {
    // Tall enough that the virtualized timeline renders every entry of this small archive.
    await page.setViewportSize({ width: 1280, height: 2400 });
    await page.goto('/timeline');
    const months = page.getByRole('main').getByRole('heading', { level: 2 });
    await expect(months).toHaveText([
      /2021年9月\s*2 篇/,
      /2021年7月\s*1 篇/,
      /2021年6月\s*3 篇/,
      /2021年2月\s*1 篇/,
      /2020年11月\s*1 篇/,
      /2019年8月\s*1 篇/,
      /未注明日期（2 篇）/,
    ]);
    await expect(page.getByRole('main').getByRole('heading', { level: 3 })).toHaveText([
      /9月30日.*2 篇/,
      /7月29日.*1 篇/,
      /6月18日.*2 篇/,
      /6月16日.*1 篇/,
      /2月3日.*1 篇/,
      /11月22日.*1 篇/,
      /8月2日.*1 篇/,
    ]);
  });

  test('days are the reader’s: 20:00 UTC on 28 July is 29 July in Shanghai', async ({ page }) => {
    await page.goto('/timeline');
    const days = page.getByRole('main').getByRole('heading', { level: 3 });
    await expect(days.filter({ hasText: '7月29日' })).toHaveCount(1);
    await expect(days.filter({ hasText: '7月28日' })).toHaveCount(0);
    await expect(page.getByRole('link', { name: '首轮战略稳定对话结束' })).toBeVisible();
  });

  test('a month bar narrows the view to that month, and the range can be widened again', async ({
    page,
  }) => {
    await page.goto('/timeline');
    await page.getByRole('link', { name: /^2021年6月：3 篇/ }).click();
    await expect(page).toHaveURL(/\/timeline\?from=2021-06-01&to=2021-06-30$/);
    await expect(page.getByRole('main').getByRole('heading', { level: 2 })).toHaveText([
      /2021年6月/,
    ]);
    await expect(page.getByRole('status').filter({ hasText: '共 3 篇文章' })).toBeVisible();
    await expect(page.getByLabel('起始日期')).toHaveValue('2021-06-01');

    await page.getByRole('link', { name: '显示全部月份' }).click();
    await expect(page).toHaveURL(/\/timeline$/);
    await expect(page.getByRole('status').filter({ hasText: '共 11 篇文章' })).toBeVisible();
  });

  test('shares the list’s source filter and keeps it between views', async ({ page }) => {
    await page.goto(`/timeline?source=${encodeURIComponent('The Meridian Ledger')}`);
    await expect(page.getByRole('main').getByRole('heading', { level: 2 })).toHaveText([
      /2021年9月\s*2 篇/,
    ]);
    await page
      .getByRole('navigation', { name: '主导航' })
      .getByRole('link', { name: '文章' })
      .click();
    await expect(page).toHaveURL(`/?source=${encodeURIComponent('The Meridian Ledger')}`);
    await expect(page.getByRole('status').filter({ hasText: '共 2 篇文章' })).toBeVisible();
  });

  test('an article opened from the timeline returns to the timeline', async ({ page }) => {
    await page.goto('/timeline?from=2021-06-01&to=2021-06-30');
    await page.getByRole('link', { name: '日内瓦峰会举行 两国元首会晤近四小时' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      '日内瓦峰会举行 两国元首会晤近四小时',
    );
    await articleBar(page)
      .getByRole('link', { name: /返回时间线/ })
      .click();
    await expect(page).toHaveURL('/timeline?from=2021-06-01&to=2021-06-30');
  });

  test('the chart opens on the latest months, with long empty stretches folded', async ({
    page,
  }) => {
    // Narrow enough that the chart scrolls sideways.
    await page.setViewportSize({ width: 320, height: 700 });
    await page.goto('/timeline');
    const chart = page.getByRole('figure');
    await expect(chart.getByRole('link', { name: /^2021年9月/ })).toBeInViewport();
    await expect(chart.getByRole('link', { name: /^2019年8月/ })).not.toBeInViewport();
    await expect(chart.getByText('2019-09 至 2020-10：没有文章')).toBeAttached();
    // A month without articles is shown but leads nowhere.
    await expect(chart.getByText('2021-01：没有文章')).toBeAttached();
    await expect(chart.getByRole('link', { name: /2021年1月/ })).toHaveCount(0);
  });

  test('narrowing to a month from the reader’s own range can be undone', async ({ page }) => {
    await page.goto('/timeline?from=2021-01-01&to=2021-12-31');
    await page.getByRole('link', { name: /^2021年6月：3 篇/ }).click();
    await expect(page).toHaveURL('/timeline?from=2021-06-01&to=2021-06-30');
    await page.getByRole('link', { name: '回到之前的日期范围' }).click();
    await expect(page).toHaveURL('/timeline?from=2021-01-01&to=2021-12-31');
  });

  test('undated articles are folded under their count until asked for', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 2400 });
    await page.goto('/timeline');
    await expect(page.getByRole('heading', { name: /^未注明日期/ })).toHaveText(
      '未注明日期（2 篇）',
    );
    await expect(page.getByRole('link', { name: '没有日期的评论文章' })).toHaveCount(0);
    await page.getByRole('button', { name: '显示 2 篇未注明日期的文章' }).click();
    await expect(page.getByRole('link', { name: '没有日期的评论文章' })).toBeVisible();
  });

  test('a timeline with nothing to show says so and offers a way out', async ({ page }) => {
    await page.goto('/timeline?from=2030-01-01');
    await expect(page.getByText('没有符合筛选条件的文章。')).toBeVisible();
    await page
      .getByRole('region', { name: '时间线' })
      .getByRole('button', { name: '清除全部筛选' })
      .click();
    await expect(page).toHaveURL('/timeline');
  });
});

test.describe('timeline chart ranges and zoom', () => {
  test('dragging across bars picks the months between, and can be undone', async ({ page }) => {
    await page.goto('/timeline?from=2021-01-01&to=2021-12-31');
    const chart = page.getByRole('figure');
    await drag(
      page,
      chart.getByRole('link', { name: /^2021年6月：/ }),
      chart.getByRole('link', { name: /^2021年9月：/ }),
    );
    await expect(page).toHaveURL('/timeline?from=2021-06-01&to=2021-09-30');
    await expect(page.getByRole('status').filter({ hasText: '共 6 篇文章' })).toBeVisible();
    await page.getByRole('link', { name: '回到之前的日期范围' }).click();
    await expect(page).toHaveURL('/timeline?from=2021-01-01&to=2021-12-31');
  });

  test('a drag backwards across a folded gap covers it, from the earlier bar’s first day', async ({
    page,
  }) => {
    await page.goto('/timeline');
    const chart = page.getByRole('figure');
    await drag(
      page,
      chart.getByRole('link', { name: /^2020年11月：/ }),
      chart.getByRole('link', { name: /^2019年8月：/ }),
    );
    await expect(page).toHaveURL('/timeline?from=2019-08-01&to=2020-11-30');
  });

  test('Shift and the arrow keys select bars, and Enter applies the range', async ({ page }) => {
    await page.goto('/timeline');
    const chart = page.getByRole('figure');
    const february = chart.getByRole('link', { name: /^2021年2月：/ });
    await expect(february).toHaveAccessibleDescription(/Shift/);
    await february.focus();
    await page.keyboard.press('Shift+ArrowRight');
    // Empty months are covered, not stopped on.
    await expect(chart.getByRole('link', { name: /^2021年6月：/ })).toBeFocused();
    await page.keyboard.press('Shift+ArrowRight');
    await expect(chart.getByRole('link', { name: /^2021年7月：/ })).toBeFocused();
    await expect(chart.getByText('已选 2021-02-01 至 2021-07-31，按 Enter 应用')).toBeAttached();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL('/timeline?from=2021-02-01&to=2021-07-31');
  });

  test('Enter on a bar without a selection still narrows to its month', async ({ page }) => {
    await page.goto('/timeline');
    await page
      .getByRole('figure')
      .getByRole('link', { name: /^2021年6月：/ })
      .focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL('/timeline?from=2021-06-01&to=2021-06-30');
  });

  test('years for an archive spanning decades, zooming to a year’s months and a month’s days', async ({
    page,
  }) => {
    await withOutlierDate(page);
    await page.goto('/timeline');
    const chart = page.getByRole('figure');
    await expect(chart).toContainText('每年文章数');
    await chart.getByRole('link', { name: /^2021：7 篇/ }).click();
    await expect(page).toHaveURL('/timeline?from=2021-01-01&to=2021-12-31');
    await expect(chart).toContainText('每月文章数');
    await chart.getByRole('link', { name: /^2021年6月：3 篇/ }).click();
    await expect(page).toHaveURL('/timeline?from=2021-06-01&to=2021-06-30');
    await expect(chart).toContainText('每日文章数');
    await expect(chart.getByText('2021-06-01', { exact: true })).toBeVisible();
    await chart.getByRole('link', { name: /^2021年6月18日：2 篇/ }).click();
    await expect(page).toHaveURL('/timeline?from=2021-06-18&to=2021-06-18');
    await expect(page.getByRole('status').filter({ hasText: '共 2 篇文章' })).toBeVisible();
  });

  test('with an outlier decades back, the chart still opens on the latest period', async ({
    page,
  }) => {
    await withOutlierDate(page);
    await page.setViewportSize({ width: 320, height: 700 });
    await page.goto('/timeline');
    const chart = page.getByRole('figure');
    await expect(chart.getByRole('link', { name: /^2021：/ })).toBeInViewport();
    await expect(chart.getByRole('link', { name: /^2001：/ })).not.toBeInViewport();
  });
});

test('j and k move through the timeline’s articles, skipping the headings; Enter opens one', async ({
  page,
}) => {
  await page.goto('/timeline');
  await expect(page.getByRole('heading', { level: 1, name: '时间线' })).toBeVisible();
  const current = page.getByRole('main').locator('[aria-current="true"]');
  await page.keyboard.press('j');
  const first = current.getByRole('link');
  await expect(first).toBeFocused();
  const firstTitle = (await first.textContent())!;
  await page.keyboard.press('j');
  await expect(current.getByRole('link')).not.toHaveText(firstTitle);
  await page.keyboard.press('k');
  await expect(current.getByRole('link')).toHaveText(firstTitle);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(firstTitle);
  await page.keyboard.press('u');
  await expect(page.getByRole('heading', { level: 1, name: '时间线' })).toBeVisible();
  await expect(current.getByRole('link')).toBeFocused();
});
