/**
 * Format detection by content. Extensions lie (a .doc renamed .docx, a PDF
 * saved as .txt), so the bytes decide.
 */
import { DocumentError } from '../core/errors.js';
import type { SourceFormat } from '../core/state.js';
import { DETECTION_ORDER, formatNamed } from './formats.js';
import { OLE_MAGIC, PDF_MAGIC, startsWith } from './signatures.js';

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

export function detectFormat(content: Buffer, path: string): SourceFormat {
  const claimed = formatNamed(path);
  const named = claimed?.format;
  if (content.length === 0) {
    if (named === 'pdf') throw new DocumentError('pdf-corrupt', 'the PDF is empty (0 bytes)');
    throw new DocumentError('empty-file', 'the file is empty (0 bytes)');
  }
  for (const format of DETECTION_ORDER) if (format.matches!(content)) return format.format;
  if (named === 'pdf' && content.length < PDF_MAGIC.length) {
    throw new DocumentError('pdf-corrupt', 'the PDF is truncated: it has no %PDF- header');
  }
  for (const { magic, name } of OTHER_BINARIES) {
    if (startsWith(content, magic)) throw new DocumentError('unsupported-format', `unsupported format: the file is ${name}`);
  }
  if (claimed?.misnamed) throw new DocumentError(claimed.misnamed.code, claimed.misnamed.message);
  return 'txt'; // the text decoder rejects what does not decode as text
}
