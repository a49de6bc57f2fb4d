import { analyse } from 'chardet';

export type DecodeOutcome =
  { ok: true; text: string; encoding: string } | { ok: false; reason: string };

/** Bytes that never occur in text files: NUL and most C0 controls. */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  let controls = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 8 || (byte > 13 && byte < 32 && byte !== 27)) controls += 1;
  }
  return controls > sample.length * 0.01;
}

function decodeStrict(bytes: Uint8Array, label: string): string | null {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}

/** Encodings chardet may name that TextDecoder reads and that plausibly hold Chinese text. */
const DETECTOR_LABELS: Record<string, string> = {
  GB18030: 'gb18030',
  Big5: 'big5',
  'EUC-JP': 'euc-jp',
  Shift_JIS: 'shift_jis',
  'EUC-KR': 'euc-kr',
  'UTF-16LE': 'utf-16le',
  'UTF-16BE': 'utf-16be',
  'ISO-8859-1': 'windows-1252',
  'windows-1252': 'windows-1252',
};

function normalizeLineEndings(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/**
 * decodeText: find the encoding per file — a BOM first, then strict UTF-8, then the detector's
 * candidates in order of confidence, keeping the first that decodes without a single invalid
 * sequence — and return LF-only text. Binary content is refused rather than decoded into noise.
 */
export function decodeText(bytes: Uint8Array): DecodeOutcome {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = decodeStrict(bytes.subarray(3), 'utf-8');
    if (text !== null) return { ok: true, text: normalizeLineEndings(text), encoding: 'utf-8-bom' };
  }
  for (const [b0, b1, label] of [
    [0xff, 0xfe, 'utf-16le'],
    [0xfe, 0xff, 'utf-16be'],
  ] as const) {
    if (bytes[0] === b0 && bytes[1] === b1) {
      const text = decodeStrict(bytes.subarray(2), label);
      if (text !== null) return { ok: true, text: normalizeLineEndings(text), encoding: label };
    }
  }
  if (looksBinary(bytes)) return { ok: false, reason: 'binary file (not text)' };
  const utf8 = decodeStrict(bytes, 'utf-8');
  if (utf8 !== null) return { ok: true, text: normalizeLineEndings(utf8), encoding: 'utf-8' };
  const candidates = analyse(bytes)
    .map((match) => DETECTOR_LABELS[match.name])
    .filter((label): label is string => label !== undefined);
  // GB18030 is a superset of GBK and GB2312, the usual encodings of Chinese text files.
  for (const label of new Set([...candidates, 'gb18030'])) {
    const text = decodeStrict(bytes, label);
    if (text !== null) return { ok: true, text: normalizeLineEndings(text), encoding: label };
  }
  return {
    ok: false,
    reason: 'text encoding could not be determined (not UTF-8, UTF-16 or GB18030)',
  };
}
