/**
 * Decodes a plain-text file whatever the encoding Chinese offices save in:
 * UTF-8 (with or without BOM), UTF-16 LE/BE (with or without BOM) and
 * GB18030/GBK. UTF-8 is checked strictly so a GBK file never becomes mojibake.
 */
import { createRequire } from 'node:module';
import iconv from 'iconv-lite';
import { DocumentError } from '../core/errors.js';

type Jschardet = typeof import('jschardet');
let detector: Jschardet | null = null;

export interface DecodedText {
  text: string;
  encoding: string;
}

export function decodeText(content: Buffer): DecodedText {
  if (content.length === 0) throw new DocumentError('empty-file', 'the file is empty (0 bytes)');
  const bom = decodeByBom(content);
  if (bom) return checked(bom);
  const utf8 = strictUtf8(content);
  if (utf8 !== null && !looksLikeUtf16(content)) return checked({ text: utf8, encoding: 'utf-8' });
  // UTF-8 with a few broken bytes (a file cut mid-character, one bad copy-paste)
  // is still UTF-8: read as GB18030 every character would turn to mojibake.
  const lenient = mostlyUtf8(content);
  if (lenient !== null) return checked({ text: lenient, encoding: 'utf-8' });
  // Not UTF-8: UTF-16 without a BOM or a legacy Chinese code page. Each
  // decodes almost anything, so keep the reading that looks most like text.
  const candidates: string[] = [legacyEncoding(content)];
  if (content.length % 2 === 0) candidates.push('utf-16le', 'utf-16be');
  const best = candidates
    .map((encoding) => ({ encoding, text: iconv.decode(content, encoding) }))
    .map((d) => ({ ...d, score: plausibility(d.text) }))
    .sort((a, b) => b.score - a.score)[0]!;
  return checked({ text: best.text, encoding: best.encoding });
}

function decodeByBom(content: Buffer): DecodedText | null {
  if (content[0] === 0xef && content[1] === 0xbb && content[2] === 0xbf) {
    const text = strictUtf8(content.subarray(3));
    if (text === null) throw new DocumentError('unreadable', 'the file starts with a UTF-8 mark but is not valid UTF-8');
    return { text, encoding: 'utf-8-bom' };
  }
  if (content[0] === 0xff && content[1] === 0xfe) return { text: iconv.decode(content.subarray(2), 'utf-16le'), encoding: 'utf-16le' };
  if (content[0] === 0xfe && content[1] === 0xff) return { text: iconv.decode(content.subarray(2), 'utf-16be'), encoding: 'utf-16be' };
  return null;
}

/** ASCII-only UTF-16 is valid UTF-8 too (full of NULs): many zero bytes mean UTF-16. */
function looksLikeUtf16(content: Buffer): boolean {
  const sample = content.subarray(0, 8192);
  let zeros = 0;
  for (const byte of sample) if (byte === 0) zeros++;
  return zeros > sample.length * 0.1;
}

/** Share of characters that ordinary Chinese or Latin text is made of. */
function plausibility(text: string): number {
  const sample = text.slice(0, 20000);
  if (sample.length === 0) return 0;
  let good = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (
      c === 0x09 ||
      c === 0x0a ||
      c === 0x0d ||
      (c >= 0x20 && c < 0x7f) ||
      (c >= 0x4e00 && c <= 0x9fff) ||
      (c >= 0x3000 && c <= 0x303f) ||
      (c >= 0xff00 && c <= 0xffef) ||
      (c >= 0x2010 && c <= 0x206f)
    ) {
      good++;
    }
  }
  return good / sample.length;
}

function mostlyUtf8(content: Buffer): string | null {
  if (looksLikeUtf16(content)) return null;
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(content);
  let bad = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 0xfffd) bad++;
  return bad <= Math.max(2, text.length * 0.0005) ? text : null;
}

function strictUtf8(content: Buffer): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(content);
  } catch {
    return null;
  }
}

/** Not UTF-8: a Chinese file is GB18030 (a superset of GBK/GB2312) unless chardet is sure of Big5. */
function legacyEncoding(content: Buffer): string {
  // Required here, not at load: nearly every plan is UTF-8, and the detector costs more to load than a short file to read.
  detector ??= createRequire(import.meta.url)('jschardet') as Jschardet;
  const guess = detector.detect(content.subarray(0, 65536).toString('binary'));
  if (guess.encoding?.toLowerCase() === 'big5' && guess.confidence > 0.9) return 'big5';
  return 'gb18030';
}

function checked(decoded: DecodedText): DecodedText {
  // Control characters other than tab/newline/form feed mean binary, not text.
  const sample = decoded.text.slice(0, 65536);
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0xfffd) control++;
  }
  if (control > Math.max(2, sample.length * 0.01)) {
    throw new DocumentError('unsupported-format', 'unsupported format: the file is binary, not text, .docx or PDF');
  }
  if (decoded.text.trim().length === 0) throw new DocumentError('empty-file', 'the file contains no text');
  return decoded;
}
