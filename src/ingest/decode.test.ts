import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeText, doubleByteShare, scanUtf8 } from './decode';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('decodeText', () => {
  it('reads UTF-8 with and without a BOM, dropping the BOM', () => {
    expect(decodeText(utf8('军控 arms control'))).toEqual({
      ok: true,
      text: '军控 arms control',
      encoding: 'utf-8',
    });
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('新约')]))).toEqual({
      ok: true,
      text: '新约',
      encoding: 'utf-8-bom',
    });
  });

  it('reads UTF-16 LE and BE files by their BOM', () => {
    expect(decodeText(fixture('utf16le-bom.txt'))).toMatchObject({
      ok: true,
      encoding: 'utf-16le',
      text: expect.stringMatching(/^开放天空条约的最后一年\n/),
    });
    expect(decodeText(fixture('utf16be-bom.txt'))).toMatchObject({
      ok: true,
      encoding: 'utf-16be',
      text: expect.stringMatching(/^核查机制的意义\n/),
    });
  });

  it('refuses UTF-16 whose bytes after the BOM are not valid', () => {
    expect(decodeText(new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0x00, 0xd8, 0x41]))).toEqual({
      ok: false,
      reason: 'invalid utf-16le text after its BOM',
    });
  });

  it('reads GB18030/GBK text made by iconv', () => {
    expect(decodeText(fixture('gb18030-title.txt'))).toMatchObject({
      ok: true,
      encoding: 'gb18030',
      text: expect.stringMatching(/^\u3000{3}军控谈判再度开启\n来源：北辰时报\n/),
    });
  });

  it('reads Windows-1252, curly quotes and all, and never as GB18030', () => {
    const decoded = decodeText(fixture('windows-1252-accents.txt'));
    expect(decoded).toMatchObject({ ok: true, encoding: 'windows-1252' });
    expect(decoded.ok && decoded.text).toContain('a naïve observer might say “déjà vu”.');
  });

  it('does not misread short Latin-1 text that GB18030 would also decode cleanly', () => {
    const bytes = Buffer.from('Müller über Straße\n', 'latin1');
    expect(new TextDecoder('gb18030', { fatal: true }).decode(bytes)).not.toContain('ü');
    expect(decodeText(bytes)).toEqual({
      ok: true,
      text: 'Müller über Straße\n',
      encoding: 'windows-1252',
    });
  });

  it('maps every Windows-1252 byte 0x80–0x9F the way the WHATWG table does', () => {
    const bytes = new Uint8Array(Array.from({ length: 32 }, (_, index) => 0x80 + index));
    const decoded = decodeText(new Uint8Array([...utf8('x'), ...bytes, 0xe9]));
    expect(decoded.ok && decoded.encoding).toBe('windows-1252');
    expect(decoded.ok && decoded.text).toBe(
      'x€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸé',
    );
  });

  it('turns CRLF and lone CR line endings into LF', () => {
    expect(decodeText(utf8('a\r\nb\rc\n'))).toMatchObject({ text: 'a\nb\nc\n' });
    expect(decodeText(fixture('crlf-line-endings.md'))).toMatchObject({
      text: expect.not.stringContaining('\r'),
    });
  });

  it('refuses binary content', () => {
    expect(decodeText(fixture('binary-content.md'))).toEqual({
      ok: false,
      reason: 'binary file (not text)',
    });
    const noise = new Uint8Array(4096).map((_, index) => (index * 7) % 9);
    expect(decodeText(noise)).toEqual({ ok: false, reason: 'binary file (not text)' });
  });
});

describe('doubleByteShare', () => {
  it('is near 1 for GBK Chinese and near 0 for Latin-1 prose', () => {
    expect(doubleByteShare(fixture('gb18030-title.txt'))).toBe(1);
    expect(doubleByteShare(fixture('windows-1252-accents.txt'))).toBeLessThan(0.2);
    expect(doubleByteShare(utf8('ascii only'))).toBe(0);
  });
});

describe('mostly-UTF-8 files', () => {
  const chinese = utf8('这份文件几乎全部是有效的统一码八位编码，只有少数几个坏字节。');

  it('decodes as UTF-8, replacing only the invalid sequences and naming their offsets', () => {
    const bytes = new Uint8Array([...chinese, 0xff, ...utf8('后文'), ...utf8('。').slice(0, 2)]);
    const outcome = decodeText(bytes);
    expect(outcome).toEqual({
      ok: true,
      encoding: 'utf-8',
      text: '这份文件几乎全部是有效的统一码八位编码，只有少数几个坏字节。\uFFFD后文\uFFFD',
      warning: `2 invalid UTF-8 sequences replaced with U+FFFD at byte offsets ${chinese.length}, ${chinese.length + 7} (the file ends mid-character)`,
    });
  });

  it('leaves a file with more bad bytes than good characters to the detector', () => {
    const latin1 = new Uint8Array([...utf8('caf'), 0xe9, ...utf8(' na'), 0xef, ...utf8('ve')]);
    expect(scanUtf8(latin1)).toEqual({ invalidOffsets: [3, 7], multiByte: 0 });
    expect(decodeText(latin1)).toMatchObject({ ok: true, encoding: 'windows-1252' });
  });

  it('refuses overlong forms and surrogates as invalid', () => {
    expect(scanUtf8(new Uint8Array([0xc0, 0x80, 0xed, 0xa0, 0x80]))).toMatchObject({
      invalidOffsets: [0, 2],
    });
  });
});
