import type { IngestFigures } from './ingest-step';
import type { FileCount, OutputChange } from './output-snapshot';
import { REBUILD_CHANGES, type RebuildFigures } from './rebuild-step';
import { NOT_ASKED_FOR_TEXT, type Outcome } from './outcome';
import type { SizeResult } from './run-size';
import {
  searchDecodedBytes,
  searchTransferBytes,
  summarizeLaterQueries,
  type BytesByKind,
  type SearchSessionFigures,
} from './search-figures';

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

/** The budgets of issue 5 (search), for the same corpus and machine. */
export const SEARCH_BUDGETS = {
  firstQueryBytes: 150_000,
  firstQueryMs: 300,
  laterQueryBytes: 30_000,
  /** Building the index adds at most this share to the time ingest takes without it. */
  indexBuildAddedShare: 0.5,
};

/** The budgets of issue 10 (the build), for 100,000 articles on the same machine. */
export const BUILD_BUDGETS = {
  /** Chronicle's cold ingest ÷ Hugo's cold `hugo --minify`, same corpus, same run. */
  versusHugo: 1.0,
  rebuildUnchangedMs: 3_000,
  rebuildAddedMs: 5_000,
  rebuildEditedRemovedMs: 5_000,
  peakRssBytes: 1_500_000_000,
  filesWritten: 20_000,
  /** Gzip bytes of body data opening one article fetches. */
  articleOpenBodyGzipBytes: 40_000,
  /** Share of the body bytes before +100 articles still at the same URL with the same bytes. */
  bodyBytesKeptShare: 0.99,
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
    if (!outcome.ok && outcome.error === NOT_ASKED_FOR_TEXT) {
      return { figure, value: NOT_ASKED_FOR_TEXT, budget: budget?.text ?? '', verdict: '' };
    }
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

const percent = (share: number) => `${integer(share * 100)}%`;

/** The figures of an outcome, transformed; a failure stays the same object (RowBuilder refers to it). */
function mapOutcome<A, B>(outcome: Outcome<A>, map: (value: A) => B): Outcome<B> {
  return outcome.ok ? { ok: true, value: map(outcome.value) } : outcome;
}

const seconds = (ms: number) => `${decimal(ms / 1000)} s`;
const cpu = (ms: number | null) => (ms === null ? '' : `, CPU ${seconds(ms)}`);
const files = (count: FileCount) => `${integer(count.files)} (${MB(count.bytes)})`;

/** describeChange: what a rebuild wrote and changed in the output folder. */
function describeChange(change: OutputChange): string {
  return `${files(change.written)} written; ${files(change.added)} new, ${files(change.changed)} changed, ${files(change.removed)} removed, ${integer(change.unchanged.files)} unchanged`;
}

function describeRebuild(rebuild: RebuildFigures): string {
  const { ingest } = rebuild;
  const cached =
    ingest.filesFromCache === null
      ? ''
      : `, ${integer(ingest.filesFromCache)} of ${integer(rebuild.corpus.articles)} files from the cache`;
  return `${seconds(ingest.wallMs)} (${integer(rebuild.corpus.articles)} articles${cached}${cpu(ingest.cpuMs)}), peak ${MB(ingest.peakRssBytes)}`;
}

/** tabulateBuild: the figures of issue 10: Hugo beside Chronicle, rebuilds, memory, files. */
function tabulateBuild(result: SizeResult, rows: RowBuilder): TableRow[] {
  const b = BUILD_BUDGETS;
  const { unchanged, added, editedRemoved, coldMatch } = result.rebuilds;
  const rebuildRow = (name: string, outcome: Outcome<RebuildFigures>, budgetMs: number) => [
    rows.row(`rebuild, ${name}: wall time`, outcome, describeRebuild, {
      text: `≤ ${seconds(budgetMs)}`,
      met: (rebuild) => rebuild.ingest.wallMs <= budgetMs,
    }),
    rows.row(`rebuild, ${name}: output files`, outcome, (rebuild) =>
      describeChange(rebuild.change),
    ),
  ];
  const peaks = [
    ['cold', result.ingest],
    ['nothing changed', mapOutcome(unchanged, (rebuild) => rebuild.ingest)],
    ['+100', mapOutcome(added, (rebuild) => rebuild.ingest)],
    ['edited + removed', mapOutcome(editedRemoved, (rebuild) => rebuild.ingest)],
  ] as const;
  const measuredPeaks = peaks.flatMap(([name, outcome]) =>
    outcome.ok ? [{ name, bytes: outcome.value.peakRssBytes }] : [],
  );
  return [
    rows.row(
      'Hugo, same corpus: hugo --minify, cold',
      result.hugo,
      (hugo) =>
        `${seconds(hugo.wallMs)} (${integer(hugo.articlesPerSecond)} articles/s${cpu(hugo.cpuMs)}), peak ${hugo.peakRssBytes === null ? '?' : MB(hugo.peakRssBytes)}; ${hugo.pages === null ? '?' : integer(hugo.pages)} pages, ${integer(hugo.output.files)} files, ${MB(hugo.output.bytes)}`,
    ),
    rows.row(
      'Chronicle / Hugo: cold wall time (CPU time)',
      both(result.ingest, result.hugo),
      ([ingest, hugo]) =>
        `${decimal(ingest.wallMs / hugo.wallMs, 2)}×${ingest.cpuMs !== null && hugo.cpuMs !== null ? ` (CPU ${decimal(ingest.cpuMs / hugo.cpuMs, 2)}×)` : ''}`,
      {
        text: `≤ ${decimal(b.versusHugo, 1)}×`,
        met: ([ingest, hugo]) => ingest.wallMs <= b.versusHugo * hugo.wallMs,
      },
    ),
    ...rebuildRow('nothing changed', unchanged, b.rebuildUnchangedMs),
    ...rebuildRow(`${REBUILD_CHANGES.add} articles added`, added, b.rebuildAddedMs),
    rows.row(
      `rebuild, ${REBUILD_CHANGES.add} added: existing body bytes at unchanged URLs`,
      added,
      (rebuild) => {
        const { kept, before } = rebuild.change.bodies;
        return `${decimal(rebuild.change.bodies.keptShare * 100, 2)}% (${MB(kept.bytes)} of ${MB(before.bytes)}; ${integer(kept.files)} of ${integer(before.files)} body files)`;
      },
      {
        text: `≥ ${percent(b.bodyBytesKeptShare)}`,
        met: (rebuild) => rebuild.change.bodies.keptShare >= b.bodyBytesKeptShare,
      },
    ),
    ...rebuildRow(
      `${REBUILD_CHANGES.edit} edited + ${REBUILD_CHANGES.remove} removed`,
      editedRemoved,
      b.rebuildEditedRemovedMs,
    ),
    rows.row(
      'rebuilt output against a cold build of the same corpus',
      coldMatch,
      (match) =>
        `${integer(match.missing)} missing, ${integer(match.differing)} differing of ${integer(match.coldFiles)} cold-build files; ${integer(match.extra)} extra (kept from earlier builds)${match.examples.length > 0 ? `, e.g. ${match.examples.join(', ')}` : ''}`,
      {
        text: 'byte-identical',
        met: (match) => match.missing === 0 && match.differing === 0,
      },
    ),
    rows.row(
      'peak memory (RSS) of each ingest',
      measuredPeaks.length > 0
        ? { ok: true, value: measuredPeaks }
        : mapOutcome(result.ingest, () => measuredPeaks),
      (peaksMeasured) => peaksMeasured.map((peak) => `${peak.name} ${MB(peak.bytes)}`).join(', '),
      {
        text: `each ≤ ${MB(b.peakRssBytes)}`,
        met: (peaksMeasured) => peaksMeasured.every((peak) => peak.bytes <= b.peakRssBytes),
      },
    ),
    rows.row(
      'files written by a cold build',
      result.output,
      (output) => `${integer(output.files)} (${MB(output.totalBytes)})`,
      {
        text: `≤ ${integer(b.filesWritten)}`,
        met: (output) => output.files <= b.filesWritten,
      },
    ),
    rows.row(
      'article open: body file gzip (median / p95 / max)',
      result.bodies,
      (bodies) =>
        `${kB(bodies.gzip.median)} / ${kB(bodies.gzip.p95)} / ${kB(bodies.gzip.max)} (${integer(bodies.files)} body files, ${MB(bodies.bytes)} raw)`,
      {
        text: `max ≤ ${kB(b.articleOpenBodyGzipBytes)}`,
        met: (bodies) => bodies.gzip.max <= b.articleOpenBodyGzipBytes,
      },
    ),
  ];
}

/** What building the index costs a run of ingest: seconds, share of it, and what it adds. */
function indexBuildShare(ingest: IngestFigures): {
  ms: number;
  share: number;
  added: number;
} | null {
  if (ingest.searchIndex === null) return null;
  const { ms: indexMs } = ingest.searchIndex;
  return {
    ms: indexMs,
    share: indexMs / ingest.wallMs,
    added: indexMs / (ingest.wallMs - indexMs),
  };
}

function describeIndexBuild(ingest: IngestFigures): string {
  const build = indexBuildShare(ingest);
  if (build === null) return 'not reported by ingest --stats';
  return `${decimal(build.ms / 1000)} s of ${decimal(ingest.wallMs / 1000)} s (${percent(build.share)}): +${percent(build.added)} over ingest without it`;
}

const indexBuildBudget = {
  text: `≤ +${percent(SEARCH_BUDGETS.indexBuildAddedShare)}`,
  met: (ingest: IngestFigures) =>
    (indexBuildShare(ingest)?.added ?? Number.POSITIVE_INFINITY) <=
    SEARCH_BUDGETS.indexBuildAddedShare,
};

/** describeSearchBytes: the total a search transferred before its results, and its parts. */
export function describeSearchBytes(bytes: BytesByKind): string {
  const parts = [
    bytes.js.files > 0 ? `JS ${kB(bytes.js.transferBytes)}` : null,
    `index ${kB(bytes.index.transferBytes)} in ${integer(bytes.index.files)} files`,
    bytes.rows.files > 0
      ? `row chunks ${kB(bytes.rows.transferBytes)} in ${integer(bytes.rows.files)}`
      : null,
    bytes.data.files > 0 ? `other data ${kB(bytes.data.transferBytes)}` : null,
  ].filter((part) => part !== null);
  return `${kB(searchTransferBytes(bytes))} (${parts.join(', ')})`;
}

/** firstQuery: the session's first query, or a failure to show in its place. */
function firstQuery(session: Outcome<SearchSessionFigures>) {
  if (!session.ok) return session;
  const first = session.value.queries[0];
  return first
    ? { ok: true as const, value: first }
    : { ok: false as const, error: 'no queries were measured' };
}

function laterQueries(session: Outcome<SearchSessionFigures>) {
  if (!session.ok) return session;
  const later = summarizeLaterQueries(session.value);
  return later
    ? { ok: true as const, value: later }
    : { ok: false as const, error: 'only one query was measured' };
}

/** tabulate: one row per figure, with its unit and, where issue 4 sets one, the budget. */
export function tabulate(result: SizeResult): TableRow[] {
  const b = BUDGETS;
  const rows = new RowBuilder();
  const row: RowBuilder['row'] = (...args) => rows.row(...args);
  const table = [
    row('corpus', result.corpus, (corpus) => {
      const how = corpus.reused
        ? 'reused'
        : `generated in ${decimal((corpus.generateMs ?? 0) / 1000)} s`;
      return `${integer(corpus.stats.count)} files, ${MB(corpus.stats.totalBytes)}, median body ${kB(corpus.stats.bodyBytes.median)} (${how})`;
    }),
    row(
      'ingest, empty cache: wall time',
      result.ingest,
      (ingest) => `${seconds(ingest.wallMs)}${cpu(ingest.cpuMs)}`,
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
    ...tabulateBuild(result, rows),
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
    ...tabulateSearch(result, rows),
  ];
  return table.filter((line) => line.value !== NOT_ASKED_FOR_TEXT);
}

/** tabulateSearch: the search figures, with the budgets of issue 5. */
function tabulateSearch(result: SizeResult, rows: RowBuilder): TableRow[] {
  const b = SEARCH_BUDGETS;
  const first = firstQuery(result.search);
  const later = laterQueries(result.search);
  return [
    rows.row(
      'search index build, empty cache (share of ingest)',
      result.ingest,
      describeIndexBuild,
      indexBuildBudget,
    ),
    rows.row(
      'search index build, warm cache (share of ingest)',
      mapOutcome(result.rebuilds.unchanged, (rebuild) => rebuild.ingest),
      describeIndexBuild,
      indexBuildBudget,
    ),
    rows.row('search index: keys and files (ingest --stats)', result.ingest, (ingest) =>
      ingest.searchIndex === null
        ? 'not reported'
        : `${integer(ingest.searchIndex.keys)} keys in ${integer(ingest.searchIndex.files)} files`,
    ),
    rows.row(
      'search index on disk',
      result.searchIndex,
      (index) =>
        `${MB(index.bytes)} raw, ${MB(index.gzipBytes)} gzip; ${integer(index.shardFiles)} shards + ${integer(index.ownFiles)} own-key files, largest ${kB(index.largestFileBytes)}`,
    ),
    rows.row(
      'first query: Enter → results shown (median)',
      first,
      (query) => `${ms(query.medianMs)} for ${query.query} (n=${query.samplesMs.length})`,
      { text: `≤ ${ms(b.firstQueryMs)}`, met: (query) => query.medianMs <= b.firstQueryMs },
    ),
    rows.row(
      'first query: transferred to results',
      first,
      (query) => describeSearchBytes(query.toResults),
      {
        text: `≤ ${kB(b.firstQueryBytes)}`,
        met: (query) => searchTransferBytes(query.toResults) <= b.firstQueryBytes,
      },
    ),
    rows.row(
      "first query: snippets' article bodies, after the results",
      first,
      (query) =>
        `${kB(query.bodies.transferBytes)} in ${integer(query.bodies.files)} files, last at ${ms(query.bodies.lastEndMs ?? 0)}`,
    ),
    rows.row(
      'later queries: Enter → results shown (median / max)',
      later,
      (figures) => `${ms(figures.medianMs)} / ${ms(figures.maxMs)}`,
    ),
    rows.row(
      'later queries: transferred to results (median / max)',
      later,
      (figures) =>
        `${kB(figures.medianBytes)} / ${kB(figures.maxBytes)} (index files alone: ${kB(figures.medianIndexBytes)} / ${kB(figures.maxIndexBytes)})`,
      {
        text: `each ≤ ${kB(b.laterQueryBytes)}`,
        met: (figures) => figures.maxBytes <= b.laterQueryBytes,
      },
    ),
    rows.row(
      'shared link /?q=…: navigation → results shown (median)',
      result.searchLink,
      (link) => `${ms(link.medianMs)} for ${link.query} (n=${link.samplesMs.length})`,
    ),
    rows.row(
      'shared link: search code + index transferred',
      result.searchLink,
      (link) =>
        `${kB(link.searchPart.jsBytes + link.searchPart.indexBytes)} (JS ${kB(link.searchPart.jsBytes)}, index ${kB(link.searchPart.indexBytes)} in ${integer(link.searchPart.indexFiles)} files)`,
    ),
  ];
}

/** QUERY_COLUMNS: the per-query table's header. */
const QUERY_COLUMNS = [
  '#',
  'query',
  'kind',
  'results',
  'Enter → results (median)',
  'row chunks arrived',
  'transferred to results',
  'raw (decoded) to results',
  "after the results: rows' chunks and snippets' bodies",
];

/** tabulateQueries: one row per query typed, in order (the first pays for the search code). */
export function tabulateQueries(session: SearchSessionFigures): string[][] {
  return session.queries.map((query, index) => {
    const after = query.afterResults;
    const bodies =
      query.bodies.files === 0
        ? 'no bodies'
        : `bodies ${kB(query.bodies.transferBytes)} in ${integer(query.bodies.files)}, done at ${ms(query.bodies.lastEndMs ?? 0)}`;
    const rowChunks =
      after.rows.files === 0
        ? ''
        : `rows ${kB(after.rows.transferBytes)} in ${integer(after.rows.files)}; `;
    return [
      String(index + 1),
      query.query,
      query.kind,
      integer(query.resultCount),
      `${ms(query.medianMs)} (n=${query.samplesMs.length})`,
      query.rowsArrivedMs === null ? 'none fetched' : ms(query.rowsArrivedMs),
      describeSearchBytes(query.toResults),
      kB(searchDecodedBytes(query.toResults)),
      `${rowChunks}${bodies}; ${query.snippetsShown} of ${query.rowsShown} rows with a snippet`,
    ];
  });
}

/** markdownTable: a table padded so it also reads in a terminal. */
function markdownTable(header: string[], body: string[][]): string[] {
  const cells = [header, ...body];
  const widths = header.map((_, column) =>
    Math.max(1, ...cells.map((line) => (line[column] ?? '').length)),
  );
  const line = (values: string[]) =>
    `| ${widths.map((width, column) => (values[column] ?? '').padEnd(width)).join(' | ')} |`;
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...body.map(line)];
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
  const machine = result.machine;
  const queries = result.search.ok
    ? [
        '',
        `Search queries, typed in this order into one list page (${result.search.value.runs} sessions after a warm-up; bytes from the first)`,
        '',
        ...markdownTable(QUERY_COLUMNS, tabulateQueries(result.search.value)),
      ]
    : [];
  return [
    `## ${integer(result.size)} articles (seed ${result.seed})`,
    '',
    `${machine.cpus} cores (${machine.cpuModel}), ${MB(machine.memoryBytes)} memory, Node ${machine.node}, Chromium ${machine.chromium ?? 'not started'}, revision ${machine.revision ?? 'unknown'}, ${result.startedAt.slice(0, 10)}`,
    '',
    ...markdownTable(cells[0]!, cells.slice(1)),
    ...queries,
    '',
  ].join('\n');
}
