import { analyse } from 'chardet';

export type DecodeOutcome =
  { ok: true; text: string; encoding: string; warning?: string } | { ok: false; reason: string };

/** The detector reads this much of a file; the clean-decode check always reads all of it. */
const DETECTION_SAMPLE_BYTES = 64 * 1024;

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

/** Windows-1252 0x80–0x9F; the rest of the code page is Latin-1. */
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/**
 * Node's TextDecoder reads `windows-1252` as Latin-1, turning curly quotes and dashes into C1
 * control characters, so this one code page is decoded here.
 */
function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (let start = 0; start < bytes.length; start += 8192) {
    const chunk = bytes.subarray(start, start + 8192);
    text += String.fromCharCode(...chunk).replace(/[\u0080-\u009f]/g, (char) =>
      WINDOWS_1252_HIGH.charAt(char.charCodeAt(0) - 0x80),
    );
  }
  return text;
}

function decodeStrict(bytes: Uint8Array, label: string): string | null {
  if (label === 'windows-1252') return decodeWindows1252(bytes);
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Share of the bytes ≥ 0x80 that sit in GB2312-style pairs (both bytes 0xA1–0xFE). Chinese text
 * in GBK/GB18030 is nearly all such pairs; Latin-1 or Windows-1252 text has accented letters
 * between ASCII ones, which GB18030 would also decode without error (`Müller` → `M黮ler`), so a
 * clean decode alone cannot tell them apart.
 */
export function doubleByteShare(bytes: Uint8Array): number {
  let high = 0;
  let paired = 0;
  for (let index = 0; index < bytes.length; index += 1) {
    const byte = bytes[index]!;
    if (byte < 0x80) continue;
    const next = bytes[index + 1];
    if (byte >= 0xa1 && byte <= 0xfe && next !== undefined && next >= 0xa1 && next <= 0xfe) {
      high += 2;
      paired += 2;
      index += 1;
    } else {
      high += 1;
    }
  }
  return high === 0 ? 0 : paired / high;
}

/** Multi-byte East Asian encodings: plausible only when the high bytes come in pairs. */
const DOUBLE_BYTE_LABELS = new Set(['gb18030', 'big5', 'euc-jp', 'shift_jis', 'euc-kr']);

/** Encodings chardet may name that TextDecoder reads, in the labels TextDecoder knows. */
const DETECTOR_LABELS: Record<string, string> = {
  GB18030: 'gb18030',
  Big5: 'big5',
  'EUC-JP': 'euc-jp',
  Shift_JIS: 'shift_jis',
  'EUC-KR': 'euc-kr',
  'ISO-8859-1': 'windows-1252',
  'windows-1252': 'windows-1252',
};

/**
 * Where UTF-8 decoding fails: the byte offset of each invalid sequence, and how many valid
 * multi-byte characters the bytes hold. A sequence cut off by the end of the file counts as
 * invalid (archives often cut files mid-character).
 */
export function scanUtf8(bytes: Uint8Array): { invalidOffsets: number[]; multiByte: number } {
  const invalidOffsets: number[] = [];
  let multiByte = 0;
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index]!;
    if (lead < 0x80) {
      index += 1;
      continue;
    }
    const length =
      lead >= 0xc2 && lead <= 0xdf
        ? 2
        : lead >= 0xe0 && lead <= 0xef
          ? 3
          : lead >= 0xf0 && lead <= 0xf4
            ? 4
            : 0;
    let valid = length > 0 && index + length <= bytes.length;
    for (let offset = 1; valid && offset < length; offset += 1) {
      const next = bytes[index + offset]!;
      let low = 0x80;
      let high = 0xbf;
      // The second byte's range excludes overlong forms and surrogates (RFC 3629).
      if (offset === 1 && lead === 0xe0) low = 0xa0;
      if (offset === 1 && lead === 0xed) high = 0x9f;
      if (offset === 1 && lead === 0xf0) low = 0x90;
      if (offset === 1 && lead === 0xf4) high = 0x8f;
      valid = next >= low && next <= high;
    }
    if (valid) {
      multiByte += 1;
      index += length;
    } else {
      invalidOffsets.push(index);
      index += 1;
      while (index < bytes.length && (bytes[index]! & 0xc0) === 0x80) index += 1;
    }
  }
  return { invalidOffsets, multiByte };
}

/**
 * Mostly UTF-8: at least three valid multi-byte characters for each invalid sequence. A
 * single-byte code page's text has its accents alone between ASCII letters, which are never valid
 * UTF-8, and GBK's byte pairs almost never are either, so neither passes this.
 */
function isMostlyUtf8({ invalidOffsets, multiByte }: ReturnType<typeof scanUtf8>): boolean {
  return multiByte > 0 && multiByte >= 3 * invalidOffsets.length;
}

const LISTED_OFFSETS = 10;

function describeInvalidUtf8(offsets: number[], bytes: Uint8Array): string {
  const listed = offsets.slice(0, LISTED_OFFSETS).join(', ');
  const more =
    offsets.length > LISTED_OFFSETS ? ` and ${offsets.length - LISTED_OFFSETS} more` : '';
  const last = offsets.at(-1)!;
  const endsMidCharacter = last >= bytes.length - 3 && bytes[last]! >= 0xc2;
  const sequences = offsets.length === 1 ? 'sequence' : 'sequences';
  return (
    `${offsets.length} invalid UTF-8 ${sequences} replaced with U+FFFD at byte offset${offsets.length === 1 ? '' : 's'} ${listed}${more}` +
    (endsMidCharacter ? ' (the file ends mid-character)' : '')
  );
}

function normalizeLineEndings(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

function decoded(text: string, encoding: string): { ok: true; text: string; encoding: string } {
  return { ok: true, text: normalizeLineEndings(text), encoding };
}

/**
 * decodeText: find the encoding per file and return LF-only text. In order: a BOM (UTF-8,
 * UTF-16 LE/BE); strict UTF-8; mostly valid UTF-8, with only its invalid sequences replaced
 * (and a warning naming their byte offsets); then the detector's candidates by confidence, with GB18030 and
 * Windows-1252 as the last resorts, keeping the first that decodes without a single invalid
 * sequence and whose byte pattern fits it (see doubleByteShare). Binary content is refused rather
 * than decoded into noise.
 */
export function decodeText(bytes: Uint8Array): DecodeOutcome {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = decodeStrict(bytes.subarray(3), 'utf-8');
    if (text !== null) return decoded(text, 'utf-8-bom');
  }
  for (const [b0, b1, label] of [
    [0xff, 0xfe, 'utf-16le'],
    [0xfe, 0xff, 'utf-16be'],
  ] as const) {
    if (bytes[0] === b0 && bytes[1] === b1) {
      const text = decodeStrict(bytes.subarray(2), label);
      if (text === null) return { ok: false, reason: `invalid ${label} text after its BOM` };
      if (text.slice(0, 8192).includes('\u0000')) {
        return { ok: false, reason: 'binary file (not text)' };
      }
      return decoded(text, label);
    }
  }
  if (looksBinary(bytes)) return { ok: false, reason: 'binary file (not text)' };
  const utf8 = decodeStrict(bytes, 'utf-8');
  if (utf8 !== null) return decoded(utf8, 'utf-8');
  const utf8Scan = scanUtf8(bytes);
  if (isMostlyUtf8(utf8Scan)) {
    return {
      ...decoded(new TextDecoder('utf-8').decode(bytes), 'utf-8'),
      warning: describeInvalidUtf8(utf8Scan.invalidOffsets, bytes),
    };
  }

  const detected = analyse(bytes.subarray(0, DETECTION_SAMPLE_BYTES))
    .map((match) => DETECTOR_LABELS[match.name])
    .filter((label): label is string => label !== undefined);
  const pairShare = doubleByteShare(bytes);
  for (const label of new Set([...detected, 'gb18030', 'windows-1252'])) {
    const fitsPattern = DOUBLE_BYTE_LABELS.has(label) ? pairShare >= 0.5 : pairShare < 0.5;
    if (!fitsPattern) continue;
    const text = decodeStrict(bytes, label);
    if (text !== null) return decoded(text, label);
  }
  return {
    ok: false,
    reason: 'text encoding could not be determined (not UTF-8, UTF-16, GB18030 or Windows-1252)',
  };
}
