import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vitest/config';

/**
 * Static hosts serve 404.html for unknown paths; making it the app shell lets every deep link load.
 */
function spaFallback(): Plugin {
  let outDir = 'dist';
  return {
    name: 'chronicle-spa-fallback',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    async closeBundle() {
      await copyFile(join(outDir, 'index.html'), join(outDir, '404.html'));
    },
  };
}

export default defineConfig({
  // Deploying under a sub-path (e.g. /chronicle/) is a build-time choice.
  base: process.env.CHRONICLE_BASE ?? '/',
  plugins: [react(), spaFallback()],
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
          include: ['src/ingest/**/*.test.ts', 'src/manifest/**/*.test.ts'],
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
