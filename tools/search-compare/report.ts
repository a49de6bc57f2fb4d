import { basename } from 'node:path';
import type { QueryFigures, Transfer } from './corpus-queries';
import type { BundleSize, PagefindBuild } from './pagefind-index';
import type { RecallOutcome } from './recall';

/** A Markdown table, so the same text reads in a terminal and pastes into the docs. */
function markdownTable(header: string[], rows: string[][]): string {
  const line = (cells: string[]) =>
    `| ${cells.map((cell) => cell.replaceAll('|', '\\|')).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const ms = (value: number) => `${Math.round(value)} ms`;
const fileNames = (paths: string[]) => paths.map((path) => basename(path)).join(', ') || '—';

/** Code spans for the query, safe for queries that contain backticks or quotes. */
const code = (text: string) => `\`${text}\``;

export function renderRecallTable(outcomes: RecallOutcome[]): string {
  const rows = outcomes.map((outcome, index) => [
    String(index + 1),
    outcome.name,
    code(outcome.query),
    outcome.filters === null ? '' : code(outcome.filters),
    `${outcome.found.length}/${outcome.expected}`,
    fileNames(outcome.missed),
    fileNames(outcome.extra),
    outcome.orderKept === null ? '' : outcome.orderKept ? 'kept' : 'wrong',
  ]);
  const exact = outcomes.filter(
    (outcome) =>
      outcome.missed.length === 0 && outcome.extra.length === 0 && outcome.orderKept !== false,
  ).length;
  const table = markdownTable(
    ['#', 'case', 'query', 'filters', 'found', 'missed', 'extra', 'order'],
    rows,
  );
  return `${table}\n\nExactly right: ${exact} of ${outcomes.length} cases.`;
}

function renderBundle(size: BundleSize): string {
  return Object.entries(size.byKind)
    .sort(([, a], [, b]) => b.bytes - a.bytes)
    .map(([kind, part]) => `${kind} ${part.files} (${mb(part.bytes)})`)
    .join(', ');
}

export function renderIndexTable(builds: { name: string; build: PagefindBuild }[]): string {
  return markdownTable(
    ['index', 'articles', 'build', 'files', 'size', 'by kind'],
    builds.map(({ name, build }) => [
      name,
      build.records.toLocaleString('en-US'),
      `${(build.buildMs / 1000).toFixed(1)} s`,
      build.size.files.toLocaleString('en-US'),
      mb(build.size.bytes),
      renderBundle(build.size),
    ]),
  );
}

const transferCell = (transfer: Transfer) =>
  `${kb(transfer.bytes)} (${transfer.requests} req, ${kb(transfer.fragmentBytes)} results)`;

export function renderQueryTable(figures: QueryFigures[]): string {
  return markdownTable(
    ['query', 'kind', 'hits', 'first: bytes', 'first: time', 'later: bytes', 'later: time'],
    figures.map((figure) => [
      code(figure.query) + (figure.filter === null ? '' : ` + ${code(figure.filter)}`),
      figure.kind,
      figure.hitCount.toLocaleString('en-US'),
      transferCell(figure.first),
      ms(figure.first.medianMs),
      transferCell(figure.later),
      ms(figure.later.medianMs),
    ]),
  );
}
