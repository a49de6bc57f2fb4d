import AxeBuilder from '@axe-core/playwright';
import { expect, FIXTURES, idOf, test } from './test';

const views = [
  { name: 'list', path: '/' },
  { name: 'filtered list', path: `/?source=${encodeURIComponent('北辰时报')}&from=2021-01-01` },
  { name: 'empty list', path: '/?from=2030-01-01' },
  { name: 'article', path: `/articles/${idOf(FIXTURES.localImage)}` },
  { name: 'timeline', path: '/timeline' },
  { name: 'not found', path: '/no/such/page' },
];

for (const view of views) {
  test(`${view.name} has no serious or critical axe violations`, async ({ page }) => {
    await page.goto(view.path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map(
        (violation) =>
          `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
      );
    expect(serious).toEqual([]);
  });
}
