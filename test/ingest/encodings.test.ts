import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/ingest/index.js';
import { corpus, ingest } from '../normalise/run-document.js';

const original = readFileSync(corpus('lianyungang-ip-city-pilot-2024-2026.txt'), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'planlens-enc-'));

const copies: { name: string; encoding: string; bytes: () => Buffer }[] = [
  { name: 'gb18030', encoding: 'gb18030', bytes: () => iconv.encode(original, 'gb18030') },
  { name: 'gbk', encoding: 'gb18030', bytes: () => iconv.encode(original, 'gbk') },
  { name: 'utf-16le with BOM', encoding: 'utf-16le', bytes: () => iconv.encode(original, 'utf-16le', { addBOM: true }) },
  { name: 'utf-16le without BOM', encoding: 'utf-16le', bytes: () => iconv.encode(original, 'utf-16le') },
  { name: 'utf-16be with BOM', encoding: 'utf-16be', bytes: () => iconv.encode(original, 'utf-16be', { addBOM: true }) },
  { name: 'utf-8 with BOM', encoding: 'utf-8-bom', bytes: () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(original, 'utf8')]) },
  { name: 'utf-8', encoding: 'utf-8', bytes: () => Buffer.from(original, 'utf8') },
  { name: 'utf-8 with CRLF', encoding: 'utf-8', bytes: () => Buffer.from(original.replace(/\n/g, '\r\n'), 'utf8') },
];

describe('text encodings (lianyungang .txt re-encoded)', () => {
  it.each(copies)('$name decodes to the original text', async ({ name, encoding, bytes }) => {
    const path = join(dir, `${name.replace(/\W+/g, '-')}.txt`);
    writeFileSync(path, bytes());
    const state = await ingest(path);
    expect(state.source.format).toBe('txt');
    expect(state.raw!.encoding).toBe(encoding);
    expect(state.raw!.sourceText).toBe(original);
    expect(state.raw!.sourceText).not.toMatch(/\ufffd/);
  });

  it('reads UTF-8 cut in the middle of a character as UTF-8, not as GB18030 mojibake', () => {
    const bytes = Buffer.from(original, 'utf8');
    const cut = bytes.subarray(0, bytes.indexOf(Buffer.from('。'), 2000) + 1); // one byte of a three-byte character
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(cut)).toThrow();
    const decoded = decodeText(cut);
    expect(decoded.encoding).toBe('utf-8');
    expect(original.startsWith(decoded.text.replace(/\ufffd+$/, ''))).toBe(true);
  });

  it('never reads GBK bytes as UTF-8 mojibake', () => {
    const decoded = decodeText(iconv.encode('到2025年，全市发明专利拥有量达到5000件。', 'gbk'));
    expect(decoded.text).toBe('到2025年，全市发明专利拥有量达到5000件。');
    expect(decoded.encoding).toBe('gb18030');
  });
});
