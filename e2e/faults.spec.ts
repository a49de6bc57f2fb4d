import { articleBar, DATA_ROUTES, expect, FIXTURES, idOf, test } from './test';

const NOT_FOUND_LOG = /Failed to load resource: the server responded with a status of (404|500)/;

test.describe('when the archive data fails', () => {
  test('a missing manifest says so and retry recovers', async ({ page, problems }) => {
    problems.allowConsoleErrors(NOT_FOUND_LOG);
    await page.route('**/data/manifest.json', (route) =>
      route.fulfill({ status: 404, body: 'not found' }),
    );
    await page.goto('/');
    const alert = page.getByRole('alert');
    await expect(alert.getByRole('heading', { name: '出了点问题' })).toBeVisible();
    await expect(alert).toContainText('找不到档案数据（manifest.json）');
    await page.unroute('**/data/manifest.json');
    await alert.getByRole('button', { name: '重试' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '文章' })).toBeVisible();
  });

  test('a manifest that is not JSON is reported as damaged', async ({ page }) => {
    await page.route('**/data/manifest.json', (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><p>oops' }),
    );
    await page.goto('/timeline');
    await expect(page.getByRole('alert')).toContainText('文件不是有效的 JSON');
    await expect(page.getByRole('navigation', { name: '主导航' })).toBeVisible();
  });

  test('a manifest of another schema version names both versions', async ({ page }) => {
    await page.route('**/data/manifest.json', (route) =>
      route.fulfill({ status: 200, json: { schemaVersion: 7, generator: 'chronicle' } }),
    );
    await page.goto('/');
    await expect(page.getByRole('alert')).toContainText('格式版本是 7，而这个阅读器需要版本 6');
  });

  test('a manifest that breaks the schema names the field', async ({ page }) => {
    await page.route('**/data/manifest.json', (route) =>
      route.fulfill({
        status: 200,
        json: {
          schemaVersion: 6,
          generator: 'chronicle',
          articleCount: -1,
          build: '0123456789abcdef',
          chunkSize: 64,
          sources: [],
          search: { shards: 1 },
          files: {},
        },
      }),
    );
    await page.goto('/');
    await expect(page.getByRole('alert')).toContainText('档案数据不符合格式要求');
    await expect(page.getByRole('alert')).toContainText('manifest.json → articleCount');
  });

  test('a missing article body shows an error with retry while the rest of the page works', async ({
    page,
    problems,
  }) => {
    problems.allowConsoleErrors(NOT_FOUND_LOG);
    const id = idOf(FIXTURES.summit);
    await page.route(DATA_ROUTES.bodyGroups, (route) => route.fulfill({ status: 404, body: '' }));
    await page.goto(`/articles/${id}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      '日内瓦峰会举行 两国元首会晤近四小时',
    );
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('这篇文章的正文文件缺失');
    await expect(articleBar(page).getByRole('link', { name: /下一篇/ })).toBeVisible();

    await page.unroute(DATA_ROUTES.bodyGroups);
    await alert.getByRole('button', { name: '重试' }).click();
    await expect(page.getByText('测试正文：峰会在湖畔别墅举行')).toBeVisible();
  });

  test('a corrupt article body is reported, not rendered', async ({ page }) => {
    const id = idOf(FIXTURES.summit);
    await page.route(DATA_ROUTES.bodyGroups, (route) =>
      route.fulfill({ status: 200, json: { schemaVersion: 6, bodies: [{ id, html: 42 }] } }),
    );
    await page.goto(`/articles/${id}`);
    await expect(page.getByRole('alert')).toContainText('档案数据不符合格式要求');
  });

  test('a slow body shows a skeleton, then the text', async ({ page }) => {
    const id = idOf(FIXTURES.summit);
    let release: () => void = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    await page.route(DATA_ROUTES.bodyGroups, async (route) => {
      await released;
      await route.continue();
    });
    await page.goto(`/articles/${id}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.locator('[aria-busy="true"]')).toBeVisible();
    release();
    await expect(page.getByText('测试正文：峰会在湖畔别墅举行')).toBeVisible();
    await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  });

  test('offline: a clear message, and the body loads by itself once back online', async ({
    page,
    context,
    problems,
  }) => {
    problems.allowConsoleErrors(/net::ERR_INTERNET_DISCONNECTED/);
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: '文章' })).toBeVisible();
    // The article view's code loads once the list is shown; a reader goes offline after that.
    await page.waitForLoadState('networkidle');
    await context.setOffline(true);
    await expect(page.getByText('你已离线。已加载的内容仍可阅读。')).toBeVisible();
    await page.getByRole('link', { name: '日内瓦峰会举行 两国元首会晤近四小时' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      '日内瓦峰会举行 两国元首会晤近四小时',
    );
    await expect(page.getByText('正文尚未下载。恢复联网后会自动加载。')).toBeVisible();
    await context.setOffline(false);
    await expect(page.getByText('测试正文：峰会在湖畔别墅举行')).toBeVisible();
    await expect(page.getByText('你已离线。已加载的内容仍可阅读。')).toHaveCount(0);
  });
});
