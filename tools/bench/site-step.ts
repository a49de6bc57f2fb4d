import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'vite';
import { buildFilePath, rowChunkName } from '../../src/manifest/data-paths';
import { firstListChunks, gzipSize, readManifestLayout } from './data-output';
import { REPO_ROOT } from './paths';

export interface SiteFigures {
  /** Every script the build emitted, gzip. */
  allJsGzipBytes: number;
  /** The scripts index.html loads (entry and module preloads), gzip. */
  initialJsGzipBytes: number;
  initialJsFiles: string[];
  buildMs: number;
}

/**
 * preparePublicDir: a public folder for one size — the repository's public files without its
 * data folder — so the bench ingests and builds beside, never into, the working tree's
 * public/data that the dev server and the e2e run use.
 */
export async function preparePublicDir(publicDir: string): Promise<string> {
  await mkdir(publicDir, { recursive: true });
  const source = join(REPO_ROOT, 'public');
  for (const entry of await readdir(source, { withFileTypes: true })) {
    if (entry.isFile()) await copyFile(join(source, entry.name), join(publicDir, entry.name));
  }
  return join(publicDir, 'data');
}

/** buildSite: the production build of the reader with this public folder, into outDir. */
export async function buildSite(publicDir: string, outDir: string): Promise<number> {
  const started = performance.now();
  await build({
    root: REPO_ROOT,
    configFile: join(REPO_ROOT, 'vite.config.ts'),
    base: '/',
    publicDir,
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
  return performance.now() - started;
}

const attributeValues = (html: string, pattern: RegExp) =>
  [...html.matchAll(pattern)].map((match) => match[1]!);

/** The stylesheets and scripts index.html loads, as site paths. */
async function readShell(siteDir: string): Promise<{ scripts: string[]; styles: string[] }> {
  const html = await readFile(join(siteDir, 'index.html'), 'utf8');
  const scripts = [
    ...attributeValues(html, /<script\b[^>]*\bsrc="([^"]+)"/g),
    ...attributeValues(html, /<link\b(?=[^>]*\brel="modulepreload")[^>]*\bhref="([^"]+)"/g),
  ];
  const styles = attributeValues(html, /<link\b(?=[^>]*\brel="stylesheet")[^>]*\bhref="([^"]+)"/g);
  return { scripts: [...new Set(scripts)], styles };
}

export async function measureScripts(siteDir: string, buildMs: number): Promise<SiteFigures> {
  const assets = join(siteDir, 'assets');
  let allJsGzipBytes = 0;
  for (const name of await readdir(assets)) {
    if (name.endsWith('.js')) allJsGzipBytes += gzipSize(await readFile(join(assets, name)));
  }
  const { scripts } = await readShell(siteDir);
  let initialJsGzipBytes = 0;
  for (const script of scripts) {
    initialJsGzipBytes += gzipSize(await readFile(join(siteDir, script.replace(/^\//, ''))));
  }
  return { allJsGzipBytes, initialJsGzipBytes, initialJsFiles: scripts, buildMs };
}

interface StaticRow {
  id: string;
  title: string;
  source: string;
  date: string | null;
  excerpt: string;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/**
 * readFirstRows: the first rows of the list as the reader shows them, read from the row chunks.
 * Change this with the data design; only the static comparison page depends on it.
 */
async function readFirstRows(
  dataDir: string,
  count: number,
): Promise<{ rows: StaticRow[]; total: number }> {
  const manifest = await readManifestLayout(dataDir);
  const rows: StaticRow[] = [];
  // Chunks hold documents oldest first; the list shows them newest first.
  for (const chunk of firstListChunks(manifest, count)) {
    const file = buildFilePath(manifest, rowChunkName(chunk));
    const data = JSON.parse(await readFile(join(dataDir, file), 'utf8')) as { rows?: StaticRow[] };
    if (!Array.isArray(data.rows) || data.rows.length === 0) throw new Error(`${file} has no rows`);
    rows.push(...data.rows.reverse());
  }
  return { rows: rows.slice(0, count), total: manifest.articleCount };
}

const dayFormat = new Intl.DateTimeFormat('zh-CN', {
  dateStyle: 'medium',
  timeZone: 'Asia/Shanghai',
});

/**
 * writeStaticPage: `static-<count>.html` in the site, the first rows of the list as plain HTML with
 * the app's stylesheet and no script — the floor the reader's first row is compared with.
 */
export async function writeStaticPage(
  siteDir: string,
  dataDir: string,
  count: number,
): Promise<string> {
  const { rows, total } = await readFirstRows(dataDir, count);
  const { styles } = await readShell(siteDir);
  const items = rows.map((row) => {
    const date = row.date
      ? `<time datetime="${escapeHtml(row.date)}">${escapeHtml(dayFormat.format(new Date(row.date)))}</time>`
      : '<span>未注明日期</span>';
    const excerpt = row.excerpt
      ? `<p class="article-card__excerpt">${escapeHtml(row.excerpt)}</p>`
      : '';
    return `<li><article class="article-card"><div class="article-card__text"><h2 class="article-card__title"><a href="/articles/${escapeHtml(row.id)}">${escapeHtml(row.title)}</a></h2><p class="article-card__meta"><span class="article-card__source">${escapeHtml(row.source)}</span><span aria-hidden="true"> · </span>${date}</p>${excerpt}</div></article></li>`;
  });
  const html = [
    '<!doctype html>',
    '<html lang="zh-Hans">',
    '<head>',
    '<meta charset="UTF-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<title>文章 · Chronicle (static)</title>',
    ...styles.map((href) => `<link rel="stylesheet" href="${escapeHtml(href)}">`),
    '</head>',
    '<body>',
    '<main id="main"><div class="with-sidebar"><section class="content">',
    '<h1>文章</h1>',
    `<p class="result-count">共 ${total} 篇文章</p>`,
    `<ol class="article-list">${items.join('\n')}</ol>`,
    '</section></div></main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
  const name = `static-${count}.html`;
  await writeFile(join(siteDir, name), html);
  return `/${name}`;
}
