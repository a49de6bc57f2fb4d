import { expect, expectNoSeriousAxeViolations, FIXTURES, idOf, test } from './test';

const views = [
  { name: 'list', path: '/' },
  { name: 'filtered list', path: `/?source=${encodeURIComponent('北辰时报')}&from=2021-01-01` },
  { name: 'empty list', path: '/?from=2030-01-01' },
  { name: 'article', path: `/articles/${idOf(FIXTURES.localImage)}` },
  { name: 'timeline', path: '/timeline' },
  { name: 'narrowed timeline', path: '/timeline?from=2021-06-01&to=2021-06-30' },
  { name: 'list with an unknown source', path: '/?source=NoSuchPaper' },
  { name: 'not found', path: '/no/such/page' },
];

const widths = [
  { name: '', size: null },
  { name: ' on a phone', size: { width: 390, height: 844 } },
];

for (const view of views) {
  for (const width of widths) {
    test(`${view.name}${width.name} has no serious or critical axe violations`, async ({
      page,
    }) => {
      if (width.size) await page.setViewportSize(width.size);
      await page.goto(view.path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expectNoSeriousAxeViolations(page);
    });
  }
}

test('the filter sheet on a phone has no serious or critical axe violations', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/');
  await page.getByRole('button', { name: '筛选' }).click();
  await expect(page.getByRole('dialog', { name: '筛选' })).toBeVisible();
  await expectNoSeriousAxeViolations(page, 'dialog');
});
