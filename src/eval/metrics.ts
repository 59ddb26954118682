/** Precision/recall/F1 from counts, and sums over documents and sections. */
import { SECTIONS, type DocumentScore, type SectionName } from './score.js';

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
  duplicates: number;
}

export interface Prf extends Counts {
  precision: number;
  recall: number;
  f1: number;
}

/**
 * Nothing to find and nothing found scores 1: a section a document has no
 * facts for is not a failure. Predictions where gold has none give recall 0
 * and so F1 0; the aggregate over documents is what the floors judge.
 */
export function prf(c: Counts): Prf {
  const precision = c.tp + c.fp === 0 ? (c.fn === 0 ? 1 : 0) : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? (c.fp === 0 ? 1 : 0) : c.tp / (c.tp + c.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { ...c, precision, recall, f1 };
}

const zero = (): Counts => ({ tp: 0, fp: 0, fn: 0, duplicates: 0 });

function add(into: Counts, c: Counts): void {
  into.tp += c.tp;
  into.fp += c.fp;
  into.fn += c.fn;
  into.duplicates += c.duplicates;
}

export type SectionPrf = Record<SectionName | 'overall', Prf>;

/**
 * Micro-averaged per section over the given documents; `overall` sums every
 * section's counts, so sections with more facts weigh more.
 */
export function aggregate(scores: readonly DocumentScore[]): SectionPrf {
  const totals = Object.fromEntries(SECTIONS.map((s) => [s, zero()])) as Record<SectionName, Counts>;
  const overall = zero();
  for (const score of scores) {
    for (const section of SECTIONS) {
      add(totals[section], score.sections[section]);
      add(overall, score.sections[section]);
    }
  }
  const out = Object.fromEntries(SECTIONS.map((s) => [s, prf(totals[s])])) as SectionPrf;
  out.overall = prf(overall);
  return out;
}
