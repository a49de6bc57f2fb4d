import { articleBar, articleRows, expect, test } from './test';

test.describe('article list', () => {
  test('shows every article newest first, undated last, with source and date', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('status').filter({ hasText: '共 11 篇文章' })).toBeVisible();
    const titles = await articleRows(page).allTextContents();
    expect(titles[0]).toBe('Working Groups to Meet Before Year End');
    expect(titles[1]).toBe('Second Round of Stability Talks Ends in Geneva');
    expect(titles.at(-3)).toBe('中导条约正式失效');
    // Undated articles come after every dated one.
    expect(titles.slice(-2).sort()).toEqual(
      ['没有日期的评论文章', '论坛转帖：军控对话的下一步'].sort(),
    );
    const firstRow = page.getByRole('article').first();
    await expect(firstRow.getByText('The Meridian Ledger')).toBeVisible();
    await expect(firstRow.locator('time')).toHaveAttribute('datetime', '2021-09-30T15:00:00.000Z');
  });

  test('filter by source, then by date, open an article, and come back with the filters intact', async ({
    page,
  }) => {
    await page.goto('/');
    await page.getByRole('checkbox', { name: /北辰时报/ }).check();
    await expect(page).toHaveURL(/\?source=%E5%8C%97%E8%BE%B0%E6%97%B6%E6%8A%A5$/);
    await expect(page.getByRole('status').filter({ hasText: '共 3 篇文章' })).toBeVisible();

    await page.getByLabel('起始日期').fill('2021-01-01');
    await expect(page).toHaveURL(/from=2021-01-01/);
    await expect(page.getByRole('status').filter({ hasText: '共 2 篇文章' })).toBeVisible();
    await expect(articleRows(page)).toHaveText([
      '日内瓦峰会举行 两国元首会晤近四小时',
      '新约延期五年 双方完成换文',
    ]);

    await page.getByRole('link', { name: '新约延期五年 双方完成换文' }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: '新约延期五年 双方完成换文' }),
    ).toBeVisible();
    await articleBar(page)
      .getByRole('link', { name: /返回列表/ })
      .click();

    await expect(page).toHaveURL(/source=.+&from=2021-01-01/);
    await expect(page.getByRole('checkbox', { name: /北辰时报/ })).toBeChecked();
    await expect(page.getByLabel('起始日期')).toHaveValue('2021-01-01');
    await expect(articleRows(page)).toHaveCount(2);
  });

  test('a filtered list loads directly from a pasted link and survives a reload', async ({
    page,
  }) => {
    const url = `/?source=${encodeURIComponent('环球观察周刊')}&source=${encodeURIComponent('The Meridian Ledger')}&to=2021-07-31`;
    await page.goto(url);
    await expect(articleRows(page)).toHaveText(['首轮战略稳定对话结束', '开放天空条约退约生效']);
    await page.reload();
    await expect(articleRows(page)).toHaveText(['首轮战略稳定对话结束', '开放天空条约退约生效']);
    await expect(page.getByRole('checkbox', { name: /The Meridian Ledger/ })).toBeChecked();
  });

  test('back and forward replay filter changes', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('checkbox', { name: /东方视点网/ }).check();
    await expect(articleRows(page)).toHaveCount(2);
    await page.goBack();
    await expect(articleRows(page)).toHaveCount(11);
    await page.goForward();
    await expect(articleRows(page)).toHaveCount(2);
  });

  test('no match offers to clear the filters', async ({ page }) => {
    await page.goto('/?from=2030-01-01');
    await expect(page.getByText('没有符合筛选条件的文章。')).toBeVisible();
    await page
      .getByRole('region', { name: '文章' })
      .getByRole('button', { name: '清除全部筛选' })
      .click();
    await expect(page).toHaveURL(/\/$/);
    await expect(articleRows(page)).toHaveCount(11);
  });

  test('an invalid date in a link is ignored with a notice', async ({ page }) => {
    await page.goto('/?from=2021-02-30');
    await expect(page.getByText('链接中的参数 from=2021-02-30 无效，已忽略。')).toBeVisible();
    await expect(articleRows(page)).toHaveCount(11);
  });

  test('rows show a local thumbnail served from the site itself', async ({ page }) => {
    await page.goto('/');
    const row = page.getByRole('article').filter({ hasText: '新约延期五年 双方完成换文' });
    const thumbnail = row.locator('img');
    await expect(thumbnail).toHaveAttribute('src', /^\/data\/media\/[0-9a-f]{16}\.svg$/);
    await expect
      .poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.naturalWidth))
      .toBeGreaterThan(0);
  });

  test('the interface follows an English browser and can be switched', async ({ browser }) => {
    const context = await browser.newContext({ locale: 'en-US', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: 'Articles' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await page.getByRole('button', { name: '切换到中文' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '文章' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
    // Article text keeps its own language whatever the interface speaks.
    await expect(page.getByRole('article').filter({ hasText: '中导条约正式失效' })).toHaveAttribute(
      'lang',
      'zh',
    );
    await context.close();
  });

  test('undated articles are outside any date range', async ({ page }) => {
    await page.goto('/?from=2019-01-01&to=2030-12-31');
    await expect(articleRows(page)).toHaveCount(9);
    await expect(page.getByRole('link', { name: '没有日期的评论文章' })).toHaveCount(0);
  });
});
