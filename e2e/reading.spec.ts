import type { Page } from '@playwright/test';
import type { RowChunk } from '../src/manifest/schema';
import {
  articleBar,
  articleRows,
  DATA_ROUTES,
  expect,
  expectNoSeriousAxeViolations,
  FIXTURES,
  idOf,
  test,
} from './test';

const FIRST = 'Working Groups to Meet Before Year End';
const SECOND = 'Second Round of Stability Talks Ends in Geneva';
const THIRD_TO_LAST = '中导条约正式失效';

/** The row the keys act on. */
const currentRow = (page: Page) => page.getByRole('main').locator('li[aria-current="true"]');
const rowLink = (page: Page, title: string) =>
  articleRows(page).getByRole('link', { name: title, exact: true });
/** The row of the list whose title is `title`. */
const rowOf = (page: Page, title: string) =>
  page
    .getByRole('main')
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name: title, exact: true }) });
const starButton = (scope: Page | ReturnType<Page['getByRole']>) =>
  scope.getByRole('button', { name: /^收藏/ });

/** Serves the list's first row chunk with the summit's original link set to `url`. */
async function giveSummitOriginalLink(page: Page, url: string) {
  const id = idOf(FIXTURES.summit);
  await page.route(DATA_ROUTES.firstRowChunk, async (route) => {
    const response = await route.fetch();
    const chunk = (await response.json()) as RowChunk;
    const row = chunk.rows.find((candidate) => candidate.id === id);
    if (row) row.url = url;
    await route.fulfill({ response, json: chunk });
  });
}

/** The source picker's box for `source`, named with its count. */
const sourceBox = (page: Page, source: string) =>
  page
    .getByRole('form', { name: '筛选' })
    .getByRole('checkbox', { name: new RegExp(`^${source}`) });

async function openList(page: Page, path = '/') {
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

test.describe('keyboard reading', () => {
  test('j/k move the current row, Enter opens it, j/k page through articles, u comes back', async ({
    page,
  }) => {
    await openList(page);
    await expect(page.getByRole('status').filter({ hasText: '共 11 篇文章' })).toBeVisible();
    await page.keyboard.press('j');
    await expect(currentRow(page).getByRole('heading')).toHaveText(FIRST);
    await expect(rowLink(page, FIRST)).toBeFocused();
    await page.keyboard.press('j');
    await expect(currentRow(page).getByRole('heading')).toHaveText(SECOND);
    await page.keyboard.press('k');
    await expect(currentRow(page).getByRole('heading')).toHaveText(FIRST);
    await page.keyboard.press('j');

    await page.keyboard.press('Enter');
    const heading = page.getByRole('heading', { level: 1 });
    await expect(heading).toHaveText(SECOND);
    await expect(heading).toBeFocused();
    await page.keyboard.press('j');
    await expect(heading).not.toHaveText(SECOND);
    await expect(heading).toBeFocused();
    const third = await heading.textContent();
    await page.keyboard.press('k');
    await expect(heading).toHaveText(SECOND);
    await expect(heading).toBeFocused();
    await page.keyboard.press('s');
    await expect(starButton(articleBar(page))).toHaveAttribute('aria-pressed', 'true');

    await page.keyboard.press('u');
    await expect(page.getByRole('heading', { level: 1, name: '文章' })).toBeVisible();
    await expect(currentRow(page).getByRole('heading')).toHaveText(SECOND);
    await expect(rowLink(page, SECOND)).toBeFocused();
    // Both articles read are quieter now, and say so.
    const secondRow = rowOf(page, SECOND);
    await expect(secondRow.getByText('已读')).toBeVisible();
    await expect(rowOf(page, third!).getByText('已读')).toBeVisible();
    await expect(starButton(secondRow)).toHaveAttribute('aria-pressed', 'true');

    // m marks the current row unread; s unstars it.
    await page.keyboard.press('m');
    await expect(secondRow.getByText('已读')).toHaveCount(0);
    await page.keyboard.press('s');
    await expect(starButton(secondRow)).toHaveAttribute('aria-pressed', 'false');
  });

  test('keys are not taken while typing in the search box', async ({ page }) => {
    await openList(page);
    await page.keyboard.press('/');
    const box = page.getByRole('searchbox', { name: '搜索文章' });
    await expect(box).toBeFocused();
    await page.keyboard.type('jks');
    await expect(box).toHaveValue('jks');
    await expect(currentRow(page)).toHaveCount(0);
  });

  test('? opens the key help, a dialog that Escape closes', async ({ page }) => {
    await openList(page);
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: '键盘快捷键' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByText('前往已收藏的文章')).toBeVisible();
    await expectNoSeriousAxeViolations(page);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  });

  test('the key help speaks English in the English interface', async ({ page }) => {
    await openList(page);
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('button', { name: 'Keyboard shortcuts (?)' }).click();
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  });

  test('g then s goes to the starred articles, g then t to the timeline', async ({ page }) => {
    await openList(page);
    await page.keyboard.press('g');
    await page.keyboard.press('s');
    await expect(page).toHaveURL(/\/\?state=starred$/);
    await page.keyboard.press('g');
    await page.keyboard.press('t');
    await expect(page.getByRole('heading', { level: 1, name: '时间线' })).toBeVisible();
  });
});

test.describe('focus that follows the reader', () => {
  test('back from an article puts focus on the row that was opened', async ({ page }) => {
    await openList(page);
    await rowLink(page, THIRD_TO_LAST).click();
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
    await page.goBack();
    await expect(rowLink(page, THIRD_TO_LAST)).toBeFocused();
    await expect(currentRow(page).getByRole('heading')).toHaveText(THIRD_TO_LAST);
  });

  test('next from the bottom of an article focuses the new heading', async ({ page }) => {
    await openList(page);
    await rowLink(page, FIRST).click();
    await page
      .getByRole('navigation', { name: '上一篇和下一篇' })
      .getByRole('link', { name: /下一篇/ })
      .click();
    const heading = page.getByRole('heading', { level: 1 });
    await expect(heading).toHaveText(SECOND);
    await expect(heading).toBeFocused();
  });

  test('the second skip link goes past the filters to the results', async ({ page }) => {
    await openList(page);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: '跳到文章列表' });
    await expect(skip).toBeFocused();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await expect(rowLink(page, FIRST)).toBeFocused();
  });
});

test.describe('read and starred state', () => {
  test('starred articles survive a reload, and ?state=starred shows exactly them', async ({
    page,
  }) => {
    // Five views and an axe run.
    test.slow();
    await openList(page);
    for (const title of [SECOND, THIRD_TO_LAST]) {
      const row = rowOf(page, title);
      await starButton(row).click();
      await expect(starButton(row)).toHaveAttribute('aria-pressed', 'true');
    }
    await page.reload();
    await openList(page, '/?state=starred');
    await expect(page.getByRole('status').filter({ hasText: '共 2 篇文章' })).toBeVisible();
    await expect(articleRows(page)).toHaveText([SECOND, THIRD_TO_LAST]);
    await expect(page.getByRole('link', { name: '已收藏' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    await expectNoSeriousAxeViolations(page);

    // The state combines with the other filters.
    await openList(page, `/?state=starred&source=${encodeURIComponent('北辰时报')}`);
    await expect(articleRows(page)).toHaveText([THIRD_TO_LAST]);
    await openList(page, '/timeline?state=starred');
    await expect(page.getByRole('status').filter({ hasText: '共 2 篇文章' })).toBeVisible();
  });

  test('?state=unread leaves out what was read, but keeps the article being read in place', async ({
    page,
  }) => {
    await openList(page, '/?state=unread');
    await expect(page.getByRole('status').filter({ hasText: '共 11 篇文章' })).toBeVisible();
    await rowLink(page, SECOND).click();
    await expect(page.getByText('第 2 篇，共 11 篇')).toBeVisible();
    await articleBar(page)
      .getByRole('link', { name: /返回列表/ })
      .click();
    await expect(page.getByRole('status').filter({ hasText: '共 10 篇文章' })).toBeVisible();
    await expect(rowLink(page, SECOND)).toHaveCount(0);
  });
});

test.describe('a whole view at once', () => {
  test('mark all in this view as read, then undo', async ({ page }) => {
    await openList(page, `/?source=${encodeURIComponent('北辰时报')}`);
    await expect(page.getByRole('status').filter({ hasText: '共 3 篇文章' })).toBeVisible();
    await page.getByRole('button', { name: '全部标为已读' }).click();
    await expect(page.getByText('已将 3 篇标为已读。')).toBeVisible();
    await expect(articleRows(page)).toHaveCount(3);
    await expect(page.getByRole('main').getByText('已读', { exact: true })).toHaveCount(3);
    await page.getByRole('button', { name: '撤销' }).click();
    await expect(page.getByText('已撤销。')).toBeVisible();
    await expect(page.getByRole('main').getByText('已读', { exact: true })).toHaveCount(0);

    await page.getByRole('button', { name: '全部标为已读' }).click();
    await expect(page.getByText('已将 3 篇标为已读。')).toBeVisible();
    await page.getByRole('link', { name: '未读', exact: true }).click();
    await expect(page).toHaveURL(/source=.+&state=unread$/);
    await expect(page.getByRole('status').filter({ hasText: '共 0 篇文章' })).toBeVisible();
  });

  test('mark all in this view as read on the timeline, then undo', async ({ page }) => {
    await page.goto(`/timeline?source=${encodeURIComponent('北辰时报')}`);
    await expect(page.getByRole('status').filter({ hasText: '共 3 篇文章' })).toBeVisible();
    await page.getByRole('button', { name: '全部标为已读' }).click();
    await expect(page.getByText('已将 3 篇标为已读。')).toBeVisible();
    await page.getByRole('button', { name: '撤销' }).click();
    await expect(page.getByText('已撤销。')).toBeVisible();

    await page.getByRole('link', { name: '未读', exact: true }).click();
    await expect(page).toHaveURL(/\/timeline\?source=.+&state=unread$/);
    await expect(page.getByRole('status').filter({ hasText: '共 3 篇文章' })).toBeVisible();
    await page.getByRole('button', { name: '全部标为已读' }).click();
    await expect(page.getByText('已将 3 篇标为已读。')).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: '共 0 篇文章' })).toBeVisible();
  });

  test('with ?state=unread the source picker counts only the unread', async ({ page }) => {
    await openList(page);
    await expect(sourceBox(page, '北辰时报')).toHaveAccessibleName(/^北辰时报\s*3$/);
    await page.goto(`/articles/${idOf(FIXTURES.summit)}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await openList(page, '/?state=unread');
    await expect(page.getByRole('status').filter({ hasText: '共 10 篇文章' })).toBeVisible();
    await expect(sourceBox(page, '北辰时报')).toHaveAccessibleName(/^北辰时报\s*2$/);
    await expect(sourceBox(page, '环球观察周刊')).toHaveAccessibleName(/^环球观察周刊\s*3$/);
    await page.getByRole('link', { name: '全部', exact: true }).click();
    await expect(sourceBox(page, '北辰时报')).toHaveAccessibleName(/^北辰时报\s*3$/);
  });

  test('export, then import into a fresh browser restores read and starred', async ({
    page,
    browser,
  }, testInfo) => {
    await openList(page);
    await starButton(rowOf(page, SECOND)).click();
    await rowLink(page, FIRST).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(FIRST);
    await page.goBack();
    await page.getByText('导出已读和收藏 / 导入已读和收藏').click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出已读和收藏' }).click(),
    ]);
    const file = testInfo.outputPath('reading-state.json');
    await download.saveAs(file);

    const fresh = await browser.newContext({ baseURL: testInfo.project.use.baseURL });
    const other = await fresh.newPage();
    await openList(other, '/?state=starred');
    await expect(other.getByRole('status').filter({ hasText: '共 0 篇文章' })).toBeVisible();
    await other.getByText('导出已读和收藏 / 导入已读和收藏').click();
    await other.getByLabel('导入已读和收藏').setInputFiles(file);
    await expect(other.getByText('已导入 2 篇的记录（其中 2 篇有变化）。')).toBeVisible();
    await expect(articleRows(other)).toHaveText([SECOND]);
    await openList(other, '/');
    await expect(rowOf(other, FIRST).getByText('已读')).toBeVisible();
    await fresh.close();
  });

  test('an import names the ids this archive does not have', async ({ page }, testInfo) => {
    const file = testInfo.outputPath('foreign.json');
    const { writeFile } = await import('node:fs/promises');
    await writeFile(
      file,
      JSON.stringify({
        format: 'chronicle-reading-state',
        version: 1,
        exportedAt: '2024-05-01T00:00:00.000Z',
        articles: [
          { id: idOf(FIXTURES.summit), read: null, starred: '2024-04-30T00:00:00.000Z' },
          { id: 'ffffffffffff', read: '2024-04-30T00:00:00.000Z', starred: null },
        ],
      }),
    );
    await openList(page);
    await page.getByText('导出已读和收藏 / 导入已读和收藏').click();
    await page.getByLabel('导入已读和收藏').setInputFiles(file);
    await expect(
      page.getByText('已导入 1 篇的记录（其中 1 篇有变化）。1 篇已不在本档案中，已跳过。'),
    ).toBeVisible();
  });
});

test.describe('in the article', () => {
  test('opened from a search, it goes to the first match, and n and p move between matches', async ({
    page,
  }) => {
    await openList(page, `/?q=${encodeURIComponent('良性段落')}`);
    await articleRows(page).getByRole('link').first().click();
    await expect(page.getByText('第 1 处，共 3 处')).toBeVisible();
    const currentMatch = () =>
      page.evaluate(() =>
        [...(CSS.highlights.get('search-term-current') ?? [])].map((range) => {
          const paragraph = (range as Range).startContainer.parentElement!;
          return paragraph.textContent!.slice(0, 6);
        }),
      );
    await expect.poll(currentMatch).toEqual(['良性段落一：']);
    await page.keyboard.press('n');
    await expect(page.getByText('第 2 处，共 3 处')).toBeVisible();
    await expect.poll(currentMatch).toEqual(['良性段落二：']);
    await page.keyboard.press('p');
    await page.keyboard.press('p');
    await expect(page.getByText('第 3 处，共 3 处')).toBeVisible();
  });

  test('styling removals are a quiet line; the tinted note names only what matters', async ({
    page,
  }) => {
    await page.goto(`/articles/${idOf(FIXTURES.hostile)}`);
    const note = page.locator('.removal-note summary');
    await expect(note).toContainText('脚本');
    await expect(note).not.toContainText('样式');
    await expect(page.getByText(/已去除 \d+ 处原网页的样式或跟踪代码/)).toBeVisible();
  });

  test('the original link opens in a new tab, as v does; without one, v says so', async ({
    page,
    context,
  }) => {
    const original = 'https://news.example/world/summit.html';
    await giveSummitOriginalLink(page, original);
    // The new tab's page is served here: tests never reach remote hosts.
    await context.route('https://news.example/**', (route) =>
      route.fulfill({ contentType: 'text/html', body: '<title>原文页面</title>' }),
    );
    await page.goto(`/articles/${idOf(FIXTURES.summit)}`);
    const link = page.getByRole('link', { name: '原文', exact: true });
    await expect(link).toHaveAttribute('href', original);
    await expect(link).toHaveAttribute('target', '_blank');
    await expect(link).toHaveAttribute('rel', 'noopener noreferrer');

    const opened = context.waitForEvent('page');
    await page.keyboard.press('v');
    const tab = await opened;
    await expect(tab).toHaveURL(original);
    expect(await tab.evaluate(() => window.opener)).toBeNull();
    await tab.close();
    await expect(page.getByText('这篇文章没有原文链接')).toHaveCount(0);

    await page.goto(`/articles/${idOf(FIXTURES.openSkies)}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
    await expect(page.getByRole('link', { name: '原文', exact: true })).toHaveCount(0);
    await page.keyboard.press('v');
    await expect(
      page.getByRole('status').filter({ hasText: '这篇文章没有原文链接' }),
    ).toBeVisible();
    expect(context.pages()).toEqual([page]);
  });

  test('the source name leads to that source’s list', async ({ page }) => {
    await page.goto(`/articles/${idOf(FIXTURES.summit)}`);
    await page.getByRole('link', { name: '北辰时报', exact: true }).click();
    await expect(page).toHaveURL(/\/\?source=%E5%8C%97%E8%BE%B0%E6%97%B6%E6%8A%A5$/);
    await expect(page.getByRole('status').filter({ hasText: '共 3 篇文章' })).toBeVisible();
  });
});

test.describe('reading settings', () => {
  test('a chosen theme is on the page before the app runs, after a reload', async ({ page }) => {
    await page.goto(`/articles/${idOf(FIXTURES.summit)}`);
    // The loading frame's header is replaced once the article is in: open the settings after.
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
    await page.getByText('阅读设置').click();
    await page.getByRole('radio', { name: '米黄' }).check();
    await page.getByRole('radio', { name: '大' }).check();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'sepia');
    await expectNoSeriousAxeViolations(page);
    // What the early script set, seen before any module script runs.
    await page.addInitScript(() =>
      document.addEventListener('DOMContentLoaded', () => {
        (window as unknown as { __themeAtStart: string | null }).__themeAtStart =
          document.documentElement.getAttribute('data-theme');
      }),
    );
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(
      await page.evaluate(() => (window as unknown as { __themeAtStart: string }).__themeAtStart),
    ).toBe('sepia');
    await expect(page.locator('html')).toHaveAttribute('data-text-size', 'large');
  });

  for (const theme of ['dark', 'light'] as const) {
    test(`the list and an article pass axe in the ${theme} theme`, async ({ page }) => {
      // Two axe runs.
      test.slow();
      await page.addInitScript((chosen) => {
        localStorage.setItem('chronicle-reading-settings', JSON.stringify({ theme: chosen }));
      }, theme);
      await openList(page);
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      await expectNoSeriousAxeViolations(page);
      await page.goto(`/articles/${idOf(FIXTURES.localImage)}`);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expectNoSeriousAxeViolations(page);
    });
  }
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

  test('a tap on the excerpt opens the article, whose top bar pages and stars', async ({
    page,
  }) => {
    // Taps, two views and an axe run.
    test.slow();
    await openList(page);
    const excerpt = rowOf(page, SECOND).getByRole('paragraph').last();
    await excerpt.scrollIntoViewIfNeeded();
    // A tap where the excerpt is on screen (the row's link lies over it, which is the point).
    const box = (await excerpt.boundingBox())!;
    await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
    const heading = page.getByRole('heading', { level: 1 });
    await expect(heading).toHaveText(SECOND);
    await expect(articleBar(page)).toBeInViewport();
    await starButton(articleBar(page)).tap();
    await expect(starButton(articleBar(page))).toHaveAttribute('aria-pressed', 'true');
    await articleBar(page)
      .getByRole('link', { name: /上一篇/ })
      .tap();
    await expect(heading).not.toHaveText(THIRD_TO_LAST);
    await expect(heading).toBeFocused();
    await expectNoSeriousAxeViolations(page);
  });
});
