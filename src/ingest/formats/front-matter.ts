import { isMap, isScalar, parseDocument } from 'yaml';
import type { IngestWarning } from '../model';

export type FrontMatterSplit =
  | { kind: 'none' }
  | { kind: 'unclosed'; line: number }
  | {
      kind: 'front-matter';
      /** `yaml` for `---`, `---yaml` and `---json`; anything else (`js`, `coffee`) is code. */
      language: string;
      /** 1-based line of the opening `---`. */
      line: number;
      yaml: string;
      body: string;
      yamlStartLine: number;
      bodyStartLine: number;
    };

const OPENING = /^---([A-Za-z]*)[ \t]*$/;
const CLOSING = /^(?:---|\.\.\.)[ \t]*$/;
/** JSON is YAML, so both are read by the YAML parser; nothing else is read at all. */
const YAML_LANGUAGES = new Set(['', 'yaml', 'yml', 'json']);

/**
 * splitFrontMatter: front matter is a `---` line, allowing blank lines before it, then YAML up to
 * the next `---` (or `...`). An opening like `---js` names an executable front-matter language;
 * it is split off like any other so the caller can report it, and never evaluated.
 */
export function splitFrontMatter(text: string): FrontMatterSplit {
  const lines = text.split('\n');
  let start = 0;
  while (start < lines.length && lines[start]!.trim() === '') start += 1;
  const opening = OPENING.exec(lines[start]?.replace(/^\uFEFF/, '') ?? '');
  if (!opening) return { kind: 'none' };
  const language = opening[1]!.toLowerCase();
  for (let end = start + 1; end < lines.length; end += 1) {
    if (CLOSING.test(lines[end]!)) {
      return {
        kind: 'front-matter',
        language: YAML_LANGUAGES.has(language) ? 'yaml' : language,
        line: start + 1,
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

const QUOTES = `"'`;

/**
 * readScalar: one value as written after `key:`. Wrapping quotes are removed however deep old
 * archivers stacked them (`"""'Title'"""`); a quote that is opened and never closed is dropped
 * with a note.
 */
function readScalar(raw: string): { value: string; note?: string } {
  let value = raw.trim();
  if (value === '' || !QUOTES.includes(value[0]!)) {
    // In plain YAML scalars, ` #` starts a comment.
    return { value: value.replace(/\s#.*$/, '').trim() };
  }
  let layers = 0;
  for (;;) {
    const quote = value[0];
    if (quote === undefined || !QUOTES.includes(quote)) break;
    if (value.length >= 2 && value.endsWith(quote)) {
      value = value.slice(1, -1);
      layers += 1;
      if (quote === "'") value = value.replace(/''/g, "'");
      continue;
    }
    if (!QUOTES.includes(value[value.length - 1]!)) {
      return { value: value.replace(/^["']+/, '').trim(), note: 'a quote is never closed' };
    }
    // Unequal runs of different quotes on each end: strip both runs.
    value = value.replace(/^["']+|["']+$/g, '');
    layers += 2;
  }
  return layers > 1 ? { value: value.trim(), note: 'value wrapped in stacked quotes' } : { value };
}

function splitFlowList(raw: string): string[] {
  return raw
    .slice(1, -1)
    .split(',')
    .map((item) => readScalar(item).value)
    .filter((item) => item !== '');
}

/**
 * readLenientFrontMatter: a forgiving reading of top-level `key: value` lines and `- item` lists
 * for YAML a strict parser rejects (stacked or unclosed quotes, tabs, duplicate keys). The later
 * of duplicate keys wins, as in most archivers' own readers. Each repair is noted with its line.
 */
export function readLenientFrontMatter(
  yaml: string,
  yamlStartLine = 1,
): { data: Record<string, unknown>; notes: IngestWarning[] } {
  const data: Record<string, unknown> = {};
  const notes: IngestWarning[] = [];
  const seen = new Map<string, number>();
  let listKey: string | null = null;
  yaml.split('\n').forEach((text, index) => {
    const line = yamlStartLine + index;
    if (text.trim() === '' || /^\s*#/.test(text)) return;
    const item = /^[ \t]*-(?:[ \t]+(.*))?$/.exec(text);
    if (item && listKey !== null) {
      const list = data[listKey] as unknown[];
      const { value, note } = readScalar(item[1] ?? '');
      if (note) notes.push({ message: note, line });
      if (value !== '') list.push(value);
      return;
    }
    const pair = /^([\p{L}_$][\p{L}\p{N}_$.-]*)[ \t]*:(?:[ \t]+(.*))?$/u.exec(text);
    if (!pair) {
      listKey = null;
      return;
    }
    const key = pair[1]!;
    const raw = (pair[2] ?? '').trim();
    const previous = seen.get(key);
    if (previous !== undefined) {
      notes.push({
        message: `duplicate key "${key}" (first at line ${previous}); the later value is used`,
        line,
      });
    }
    seen.set(key, line);
    if (raw === '') {
      data[key] = [];
      listKey = key;
      return;
    }
    listKey = null;
    if (raw.startsWith('[') && raw.endsWith(']')) {
      data[key] = splitFlowList(raw);
      return;
    }
    const { value, note } = readScalar(raw);
    if (note) notes.push({ message: note, line });
    data[key] = value;
  });
  for (const [key, value] of Object.entries(data)) {
    if (Array.isArray(value) && value.length === 0) data[key] = null;
  }
  return { data, notes };
}

/** findKeyLines: the 1-based file line of each top-level key (the last one when repeated). */
export function findKeyLines(yaml: string, yamlStartLine: number): Record<string, number> {
  const lines: Record<string, number> = {};
  yaml.split('\n').forEach((text, index) => {
    const key = /^([\p{L}_$][\p{L}\p{N}_$.-]*)[ \t]*:/u.exec(text)?.[1];
    if (key !== undefined) lines[key] = yamlStartLine + index;
  });
  return lines;
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let index = 0; index < offset && index < text.length; index += 1) {
    if (text.charCodeAt(index) === 10) line += 1;
  }
  return line;
}

type StrictReading =
  | { ok: true; data: Record<string, unknown> | null }
  | { ok: false; message: string; offset: number };

/** readStrictYaml: the front matter as YAML's core schema reads it, or where it fails. */
function readStrictYaml(yaml: string): StrictReading {
  const document = parseDocument(yaml, { schema: 'core', uniqueKeys: true, prettyErrors: false });
  const error = document.errors[0];
  if (error) return { ok: false, message: error.message, offset: error.pos[0] };
  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: 100 });
  } catch (aliasError) {
    // An alias to no anchor, or one that expands too far (a "billion laughs" document).
    return { ok: false, message: (aliasError as Error).message, offset: 0 };
  }
  if (data === null || data === undefined) return { ok: true, data: {} };
  if (typeof data !== 'object' || Array.isArray(data) || !isMap(document.contents)) {
    return { ok: true, data: null };
  }
  const record = data as Record<string, unknown>;
  for (const pair of document.contents.items) {
    if (isScalar(pair.key) && isScalar(pair.value) && typeof pair.value.value === 'number') {
      record[String(pair.key.value)] = pair.value.source ?? String(pair.value.value);
    }
  }
  return { ok: true, data: record };
}

/**
 * readFrontMatter: strict YAML first (the core schema, so dates stay text and no custom tags
 * run; numbers keep the digits as written, so `title: 1.10` stays "1.10"); on any error, the
 * lenient reading with a warning that names the line.
 */
export function readFrontMatter(yaml: string, yamlStartLine: number): FrontMatterData {
  const strict = readStrictYaml(yaml);
  if (strict.ok && strict.data === null) {
    return {
      data: {},
      warnings: [
        { message: 'front matter is not a mapping of keys; ignored', line: yamlStartLine },
      ],
    };
  }
  if (strict.ok) return { data: strict.data ?? {}, warnings: [] };
  const lenient = readLenientFrontMatter(yaml, yamlStartLine);
  const prefix = 'front matter read leniently (not valid YAML)';
  if (lenient.notes.length > 0) {
    return {
      data: lenient.data,
      warnings: lenient.notes.map(({ message, line }) => ({
        message: `${prefix}: ${message}`,
        ...(line !== undefined ? { line } : {}),
      })),
    };
  }
  return {
    data: lenient.data,
    warnings: [
      {
        message: `${prefix}: ${strict.message.split('\n')[0]!.replace(/:$/, '')}`,
        line: yamlStartLine + lineAt(yaml, strict.offset) - 1,
      },
    ],
  };
}
