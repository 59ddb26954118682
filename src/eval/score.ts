/**
 * Scores one predicted gold-format document against its gold file, section
 * by section, with the matching rules of FORMAT.md.
 */
import { assign } from './assign.js';
import type { GoldDocumentFields, GoldFile, GoldMilestone, GoldQuantity, GoldResponsibility } from '../gold/index.js';
import { sameBaseValue } from './scale.js';
import { canonicalName, squeeze } from '../text/names.js';
import { nameSimilarity } from '../text/similarity.js';

export const SECTIONS = ['targets', 'actuals', 'responsibilities', 'implicit_support', 'milestones', 'departments', 'document'] as const;
export type SectionName = (typeof SECTIONS)[number];

export const DOCUMENT_FIELDS = ['title', 'region', 'level', 'issuer', 'doc_number', 'issued', 'period', 'type'] as const;
export type DocumentField = (typeof DOCUMENT_FIELDS)[number];

/** A miss, false positive, duplicate or attribute error, as `eval -v` shows it. */
export interface Finding {
  /** One line naming the fact: '有效发明专利拥有量 = 12482 件 (2020)'. */
  fact: string;
  /** Where it is in the document (gold quote, or the predicted sentence). */
  quote?: string;
}

export interface SectionScore {
  tp: number;
  fp: number;
  fn: number;
  /** Predictions of a fact already matched: not counted in P/R. */
  duplicates: number;
  misses: Finding[];
  falsePositives: Finding[];
  /** The duplicate predictions themselves (a fact the pipeline reported twice as a fact). */
  duplicateFindings: Finding[];
  /**
   * Matched facts whose secondary attributes (comparator, 累计, range…)
   * differ from gold. Not counted in P/R — FORMAT.md matches on value, year
   * and indicator — but listed so extraction errors there stay visible.
   */
  attributeErrors: Finding[];
}

export interface FieldScore {
  gold: unknown;
  predicted: unknown;
  correct: boolean;
}

export interface DocumentScore {
  sections: Record<SectionName, SectionScore>;
  fields: Record<DocumentField, FieldScore>;
}

export function scoreDocument(gold: GoldFile, predicted: GoldFile): DocumentScore {
  const fields = scoreFields(gold.document, predicted.document);
  return {
    sections: {
      targets: scoreMatched(gold.targets, predicted.targets, quantitiesMatch, describeQuantity, quantityAttributeErrors),
      actuals: scoreMatched(gold.actuals, predicted.actuals, quantitiesMatch, describeQuantity, quantityAttributeErrors),
      responsibilities: scoreMatched(gold.responsibilities, predicted.responsibilities, responsibilitiesMatch, describeResponsibility),
      implicit_support: scoreNameSet(gold.implicit_support, predicted.implicit_support),
      milestones: scoreMatched(gold.milestones, predicted.milestones, milestonesMatch, describeMilestone),
      departments: scoreNameSet(gold.departments, predicted.departments),
      document: fieldsAsSection(fields),
    },
    fields,
  };
}

function scoreMatched<T>(
  gold: readonly T[],
  pred: readonly T[],
  similar: (g: T, p: T) => number | null,
  describe: (record: T) => Finding,
  attributeErrors: (g: T, p: T) => string[] = () => [],
): SectionScore {
  const result = assign(gold, pred, similar);
  return {
    tp: result.pairs.length,
    fp: result.falsePositives.length,
    fn: result.missed.length,
    duplicates: result.duplicates.length,
    misses: result.missed.map((i) => describe(gold[i]!)),
    falsePositives: result.falsePositives.map((i) => describe(pred[i]!)),
    duplicateFindings: result.duplicates.map((i) => describe(pred[i]!)),
    attributeErrors: result.pairs.flatMap(({ gold: gi, pred: pi }) => {
      const errors = attributeErrors(gold[gi]!, pred[pi]!);
      if (errors.length === 0) return [];
      const fact = describe(gold[gi]!);
      return [{ fact: `${fact.fact}: ${errors.join('; ')}`, quote: describe(pred[pi]!).quote }];
    }),
  };
}

// ------------------------------------------------------------ quantities ---

/**
 * Values equal in base scale, years equal, indicators similar. A qualitative
 * target (value null, e.g. 全覆盖) matches another qualitative one whose words
 * are similar; a figure never matches a qualitative target.
 */
export function quantitiesMatch(gold: GoldQuantity, pred: GoldQuantity): number | null {
  if (gold.year !== pred.year) return null;
  if (gold.value === null || pred.value === null) {
    if (gold.value !== pred.value) return null;
    if (gold.qualitative && pred.qualitative && nameSimilarity(gold.qualitative, pred.qualitative) === null) return null;
  } else if (!sameBaseValue(gold.value, gold.unit, pred.value, pred.unit)) {
    return null;
  }
  return nameSimilarity(gold.indicator, pred.indicator);
}

/** Differences in what a matched figure means, as 'comparator >= ≠ ='. */
export function quantityAttributeErrors(gold: GoldQuantity, pred: GoldQuantity): string[] {
  const errors: string[] = [];
  const check = (name: string, g: unknown, p: unknown) => {
    if ((g ?? null) !== (p ?? null)) errors.push(`${name} ${String(g ?? '-')} ≠ ${String(p ?? '-')}`);
  };
  if (gold.comparator !== undefined) check('comparator', gold.comparator, pred.comparator);
  check('cumulative', gold.cumulative ?? false, pred.cumulative ?? false);
  check('per_year', gold.per_year ?? false, pred.per_year ?? false);
  check('value_max', gold.value_max, pred.value_max);
  // 十四五以来 totals carry the period they sum over; a single year has none.
  check('period', gold.period?.join('–'), pred.period?.join('–'));
  return errors;
}

function describeQuantity(q: GoldQuantity): Finding {
  const figure =
    q.value === null ? (q.qualitative ?? '(qualitative)') : `${q.value}${q.value_max !== undefined ? '—' + q.value_max : ''}${q.unit ? ' ' + q.unit : ''}`;
  const flags = [q.cumulative ? '累计' : '', q.per_year ? 'per year' : ''].filter(Boolean).join(', ');
  return { fact: `${q.indicator} ${q.comparator ?? '='} ${figure} (${q.year ?? 'no year'}${flags ? ', ' + flags : ''})`, quote: q.quote };
}

// ------------------------------------------------------ responsibilities ---

function nameSet(names: readonly string[]): Set<string> {
  return new Set(names.map(canonicalName).filter((n) => n.length > 0));
}

function sameSet(a: Set<string>, b: Set<string>): boolean {
  return a.size === b.size && [...a].every((x) => b.has(x));
}

/**
 * Task headings similar, and the same units in the same roles. Where either
 * side lists units without separating lead from support (roles 'unsplit'),
 * only the set of all units is compared (FORMAT.md).
 */
export function responsibilitiesMatch(gold: GoldResponsibility, pred: GoldResponsibility): number | null {
  const unsplit = gold.roles === 'unsplit' || pred.roles === 'unsplit';
  const unitsAgree = unsplit
    ? sameSet(nameSet([...gold.lead, ...gold.support]), nameSet([...pred.lead, ...pred.support]))
    : sameSet(nameSet(gold.lead), nameSet(pred.lead)) && sameSet(nameSet(gold.support), nameSet(pred.support));
  return unitsAgree ? nameSimilarity(gold.task, pred.task) : null;
}

function describeResponsibility(r: GoldResponsibility): Finding {
  const units =
    r.roles === 'unsplit' ? `units: ${[...r.lead, ...r.support].join('、')}` : `lead: ${r.lead.join('、') || '-'}; support: ${r.support.join('、') || '-'}`;
  return { fact: `${r.task} — ${units}` };
}

// ------------------------------------------------------------ milestones ---

/** 'YYYY-M' and 'YYYY-MM' are the same month; anything else compares as written. */
function normaliseDate(date: string | null | undefined): string | null {
  if (!date) return null;
  const m = /^(\d{4})(?:-(\d{1,2}))?$/.exec(date.trim());
  if (!m) return date.trim();
  return m[2] ? `${m[1]}-${m[2].padStart(2, '0')}` : m[1]!;
}

/**
 * A milestone matches when `what` is similar (Dice ≥ 0.5 or containment) and
 * `end` is equal — a year-only date does not equal a month in that year. The
 * start date is compared only where gold has one, because many deadlines
 * ("2025年建成…") have none and a system that finds one is not wrong for it.
 */
export function milestonesMatch(gold: GoldMilestone, pred: GoldMilestone): number | null {
  if (normaliseDate(gold.end) !== normaliseDate(pred.end)) return null;
  if (gold.start && normaliseDate(gold.start) !== normaliseDate(pred.start)) return null;
  return nameSimilarity(gold.what, pred.what);
}

function describeMilestone(m: GoldMilestone): Finding {
  return { fact: `${m.what} (${m.start ?? '…'} → ${m.end ?? '…'})` };
}

// ------------------------------------------------------------- name sets ---

/** Departments and implicit support: sets of names after canonicalisation. */
export function scoreNameSet(gold: readonly string[], pred: readonly string[]): SectionScore {
  const goldByKey = new Map(gold.map((n) => [canonicalName(n), n]));
  const predByKey = new Map(pred.map((n) => [canonicalName(n), n]));
  const misses = [...goldByKey].filter(([k]) => !predByKey.has(k)).map(([, n]) => ({ fact: n }));
  const falsePositives = [...predByKey].filter(([k]) => !goldByKey.has(k)).map(([, n]) => ({ fact: n }));
  return {
    tp: goldByKey.size - misses.length,
    fp: falsePositives.length,
    fn: misses.length,
    duplicates: pred.length - predByKey.size,
    misses,
    falsePositives,
    duplicateFindings: [],
    attributeErrors: [],
  };
}

// ------------------------------------------------------- document fields ---

/** Exact per-field comparison; whitespace is ignored, the period compares as a pair. */
function sameField(gold: unknown, pred: unknown): boolean {
  if (gold === null || pred === null) return gold === pred;
  if (Array.isArray(gold) && Array.isArray(pred)) return gold.length === pred.length && gold.every((v, i) => v === pred[i]);
  if (typeof gold === 'string' && typeof pred === 'string') return squeeze(gold) === squeeze(pred);
  return gold === pred;
}

function scoreFields(gold: GoldDocumentFields, pred: GoldDocumentFields): Record<DocumentField, FieldScore> {
  const out = {} as Record<DocumentField, FieldScore>;
  for (const field of DOCUMENT_FIELDS) {
    out[field] = { gold: gold[field], predicted: pred[field], correct: sameField(gold[field], pred[field]) };
  }
  return out;
}

/**
 * P/R over non-null fields: a correct non-null value is a true positive; a
 * wrong value is both a false positive and a miss; a value where gold has
 * null is a false positive.
 */
function fieldsAsSection(fields: Record<DocumentField, FieldScore>): SectionScore {
  const section: SectionScore = { tp: 0, fp: 0, fn: 0, duplicates: 0, misses: [], falsePositives: [], duplicateFindings: [], attributeErrors: [] };
  for (const field of DOCUMENT_FIELDS) {
    const { gold, predicted, correct } = fields[field];
    if (correct) {
      if (gold !== null) section.tp++;
      continue;
    }
    if (gold !== null) {
      section.fn++;
      section.misses.push({ fact: `${field} = ${JSON.stringify(gold)}` });
    }
    if (predicted !== null) {
      section.fp++;
      section.falsePositives.push({ fact: `${field} = ${JSON.stringify(predicted)}` });
    }
  }
  return section;
}
