/**
 * The real documents in corpora/: what comes out of ingest + normalise for
 * each format, and how the renderings of one document agree.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFParse } from 'pdf-parse';
import { describe, expect, it } from 'vitest';
import type { DocumentState } from '../../src/core/state.js';
import { normaliseStage } from '../../src/normalise/index.js';
import { RuleSet } from '../../src/rules/index.js';
import { corpus, ingest, ingestAndNormalise, paragraphs } from './run-document.js';

const DOCUMENTS = [
  'lianyungang-ip-city-pilot-2024-2026.txt',
  'lianyungang-ip-city-pilot-2024-2026.pdf',
  'nanjing-ip-14fyp-midterm-review.txt',
  'nanjing-ip-14fyp-midterm-review.docx',
  'xuanwu-ip-14fyp-plan.txt',
  'xuanwu-ip-14fyp-plan.docx',
  'xuanwu-ip-14fyp-plan.pdf',
];

const states = new Map<string, DocumentState>();
async function load(name: string): Promise<DocumentState> {
  let state = states.get(name);
  if (!state) {
    const started = performance.now();
    state = await ingestAndNormalise(corpus(name));
    console.log(`ingest+normalise ${name}: ${(performance.now() - started).toFixed(0)} ms`);
    states.set(name, state);
  }
  return state;
}

const squeeze = (s: string): string => s.replace(/\s+/g, '');

function collectQuotes(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(collectQuotes);
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, v]) => (key === 'quote' && typeof v === 'string' ? [v] : collectQuotes(v)));
  }
  return [];
}
const FULL_WIDTH_OF = (c: string): string => String.fromCharCode(c.charCodeAt(0) + 0xfee0);

describe.each(DOCUMENTS)('%s', (name) => {
  it('is detected by content and normalised without artifacts', async () => {
    const state = await load(name);
    expect(state.source.format).toBe(name.split('.').pop());
    expect(state.source.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(state.content).toBeUndefined();
    const text = state.normalised!.text;
    expect(text).not.toMatch(/\[bookmark:/);
    expect(text).not.toMatch(/^\s*[—-]+\s*\d+\s*[—-]+\s*$/m);
    expect(text).not.toMatch(/-- \d+ of \d+ --/);
    expect(text).not.toMatch(/[\uff10-\uff19\u3000\u00a0\ufffd]/);
    expect(text).not.toMatch(/[\u4e00-\u9fff] +[\u4e00-\u9fff0-9]|[0-9] +[\u4e00-\u9fff]/);
  });

  it('contains every quote of the gold annotations (whitespace aside)', async () => {
    const gold: unknown = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/gold', name.replace(/\.\w+$/, '.gold.json')), 'utf8'));
    const quotes = collectQuotes(gold);
    expect(quotes.length).toBeGreaterThan(10);
    const text = squeeze((await load(name)).normalised!.text);
    expect(quotes.filter((q) => !text.includes(squeeze(q)))).toEqual([]);
  });

  it('blocks tile the text in order, separated by newlines', async () => {
    const { normalised } = await load(name);
    const blocks = normalised!.blocks;
    expect(blocks.length).toBeGreaterThan(20);
    expect(blocks[0]!.start).toBe(0);
    expect(blocks[blocks.length - 1]!.end).toBe(normalised!.text.length);
    for (let i = 1; i < blocks.length; i++) {
      expect(blocks[i]!.start).toBe(blocks[i - 1]!.end + 1);
      expect(normalised!.text[blocks[i]!.start - 1]).toBe('\n');
    }
  });

  it('maps every character back to the same character in the source', async () => {
    const { raw, normalised } = await load(name);
    const { text, offsetMap } = normalised!;
    let checked = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text[i]!;
      if (c === '\n') continue;
      const s = raw!.sourceText[offsetMap.toSource(i)];
      if (s !== c && s !== FULL_WIDTH_OF(c) && !(c === '.' && s === '．')) {
        throw new Error(`offset ${i} '${c}' maps to source '${s}' near ${JSON.stringify(text.slice(i - 10, i + 10))}`);
      }
      checked++;
    }
    expect(checked).toBeGreaterThan(5000);
  });

  it('returns the exact source slice for every block the cleanups left unchanged', async () => {
    const { raw, normalised } = await load(name);
    const { text, offsetMap, blocks } = normalised!;
    let unchanged = 0;
    for (const block of blocks.filter((b) => b.kind === 'paragraph')) {
      const slice = text.slice(block.start, block.end);
      const from = offsetMap.toSource(block.start);
      if (raw!.sourceText.startsWith(slice, from)) {
        expect(raw!.sourceText.slice(from, offsetMap.toSource(block.end))).toBe(slice);
        unchanged++;
      }
    }
    console.log(`${name}: ${unchanged} of ${blocks.length} paragraph-or-table blocks map to an identical source slice`);
    expect(unchanged).toBeGreaterThan(0);
  });
});

describe('one document, three formats', () => {
  it.each([
    ['lianyungang-ip-city-pilot-2024-2026', 0.95],
    ['xuanwu-ip-14fyp-plan', 0.95],
  ])('%s: the PDF paragraphs match the .txt paragraphs (≥ %s)', async (base, minimum) => {
    const pdf = new Set(paragraphs(await load(`${base}.pdf`)).map(squeeze));
    const txt = new Set(paragraphs(await load(`${base}.txt`)).map(squeeze));
    const shared = [...txt].filter((p) => pdf.has(p)).length;
    const overlap = shared / txt.size;
    console.log(`${base}: ${shared} of ${txt.size} .txt paragraphs found in the PDF (${overlap.toFixed(3)}); PDF has ${pdf.size}`);
    expect(overlap).toBeGreaterThanOrEqual(minimum);
  });

  it('xuanwu: the docx paragraphs match the .txt paragraphs', async () => {
    const docx = new Set(paragraphs(await load('xuanwu-ip-14fyp-plan.docx')).map(squeeze));
    const txt = new Set(paragraphs(await load('xuanwu-ip-14fyp-plan.txt')).map(squeeze));
    const overlap = [...txt].filter((p) => docx.has(p)).length / txt.size;
    console.log(`xuanwu docx vs txt paragraph overlap ${overlap.toFixed(3)}`);
    expect(overlap).toBeGreaterThanOrEqual(0.95);
  });
});

describe('text saved from a PDF (pdftotext style: printed lines, form feeds between pages)', () => {
  it('lianyungang: pages come from the form feeds, lines are joined, page numbers dropped', async () => {
    const parser = new PDFParse({ data: new Uint8Array(readFileSync(corpus('lianyungang-ip-city-pilot-2024-2026.pdf'))) });
    const text = await parser.getText();
    await parser.destroy();
    const path = join(mkdtempSync(join(tmpdir(), 'planlens-wrapped-')), 'lianyungang-from-pdf.txt');
    writeFileSync(path, text.pages.map((p) => p.text).join('\f'));
    const state = await ingestAndNormalise(path);
    expect(state.raw!.pages).toBe(15);
    expect(state.normalised!.pageStarts).toHaveLength(15);
    expect(state.normalised!.text).not.toMatch(/^— \d+ —$/m);
    const wrapped = new Set(paragraphs(state).map(squeeze));
    const txt = new Set(paragraphs(await load('lianyungang-ip-city-pilot-2024-2026.txt')).map(squeeze));
    const overlap = [...txt].filter((p) => wrapped.has(p)).length / txt.size;
    console.log(`lianyungang pdftotext-style .txt vs .txt paragraph overlap ${overlap.toFixed(3)} (no geometry)`);
    expect(overlap).toBeGreaterThanOrEqual(0.9);
  });
});

describe('format specifics', () => {
  const indicatorRows = ['万人高价值发明专利数（件）', '100'];

  it('xuanwu .docx: headings keep their level, the indicator table keeps its merged cells', async () => {
    const { normalised } = await load('xuanwu-ip-14fyp-plan.docx');
    const n = normalised!;
    const heading = n.blocks.find((b) => n.text.slice(b.start, b.end) === '一、发展基础和面临形势');
    expect(heading?.headingLevel).toBe(1);
    const table = n.blocks.find((b) => b.kind === 'table' && n.text.slice(b.start, b.end).includes('万人高价值发明专利数'))!;
    expect(table.rows![0]!.map((c) => c.text)).toEqual(['分类', '指标（单位）', '发展目标']);
    expect(table.rows![1]!.map((c) => c.text)).toEqual(['知识产权创造', ...indicatorRows]);
    expect(table.rows![1]![0]!.rowSpan).toBe(7);
    expect(table.rows![4]!.map((c) => c.text)).toEqual(['维持10年以上有效发明专利数（件）', '>2800']);
  });

  it('xuanwu .pdf: pages, page starts and the indicator table read as a table', async () => {
    const { raw, normalised } = await load('xuanwu-ip-14fyp-plan.pdf');
    const n = normalised!;
    expect(raw!.pages).toBe(26);
    expect(n.pageStarts).toHaveLength(26);
    for (let p = 1; p < 26; p++) expect(n.pageStarts![p]!).toBeGreaterThanOrEqual(n.pageStarts![p - 1]!);
    const table = n.blocks.find((b) => b.kind === 'table')!;
    expect(table.page).toBe(11);
    expect(table.rows![0]!.map((c) => c.text)).toEqual(['分类', '指标（单位）', '发展目标']);
    expect(table.rows![1]!.map((c) => c.text)).toEqual(['知识产权创造', ...indicatorRows]);
    expect(table.rows![1]![0]!.rowSpan).toBe(7);
    expect(table.rows!.flat().map((c) => c.text)).toContain('>2800');
    for (const cell of table.rows!.flat()) expect(n.text.slice(cell.start, cell.end)).toBe(cell.text);
  });

  it('xuanwu .pdf without table detection: the indicator cells still come out one per line', async () => {
    const state = await normaliseStage.run(await ingest(corpus('xuanwu-ip-14fyp-plan.pdf'), { pdfTables: false }), normaliseStage.options.parse({}), {
      rules: new RuleSet(),
    });
    const lines = state.normalised!.text.split('\n');
    const at = lines.indexOf('玄武区“十四五”知识产权发展主要指标');
    expect(lines.slice(at + 1, at + 9)).toEqual([
      '分类',
      '指标（单位）',
      '发展',
      '目标',
      '知识产权创造',
      '万人高价值发明专利数（件）',
      '100',
      '万人发明专利拥有量（件）',
    ]);
    expect(lines).toContain('>2800');
  });

  it('xuanwu .txt: the indicator table stays tab-separated lines in one table block', async () => {
    const { normalised } = await load('xuanwu-ip-14fyp-plan.txt');
    const n = normalised!;
    const table = n.blocks.find((b) => b.kind === 'table' && n.text.slice(b.start, b.end).includes('万人高价值发明专利数'))!;
    const lines = n.text.slice(table.start, table.end).split('\n');
    expect(lines.slice(0, 4)).toEqual(['\t分类', '\t指标（单位）', '\t发展', '目标']);
    expect(lines).toContain('\t100');
    expect(lines).toContain('');
  });

  it('nanjing .txt and .docx: the progress table has the same cells', async () => {
    const docx = (await load('nanjing-ip-14fyp-midterm-review.docx')).normalised!;
    const txt = (await load('nanjing-ip-14fyp-midterm-review.txt')).normalised!;
    const docxTable = docx.blocks.find((b) => b.kind === 'table')!;
    const txtTable = txt.blocks.find((b) => b.kind === 'table')!;
    const docxCells = docxTable.rows!.flat().map((c) => squeeze(c.text));
    const txtCells = txt.text
      .slice(txtTable.start, txtTable.end)
      .split('\n')
      .filter((l) => l.startsWith('\t'))
      .map(squeeze);
    expect(docxCells.slice(0, 6)).toEqual(txtCells.slice(0, 6));
    expect(docxCells.length).toBe(txtCells.length);
  });
});
