import { articleBar, expect, test } from './test';

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
