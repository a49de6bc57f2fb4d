import { copyFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vitest/config';
import { firstScreenPrerender } from './scripts/first-screen-plugin';

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

export default defineConfig({
  // Deploying under a sub-path (e.g. /chronicle/) is a build-time choice.
  base: process.env.CHRONICLE_BASE ?? '/',
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
