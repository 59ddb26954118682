/**
 * Renderings of a gold document that cannot carry its name — text extracted
 * from its PDF by other tools — sit in the docs directory's renderings/
 * sub-folder as x.<variant>.<ext>, share x's gold and get a column of their own.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findRenderings, renderingFormat, VARIANTS_DIR } from '../../src/eval/run.js';

function docsDir(files: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'planlens-renderings-'));
  mkdirSync(join(dir, VARIANTS_DIR));
  for (const file of files) writeFileSync(join(dir, file), '某市行动方案\n');
  return dir;
}

describe('renderings of a gold document', () => {
  const dir = docsDir([
    'plan.txt',
    'plan.pdf',
    'plan-two.txt',
    `${VARIANTS_DIR}/plan.pdftotext.txt`,
    `${VARIANTS_DIR}/plan.pdftotext-layout.txt`,
    `${VARIANTS_DIR}/plan.wrapped.txt`,
    `${VARIANTS_DIR}/plan.tables.pdf`,
    `${VARIANTS_DIR}/plan.tables.docx`,
    `${VARIANTS_DIR}/plan.tables-writer.pdf`,
    `${VARIANTS_DIR}/plan-two.wrapped.txt`,
    `${VARIANTS_DIR}/plan.Bad_Name.txt`,
    `${VARIANTS_DIR}/plan.notes.md`,
    `${VARIANTS_DIR}/plan.txt`,
  ]);

  it.each([
    [
      'plan',
      [
        'plan.txt',
        'plan.pdf',
        `${VARIANTS_DIR}/plan.pdftotext-layout.txt`,
        `${VARIANTS_DIR}/plan.pdftotext.txt`,
        `${VARIANTS_DIR}/plan.tables-writer.pdf`,
        `${VARIANTS_DIR}/plan.tables.docx`,
        `${VARIANTS_DIR}/plan.tables.pdf`,
        `${VARIANTS_DIR}/plan.wrapped.txt`,
      ],
    ],
    ['plan-two', ['plan-two.txt', `${VARIANTS_DIR}/plan-two.wrapped.txt`]],
    ['other', []],
  ])('%s: its own files, then renderings/%s.<variant>.<ext>; not another document’s, not odd names', (name, expected) => {
    expect(findRenderings(dir, name)).toEqual(expected.map((f) => join(dir, f)));
  });

  it.each([
    ['plan.pdf', 'pdf'],
    ['plan.txt', 'txt'],
    [`${VARIANTS_DIR}/plan.pdftotext.txt`, 'pdftotext.txt'],
    [`${VARIANTS_DIR}/plan.pdftotext-layout.txt`, 'pdftotext-layout.txt'],
    // The document with its tables ruled (scripts/render-real.ts --tables): a PDF and a .docx read as such.
    [`${VARIANTS_DIR}/plan.tables.pdf`, 'tables.pdf'],
    [`${VARIANTS_DIR}/plan.tables.docx`, 'tables.docx'],
    [`${VARIANTS_DIR}/plan.tables-writer.pdf`, 'tables-writer.pdf'],
  ])('%s is reported as format %s', (file, format) => {
    expect(renderingFormat(join(dir, file), 'plan')).toBe(format);
  });

  it('a docs directory without renderings/ has only the documents’ own files', () => {
    const plain = mkdtempSync(join(tmpdir(), 'planlens-renderings-'));
    writeFileSync(join(plain, 'plan.txt'), '某市行动方案\n');
    expect(findRenderings(plain, 'plan')).toEqual([join(plain, 'plan.txt')]);
  });
});
