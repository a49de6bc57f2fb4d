import type { Page } from '@playwright/test';
import { decodeDescendingDeltas, decodeUints } from '../src/manifest/column-codec';
import { buildFilePath, COLUMNS_NAME } from '../src/manifest/data-paths';
import { articleBar, expect, test } from './test';

interface ArchiveFacts {
  count: number;
  sources: { name: string; count: number }[];
  /** Epoch minutes of the dated rows, newest first. */
  minutes: Float64Array;
  sourceOfRow: Float64Array;
}

/** Reads the generated archive's data directly, as the expected values for the views. */
async function readArchive(page: Page): Promise<ArchiveFacts> {
  const manifest = await (await page.request.get('/data/manifest.json')).json();
  const columns = await (
    await page.request.get(`/data/${buildFilePath(manifest, COLUMNS_NAME)}`)
  ).json();
  return {
    count: manifest.articleCount,
    sources: manifest.sources,
    minutes: decodeDescendingDeltas(columns.minutes, columns.datedCount),
    sourceOfRow: decodeUints(columns.sources, columns.count),
  };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const shanghaiMidnight = (day: string) => Date.parse(`${day}T00:00:00+08:00`) / 60_000;

test.beforeEach(async ({ page }) => {
  // The generated articles point at image hosts that do not exist here; answer for them.
  await page.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) =>
    route.fulfill({
      status: 200,
      contentType: 'image/svg+xml',
      body: '<svg xmlns="http://www.w3.org/2000/svg"/>',
    }),
  );
});

test('scroll deep into a list of thousands, open an article, and come back to the same place', async ({
  page,
}) => {
  const archive = await readArchive(page);
  expect(archive.count).toBeGreaterThan(2000);
  await page.goto('/');
  await expect(
    page.getByRole('status').filter({ hasText: `共 ${archive.count} 篇文章` }),
  ).toBeVisible();
  // The list holds only what is on screen, not thousands of rows.
  expect(await page.getByRole('main').getByRole('article').count()).toBeLessThan(40);

  const depth = await page.evaluate(() => Math.round(document.documentElement.scrollHeight * 0.6));
  await page.evaluate((y) => window.scrollTo(0, y), depth);
  const row = page
    .getByRole('main')
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { level: 2 }) });
  await expect
    .poll(async () => Number(await row.first().getAttribute('aria-posinset')))
    .toBeGreaterThan(1000);
  const link = row.nth(8).getByRole('heading', { level: 2 }).getByRole('link');
  await link.scrollIntoViewIfNeeded();
  const title = (await link.textContent())!;
  // Rows settle as their chunks arrive; wait until the clicked row stops moving.
  let top = NaN;
  await expect
    .poll(async () => {
      const previous = top;
      top = (await link.boundingBox())!.y;
      return top === previous;
    })
    .toBe(true);

  await link.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(page.locator('.article-body')).not.toBeEmpty();
  await articleBar(page)
    .getByRole('link', { name: /返回列表/ })
    .click();
  const again = page.getByRole('link', { name: title, exact: true });
  await expect(again).toBeVisible();
  // The same row at the same place on screen, give or take rows re-measured on the way back.
  await expect.poll(async () => Math.abs((await again.boundingBox())!.y - top)).toBeLessThan(150);
});

test('filters at that size count exactly what the data holds', async ({ page }) => {
  const archive = await readArchive(page);
  const largest = [...archive.sources].sort((a, b) => b.count - a.count)[0]!;
  await page.goto('/');
  await page.getByRole('checkbox', { name: new RegExp(`^${escapeRegExp(largest.name)} `) }).check();
  await expect(
    page.getByRole('status').filter({ hasText: `共 ${largest.count} 篇文章` }),
  ).toBeVisible();

  const [from, to] = ['2021-03-01', '2021-05-31'];
  const sourceIndex = archive.sources.findIndex((source) => source.name === largest.name);
  let expected = 0;
  archive.minutes.forEach((minute, row) => {
    const inRange = minute >= shanghaiMidnight(from) && minute < shanghaiMidnight('2021-06-01');
    if (inRange && archive.sourceOfRow[row] === sourceIndex) expected += 1;
  });
  expect(expected).toBeGreaterThan(0);
  await page.getByLabel('起始日期').fill(from);
  await page.getByLabel('截止日期').fill(to);
  await expect(page.getByRole('status').filter({ hasText: `共 ${expected} 篇文章` })).toBeVisible();
  const firstDate = await page
    .getByRole('main')
    .getByRole('article')
    .first()
    .locator('time')
    .getAttribute('datetime');
  expect(Date.parse(firstDate!) / 60_000).toBeLessThan(shanghaiMidnight('2021-06-01'));
});

test('the timeline at that size: a bar per year, a year narrows to its months, a month to its days', async ({
  page,
}) => {
  const archive = await readArchive(page);
  const monthOf = (minute: number) =>
    new Date(minute * 60_000 + 8 * 3_600_000).toISOString().slice(0, 7);
  const months = Array.from(archive.minutes, monthOf);
  const years = new Set(months.map((month) => month.slice(0, 4)));
  const span = Number(months[0]!.slice(0, 4)) - Number(months.at(-1)!.slice(0, 4)) + 1;
  // The generated archive spans more than five years, so the chart starts with a bar per year.
  expect(span).toBeGreaterThanOrEqual(5);
  await page.goto('/timeline');
  const chart = page.getByRole('figure');
  const bars = chart.getByRole('link');
  await expect(chart).toContainText('每年文章数');
  await expect(bars).toHaveCount(years.size);

  const in2021 = months.filter((month) => month.startsWith('2021-'));
  await chart.getByRole('link', { name: new RegExp(`^2021：${in2021.length} 篇`) }).click();
  await expect(page).toHaveURL(/from=2021-01-01&to=2021-12-31/);
  await expect(chart).toContainText('每月文章数');
  await expect(
    page.getByRole('status').filter({ hasText: `共 ${in2021.length} 篇文章` }),
  ).toBeVisible();

  const june2021 = in2021.filter((month) => month === '2021-06').length;
  await chart.getByRole('link', { name: new RegExp(`^2021年6月：${june2021} 篇`) }).click();
  await expect(page).toHaveURL(/from=2021-06-01&to=2021-06-30/);
  await expect(chart).toContainText('每日文章数');
  await expect(page.getByRole('status').filter({ hasText: `共 ${june2021} 篇文章` })).toBeVisible();
  await expect(page.getByRole('main').getByRole('heading', { level: 2 }).first()).toHaveText(
    /2021年6月/,
  );
  await expect(page.getByRole('main').getByRole('heading', { level: 3 }).first()).toHaveText(
    /6月30日|6月2\d日/,
  );
});

test('keyboard only, deep in thousands of rows: j, Enter, s, u, then the starred view', async ({
  page,
}) => {
  // A hundred and twenty key presses, each a render of the list: more than the default time on a
  // busy host.
  test.slow();
  const archive = await readArchive(page);
  await page.goto('/');
  await expect(
    page.getByRole('status').filter({ hasText: `共 ${archive.count} 篇文章` }),
  ).toBeVisible();
  const depth = 120;
  for (let press = 0; press < depth; press += 1) await page.keyboard.press('j');
  const current = page.getByRole('main').locator('li[aria-current="true"]');
  await expect(current).toHaveAttribute('aria-posinset', String(depth));
  await expect(current).toBeInViewport();
  const link = current.getByRole('heading', { level: 2 }).getByRole('link');
  await expect(link).toBeFocused();
  const title = (await link.textContent())!;

  await page.keyboard.press('Enter');
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toHaveText(title);
  await expect(heading).toBeFocused();
  await page.keyboard.press('s');
  await expect(articleBar(page).getByRole('button', { name: /^收藏/ })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await page.keyboard.press('u');
  await expect(current).toHaveAttribute('aria-posinset', String(depth));
  await expect(link).toBeFocused();
  await expect(current).toBeInViewport();

  await page.keyboard.press('g');
  await page.keyboard.press('s');
  await expect(page.getByRole('status').filter({ hasText: '共 1 篇文章' })).toBeVisible();
  await expect(
    page.getByRole('main').getByRole('listitem').getByRole('heading', { level: 2 }),
  ).toHaveText([title]);
});

test('at that size a source is found by typing, and the undated articles are headed', async ({
  page,
}) => {
  const archive = await readArchive(page);
  const smallest = [...archive.sources].sort((a, b) => a.count - b.count)[0]!;
  await page.goto('/');
  const panel = page.getByRole('form', { name: '筛选' });
  await panel.getByRole('searchbox', { name: /来源/ }).fill(smallest.name);
  await panel
    .getByRole('checkbox', { name: new RegExp(`^${escapeRegExp(smallest.name)} `) })
    .check();
  await expect(
    page.getByRole('status').filter({ hasText: `共 ${smallest.count} 篇文章` }),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: `移除来源 ${smallest.name}` })).toBeVisible();

  // The undated articles come last, under a heading: scroll to the end until it is drawn.
  await page.goto('/');
  const undated = archive.count - archive.minutes.length;
  const heading = page.getByRole('heading', {
    name: `未注明日期（${undated.toLocaleString('zh-Hans')} 篇）`,
  });
  await expect(page.getByRole('main').getByRole('article').first()).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  // From the end, most of a screen up at a time until the heading is drawn: no step skips it.
  await expect(async () => {
    if (!(await heading.isVisible())) {
      await page.evaluate(() => window.scrollBy(0, -0.9 * window.innerHeight));
    }
    await expect(heading).toBeVisible({ timeout: 200 });
  }).toPass({ intervals: [100] });
});
