// @vitest-environment node
// The ingest's sanitizer runs in plain Node, without any DOM.
import { describe, expect, test } from 'vitest';
import { createIngestSanitizer } from './ingest-sanitizer';
import {
  BENIGN_CASES,
  HOSTILE_CASES,
  expectHostileCaseHandled,
  hostileInput,
} from './policy-cases';

const sanitizer = createIngestSanitizer();
const NOTHING_REMOVED = { total: 0, byKind: {}, embeds: [] };

describe('hostile input', () => {
  test.each(HOSTILE_CASES)('$name', (hostile) => {
    expectHostileCaseHandled(sanitizer, hostile);
  });
});

describe('benign input', () => {
  test.each(BENIGN_CASES)('$name', ({ input, output, options }) => {
    const { html, removed } = sanitizer.sanitize(input, options);
    expect(html).toBe(output);
    expect(removed).toEqual(NOTHING_REMOVED);
  });
});
