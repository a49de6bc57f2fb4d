import { z } from 'zod';
import { formatSourcesSummary, SourcesReportSchema, type SourcesReport } from './source-report';

export const FileStatusSchema = z.enum([
  'accepted',
  'accepted-with-warnings',
  'merged',
  'rejected',
  'skipped',
]);

export const ReportWarningSchema = z.object({
  message: z.string(),
  line: z.int().positive().optional(),
});

export const FileReportSchema = z.object({
  path: z.string(),
  status: FileStatusSchema,
  id: z.string().optional(),
  format: z.string().optional(),
  encoding: z.string().optional(),
  mergedInto: z.string().optional(),
  reason: z.string().optional(),
  warnings: z.array(ReportWarningSchema).optional(),
});

export const IngestReportSchema = z.object({
  schemaVersion: z.literal(1),
  summary: z.object({
    found: z.int().nonnegative(),
    accepted: z.int().nonnegative(),
    acceptedWithWarnings: z.int().nonnegative(),
    merged: z.int().nonnegative(),
    rejected: z.int().nonnegative(),
    skipped: z.int().nonnegative(),
    articles: z.int().nonnegative(),
  }),
  /** How each source name was found, and names that look like one source. */
  sources: SourcesReportSchema,
  files: z.array(FileReportSchema),
});

export type FileStatus = z.infer<typeof FileStatusSchema>;
export type FileReport = z.infer<typeof FileReportSchema>;
export type IngestReport = z.infer<typeof IngestReportSchema>;

/** summarizeReport: per-status counts; `found` is the sum, so the report accounts for every file. */
export function summarizeReport(
  files: FileReport[],
  articles: number,
  sources: SourcesReport = { origins: {}, sources: [], aliasSuggestions: [] },
): IngestReport {
  const count = (status: FileStatus) => files.filter((file) => file.status === status).length;
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return IngestReportSchema.parse({
    schemaVersion: 1,
    summary: {
      found: files.length,
      accepted: count('accepted'),
      acceptedWithWarnings: count('accepted-with-warnings'),
      merged: count('merged'),
      rejected: count('rejected'),
      skipped: count('skipped'),
      articles,
    },
    sources,
    files: sorted,
  });
}

/** countFilesWithWarnings: files whose report lists a warning, whatever their status. */
export function countFilesWithWarnings(report: IngestReport): number {
  return report.files.filter((file) => (file.warnings?.length ?? 0) > 0).length;
}

/** formatReportSummary: the human summary ingest prints; every warning names its file and line. */
export function formatReportSummary(report: IngestReport, verbose: boolean): string {
  const { summary } = report;
  const parts = [
    summary.accepted,
    summary.acceptedWithWarnings,
    summary.merged,
    summary.rejected,
    summary.skipped,
  ];
  const accounted = parts.reduce((sum, count) => sum + count, 0);
  const lines = [
    `Files found: ${summary.found} = ${summary.accepted} accepted + ${summary.acceptedWithWarnings} accepted with warnings + ${summary.merged} merged + ${summary.rejected} rejected + ${summary.skipped} skipped` +
      (accounted === summary.found
        ? ' (every file accounted for)'
        : ` (${summary.found - accounted} unaccounted!)`),
    `Articles in the manifest: ${summary.articles}`,
    ...(report.sources.sources.length > 0
      ? formatSourcesSummary(report.sources, summary.articles)
      : []),
  ];
  let hiddenWarnings = 0;
  for (const file of report.files) {
    if (file.status === 'rejected' || file.status === 'skipped') {
      lines.push(`  ${file.status}: ${file.path}: ${file.reason ?? ''}`);
      continue;
    }
    if (file.status === 'merged') lines.push(`  merged: ${file.path} → ${file.mergedInto ?? ''}`);
    for (const warning of file.warnings ?? []) {
      if (!verbose) {
        hiddenWarnings += 1;
        continue;
      }
      lines.push(
        `  warning: ${file.path}${warning.line ? `:${warning.line}` : ''}: ${warning.message}`,
      );
    }
  }
  if (hiddenWarnings > 0) {
    lines.push(
      `  (${plural(hiddenWarnings, 'warning')} not listed: --verbose lists them; ingest-report.json has them all)`,
    );
  }
  return lines.join('\n');
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
