import type { Outcome } from './outcome';
import type { SizeResult } from './run-size';

/** The budgets of issue 4, set for 100,000 articles on a 2-core machine. */
export const BUDGETS = {
  ingestArticlesPerSecond: 5_000,
  transferredBeforeFirstRowBytes: 300_000,
  initialJsGzipBytes: 150_000,
  firstRowMs: 1_000,
  firstRowVsStatic: 1.5,
  filterMedianMs: 50,
  articleOpenMs: 100,
  heapBytes: 100_000_000,
};

export interface TableRow {
  figure: string;
  value: string;
  budget: string;
  /** ✓ or ✗ against the budget; empty when the figure has none or was not measured. */
  verdict: '✓' | '✗' | '';
}

const integer = (value: number) => Math.round(value).toLocaleString('en-US');
const decimal = (value: number, digits = 1) =>
  value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
export const kB = (bytes: number) => `${decimal(bytes / 1_000)} kB`;
export const MB = (bytes: number) => `${decimal(bytes / 1_000_000)} MB`;
export const ms = (value: number) =>
  value < 100 ? `${decimal(value)} ms` : `${integer(value)} ms`;

/** Rows are built in order; a failure is spelled out once and referred to after that. */
class RowBuilder {
  private readonly reported = new Map<Outcome<unknown>, string>();

  row<T>(
    figure: string,
    outcome: Outcome<T>,
    value: (figures: T) => string,
    budget?: { text: string; met: (figures: T) => boolean },
  ): TableRow {
    if (!outcome.ok) {
      const firstRow = this.reported.get(outcome);
      if (firstRow === undefined) this.reported.set(outcome, figure);
      const error =
        firstRow !== undefined
          ? `error: see "${firstRow}"`
          : outcome.error.startsWith('skipped:')
            ? outcome.error
            : `error: ${shorten(outcome.error)}`;
      return { figure, value: error, budget: budget?.text ?? '', verdict: '' };
    }
    const figures = outcome.value;
    return {
      figure,
      value: value(figures),
      budget: budget?.text ?? '',
      verdict: budget ? (budget.met(figures) ? '✓' : '✗') : '',
    };
  }
}

const TABLE_ERROR_LENGTH = 160;
const shorten = (text: string) =>
  text.length > TABLE_ERROR_LENGTH ? `${text.slice(0, TABLE_ERROR_LENGTH)}…` : text;

/** Both outcomes, or the first one's failure. */
function both<A, B>(a: Outcome<A>, b: Outcome<B>): Outcome<[A, B]> {
  if (!a.ok) return a;
  if (!b.ok) return b;
  return { ok: true, value: [a.value, b.value] };
}

/** tabulate: one row per figure, with its unit and, where issue 4 sets one, the budget. */
export function tabulate(result: SizeResult): TableRow[] {
  const b = BUDGETS;
  const rows = new RowBuilder();
  const row: RowBuilder['row'] = (...args) => rows.row(...args);
  return [
    row('corpus', result.corpus, (corpus) => {
      const how = corpus.reused
        ? 'reused'
        : `generated in ${decimal((corpus.generateMs ?? 0) / 1000)} s`;
      return `${integer(corpus.stats.count)} files, ${MB(corpus.stats.totalBytes)}, median body ${kB(corpus.stats.bodyBytes.median)} (${how})`;
    }),
    row(
      'ingest, empty cache: wall time',
      result.ingest,
      (ingest) => `${decimal(ingest.wallMs / 1000)} s`,
    ),
    row(
      'ingest, empty cache: throughput',
      result.ingest,
      (ingest) => `${integer(ingest.articlesPerSecond)} articles/s`,
      {
        text: `≥ ${integer(b.ingestArticlesPerSecond)} articles/s`,
        met: (ingest) => ingest.articlesPerSecond >= b.ingestArticlesPerSecond,
      },
    ),
    row('ingest, empty cache: peak memory (RSS)', result.ingest, (ingest) =>
      MB(ingest.peakRssBytes),
    ),
    row('ingest again, warm cache: wall time', result.ingestWarm, (ingest) => {
      const cached =
        ingest.filesFromCache === null
          ? ''
          : `, ${integer(ingest.filesFromCache)} of ${integer(result.size)} files from the cache`;
      return `${decimal(ingest.wallMs / 1000)} s (${integer(ingest.articlesPerSecond)} articles/s${cached}), peak ${MB(ingest.peakRssBytes)}`;
    }),
    row(
      'output: total',
      result.output,
      (output) => `${MB(output.totalBytes)} in ${integer(output.files)} files`,
    ),
    row(
      'output: entry bytes',
      result.output,
      (output) =>
        `${kB(output.entry.rawBytes)} raw, ${kB(output.entry.gzipBytes)} gzip (${output.entry.files.join(' + ')})`,
    ),
    row('JS: all chunks (gzip)', result.site, (site) => kB(site.allJsGzipBytes)),
    row(
      'JS: initial, loaded by index.html (gzip)',
      result.site,
      (site) => kB(site.initialJsGzipBytes),
      {
        text: `≤ ${kB(b.initialJsGzipBytes)}`,
        met: (site) => site.initialJsGzipBytes <= b.initialJsGzipBytes,
      },
    ),
    row(
      'first row painted, reader (cold, median)',
      result.reader,
      (load) => `${ms(load.firstPaintMs)} (n=${load.samplesMs.length})`,
      {
        text: `≤ ${ms(b.firstRowMs)}`,
        met: (load) => load.firstPaintMs <= b.firstRowMs,
      },
    ),
    row(
      'first row painted, static 50-row page (cold, median)',
      result.staticPage,
      (load) => `${ms(load.firstPaintMs)} (n=${load.samplesMs.length})`,
    ),
    row(
      'reader / static page',
      both(result.reader, result.staticPage),
      ([reader, page]) => `${decimal(reader.firstPaintMs / page.firstPaintMs, 2)}×`,
      {
        text: `≤ ${decimal(b.firstRowVsStatic, 1)}×`,
        met: ([reader, page]) => reader.firstPaintMs <= b.firstRowVsStatic * page.firstPaintMs,
      },
    ),
    row(
      'transferred before first row, excluding JS',
      result.reader,
      (load) => kB(load.transferredBeforeFirstPaint.nonJsBytes),
      {
        text: `≤ ${kB(b.transferredBeforeFirstRowBytes)}`,
        met: (load) =>
          load.transferredBeforeFirstPaint.nonJsBytes <= b.transferredBeforeFirstRowBytes,
      },
    ),
    row('JS transferred before first row (gzip)', result.reader, (load) =>
      kB(load.transferredBeforeFirstPaint.jsBytes),
    ),
    row(
      'JS heap after load and GC',
      result.reader,
      (load) => MB(load.heapUsedBytes ?? Number.NaN),
      {
        text: `≤ ${MB(b.heapBytes)}`,
        met: (load) => (load.heapUsedBytes ?? Number.POSITIVE_INFINITY) <= b.heapBytes,
      },
    ),
    row(
      'source toggle → rows updated (median / p95)',
      result.sourceToggle,
      (series) => `${ms(series.medianMs)} / ${ms(series.p95Ms)} (n=${series.samplesMs.length})`,
      {
        text: `median ≤ ${ms(b.filterMedianMs)}`,
        met: (series) => series.medianMs <= b.filterMedianMs,
      },
    ),
    row(
      'date-range change → rows updated (median / p95)',
      result.dateChange,
      (series) => `${ms(series.medianMs)} / ${ms(series.p95Ms)} (n=${series.samplesMs.length})`,
      {
        text: `median ≤ ${ms(b.filterMedianMs)}`,
        met: (series) => series.medianMs <= b.filterMedianMs,
      },
    ),
    row(
      'open article → body painted (median / p95)',
      result.articleOpen,
      (series) => `${ms(series.medianMs)} / ${ms(series.p95Ms)} (n=${series.samplesMs.length})`,
      {
        text: `median ≤ ${ms(b.articleOpenMs)}`,
        met: (series) => series.medianMs <= b.articleOpenMs,
      },
    ),
    row(
      'timeline → first month bar painted (cold, median)',
      result.timeline,
      (load) => `${ms(load.firstPaintMs)} (n=${load.samplesMs.length})`,
    ),
  ];
}

/** renderTable: a Markdown table, padded so it also reads in a terminal. */
export function renderTable(result: SizeResult, rows: TableRow[]): string {
  const header: TableRow = {
    figure: 'figure',
    value: 'value',
    budget: 'budget (at 100k)',
    verdict: '',
  };
  const cells = [header, ...rows].map((r) => [r.figure, r.value, r.budget, r.verdict]);
  const widths = [0, 1, 2, 3].map((column) =>
    Math.max(1, ...cells.map((line) => line[column]!.length)),
  );
  const line = (values: string[]) =>
    `| ${values.map((value, column) => value.padEnd(widths[column]!)).join(' | ')} |`;
  const machine = result.machine;
  return [
    `## ${integer(result.size)} articles (seed ${result.seed})`,
    '',
    `${machine.cpus} cores (${machine.cpuModel}), ${MB(machine.memoryBytes)} memory, Node ${machine.node}, Chromium ${machine.chromium ?? 'not started'}, revision ${machine.revision ?? 'unknown'}, ${result.startedAt.slice(0, 10)}`,
    '',
    line(cells[0]!),
    line(widths.map((width) => '-'.repeat(width))),
    ...cells.slice(1).map(line),
    '',
  ].join('\n');
}
