import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { createServer, type Plugin, type ResolvedConfig } from 'vite';
import { firstScreenJson, FIRST_SCREEN_DATA_ID } from '../src/reader/app/first-screen';
import type { PrerenderedFirstScreen, prerenderFirstScreen } from '../src/reader/app/prerender';

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
export function withFirstScreen(html: string, screen: PrerenderedFirstScreen, base: string) {
  const head = [
    `<script src="${base}first-screen.js" data-path="${escapeAttribute(screen.data.path)}"></script>`,
    ...screen.preload.map(
      (url) => `<link rel="preload" href="${escapeAttribute(url)}" as="fetch" crossorigin>`,
    ),
  ];
  const data = `<script type="application/json" id="${FIRST_SCREEN_DATA_ID}">${firstScreenJson(screen.data)}</script>`;
  const root = '<div id="root"></div>';
  if (!html.includes(root) || !html.includes('</head>') || !html.includes('</body>')) {
    throw new Error('index.html has no empty <div id="root"></div> to prerender into');
  }
  return html
    .replace('</head>', `  ${head.join('\n    ')}\n  </head>`)
    .replace(root, () => `<div id="root">${screen.html}</div>`)
    .replace('</body>', () => `  ${data}\n  </body>`);
}

/**
 * firstScreenPrerender: after the build, renders the list's first screen with the app's own code
 * (through Vite's SSR loader) over the data folder the build copied, into index.html. A build
 * without data (no ingest ran) is left as it is, with a warning.
 */
export function firstScreenPrerender(): Plugin {
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
        const prerender = (await server.ssrLoadModule('/src/reader/app/prerender.tsx')) as {
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
