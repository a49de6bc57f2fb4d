import type { Locator, Page } from '@playwright/test';
import {
  articleRows,
  DATA_ROUTES,
  expect,
  FIXTURES,
  idOf,
  recordCspViolations,
  test,
} from './test';

const NOT_FOUND_LOG = /Failed to load resource: the server responded with a status of 404/;
const SUMMIT_TITLE = '日内瓦峰会举行 两国元首会晤近四小时';
/**
 * The list with its rows fetched, as the stubs below need: `/` carries its first rows in the page
 * itself (prerendered at build time, see docs/first-paint.md), any other list URL fetches them.
 */
const FETCHING_LIST = '/?sort=oldest';

interface RowChunk {
  rows: { id: string; title: string; image: string | null; lang: string }[];
}

/** Serves the list's first row chunk with the summit's row changed by `edit`. */
async function editSummitRow(page: Page, edit: (row: RowChunk['rows'][number]) => void) {
  const id = idOf(FIXTURES.summit);
  await page.route(DATA_ROUTES.firstRowChunk, async (route) => {
    const response = await route.fetch();
    const chunk = (await response.json()) as RowChunk;
    const row = chunk.rows.find((candidate) => candidate.id === id);
    if (row) edit(row);
    await route.fulfill({ response, json: chunk });
  });
}

/** Whether the element's content, or the page, is wider than its box, i.e. cut off or scrolling. */
function overflowsHorizontally(element: Locator) {
  return element.evaluate(
    (node) =>
      node.scrollWidth > node.clientWidth ||
      document.documentElement.scrollWidth > document.documentElement.clientWidth,
  );
}

test.describe('odd content', () => {
  for (const view of [
    { name: 'list', path: FETCHING_LIST },
    { name: 'timeline', path: '/timeline' },
  ]) {
    test(`a ${view.name} row whose data fails to load says so, and retry recovers it`, async ({
      page,
      problems,
    }) => {
      problems.allowConsoleErrors(NOT_FOUND_LOG);
      await page.route(DATA_ROUTES.firstRowChunk, (route) =>
        route.fulfill({ status: 404, body: '' }),
      );
      await page.goto(view.path);
      const failed = page.getByRole('main').getByRole('alert').first();
      await expect(failed).toContainText('这一条没能加载');
      await expect(failed).toContainText('列表数据的一个文件缺失');
      await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);

      await page.unroute(DATA_ROUTES.firstRowChunk);
      await failed.getByRole('button', { name: '重试' }).click();
      await expect(page.getByRole('link', { name: SUMMIT_TITLE })).toBeVisible();
      await expect(page.getByRole('main').getByRole('alert')).toHaveCount(0);
    });
  }

  test('an image that fails shows a neutral placeholder in the list and in the body, and a plain-http image is asked for over https', async ({
    page,
    problems,
  }) => {
    problems.allowConsoleErrors(NOT_FOUND_LOG);
    const cspViolations = await recordCspViolations(page);
    const imageRequests: string[] = [];
    await page.route(/^https?:\/\/(images\.example|lain\.bgm\.tv)\//, (route) => {
      imageRequests.push(route.request().url());
      return route.fulfill({ status: 404, body: '' });
    });
    await editSummitRow(page, (row) => {
      row.image = 'https://images.example/summit.jpg';
    });
    const id = idOf(FIXTURES.summit);
    await page.route(DATA_ROUTES.bodyGroups, async (route) => {
      const response = await route.fetch();
      const group = (await response.json()) as { bodies: { id: string; html: string }[] };
      const body = group.bodies.find((candidate) => candidate.id === id);
      // An archived post's image over plain http, inside a link: the shape that showed the
      // article's title as a red link text at every image.
      if (body) {
        body.html += `<p><a href="https://news.example/a"><img src="http://lain.bgm.tv/pic/summit.jpg" alt="${SUMMIT_TITLE}"></a></p>`;
      }
      await route.fulfill({ response, json: group });
    });

    await page.goto(FETCHING_LIST);
    const summitRow = page
      .getByRole('main')
      .getByRole('listitem')
      .filter({ has: page.getByRole('link', { name: SUMMIT_TITLE }) });
    await expect(summitRow.getByText('图片无法加载')).toBeVisible();
    await expect(summitRow.locator('img')).toHaveCount(0);

    await summitRow.getByRole('link', { name: SUMMIT_TITLE }).click();
    const body = page.locator('.article-body');
    await expect(body.getByText('测试正文：峰会在湖畔别墅举行')).toBeVisible();
    await expect(body.getByRole('link', { name: '图片无法加载' })).toBeVisible();
    await expect(body.locator('img')).toHaveCount(0);
    expect(imageRequests).toContain('https://lain.bgm.tv/pic/summit.jpg');
    expect(imageRequests.filter((url) => url.startsWith('http:'))).toEqual([]);
    expect(await cspViolations()).toEqual([]);
  });
});

// In English: the Chinese interface lets any text break anywhere, which hides the case.
test.describe('odd content, in English', () => {
  test.use({ locale: 'en-US' });

  test('a 10,000-character unbroken title wraps in the list and in the article', async ({
    page,
  }) => {
    const longTitle = 'x'.repeat(10_000);
    // English: Chinese text already breaks anywhere, a Latin run of letters does not.
    await editSummitRow(page, (row) => {
      row.title = longTitle;
      row.lang = 'en';
    });
    await page.goto(FETCHING_LIST);
    const listTitle = articleRows(page).filter({ hasText: 'xxxxxxxxxx' });
    await expect(listTitle).toHaveCount(1);
    expect(await overflowsHorizontally(listTitle)).toBe(false);

    await page.goto(`/articles/${idOf(FIXTURES.summit)}`);
    const heading = page.getByRole('heading', { level: 1 });
    await expect(heading).toHaveText(longTitle);
    expect(await overflowsHorizontally(heading)).toBe(false);
  });
});
