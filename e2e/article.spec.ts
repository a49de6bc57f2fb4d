import { articleBar, expect, FIXTURES, idOf, test } from './test';

test.describe('article view', () => {
  test('a deep link opens the article with its metadata, header image and body', async ({
    page,
  }) => {
    await page.goto(`/articles/${idOf(FIXTURES.localImage)}`);
    const article = page.getByRole('article');
    await expect(article.getByRole('heading', { level: 1 })).toHaveText(
      '新约延期五年 双方完成换文',
    );
    await expect(article.getByText('北辰时报', { exact: true })).toBeVisible();
    await expect(article.getByText('国际', { exact: true })).toBeVisible();
    await expect(article.locator('header time')).toHaveAttribute(
      'datetime',
      '2021-02-03T09:30:00.000Z',
    );
    await expect(page).toHaveTitle('新约延期五年 双方完成换文 · Chronicle');
    await expect(article.getByText('测试正文：两国外交部门当天完成换文')).toBeVisible();

    const bodyImage = article.getByRole('img', { name: '弹头数量示意图' });
    await expect(bodyImage).toHaveAttribute('referrerpolicy', 'no-referrer');
    await expect(bodyImage).toHaveAttribute('loading', 'lazy');
    await bodyImage.scrollIntoViewIfNeeded();
    await expect
      .poll(() => bodyImage.evaluate((img: HTMLImageElement) => img.naturalWidth))
      .toBeGreaterThan(0);
  });

  test('external links open in a new tab without an opener', async ({ page }) => {
    await page.goto(`/articles/${idOf(FIXTURES.english)}`);
    const link = page.getByRole('link', { name: 'the statement' });
    await expect(link).toHaveAttribute('href', 'https://example.org/talks');
    await expect(link).toHaveAttribute('target', '_blank');
    await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    await expect(page.getByRole('article')).toHaveAttribute('lang', 'en');
  });

  test('previous and next follow the filtered list, and back returns to it', async ({ page }) => {
    await page.goto(`/?source=${encodeURIComponent('北辰时报')}`);
    await page.getByRole('link', { name: '日内瓦峰会举行 两国元首会晤近四小时' }).click();
    await expect(page.getByText('第 1 篇，共 3 篇')).toBeVisible();
    await expect(page.getByRole('link', { name: /上一篇/ })).toHaveCount(0);

    await articleBar(page)
      .getByRole('link', { name: /下一篇/ })
      .click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('新约延期五年 双方完成换文');
    await articleBar(page)
      .getByRole('link', { name: /下一篇/ })
      .click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('中导条约正式失效');
    await expect(page.getByText('第 3 篇，共 3 篇')).toBeVisible();
    await expect(page.getByRole('link', { name: /下一篇/ })).toHaveCount(0);
    await articleBar(page)
      .getByRole('link', { name: /上一篇/ })
      .click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('新约延期五年 双方完成换文');

    await articleBar(page)
      .getByRole('link', { name: /返回列表/ })
      .click();
    await expect(page).toHaveURL(`/?source=${encodeURIComponent('北辰时报')}`);
    await expect(page.getByRole('status').filter({ hasText: '共 3 篇文章' })).toBeVisible();
  });

  test('the list state travels with a deep link to an article', async ({ page }) => {
    const search = `?source=${encodeURIComponent('The Meridian Ledger')}`;
    await page.goto(`/articles/${idOf(FIXTURES.english)}${search}`);
    await expect(page.getByText('第 2 篇，共 2 篇')).toBeVisible();
    await articleBar(page)
      .getByRole('link', { name: /上一篇/ })
      .click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Working Groups to Meet Before Year End',
    );
    await articleBar(page)
      .getByRole('link', { name: /返回列表/ })
      .click();
    await expect(page).toHaveURL(`/?${new URLSearchParams({ source: 'The Meridian Ledger' })}`);
    await expect(page.getByRole('checkbox', { name: /The Meridian Ledger/ })).toBeChecked();
  });

  test('an undated article opened under a date range says it is outside the list', async ({
    page,
  }) => {
    await page.goto(`/articles/${idOf(FIXTURES.noDate)}?from=2021-01-01`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('没有日期的评论文章');
    await expect(page.getByText('未注明日期')).toBeVisible();
    await expect(page.getByText('这篇文章不在当前筛选结果中。')).toBeVisible();
  });

  test('back to the list restores its scroll position', async ({ page }) => {
    await page.setViewportSize({ width: 800, height: 400 });
    await page.goto('/');
    const target = page.getByRole('link', { name: '中导条约正式失效' });
    await expect(page.getByRole('status').filter({ hasText: '共 11 篇文章' })).toBeVisible();
    // The list is virtualized: the row exists only once the window scrolls near it.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await target.scrollIntoViewIfNeeded();
    const scrolled = await page.evaluate(() => window.scrollY);
    expect(scrolled).toBeGreaterThan(200);
    await target.click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('中导条约正式失效');
    await articleBar(page)
      .getByRole('link', { name: /返回列表/ })
      .click();
    await expect(target).toBeVisible();
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(scrolled);
  });

  test('a newly loaded page starts at the top, whatever the tab scrolled before', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 800, height: 400 });
    await page.goto('/');
    await expect(page.getByRole('status').filter({ hasText: '共 11 篇文章' })).toBeVisible();
    await page.evaluate(() => window.scrollTo(0, 600));
    // Rows measured as they render may nudge the position; it only has to be well down the page.
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(300);
    await page.goto('/timeline');
    await expect(page.getByRole('heading', { level: 1, name: '时间线' })).toBeVisible();
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
  });

  test('a plain-text article drops its forum trailer', async ({ page }) => {
    await page.goto(`/articles/${idOf(FIXTURES.forumTrailer)}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('论坛转帖：军控对话的下一步');
    await expect(page.getByText('第二段：帖子末尾的分页标记应该被去掉。')).toBeVisible();
    await expect(page.getByRole('article')).not.toContainText('页:');
  });

  test('an unknown article id shows a not-found view with a way back', async ({ page }) => {
    await page.goto('/articles/000000000000');
    await expect(page.getByRole('heading', { level: 1, name: '找不到这篇文章' })).toBeVisible();
    await page.getByRole('link', { name: '去文章列表' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '文章' })).toBeVisible();
  });

  test('an unknown route shows the not-found view', async ({ page }) => {
    await page.goto('/no/such/page');
    await expect(page.getByRole('heading', { level: 1, name: '找不到这个页面' })).toBeVisible();
    await expect(page.getByRole('link', { name: '去文章列表' })).toBeVisible();
  });
});
