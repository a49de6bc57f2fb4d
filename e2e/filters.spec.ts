import { articleRows, expect, test } from './test';
import type { Page } from '@playwright/test';

const filterPanel = (page: Page) => page.getByRole('form', { name: '筛选' });
const sourceBoxes = (page: Page) => filterPanel(page).getByRole('checkbox');
const status = (page: Page, count: number) =>
  page.getByRole('status').filter({ hasText: `共 ${count} 篇文章` });

test.describe('source filter', () => {
  test('finds a source by typing part of its name, in Simplified or Traditional', async ({
    page,
  }) => {
    await page.goto('/');
    const find = filterPanel(page).getByRole('searchbox', { name: /来源/ });
    await find.fill('北辰');
    await expect(sourceBoxes(page)).toHaveCount(1);
    await expect(sourceBoxes(page)).toHaveAccessibleName(/北辰时报/);

    await find.fill('環球觀察');
    await expect(sourceBoxes(page)).toHaveCount(1);
    await sourceBoxes(page).check();
    await expect(page).toHaveURL(`/?source=${encodeURIComponent('环球观察周刊')}`);
    await expect(status(page, 3)).toBeVisible();

    // Typing another name keeps the chosen source on show, first.
    await find.fill('meridian');
    await expect(sourceBoxes(page)).toHaveCount(2);
    await expect(sourceBoxes(page).first()).toHaveAccessibleName(/环球观察周刊/);
    await expect(sourceBoxes(page).first()).toBeChecked();
  });

  test('the list of sources is one Tab stop, walked with the arrow keys', async ({ page }) => {
    await page.goto('/');
    await filterPanel(page).getByRole('combobox', { name: '来源排序' }).focus();
    await page.keyboard.press('Tab');
    await expect(sourceBoxes(page).nth(0)).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(sourceBoxes(page).nth(1)).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('起始日期')).toBeFocused();
  });

  test('“only” keeps one source, “select none” drops them all', async ({ page }) => {
    await page.goto(`/?source=${encodeURIComponent('北辰时报')}`);
    await filterPanel(page).getByRole('button', { name: '只看 The Meridian Ledger' }).click();
    await expect(page).toHaveURL('/?source=The+Meridian+Ledger');
    await filterPanel(page).getByRole('button', { name: '全不选' }).click();
    await expect(page).toHaveURL('/');
    await expect(status(page, 11)).toBeVisible();
  });

  test('a source differing only in case is that source; an unknown one is named in a notice', async ({
    page,
  }) => {
    await page.goto('/?source=the+meridian+ledger');
    await expect(status(page, 2)).toBeVisible();
    await expect(
      filterPanel(page).getByRole('checkbox', { name: /The Meridian Ledger/ }),
    ).toBeChecked();
    await expect(page.getByRole('status').filter({ hasText: '不在这个档案中' })).toHaveCount(0);

    await page.goto('/?source=NoSuchPaper&source=The+Meridian+Ledger');
    await expect(
      page.getByRole('status').filter({ hasText: '链接中的来源“NoSuchPaper”不在这个档案中' }),
    ).toBeVisible();
    await expect(status(page, 2)).toBeVisible();

    await page.goto('/?source=Meridian+Ledger');
    await expect(status(page, 11)).toBeVisible();
    await page.getByRole('button', { name: '改看 The Meridian Ledger' }).click();
    await expect(page).toHaveURL(
      `/?source=${encodeURIComponent('The Meridian Ledger').replace(/%20/g, '+')}`,
    );
    await expect(status(page, 2)).toBeVisible();
  });
});

test('active filters show as chips, each removing its own filter', async ({ page }) => {
  await page.goto(
    `/?source=${encodeURIComponent('北辰时报')}&source=${encodeURIComponent('The Meridian Ledger')}&from=2021-01-01`,
  );
  await expect(status(page, 4)).toBeVisible();
  await page.getByRole('button', { name: '移除来源 北辰时报' }).click();
  await expect(page).toHaveURL('/?source=The+Meridian+Ledger&from=2021-01-01');
  await page.getByRole('button', { name: '移除日期范围 2021-01-01 –' }).click();
  await expect(page).toHaveURL('/?source=The+Meridian+Ledger');
  await page.goto('/timeline?source=The+Meridian+Ledger');
  await page.getByRole('button', { name: '移除来源 The Meridian Ledger' }).click();
  await expect(page).toHaveURL('/timeline');
});

test('an article says which list it belongs to', async ({ page }) => {
  await page.goto('/?source=The+Meridian+Ledger&from=2021-01-01');
  await articleRows(page).first().getByRole('link').click();
  await expect(page.getByText('所在列表：The Meridian Ledger · 2021-01-01 –')).toBeVisible();
});

test.describe('dates', () => {
  test.use({ locale: 'en-US' });

  test('a typed date applies once complete, never half-typed', async ({ page }) => {
    await page.goto('/');
    await page.getByLabel('From').focus();
    // en-US fields go month, day, year: the year is typed last, one digit at a time.
    await page.keyboard.type('0301202');
    await expect(page).toHaveURL('/');
    await page.keyboard.type('1');
    await expect(page).toHaveURL('/?from=2021-03-01');
    await expect(page.getByRole('status').filter({ hasText: 'Ignored' })).toHaveCount(0);
    await expect(page.getByLabel('From')).toHaveValue('2021-03-01');
    // Nothing half-typed was written to the history on the way.
    await page.goBack();
    await expect(page).toHaveURL('/');
  });

  test('preset ranges fill both ends', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('button', { name: 'This year' }).click();
    const year = String(new Date().getFullYear());
    await expect(page).toHaveURL(new RegExp(`from=${year}-01-01&to=${year}-`));
    await page.getByRole('button', { name: 'All dates' }).click();
    await expect(page).toHaveURL('/');
  });
});

test('undated articles come last under their own heading, in title order', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 2400 });
  await page.goto('/');
  await expect(page.getByRole('heading', { name: /^未注明日期/ })).toHaveText('未注明日期（2 篇）');
  const titles = await articleRows(page).allTextContents();
  expect(titles.slice(-2)).toEqual(['论坛转帖：军控对话的下一步', '没有日期的评论文章']);
});

test('sort=oldest lists the dated articles oldest first, the undated still last', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 2400 });
  await page.goto('/');
  await page
    .getByRole('combobox', { name: '排序', exact: true })
    .selectOption({ label: '最早在前' });
  await expect(page).toHaveURL('/?sort=oldest');
  const titles = await articleRows(page).allTextContents();
  expect(titles[0]).toBe('中导条约正式失效');
  expect(titles.at(-3)).toBe('Working Groups to Meet Before Year End');
  expect(titles.slice(-2)).toEqual(['论坛转帖：军控对话的下一步', '没有日期的评论文章']);
});

test.describe('filters on a phone', () => {
  test.beforeEach(async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
  });

  test('open as a sheet whose changes apply only on its button, which counts the result', async ({
    page,
  }) => {
    await page.goto('/');
    await expect(status(page, 11)).toBeVisible();
    await expect(filterPanel(page)).toHaveCount(0);
    const open = page.getByRole('button', { name: '筛选' });
    await open.click();
    const sheet = page.getByRole('dialog', { name: '筛选' });
    await expect(sheet).toBeVisible();
    await expect(sheet.getByRole('searchbox', { name: /来源/ })).toBeVisible();
    await expect(sheet.getByRole('button', { name: '显示 11 篇' })).toBeVisible();

    await sheet.getByRole('checkbox', { name: /The Meridian Ledger/ }).check();
    await expect(sheet.getByRole('button', { name: '显示 2 篇' })).toBeVisible();
    // Staged only: the URL and the list behind the sheet are as they were.
    await expect(page).toHaveURL('/');
    await expect(status(page, 11)).toBeAttached();

    await sheet.getByRole('button', { name: '显示 2 篇' }).click();
    await expect(sheet).toBeHidden();
    await expect(page).toHaveURL('/?source=The+Meridian+Ledger');
    await expect(status(page, 2)).toBeVisible();
    await expect(page.getByRole('button', { name: '筛选（已选 1 项）' })).toBeFocused();
  });

  test('Escape closes the sheet and drops what was staged', async ({ page }) => {
    await page.goto('/timeline');
    await page.getByRole('button', { name: '筛选' }).click();
    const sheet = page.getByRole('dialog', { name: '筛选' });
    await sheet.getByRole('button', { name: '今年' }).click();
    await page.keyboard.press('Escape');
    await expect(sheet).toBeHidden();
    await expect(page).toHaveURL('/timeline');
    await page.getByRole('button', { name: '筛选' }).click();
    await expect(sheet.getByLabel('起始日期')).toHaveValue('');
  });
});
