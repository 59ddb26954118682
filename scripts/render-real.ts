/**
 * Real renderings of development-set documents (corpora-real/): the same text
 * printed to PDF by headless Chromium, saved as .docx by LibreOffice, and the
 * text other tools give back from that PDF. Each rendering shares the gold of
 * its document, so eval shows what a format loses.
 *
 *   npx tsx scripts/render-real.ts [--corpus DIR] [name ...]
 *        (default: corpora-real and the documents below; with --corpus, the names given)
 *
 * Needs chromium, fonts-noto-cjk, poppler-utils (pdftotext) and
 * libreoffice-writer-nogui (soffice). Writes, for each document x:
 *   corpora-real/x.pdf, corpora-real/x.docx                beside x.txt
 *   corpora-real/renderings/x.pdftotext.txt                pdftotext x.pdf
 *   corpora-real/renderings/x.pdftotext-layout.txt         pdftotext -layout x.pdf
 *   corpora-real/renderings/x.wrapped.txt                  every printed line followed by a blank line,
 *                                                          20–30 characters a line, page numbers — n —
 *
 *   npx tsx scripts/render-real.ts --tables [--corpus DIR] [name ...]
 *        writes instead, for each document whose text holds a table (TAB rows,
 *        | a | b | rows, one cell per line), the rendering a word processor
 *        makes of it with the tables ruled, as plans are issued:
 *   corpora-real/renderings/x.tables.pdf, x.tables.docx   printed by Chromium, saved by LibreOffice
 *   corpora-real/renderings/x.tables-writer.pdf           that .docx printed by Writer (rows break over pages)
 *   (a document without tables is skipped)
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { chromium } from 'playwright-core';
import { hardWrap } from '../test/normalise/hard-wrap.js';
import { loadRules } from '../src/cli/options.js';
import { DEFAULT_RULES_DIR } from '../src/rules/index.js';
import { compileStyles } from '../src/structure/headings.js';
import { RangeSet, splitLines, type Line } from '../src/structure/lines.js';
import { loadStructureRules } from '../src/structure/rules.js';
import { findStackedTables } from '../src/structure/stacked-tables.js';
import { findMarkdownTables, findTabRowTables, type FlatTable } from '../src/structure/text-tables.js';

const corpusFlag = process.argv.indexOf('--corpus');
const corpusArg = corpusFlag >= 0 ? process.argv[corpusFlag + 1] : 'corpora-real';
if (corpusArg === undefined || corpusArg.startsWith('--')) {
  console.error('render-real: --corpus needs a directory');
  process.exit(2);
}
const CORPUS: string = corpusArg;
const TABLES = process.argv.includes('--tables');
const RENDERINGS = join(CORPUS, 'renderings');
const DEFAULT_NAMES = [
  'jinan-ai-action-plan-2024',
  'shandong-manufacturing-innovation-three-year-plan-2023',
  'national-domestic-demand-strategy-outline-2022',
  'shanghai-food-tech-action-plan-2025',
  'national-digital-economy-development-report-2022',
  'shandong-iconic-industrial-chains-plan-2024',
];
const CHROMIUM = process.env.PLANLENS_CHROMIUM ?? '/usr/bin/chromium';

/** What a reader sees of one source line. */
type Block =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; level: 2 | 3; text: string }
  | { kind: 'meta'; label: string; value: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'rule' }
  | { kind: 'table'; rows: string[][] };

const ORDINAL_HEADING = /^[一二三四五六七八九十]+、/;
const BRACKET_HEADING = /^（[一二三四五六七八九十]+）/;

/**
 * The source's lines as a word processor would lay them out. The crawled
 * pages' markdown becomes what it stood for (a title, bold headings, a rule);
 * a short numbered line with no sentence end is a heading, as plans set them.
 */
export function toBlocks(source: string): Block[] {
  const blocks: Block[] = [];
  for (const raw of source.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim().replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
    if (line === '') continue;
    if (/^-{3,}$/.test(line)) {
      blocks.push({ kind: 'rule' });
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) {
      const text = stripBold(heading[2]!);
      blocks.push(heading[1]!.length === 1 ? { kind: 'title', text } : { kind: 'heading', level: 2, text });
      continue;
    }
    const meta = /^\*\*([^*]+)\*\*\s*[:：]\s*(.*)$/.exec(line);
    if (meta) {
      blocks.push({ kind: 'meta', label: meta[1]!, value: stripBold(meta[2]!) });
      continue;
    }
    const text = stripBold(line);
    const allBold = /^\*\*.*\*\*$/.test(line);
    const headingLike = text.length <= 30 && !/[。；]/.test(text);
    if (headingLike && ORDINAL_HEADING.test(text)) blocks.push({ kind: 'heading', level: 2, text });
    else if (headingLike && BRACKET_HEADING.test(text)) blocks.push({ kind: 'heading', level: 3, text });
    else if (allBold) blocks.push({ kind: 'title', text });
    else blocks.push({ kind: 'paragraph', text });
  }
  return blocks;
}

/**
 * The source's tables as the project's own readers of flattened text find
 * them (TAB rows, | a | b | rows, one cell per line), and the blocks around
 * them: what a word processor prints as ruled tables among the paragraphs.
 */
export function toBlocksWithTables(source: string, tables: FlatTable[]): Block[] {
  const text = source.replace(/\r\n?/g, '\n');
  const blocks: Block[] = [];
  let from = 0;
  for (const table of [...tables].sort((a, b) => a.start - b.start)) {
    const lineStart = text.lastIndexOf('\n', table.start - 1) + 1;
    const newline = text.indexOf('\n', table.end);
    blocks.push(...toBlocks(text.slice(from, lineStart)));
    blocks.push({ kind: 'table', rows: table.rows.map((row) => row.map((cell) => stripBold(cell.text))) });
    from = newline === -1 ? text.length : newline + 1;
  }
  blocks.push(...toBlocks(text.slice(from)));
  return blocks;
}

/** Tables in a source text, found as structure finds them in a .txt (headings end a one-cell-per-line table). */
export function findSourceTables(source: string, structureRules: ReturnType<typeof loadStructureRules>): FlatTable[] {
  const text = source.replace(/\r\n?/g, '\n');
  const lines = splitLines(text);
  const styles = compileStyles(structureRules);
  const looksLikeHeading = (line: Line) => styles.some(({ regex }) => regex.test(line.text.trimStart()));
  const claimed = new RangeSet();
  const free = (line: Line) => !claimed.overlaps(line.start, Math.max(line.end, line.start + 1));
  const tables: FlatTable[] = [];
  const claim = (found: FlatTable[]) => {
    for (const table of found) claimed.add(table.start, table.end);
    tables.push(...found);
  };
  claim(findTabRowTables(text, lines, free));
  claim(findMarkdownTables(text, lines, free));
  claim(findStackedTables(text, lines, free, looksLikeHeading, structureRules.table));
  return tables;
}

const SERIAL_CELL = /^\d{1,3}[.、．]?$/;

/**
 * A ruled table: the first row a header, and a leading column's cell that
 * repeats the one above (类别 written on every row) or was left empty for it
 * merged into one cell spanning its rows, as plans set group columns. Only
 * leading columns (after a 序号 column) merge: equal figures or 预期性 further
 * right are separate cells.
 */
export function tableHtml(rows: string[][]): string {
  const [head = [], ...body] = rows;
  // span[r][c]: rows the cell at r covers; 0 when it is merged into the cell above.
  const span = body.map((row) => row.map(() => 1));
  const anchor: number[] = [];
  for (let r = 0; r < body.length; r++) {
    for (let c = 0; c < body[r]!.length; c++) {
      const leftMerged = c === 0 || span[r]![c - 1] === 0 || (c === 1 && SERIAL_CELL.test(body[r]![0]!));
      const cell = body[r]![c]!;
      const top = anchor[c] !== undefined ? body[anchor[c]!]![c] : undefined;
      const merges = r > 0 && leftMerged && body[r - 1]![c] !== undefined && top !== undefined && top !== '' && (cell === '' || cell === top);
      if (merges) {
        span[r]![c] = 0;
        span[anchor[c]!]![c]!++;
      } else anchor[c] = r;
    }
  }
  const cellHtml = (tag: 'th' | 'td', text: string, rowspan = 1) => `<${tag}${rowspan > 1 ? ` rowspan="${rowspan}"` : ''}>${escapeHtml(text)}</${tag}>`;
  // The header row is not repeated where the table runs over a page end (a <thead> would be): Word's default,
  // and the harder reading, a page of body rows whose columns are named on the page before.
  const headHtml = `<tr>${head.map((text) => cellHtml('th', text)).join('')}</tr>`;
  const bodyHtml = body.map((row, r) => `<tr>${row.map((text, c) => (span[r]![c] === 0 ? '' : cellHtml('td', text, span[r]![c]))).join('')}</tr>`).join('\n');
  // border="1": LibreOffice's HTML import keeps cell borders from the attribute, not from CSS.
  return `<table border="1" cellspacing="0" cellpadding="4">\n<tbody>\n${headHtml}\n${bodyHtml}\n</tbody>\n</table>`;
}

function stripBold(text: string): string {
  return text.replace(/\*\*/g, '').trim();
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A4, 16 pt serif, title centred, paragraphs indented 2em: about 27 characters a line, as official documents print. */
export function toHtml(blocks: Block[]): string {
  const body = blocks.map((b) => {
    switch (b.kind) {
      case 'title':
        return `<h1>${escapeHtml(b.text)}</h1>`;
      case 'heading':
        return `<h${b.level}>${escapeHtml(b.text)}</h${b.level}>`;
      case 'meta':
        return `<p class="meta"><b>${escapeHtml(b.label)}</b>: ${escapeHtml(b.value)}</p>`;
      case 'paragraph':
        return `<p>${escapeHtml(b.text)}</p>`;
      case 'rule':
        return '<hr>';
      case 'table':
        return tableHtml(b.rows);
    }
  });
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title></title>
<style>
  body { font-family: "Noto Serif CJK SC", serif; font-size: 16pt; line-height: 1.6; margin: 0; }
  h1 { font-size: 22pt; text-align: center; font-weight: bold; margin: 0 0 1em; }
  h2 { font-family: "Noto Sans CJK SC", sans-serif; font-size: 16pt; font-weight: normal; text-indent: 2em; margin: 0; }
  h3 { font-size: 16pt; font-weight: bold; text-indent: 2em; margin: 0; }
  p { text-indent: 2em; margin: 0; text-align: justify; }
  p.meta { text-indent: 0; }
  table { border-collapse: collapse; width: 100%; font-size: 12pt; line-height: 1.3; margin: 0.5em 0; }
  th, td { border: 1px solid #000; padding: 2pt 4pt; text-align: center; vertical-align: middle; }
  th { font-family: "Noto Sans CJK SC", sans-serif; font-weight: normal; }
</style></head>
<body>
${body.join('\n')}
</body></html>
`;
}

/** What a reader sees, one block a line: the text the wrapped rendering starts from. */
export function toVisibleText(blocks: Block[]): string {
  return (
    blocks
      .filter((b) => b.kind !== 'rule')
      .map((b) => (b.kind === 'meta' ? `${b.label}: ${b.value}` : b.kind === 'table' ? b.rows.map((row) => row.join('\t')).join('\n') : b.text))
      .join('\n') + '\n'
  );
}

async function printPdf(html: string, out: string): Promise<void> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    await page.pdf({
      path: out,
      format: 'A4',
      margin: { top: '37mm', bottom: '35mm', left: '28mm', right: '26mm' },
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate:
        '<div style="width:100%;text-align:center;font-size:14pt;font-family:\'Noto Serif CJK SC\',serif">— <span class="pageNumber"></span> —</div>',
    });
  } finally {
    await browser.close();
  }
}

function saveDocx(html: string, name: string, out: string): void {
  const work = mkdtempSync(join(tmpdir(), 'render-real-'));
  try {
    const source = join(work, `${name}.html`);
    writeFileSync(source, html);
    // Writer's own HTML import (not Writer/Web) so the result can be saved as Word.
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${join(work, 'profile')}`,
        '--headless',
        '--infilter=HTML (StarWriter)',
        '--convert-to',
        'docx:MS Word 2007 XML',
        '--outdir',
        work,
        source,
      ],
      { stdio: 'pipe', timeout: 180_000 },
    );
    renameSync(join(work, `${name}.docx`), out);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The .docx printed to PDF by the word processor itself (Writer): its own page breaks, row breaks and rules. */
function writerPdf(docx: string, out: string): void {
  const work = mkdtempSync(join(tmpdir(), 'render-real-'));
  try {
    execFileSync(
      'soffice',
      [`-env:UserInstallation=file://${join(work, 'profile')}`, '--headless', '--convert-to', 'pdf:writer_pdf_Export', '--outdir', work, docx],
      { stdio: 'pipe', timeout: 180_000 },
    );
    renameSync(join(work, basename(docx).replace(/\.docx$/, '.pdf')), out);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function pdftotext(pdf: string, out: string, layout: boolean): void {
  execFileSync('pdftotext', [...(layout ? ['-layout'] : []), '-enc', 'UTF-8', pdf, out], { stdio: 'pipe' });
}

/** Every printed line followed by a blank line, 20–30 characters a line, — n — at each page foot. */
function wrappedText(visible: string): string {
  return hardWrap(visible, { width: 30, measure: 'chars', jitter: 10, indent: true, blankAfterEachLine: true, pages: { lines: 24, number: 'dash' } });
}

async function render(name: string): Promise<void> {
  const blocks = toBlocks(readFileSync(join(CORPUS, `${name}.txt`), 'utf8'));
  const html = toHtml(blocks);
  const pdf = join(CORPUS, `${name}.pdf`);
  await printPdf(html, pdf);
  saveDocx(html, name, join(CORPUS, `${name}.docx`));
  pdftotext(pdf, join(RENDERINGS, `${name}.pdftotext.txt`), false);
  pdftotext(pdf, join(RENDERINGS, `${name}.pdftotext-layout.txt`), true);
  writeFileSync(join(RENDERINGS, `${name}.wrapped.txt`), wrappedText(toVisibleText(blocks)));
  console.log(`rendered ${name}`);
}

/** The document with its tables ruled, printed and saved beside the other renderings; false when it has none. */
async function renderTables(name: string, structureRules: ReturnType<typeof loadStructureRules>): Promise<boolean> {
  const source = readFileSync(join(CORPUS, `${name}.txt`), 'utf8');
  const tables = findSourceTables(source, structureRules);
  if (tables.length === 0) return false;
  const html = toHtml(toBlocksWithTables(source, tables));
  await printPdf(html, join(RENDERINGS, `${name}.tables.pdf`));
  const docx = join(RENDERINGS, `${name}.tables.docx`);
  saveDocx(html, `${name}.tables`, docx);
  writerPdf(docx, join(RENDERINGS, `${name}.tables-writer.pdf`));
  return true;
}

mkdirSync(RENDERINGS, { recursive: true });
const names = process.argv.slice(2).filter((arg, i, args) => !arg.startsWith('--') && args[i - 1] !== '--corpus');
if (TABLES) {
  const structureRules = loadStructureRules(await loadRules(DEFAULT_RULES_DIR));
  for (const name of names.length > 0 ? names : DEFAULT_NAMES) {
    console.log((await renderTables(name, structureRules)) ? `rendered ${name} with its tables` : `${name}: no tables, skipped`);
  }
} else for (const name of names.length > 0 ? names : DEFAULT_NAMES) await render(name);
