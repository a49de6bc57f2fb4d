import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { articleRows, expect, test } from './test';

/**
 * Deploys under an open page: the page's data folder is one this test builds with ingest and
 * rebuilds while the page is open, as a host serving the folder would. Ingest keeps the previous
 * build's files for one more build, so after two deploys the page's own build is partly gone;
 * the reader must notice (a 404), move on to the new build, and keep its place.
 */

const NOT_FOUND_LOG = /Failed to load resource: the server responded with a status of 404/;

/** Articles a day apart from `first` (days after 2020-01-01), alternating two sources. */
function articles(first: number, count: number, title = (day: number) => `第${day}日要闻`) {
  return Array.from({ length: count }, (_, index) => {
    const day = first + index;
    const date = new Date(Date.UTC(2020, 0, 1 + day, 8)).toISOString().slice(0, 16);
    const source = day % 2 === 0 ? '晨报' : '晚报';
    return [
      `${source}/${day}.md`,
      `---\ntitle: ${title(day)}\nsource: ${source}\ndate: ${date.replace('T', ' ')}\n---\n\n<p>${title(day)}的正文。第${day}天。</p>\n`,
    ] as const;
  });
}

class Site {
  readonly root = mkdtempSync(join(tmpdir(), 'chronicle-deploy-'));
  readonly content = join(this.root, 'content');
  readonly data = join(this.root, 'data');

  /** deploy: add these articles to the archive and rebuild the data folder in place. */
  deploy(files: readonly (readonly [string, string])[]) {
    for (const [path, text] of files) {
      mkdirSync(join(this.content, path, '..'), { recursive: true });
      writeFileSync(join(this.content, path), text);
    }
    execFileSync(
      'npx',
      [
        'tsx',
        'src/ingest/cli.ts',
        '--content',
        this.content,
        '--out',
        this.data,
        '--no-cache',
        '--jobs',
        '1',
        '--quiet',
      ],
      { stdio: 'pipe' },
    );
  }

  /** serve: the page's /data/ answers from this folder, as a static host would. */
  async serve(page: Page) {
    await page.route('**/data/**', async (route) => {
      const path = new URL(route.request().url()).pathname.replace(/^.*?\/data\//, '');
      let body: Buffer;
      try {
        body = readFileSync(join(this.data, decodeURIComponent(path)));
      } catch {
        return route.fulfill({ status: 404, body: '' });
      }
      return route.fulfill({ status: 200, contentType: 'application/json', body });
    });
  }

  remove() {
    rmSync(this.root, { recursive: true, force: true });
  }
}

let site: Site;
test.beforeEach(() => {
  site = new Site();
});
test.afterEach(() => site.remove());

test('a page open across deploys moves on to the new build, keeping its filters, place and article', async ({
  page,
  problems,
}) => {
  // Five ingest runs, each starting Node and TypeScript: far slower than the page's part.
  test.setTimeout(420_000);
  problems.allowConsoleErrors(NOT_FOUND_LOG);
  site.deploy(articles(250, 150));
  await site.serve(page);

  await page.goto('/?source=%E6%99%A8%E6%8A%A5');
  await expect(articleRows(page).first()).toHaveText('第398日要闻');
  const filter = page.getByRole('checkbox', { name: /^晨报/ });
  await expect(filter).toBeChecked();

  // Two deploys: newer articles, and a backfilled one older than all, which renumbers every
  // document and so renames every row chunk; the page's build loses its files.
  site.deploy([...articles(400, 20), ...articles(0, 1)]);
  site.deploy(articles(420, 20, (day) => (day === 438 ? `独家快讯第${day}日` : `第${day}日要闻`)));

  // Scrolling to rows whose chunk the page has not loaded meets the 404 and moves on: the list
  // counts the new build's articles, at the same scroll position, under the same filter.
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  const scrolled = await page.evaluate(() => window.scrollY);
  expect(scrolled).toBeGreaterThan(0);
  await expect(page.getByRole('status').filter({ hasText: '共 96 篇文章' })).toBeVisible();
  // Where it was, give or take the rows measured again in the new build's list.
  expect(Math.abs((await page.evaluate(() => window.scrollY)) - scrolled)).toBeLessThan(500);
  await expect(articleRows(page).last()).toHaveText(/^第\d+日要闻$/);
  await expect(page.getByRole('main').getByRole('alert')).toHaveCount(0);
  await expect(filter).toBeChecked();
  await expect(page).toHaveURL(/\?source=%E6%99%A8%E6%8A%A5$/);
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await expect(articleRows(page).last()).toHaveText('第0日要闻');

  // The new build's articles are in the list, under the same filter.
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect(articleRows(page).first()).toHaveText('独家快讯第438日');

  // Opened from the list, an article of the old build shows its body from the new one.
  await page.getByRole('link', { name: '第436日要闻' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '第436日要闻' })).toBeVisible();
  site.deploy(articles(440, 2));
  site.deploy(articles(442, 2));
  await page.getByRole('link', { name: '下一篇 → 第434日要闻' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '第434日要闻' })).toBeVisible();
  await expect(page.getByText('第434日要闻的正文。第434天。')).toBeVisible();

  // Search runs on the newest build: back on the list, its newest article is found and opens.
  await page.keyboard.press('u');
  await page.getByRole('searchbox', { name: '搜索文章' }).fill('要闻');
  await page.keyboard.press('Enter');
  await expect(articleRows(page).first()).toHaveText('第442日要闻');
  await page.getByRole('link', { name: '第442日要闻' }).click();
  await expect(page.getByText('第442日要闻的正文。第442天。')).toBeVisible();
});
