/**
 * .docx: mammoth's HTML keeps what plain text loses — heading levels, real
 * tables with merged cells, and 专栏 boxes (one-cell tables).
 */
import mammoth from 'mammoth';
import { parse, HTMLElement, TextNode, type Node } from 'node-html-parser';
import { DocumentError } from '../core/errors.js';
import type { RawBlock, RawCell, RawDocument } from '../core/state.js';
import { isZip } from './signatures.js';
import { DEFAULT_LIMITS, type InputLimits } from './limits.js';
import { checkZipBounds } from './zip-bounds.js';

/** Images are never read (no block keeps them): mammoth would inflate and base64 every one. */
const dropImages = mammoth.images.imgElement(() => Promise.resolve({ src: '' }));

export async function readDocx(content: Buffer, limits: InputLimits = DEFAULT_LIMITS): Promise<RawDocument> {
  if (!isZip(content)) throw new DocumentError('docx-not-zip', 'not a valid .docx: the file is not a zip archive');
  if (!zipHasEntry(content, 'word/document.xml')) {
    throw new DocumentError('docx-not-word', 'not a Word document: the zip has no word/document.xml (is it .xlsx/.pptx or another archive?)');
  }
  // Before mammoth inflates anything: a small file may expand a thousandfold.
  await checkZipBounds(content, limits);
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: content }, { convertImage: dropImages })).value;
  } catch (error) {
    throw new DocumentError('unreadable', `the .docx cannot be read: ${firstLine((error as Error).message)}`);
  }
  const blocks = htmlToBlocks(html);
  return { blocks, sourceText: blocksToText(blocks) };
}

/** Looks for an entry name in the zip's central directory and local headers, without unzipping. */
function zipHasEntry(content: Buffer, name: string): boolean {
  return content.includes(Buffer.from(name, 'utf8'));
}

export function htmlToBlocks(html: string): RawBlock[] {
  const root = parse(html);
  const blocks: RawBlock[] = [];
  for (const node of root.childNodes) collectBlocks(node, blocks);
  return blocks;
}

function collectBlocks(node: Node, blocks: RawBlock[]): void {
  if (node instanceof TextNode) {
    const text = node.text.trim();
    if (text) blocks.push({ kind: 'paragraph', text });
    return;
  }
  if (!(node instanceof HTMLElement)) return;
  const tag = node.tagName?.toLowerCase() ?? '';
  const heading = /^h([1-6])$/.exec(tag);
  if (heading) {
    blocks.push({ kind: 'paragraph', text: inlineText(node), headingLevel: Number(heading[1]) });
    return;
  }
  if (tag === 'p') {
    const text = inlineText(node);
    if (text) blocks.push({ kind: 'paragraph', text });
    return;
  }
  if (tag === 'table') {
    blocks.push(tableBlock(node));
    return;
  }
  if (tag === 'li') {
    // A list item holds its own text and maybe a nested list: keep them apart.
    const own = inlineText(node, new Set(['ul', 'ol']));
    if (own) blocks.push({ kind: 'paragraph', text: own });
    for (const child of node.childNodes) {
      if (child instanceof HTMLElement && /^(ul|ol)$/i.test(child.tagName)) collectBlocks(child, blocks);
    }
    return;
  }
  for (const child of node.childNodes) collectBlocks(child, blocks);
}

function tableBlock(table: HTMLElement): RawBlock {
  const rows: RawCell[][] = [];
  for (const tr of ownRows(table)) {
    const cells = tr.childNodes.filter((c): c is HTMLElement => c instanceof HTMLElement && /^(td|th)$/i.test(c.tagName));
    rows.push(
      cells.map((cell) => ({
        text: cellParagraphs(cell).reduce(joinLines, ''),
        rowSpan: span(cell.getAttribute('rowspan')),
        colSpan: span(cell.getAttribute('colspan')),
      })),
    );
  }
  const cells = rows.flat();
  if (cells.length === 1 && rows.length === 1) {
    return { kind: 'box', paragraphs: cellParagraphs(table.querySelector('td, th')!) };
  }
  return { kind: 'table', rows };
}

/** Rows of this table, not of tables nested in its cells. */
function ownRows(table: HTMLElement): HTMLElement[] {
  const rows: HTMLElement[] = [];
  const visit = (node: HTMLElement): void => {
    for (const child of node.childNodes) {
      if (!(child instanceof HTMLElement)) continue;
      const tag = child.tagName.toLowerCase();
      if (tag === 'tr') rows.push(child);
      else if (tag === 'thead' || tag === 'tbody' || tag === 'tfoot') visit(child);
    }
  };
  visit(table);
  return rows;
}

/** The paragraphs of a cell, nested tables flattened to their cells' paragraphs. */
function cellParagraphs(cell: HTMLElement): string[] {
  const blocks: RawBlock[] = [];
  for (const child of cell.childNodes) collectBlocks(child, blocks);
  return blocks
    .flatMap((b) => (b.kind === 'paragraph' ? [b.text] : b.kind === 'box' ? b.paragraphs : b.rows.flat().map((c) => c.text)))
    .filter((t) => t.length > 0);
}

function span(value: string | undefined): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 1 ? n : 1;
}

/** Text of an inline run: <br> is a soft line break inside one paragraph, so lines are joined. */
function inlineText(node: HTMLElement, skip: Set<string> = new Set()): string {
  const lines: string[] = [''];
  const visit = (n: Node): void => {
    if (n instanceof TextNode) {
      lines[lines.length - 1] += n.text;
      return;
    }
    if (!(n instanceof HTMLElement)) return;
    const tag = n.tagName?.toLowerCase() ?? '';
    if (skip.has(tag)) return;
    // Footnote markers ([1]) and back-links (↑) would glue digits onto the figures they follow.
    if (tag === 'a' && /^#(foot|end)note-/.test(n.getAttribute('href') ?? '')) return;
    if (tag === 'br') {
      lines.push('');
      return;
    }
    for (const child of n.childNodes) visit(child);
  };
  for (const child of node.childNodes) visit(child);
  return lines.map((l) => l.trim()).reduce(joinLines, '');
}

/** Joins two pieces of one paragraph: no space in Chinese text, one space between Latin words. */
function joinLines(a: string, b: string): string {
  if (!a) return b;
  if (!b) return a;
  return /[A-Za-z0-9]$/.test(a) && /^[A-Za-z0-9]/.test(b) ? `${a} ${b}` : a + b;
}

/** The plain text the blocks are read from: one paragraph or one cell per line. */
function blocksToText(blocks: RawBlock[]): string {
  const lines: string[] = [];
  for (const block of blocks) {
    if (block.kind === 'paragraph') lines.push(block.text);
    else if (block.kind === 'box') lines.push(...block.paragraphs);
    else for (const row of block.rows) for (const cell of row) lines.push(cell.text);
  }
  return lines.join('\n');
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}
