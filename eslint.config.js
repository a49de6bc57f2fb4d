import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import importPlugin from 'eslint-plugin-import';
import globals from 'globals';

/**
 * Imports flow one way: ingest → manifest ← reader, and both may use the sanitizer policy, the
 * search index's tokenizer and query engine (search/, which reads the manifest's contract) and the
 * framework-free helpers in common/.
 * Inside the reader: app → routes → articles (domain) → ui; i18n is a leaf everybody may use.
 */
const zones = [
  // The product never reaches into the tools that measure it.
  { target: './src', from: './tools' },
  {
    target: './src/common',
    from: [
      './src/ingest',
      './src/reader',
      './src/sanitizer',
      './src/manifest',
      './src/search',
      './tools',
    ],
  },
  {
    target: './src/manifest',
    from: ['./src/ingest', './src/reader', './src/sanitizer', './src/search'],
  },
  {
    target: './src/search',
    from: ['./src/ingest', './src/reader', './src/sanitizer', './tools'],
  },
  { target: './src/sanitizer', from: ['./src/ingest', './src/reader'] },
  { target: './src/ingest', from: './src/reader' },
  { target: './src/reader', from: './src/ingest' },
  { target: './src/reader/routes', from: './src/reader/app' },
  { target: './src/reader/articles', from: ['./src/reader/app', './src/reader/routes'] },
  {
    target: './src/reader/ui',
    from: ['./src/reader/app', './src/reader/routes', './src/reader/articles'],
  },
  {
    target: './src/reader/i18n',
    from: ['./src/reader/app', './src/reader/routes', './src/reader/articles', './src/reader/ui'],
  },
];

export default tseslint.config(
  {
    ignores: [
      'dist',
      'public/data',
      'node_modules',
      'test-results',
      'playwright-report',
      'reports',
      'sample-archive',
      'src/ingest/fixtures',
      'e2e/archive',
      'src/search/recall/archive',
      '.e2e',
      '.ingest-cache',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { import: importPlugin, 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'import/no-restricted-paths': ['error', { zones }],
      'import/no-cycle': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Article HTML reaches the DOM only through <SanitizedHtml>.',
        },
      ],
    },
    settings: {
      'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js', '.mjs'] } },
      'import/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
    },
  },
  {
    files: ['src/reader/ui/sanitized-html.tsx'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
