import { parseDocument } from 'yaml';
import type { IngestWarning } from '../model';

export type FrontMatterSplit =
  | { kind: 'none' }
  | { kind: 'unsupported-language'; language: string; line: number }
  | { kind: 'unclosed'; line: number }
  | {
      kind: 'front-matter';
      yaml: string;
      body: string;
      yamlStartLine: number;
      bodyStartLine: number;
    };

const OPENING = /^---([A-Za-z]*)[ \t]*$/;
const CLOSING = /^(?:---|\.\.\.)[ \t]*$/;

/**
 * splitFrontMatter: front matter is a `---` line, allowing blank lines before it, then YAML up to
 * the next `---` (or `...`). An opening like `---js` names an executable front-matter language;
 * it is reported, never evaluated.
 */
export function splitFrontMatter(text: string): FrontMatterSplit {
  const lines = text.split('\n');
  let start = 0;
  while (start < lines.length && lines[start]!.trim() === '') start += 1;
  const opening = OPENING.exec(lines[start] ?? '');
  if (!opening) return { kind: 'none' };
  if (opening[1]) return { kind: 'unsupported-language', language: opening[1], line: start + 1 };
  for (let end = start + 1; end < lines.length; end += 1) {
    if (CLOSING.test(lines[end]!)) {
      return {
        kind: 'front-matter',
        yaml: lines.slice(start + 1, end).join('\n'),
        body: lines.slice(end + 1).join('\n'),
        yamlStartLine: start + 2,
        bodyStartLine: end + 2,
      };
    }
  }
  return { kind: 'unclosed', line: start + 1 };
}

export interface FrontMatterData {
  data: Record<string, unknown>;
  warnings: IngestWarning[];
}

function unquote(value: string): string {
  let result = value.trim();
  const quoted = /^(['"])(.*)\1$/s;
  while (quoted.test(result)) result = result.replace(quoted, '$2').trim();
  return result;
}

/**
 * readLenientFrontMatter: a forgiving reading of `key: value` and `- item` lines for YAML a strict
 * parser rejects (tabs, duplicate keys, unbalanced quotes). Later duplicates win, as in most
 * archivers' own readers.
 */
export function readLenientFrontMatter(yaml: string): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  let listKey: string | null = null;
  for (const line of yaml.split('\n')) {
    const item = /^[ \t]*-[ \t]+(.*)$/.exec(line);
    if (item && listKey !== null) {
      const list = Array.isArray(data[listKey]) ? (data[listKey] as unknown[]) : [];
      list.push(unquote(item[1]!));
      data[listKey] = list;
      continue;
    }
    const pair = /^([A-Za-z_][\w-]*)[ \t]*:(.*)$/.exec(line);
    if (!pair) continue;
    const key = pair[1]!;
    const value = pair[2]!.trim();
    listKey = value === '' ? key : null;
    data[key] = value === '' ? [] : unquote(value);
  }
  for (const [key, value] of Object.entries(data)) {
    if (Array.isArray(value) && value.length === 0) data[key] = null;
  }
  return data;
}

/**
 * readFrontMatter: strict YAML first (the core schema, so dates stay text and no custom tags
 * run); on any error, the lenient reading with a warning that names the line.
 */
export function readFrontMatter(yaml: string, yamlStartLine: number): FrontMatterData {
  const document = parseDocument(yaml, { schema: 'core', uniqueKeys: true, prettyErrors: false });
  const error = document.errors[0];
  if (!error) {
    const data: unknown = document.toJS();
    if (data === null || data === undefined) return { data: {}, warnings: [] };
    if (typeof data === 'object' && !Array.isArray(data)) {
      return { data: data as Record<string, unknown>, warnings: [] };
    }
    return {
      data: {},
      warnings: [
        { message: 'front matter is not a mapping of keys; ignored', line: yamlStartLine },
      ],
    };
  }
  const line = error.linePos?.[0].line;
  return {
    data: readLenientFrontMatter(yaml),
    warnings: [
      {
        message: `front matter is not valid YAML (${error.code}); read leniently`,
        ...(line !== undefined ? { line: yamlStartLine + line - 1 } : {}),
      },
    ],
  };
}
