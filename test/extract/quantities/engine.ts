/**
 * The real extraction engine on the real rules directory, for table-driven
 * cases: sentences in, mentions out, no pipeline stubs.
 */
import { expect, it } from 'vitest';
import { RuleSet } from '../../../src/rules/index.js';
import { loadQuantityRules } from '../../../src/extract/quantities/rules.js';
import { FigureFinder } from '../../../src/extract/quantities/figures.js';
import { ProseReader, type Mention } from '../../../src/extract/quantities/prose.js';
import { TableReader } from '../../../src/extract/quantities/tables.js';
import type { DocumentContext, Kind } from '../../../src/extract/quantities/classify.js';

export const rules = loadQuantityRules(new RuleSet());
export const figures = new FigureFinder(rules);
export const prose = new ProseReader(rules, figures);
export const tables = new TableReader(rules, figures);

export const planDoc: DocumentContext = { period: [2021, 2025], referenceYear: 2020, actualByDefault: false, regionNames: ['南京市', '南京'] };
export const evaluationDoc: DocumentContext = { period: [2021, 2025], referenceYear: 2022, actualByDefault: true, regionNames: ['南京市', '南京'] };

export interface SentenceCase {
  text: string;
  /** The paragraph before the sentence. */
  context?: string;
  doc?: DocumentContext;
  section?: Kind | null;
  /** The heading of the section the sentence stands in. */
  heading?: string;
  /** Every mention expected, in order; fields not given are not checked. */
  expect: Array<Partial<Mention> & { flags?: undefined } & { flagKinds?: string[] }>;
}

export function readSentence(c: Pick<SentenceCase, 'text' | 'context' | 'doc' | 'section' | 'heading'>): Mention[] {
  return prose.read(
    { text: c.text, ...(c.context ? { context: c.context } : {}), sectionKind: c.section ?? null, ...(c.heading ? { sectionHeading: c.heading } : {}) },
    c.doc ?? planDoc,
  );
}

/**
 * ESLint RuleTester style: `valid` sentences yield exactly the mentions
 * listed; `invalid` sentences hold figures that are not measurements and
 * yield none.
 */
export function sentenceCases(name: string, cases: { valid: SentenceCase[]; invalid?: Array<Omit<SentenceCase, 'expect'>> }): void {
  for (const c of cases.valid) {
    it(`${name}: ${c.text}`, () => {
      const got = readSentence(c);
      expect(got.length, JSON.stringify(got.map((m) => [m.indicator, m.value, m.unit]))).toBe(c.expect.length);
      c.expect.forEach((want, i) => {
        const { flagKinds, ...fields } = want;
        expect(got[i]).toMatchObject(fields);
        if (flagKinds) expect(got[i]!.flags.map((f) => f.kind).sort()).toEqual([...flagKinds].sort());
      });
    });
  }
  for (const c of cases.invalid ?? []) {
    it(`${name} (no figure): ${c.text}`, () => {
      const got = readSentence(c);
      expect(got.map((m) => `${m.indicator}=${m.value}${m.unit ?? ''}`)).toEqual([]);
    });
  }
}
