import type { RawBlock, RawDocument } from '../core/state.js';
import { decodeText } from './decode-text.js';

/**
 * A text file: one paragraph block per line (empty lines too: tables in text
 * use them as row breaks). Form feeds, as pdftotext writes between pages,
 * give the lines page numbers.
 */
export function readTxt(content: Buffer): RawDocument {
  const { text, encoding } = decodeText(content);
  const sourceText = text.replace(/\r\n?/g, '\n');
  const paged = sourceText.includes('\f');
  const blocks: RawBlock[] = [];
  let page = 1;
  for (const line of sourceText.split('\n')) {
    const pieces = line.split('\f');
    pieces.forEach((piece, i) => {
      if (i > 0) page++;
      // A form feed at a line's start or end only turns the page: no empty line, which would read as a paragraph break.
      if (piece.length === 0 && (i > 0 || pieces.length > 1)) return;
      blocks.push(paged ? { kind: 'paragraph', text: piece, page } : { kind: 'paragraph', text: piece });
    });
  }
  while (blocks.length > 0 && isEmptyParagraph(blocks[blocks.length - 1]!)) blocks.pop();
  const raw: RawDocument = { blocks, encoding, sourceText };
  if (paged) raw.pages = Math.max(1, ...blocks.map((b) => (b.kind === 'paragraph' && b.text.trim() ? (b.page ?? 1) : 1)));
  return raw;
}

function isEmptyParagraph(block: RawBlock): boolean {
  return block.kind === 'paragraph' && block.text.trim().length === 0;
}
