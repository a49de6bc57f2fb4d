import { existsSync } from 'node:fs';
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { createServer, type ResolvedConfig } from 'vite';
import { defineConfig, type Plugin } from 'vitest/config';
import type { PrerenderedFirstScreen, prerenderFirstScreen } from './src/reader/app/prerender';

/** The module that renders the list's first screen, run by Vite's SSR loader after the build. */
const PRERENDER_MODULE = '/src/reader/app/prerender.tsx';

/**
 * The built app's Content-Security-Policy. Plain-http images are not allowed: cleartext requests
 * tell anyone on the network what is being read, and an https deployment blocks them as mixed
 * content anyway (see docs/security.md).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' https: data:",
  "connect-src 'self'",
  "font-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "object-src 'none'",
  "require-trusted-types-for 'script'",
  'trusted-types dompurify',
].join('; ');

/** Headers for static hosts that read a `_headers` file (Netlify, Cloudflare Pages). */
function headersFile(base: string): string {
  const policy = `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`;
  return [
    `${base}*`,
    `  Content-Security-Policy: ${policy}`,
    '  Referrer-Policy: no-referrer',
    '  X-Content-Type-Options: nosniff',
    '  Cross-Origin-Opener-Policy: same-origin',
    `${base}assets/*`,
    '  Cache-Control: public, max-age=31536000, immutable',
    // Data files named by their content (src/manifest/data-paths.ts) never change under a name.
    ...['rows', 'ids', 'search', 'bodies', 'media'].flatMap((folder) => [
      `${base}data/${folder}/*`,
      '  Cache-Control: public, max-age=31536000, immutable',
    ]),
    `${base}data/manifest.json`,
    '  Cache-Control: no-cache',
    '',
  ].join('\n');
}

/**
 * The policy ships in a meta tag of the built page (the dev server needs inline scripts for hot
 * reload, so it is build-only) and as a `_headers` file for hosts that can send real headers.
 */
function contentSecurityPolicy(): Plugin {
  let outDir = 'dist';
  let base = '/';
  return {
    name: 'chronicle-content-security-policy',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
      base = config.base;
    },
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
    async closeBundle() {
      await writeFile(join(outDir, '_headers'), headersFile(base));
    },
  };
}

/**
 * Static hosts serve 404.html for unknown paths; making it the app shell lets every deep link load.
 * Copied as the bundle is written, before the first screen is prerendered into index.html: an
 * unknown path has no use for the list's first screen.
 */
function spaFallback(): Plugin {
  let outDir = 'dist';
  return {
    name: 'chronicle-spa-fallback',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    async writeBundle() {
      await copyFile(join(outDir, 'index.html'), join(outDir, '404.html'));
    },
  };
}

const escapeAttribute = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');

/**
 * folderFetch: `fetch` over the built site's folder, for the prerender: `base`-rooted URLs of
 * files under it answer with the file, anything else with 404.
 */
function folderFetch(folder: string, base: string) {
  return async (url: string): Promise<Response> => {
    const path = decodeURIComponent(new URL(url, 'http://prerender.invalid').pathname);
    if (!path.startsWith(base) || path.includes('..')) return new Response(null, { status: 404 });
    const file = join(folder, path.slice(base.length));
    if (!existsSync(file)) return new Response(null, { status: 404 });
    return new Response(await readFile(file), { headers: { 'content-type': 'application/json' } });
  };
}

/**
 * withFirstScreen: index.html with the prerendered screen in `#root`, its data as JSON at the end
 * of the body, the loaders' files preloaded and the script that hides the screen elsewhere.
 */
function withFirstScreen(html: string, screen: PrerenderedFirstScreen, base: string) {
  const head = [
    `<script src="${base}first-screen.js" data-path="${escapeAttribute(screen.data.path)}"></script>`,
    ...screen.preload.map(
      (url) => `<link rel="preload" href="${escapeAttribute(url)}" as="fetch" crossorigin>`,
    ),
  ];
  const root = '<div id="root"></div>';
  if (!html.includes(root) || !html.includes('</head>') || !html.includes('</body>')) {
    throw new Error('index.html has no empty <div id="root"></div> to prerender into');
  }
  return (
    html
      .replace('</head>', `  ${head.join('\n    ')}\n  </head>`)
      // Inert until hydrated (see releaseFirstScreen): controls without their handlers yet.
      .replace(root, () => `<div id="root" inert>${screen.html}</div>`)
      .replace('</body>', () => `  ${screen.dataElement}\n  </body>`)
  );
}

/**
 * firstScreenPrerender: after the build, renders the list's first screen with the app's own code
 * (through Vite's SSR loader) over the data folder the build copied, into index.html. A build
 * without data (no ingest ran) is left as it is, with a warning.
 */
function firstScreenPrerender(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'chronicle-first-screen',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    async closeBundle() {
      if (config.build.ssr) return;
      const outDir = resolve(config.root, config.build.outDir);
      if (!existsSync(join(outDir, 'data', 'manifest.json'))) {
        config.logger.warn('first screen: no data/manifest.json in the build, nothing prerendered');
        return;
      }
      const server = await createServer({
        configFile: false,
        root: config.root,
        base: config.base,
        mode: config.mode,
        logLevel: 'error',
        plugins: [react()],
        appType: 'custom',
        server: { middlewareMode: true, hmr: false, ws: false },
        optimizeDeps: { noDiscovery: true, include: [] },
      });
      try {
        const prerender = (await server.ssrLoadModule(PRERENDER_MODULE)) as {
          prerenderFirstScreen: typeof prerenderFirstScreen;
        };
        const screen = await prerender.prerenderFirstScreen(folderFetch(outDir, config.base));
        const index = join(outDir, 'index.html');
        await writeFile(index, withFirstScreen(await readFile(index, 'utf8'), screen, config.base));
      } finally {
        await server.close();
      }
    },
  };
}

export default defineConfig({
  // Deploying under a sub-path (e.g. /chronicle/) is a build-time choice.
  base: process.env.CHRONICLE_BASE ?? '/',
  // The first screen is prerendered from the data in here (see docs/first-paint.md): a build of
  // another archive's data names its own folder, as the e2e scale site does.
  publicDir: process.env.CHRONICLE_PUBLIC_DIR ?? 'public',
  plugins: [react(), contentSecurityPolicy(), spaFallback(), firstScreenPrerender()],
  build: { target: 'es2022', sourcemap: false },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: [
            'src/ingest/**/*.test.ts',
            'src/manifest/**/*.test.ts',
            'src/search/**/*.test.ts',
            'tools/**/*.test.ts',
          ],
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['src/reader/**/*.test.{ts,tsx}', 'src/sanitizer/**/*.test.ts'],
        },
      },
    ],
    reporters: ['default', ['json', { outputFile: 'reports/vitest.json' }]],
  },
});
