import { describe, expect, it } from 'vitest';
import { DocumentInvalidError, SchemaVersionMismatchError } from '../../manifest/parse';
import { SCHEMA_VERSION } from '../../manifest/schema';
import {
  DataHttpError,
  DataNetworkError,
  DataNotFoundError,
  DataNotJsonError,
} from '../articles/api';
import { MESSAGES } from '../i18n/messages';
import { describeError } from './describe-error';

const url = '/data/articles/0123456789ab.json';

describe.each(['zh', 'en'] as const)('describeError in %s', (language) => {
  const t = MESSAGES[language];

  it('says the manifest is missing when archive data is not found', () => {
    expect(describeError(new DataNotFoundError('/data/manifest.json'), t, 'archive')).toEqual({
      message: t.errorManifestMissing,
      detail: '/data/manifest.json',
    });
  });

  it('says the article text is missing when a body is not found', () => {
    expect(describeError(new DataNotFoundError(url), t, 'body')).toEqual({
      message: t.errorBodyMissing,
      detail: url,
    });
  });

  it.each(['archive', 'body'] as const)('maps the other errors the same way for %s', (what) => {
    expect(describeError(new DataNotJsonError(url), t, what)).toEqual({
      message: t.errorNotJson,
      detail: url,
    });
    expect(describeError(new DataNetworkError(url), t, what)).toEqual({
      message: t.errorOffline,
      detail: url,
    });
    expect(describeError(new DataHttpError(url, 503), t, what)).toEqual({
      message: t.errorHttp(503),
      detail: url,
    });
    expect(describeError(new SchemaVersionMismatchError('manifest.json', 1), t, what)).toEqual({
      message: t.errorVersion('1', SCHEMA_VERSION),
      detail: 'manifest.json',
    });
  });

  it('shows the HTTP status in the message', () => {
    expect(describeError(new DataHttpError(url, 503), t, 'archive').message).toContain('503');
  });

  it('shows both versions, and ? when the document had none', () => {
    const newer = describeError(new SchemaVersionMismatchError('index.json', 7, 3), t, 'archive');
    expect(newer.message).toContain('7');
    expect(newer.message).toContain('3');
    const none = describeError(new SchemaVersionMismatchError('index.json', undefined), t, 'body');
    expect(none.message).toBe(t.errorVersion('?', SCHEMA_VERSION));
  });

  it('lists the located issues of an invalid document, one per line, at most five', () => {
    const issues = [
      { path: 'articles.0.date', message: 'Invalid ISO datetime' },
      { path: '', message: 'expected object' },
      ...['a', 'b', 'c', 'd'].map((path) => ({ path, message: `bad ${path}` })),
    ];
    const described = describeError(new DocumentInvalidError('index.abc.json', issues), t, 'body');
    expect(described.message).toBe(t.errorInvalid);
    expect(described.detail?.split('\n')).toEqual([
      'index.abc.json → articles.0.date: Invalid ISO datetime',
      'index.abc.json → (root): expected object',
      'index.abc.json → a: bad a',
      'index.abc.json → b: bad b',
      'index.abc.json → c: bad c',
    ]);
  });

  it('falls back to the unknown-error message with the error’s own text', () => {
    expect(describeError(new TypeError('x is undefined'), t, 'archive')).toEqual({
      message: t.errorUnknown,
      detail: 'x is undefined',
    });
  });

  it('has no detail for something thrown that is not an Error', () => {
    expect(describeError('boom', t, 'body')).toEqual({ message: t.errorUnknown, detail: null });
    expect(describeError(undefined, t, 'archive')).toEqual({
      message: t.errorUnknown,
      detail: null,
    });
  });
});

describe('describeError messages', () => {
  it('gives each kind of failure its own sentence', () => {
    const t = MESSAGES.en;
    const messages = [
      describeError(new DataNotFoundError(url), t, 'archive'),
      describeError(new DataNotFoundError(url), t, 'body'),
      describeError(new DataNotJsonError(url), t, 'archive'),
      describeError(new DataNetworkError(url), t, 'archive'),
      describeError(new DataHttpError(url, 500), t, 'archive'),
      describeError(new SchemaVersionMismatchError('m', 2), t, 'archive'),
      describeError(new DocumentInvalidError('m', []), t, 'archive'),
      describeError(new Error('x'), t, 'archive'),
    ].map((described) => described.message);
    expect(new Set(messages).size).toBe(messages.length);
  });
});
