import { describe, expect, it } from 'vitest';
import { countFilesWithWarnings, formatReportSummary, summarizeReport } from './report';

const report = summarizeReport(
  [
    { path: 'b.md', status: 'accepted', id: '000000000001' },
    {
      path: 'a.md',
      status: 'accepted-with-warnings',
      id: '000000000002',
      warnings: [{ message: 'date "x" could not be read', line: 4 }],
    },
    { path: 'c.md', status: 'merged', mergedInto: '000000000001' },
    { path: 'd.md', status: 'rejected', reason: 'empty file' },
    { path: 'e.tsv', status: 'skipped', reason: 'not an article type (.tsv)' },
  ],
  2,
);

describe('summarizeReport', () => {
  it('counts each status, sorts files by path, and adds up to the files found', () => {
    expect(report.summary).toEqual({
      found: 5,
      accepted: 1,
      acceptedWithWarnings: 1,
      merged: 1,
      rejected: 1,
      skipped: 1,
      articles: 2,
    });
    expect(report.files.map((file) => file.path)).toEqual([
      'a.md',
      'b.md',
      'c.md',
      'd.md',
      'e.tsv',
    ]);
    expect(countFilesWithWarnings(report)).toBe(1);
  });
});

describe('formatReportSummary', () => {
  it('says every file is accounted for and lists problems; warnings with --verbose', () => {
    expect(formatReportSummary(report, false).split('\n')).toEqual([
      'Files found: 5 = 1 accepted + 1 accepted with warnings + 1 merged + 1 rejected + 1 skipped (every file accounted for)',
      'Articles in the manifest: 2',
      '  merged: c.md → 000000000001',
      '  rejected: d.md: empty file',
      '  skipped: e.tsv: not an article type (.tsv)',
      '  (1 warning not listed: --verbose lists them; ingest-report.json has them all)',
    ]);
    expect(formatReportSummary(report, true)).toContain(
      '  warning: a.md:4: date "x" could not be read',
    );
  });
});
