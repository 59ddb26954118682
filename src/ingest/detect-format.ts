/**
 * Format detection by content. Extensions lie (a .doc renamed .docx, a PDF
 * saved as .txt), so the bytes decide.
 */
import { DocumentError } from '../core/errors.js';
import type { SourceFormat } from '../core/state.js';

const PDF_MAGIC = Buffer.from('%PDF-', 'latin1');
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const EMPTY_ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** Known binary signatures we do not read, named so the error says what the file is. */
const OTHER_BINARIES: { magic: Buffer; name: string }[] = [
  { magic: OLE_MAGIC, name: 'an old Office binary file (.doc/.xls/.wps); save it as .docx' },
  { magic: Buffer.from([0x89, 0x50, 0x4e, 0x47]), name: 'a PNG image' },
  { magic: Buffer.from([0xff, 0xd8, 0xff]), name: 'a JPEG image' },
  { magic: Buffer.from('GIF8', 'latin1'), name: 'a GIF image' },
  { magic: Buffer.from('{\\rtf', 'latin1'), name: 'an RTF file; save it as .docx' },
  { magic: Buffer.from([0x1f, 0x8b]), name: 'a gzip archive' },
  { magic: Buffer.from('Rar!', 'latin1'), name: 'a RAR archive' },
  { magic: Buffer.from([0x37, 0x7a, 0xbc, 0xaf]), name: 'a 7z archive' },
];

export function isZip(content: Buffer): boolean {
  return startsWith(content, ZIP_MAGIC) || startsWith(content, EMPTY_ZIP_MAGIC);
}

export function isPdf(content: Buffer): boolean {
  const at = content.subarray(0, 1024).indexOf(PDF_MAGIC);
  if (at === 0) return true;
  // Some writers put junk (a BOM, a mail header) before the header and readers accept it
  // within 1 KB; a text file that merely mentions %PDF- has no %%EOF trailer.
  return at > 0 && content.subarray(-2048).includes(Buffer.from('%%EOF', 'latin1'));
}

export function detectFormat(content: Buffer, path: string): SourceFormat {
  if (content.length === 0) {
    if (/\.pdf$/i.test(path)) throw new DocumentError('pdf-corrupt', 'the PDF is empty (0 bytes)');
    throw new DocumentError('empty-file', 'the file is empty (0 bytes)');
  }
  if (isPdf(content)) return 'pdf';
  if (isZip(content)) return 'docx'; // the docx reader says so when the zip is not a Word document
  if (/\.pdf$/i.test(path) && content.length < PDF_MAGIC.length) {
    throw new DocumentError('pdf-corrupt', 'the PDF is truncated: it has no %PDF- header');
  }
  for (const { magic, name } of OTHER_BINARIES) {
    if (startsWith(content, magic)) throw new DocumentError('unsupported-format', `unsupported format: the file is ${name}`);
  }
  if (/\.docx$/i.test(path)) {
    throw new DocumentError('docx-not-zip', 'not a valid .docx: the file is not a zip archive');
  }
  if (/\.pdf$/i.test(path)) {
    throw new DocumentError('pdf-corrupt', 'not a valid PDF: the file has no %PDF- header');
  }
  return 'txt'; // the text decoder rejects what does not decode as text
}

function startsWith(content: Buffer, magic: Buffer): boolean {
  return content.length >= magic.length && content.subarray(0, magic.length).equals(magic);
}
