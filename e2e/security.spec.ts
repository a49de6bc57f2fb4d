import { expect, FIXTURES, idOf, recordCspViolations, test } from './test';

test.describe('hostile articles', () => {
  test('run no script, keep their benign text, and say what was removed', async ({
    page,
    problems,
  }) => {
    // DOMPurify parsing hostile markup can make Chromium report blocked loads; effects are what count.
    problems.allowConsoleErrors(/Content Security Policy|Refused to/);
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const foreignRequests: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.hostname !== '127.0.0.1' && request.resourceType() !== 'image') {
        foreignRequests.push(`${request.resourceType()} ${request.url()}`);
      }
    });
    await page.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());

    await page.goto(`/articles/${idOf(FIXTURES.hostile)}`);
    const article = page.getByRole('article');
    await expect(article.getByText('良性段落一：这段文字必须保留。')).toBeVisible();
    await expect(article.getByText('危险链接')).toBeVisible();
    await expect(article.getByText('良性段落三：样式被移除，文字保留。')).toBeVisible();

    await expect(
      article.locator('script, iframe, form, input, svg, [onerror], [style]'),
    ).toHaveCount(0);
    await expect(article.getByText('危险链接')).not.toHaveAttribute('href', /.+/);
    const note = page.getByText(/^已移除 6 处不安全或外部内容/);
    await expect(note).toBeVisible();
    await note.click();
    const removed = page.getByRole('list', { name: '移除内容明细' });
    await expect(removed.getByRole('listitem')).toHaveText([
      '事件处理代码: 1',
      '表单: 1',
      '嵌入框架: 1',
      '脚本: 1',
      'SVG 图形: 1',
      '不安全链接: 1',
      'https://www.youtube.com/embed/fixture123',
    ]);
    // Styling and tracking are counted quietly, apart from what the reader should know.
    await expect(page.getByText('已去除 2 处原网页的样式或跟踪代码。')).toBeVisible();
    await expect(
      page.getByRole('link', { name: '被移除的嵌入内容（嵌入框架）链接' }),
    ).toHaveAttribute('href', 'https://www.youtube.com/embed/fixture123');

    expect(
      await page.evaluate(() => (window as unknown as Record<string, unknown>).__chronicleHostile),
    ).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(foreignRequests).toEqual([]);
  });

  test('markup in front matter is shown as text in the list, the article and the tab title', async ({
    page,
  }) => {
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const title = '<img src=x onerror="window.__chronicleHostile=1;alert(1)">标题里的标签只是文字';
    await page.goto('/');
    await expect(page.getByRole('link', { name: title })).toBeVisible();
    await page.getByRole('link', { name: title }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(page.getByRole('heading', { level: 1 }).locator('img')).toHaveCount(0);
    await expect(page).toHaveTitle(`${title} · Chronicle`);
    await page.goto('/timeline');
    await expect(page.getByRole('link', { name: title })).toBeVisible();
    expect(
      await page.evaluate(() => (window as unknown as Record<string, unknown>).__chronicleHostile),
    ).toBeUndefined();
    expect(dialogs).toEqual([]);
  });
});

test.describe('content security policy', () => {
  const ordinaryViews = [
    '/',
    `/?source=${encodeURIComponent('北辰时报')}&from=2021-01-01`,
    '/timeline',
    `/articles/${idOf(FIXTURES.localImage)}`,
    `/articles/${idOf(FIXTURES.english)}`,
    `/articles/${idOf(FIXTURES.forumTrailer)}`,
    '/no/such/page',
  ];

  test('the built page enforces the strict policy with Trusted Types', async ({
    page,
    problems,
  }) => {
    problems.allowConsoleErrors(/requires 'TrustedHTML' assignment/);
    await page.goto('/');
    const policy = await page
      .locator('meta[http-equiv="Content-Security-Policy"]')
      .getAttribute('content');
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("require-trusted-types-for 'script'");
    // With Trusted Types enforced, assigning a plain string to innerHTML throws.
    const blocked = await page.evaluate(() => {
      try {
        document.createElement('div').innerHTML = '<b>x</b>';
        return false;
      } catch {
        return true;
      }
    });
    expect(blocked).toBe(true);
  });

  test('normal use of every view raises no policy violation', async ({ page }) => {
    const violations = await recordCspViolations(page);
    for (const path of ordinaryViews) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    }
    await page.goto('/');
    await page.getByRole('checkbox', { name: /北辰时报/ }).check();
    await page.getByRole('link', { name: '新约延期五年 双方完成换文' }).click();
    await expect(page.getByText('第二段：核查安排将在疫情缓和后恢复。')).toBeVisible();
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Timeline' })
      .click();
    await page.getByRole('link', { name: /^June 2021: 3 articles/ }).click();
    await expect(page.getByRole('status').filter({ hasText: '3 articles' })).toBeVisible();
    expect(await violations()).toEqual([]);
  });
});
