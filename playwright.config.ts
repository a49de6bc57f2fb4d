import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 4317);
const SCALE_PORT = PORT + 1;
/** A generated archive of a few thousand articles, for the views at a realistic size. */
const SCALE_ARTICLES = 3000;

/**
 * Playwright cannot download its own browser everywhere; Debian's Chromium works. Set
 * CHROMIUM_PATH to use another binary, or leave it unset where Playwright's own browser exists.
 */
const executablePath =
  process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

const launchOptions = {
  executablePath,
  // Debian's Chromium runs as root here; the background services only knock on a closed network.
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'],
};

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: 2,
  timeout: 30_000,
  expect: { timeout: 7_000 },
  reporter: [['list'], ['json', { outputFile: 'reports/playwright.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      testIgnore: 'scale.spec.ts',
      // Tall enough that the whole fixture list (11 articles under the search box) is rendered:
      // the list is virtualized, and tests read every row's title.
      use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 1000 }, launchOptions },
    },
    {
      name: 'scale',
      testMatch: 'scale.spec.ts',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions,
        baseURL: `http://127.0.0.1:${SCALE_PORT}`,
      },
    },
  ],
  // Started one after the other: both builds copy public/, which the first build's ingest rewrites.
  webServer: [
    {
      // The production build of the e2e fixture archive, served as a static site.
      command: `npm run build -- --logLevel warn && vite preview --port ${PORT} --strictPort`,
      env: { CHRONICLE_CONTENT: 'e2e/archive' },
      url: `http://127.0.0.1:${PORT}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      command: [
        `npm run corpus -- --count ${SCALE_ARTICLES} --seed 7 --out .e2e/scale-archive --force`,
        // Its own public folder with its own data, built after ingest: the build prerenders the
        // list's first screen from the data it copies.
        'rm -rf .e2e/scale-public && cp -r public .e2e/scale-public',
        'tsx src/ingest/cli.ts --content .e2e/scale-archive --out .e2e/scale-public/data --quiet',
        'vite build --outDir .e2e/scale-site --emptyOutDir --logLevel warn',
        `vite preview --outDir .e2e/scale-site --port ${SCALE_PORT} --strictPort`,
      ].join(' && '),
      env: { CHRONICLE_PUBLIC_DIR: '.e2e/scale-public' },
      url: `http://127.0.0.1:${SCALE_PORT}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 300_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});
