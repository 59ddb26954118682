/**
 * A minimal .docx (stored zip: content types, relationships, document.xml)
 * from the probe's text, so every probe passage is also read the way a Word
 * plan is: paragraphs, and real tables where the text has flattened TAB
 * tables (an empty cell continues the one above, as Word's vertical merge).
 * No dependency: zlib's crc32 and a hand-written zip directory.
 */
import { crc32 } from 'node:zlib';

function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function paragraph(text: string): string {
  return `<w:p><w:r><w:t xml:space="preserve">${xml(text)}</w:t></w:r></w:p>`;
}

function table(rows: string[][]): string {
  const body = rows
    .map(
      (row, r) =>
        `<w:tr>${row
          .map((cell, c) => {
            const merged =
              cell === '' && r > 0 && (rows[r - 1]?.[c] ?? '') !== ''
                ? '<w:tcPr><w:vMerge/></w:tcPr>'
                : cell !== '' && rows[r + 1]?.[c] === ''
                  ? '<w:tcPr><w:vMerge w:val="restart"/></w:tcPr>'
                  : '';
            return `<w:tc>${merged}${paragraph(cell)}</w:tc>`;
          })
          .join('')}</w:tr>`,
    )
    .join('');
  return `<w:tbl>${body}</w:tbl>`;
}

/** document.xml body from text whose tables are flattened (a TAB before each cell, a blank line between rows). */
function body(text: string): string {
  const lines = text.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length;) {
    if (!lines[i]!.startsWith('\t')) {
      if (lines[i]!.trim() !== '') out.push(paragraph(lines[i]!));
      i++;
      continue;
    }
    const rows: string[][] = [];
    let row: string[] = [];
    for (; i < lines.length && (lines[i]!.startsWith('\t') || (lines[i] === '' && lines[i + 1]?.startsWith('\t'))); i++) {
      if (lines[i] === '') {
        rows.push(row);
        row = [];
      } else row.push(lines[i]!.slice(1));
    }
    if (row.length > 0) rows.push(row);
    out.push(table(rows));
  }
  return out.join('');
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;

export function docx(text: string): Buffer {
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body(text)}</w:body></w:document>`;
  return zip([
    ['[Content_Types].xml', CONTENT_TYPES],
    ['_rels/.rels', RELS],
    ['word/document.xml', document],
  ]);
}

/** A zip of stored (uncompressed) entries. */
function zip(entries: Array<[string, string]>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of entries) {
    const nameBuf = Buffer.from(name, 'utf8');
    const data = Buffer.from(content, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(0, 8); // stored
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBuf.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBuf, data);
    centrals.push(central, nameBuf);
    offset += local.length + nameBuf.length + data.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}
