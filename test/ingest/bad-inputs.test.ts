/**
 * Bad input is generated here from real files (or by hand where no real file
 * can be shipped) and must fail with its code and a one-line message.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, rgb } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { DocumentError } from '../../src/core/errors.js';
import { corpus, ingest } from '../normalise/run-document.js';

const dir = mkdtempSync(join(tmpdir(), 'planlens-bad-'));
const realPdf = readFileSync(corpus('lianyungang-ip-city-pilot-2024-2026.pdf'));

/** A PDF written object by object, with a correct xref table. */
function handWrittenPdf(objects: string[], trailerExtra: string): Buffer {
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra} >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** Standard security handler, revision 3, with a user password: unreadable without it. */
function encryptedPdf(): Buffer {
  const hex = (seed: number): string => Array.from({ length: 32 }, (_, i) => ((seed * (i + 7)) & 0xff).toString(16).padStart(2, '0')).join('');
  return handWrittenPdf(
    [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
      '<< /Length 0 >>\nstream\n\nendstream',
      `<< /Filter /Standard /V 2 /R 3 /Length 128 /P -3904 /O <${hex(31)}> /U <${hex(17)}> >>`,
    ],
    `/Encrypt 5 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>]`,
  );
}

async function scannedPdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < 2; i++) {
    const page = doc.addPage([595, 842]);
    page.drawRectangle({ x: 50, y: 50, width: 400, height: 600, color: rgb(0.8, 0.8, 0.8) });
  }
  return Buffer.from(await doc.save());
}

/** A stored (uncompressed) zip with one entry: enough to look like an archive. */
function zipWith(name: string, data: string): Buffer {
  const nameBytes = Buffer.from(name);
  const content = Buffer.from(data);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt32LE(content.length, 18);
  local.writeUInt32LE(content.length, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt32LE(content.length, 20);
  central.writeUInt32LE(content.length, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  const localSize = local.length + nameBytes.length + content.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + nameBytes.length, 12);
  end.writeUInt32LE(localSize, 16);
  return Buffer.concat([local, nameBytes, content, central, nameBytes, end]);
}

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a2d8d1e70000000049454e44ae426082',
  'hex',
);

interface Case {
  name: string;
  file: string;
  bytes: () => Buffer | Promise<Buffer>;
  code: string;
  message: RegExp;
}

const cases: Case[] = [
  { name: 'empty text file', file: 'empty.txt', bytes: () => Buffer.alloc(0), code: 'empty-file', message: /empty/ },
  { name: 'text file of blank lines', file: 'blank.txt', bytes: () => Buffer.from('\n \n\t\n'), code: 'empty-file', message: /no text/ },
  { name: 'zero-byte PDF', file: 'zero.pdf', bytes: () => Buffer.alloc(0), code: 'pdf-corrupt', message: /empty/ },
  {
    name: 'truncated PDF (first half of a real one)',
    file: 'truncated.pdf',
    bytes: () => realPdf.subarray(0, realPdf.length >> 1),
    code: 'pdf-corrupt',
    message: /truncated/,
  },
  { name: 'PDF header only', file: 'header.pdf', bytes: () => Buffer.from('%PDF-1.7\n'), code: 'pdf-corrupt', message: /truncated/ },
  { name: 'encrypted PDF', file: 'encrypted.pdf', bytes: encryptedPdf, code: 'pdf-encrypted', message: /encrypted/ },
  { name: 'PDF without text layer', file: 'scan.pdf', bytes: scannedPdf, code: 'needs-ocr', message: /OCR/ },
  { name: '.docx that is not a zip', file: 'fake.docx', bytes: () => Buffer.from('这不是Word文档'), code: 'docx-not-zip', message: /not a zip/ },
  {
    name: 'zip that is not a Word document',
    file: 'other.docx',
    bytes: () => zipWith('xl/workbook.xml', '<workbook/>'),
    code: 'docx-not-word',
    message: /word\/document\.xml/,
  },
  { name: 'PNG image', file: 'image.txt', bytes: () => PNG, code: 'unsupported-format', message: /PNG/ },
  {
    name: 'unknown binary',
    file: 'data.bin',
    bytes: () => Buffer.from(Array.from({ length: 256 }, (_, i) => i)),
    code: 'unsupported-format',
    message: /binary/,
  },
  {
    name: 'old .doc (OLE) file',
    file: 'old.doc',
    bytes: () => Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(512)]),
    code: 'unsupported-format',
    message: /\.docx/,
  },
];

describe('bad inputs fail with a code and a clear one-line message', () => {
  const paths = new Map<string, string>();
  beforeAll(async () => {
    for (const c of cases) {
      const path = join(dir, c.file);
      writeFileSync(path, await c.bytes());
      paths.set(c.name, path);
    }
  });

  it.each(cases)('$name → $code', async ({ name, code, message }) => {
    const error = await ingest(paths.get(name)!).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DocumentError);
    expect((error as DocumentError).code).toBe(code);
    expect((error as DocumentError).message).toMatch(message);
    expect((error as DocumentError).message).not.toMatch(/\n/);
  });

  it.each([
    ['a PDF after a junk prefix', () => Buffer.concat([Buffer.from('junk\r\n'), realPdf]), 'pdf'],
    ['a text file that mentions %PDF-', () => Buffer.from('文件格式说明：%PDF-1.7 是一种文档格式。\n'), 'txt'],
    ['a Word document named .txt', () => readFileSync(corpus('xuanwu-ip-14fyp-plan.docx')), 'docx'],
    ['a PDF named .docx', () => realPdf, 'pdf'],
  ])('detects %s by content', async (_name, bytes, format) => {
    const path = join(dir, `detect-${format}-${Math.random().toString(36).slice(2)}.${format === 'docx' ? 'txt' : format === 'pdf' ? 'docx' : 'txt'}`);
    writeFileSync(path, bytes());
    const state = await ingest(path);
    expect(state.source.format).toBe(format);
    expect(state.raw!.blocks.length).toBeGreaterThan(0);
  });

  it('a missing file is unreadable', async () => {
    await expect(ingest(join(dir, 'missing.txt'))).rejects.toMatchObject({ code: 'unreadable', message: 'file not found' });
  });
});
