/**
 * Decides whether a figure is a target or an actual and which year it
 * describes: the time expression that governs it, else cue words, else the
 * section it stands in, else the kind of document.
 */
import type { Flag } from '../../core/state.js';
import type { TimeExpression } from '../common/time-expressions.js';
import type { QuantityRules } from './rules.js';
import { isDeadline, type Horizon } from './horizon.js';

export type Kind = 'target' | 'actual';

/** What the extractor knows about the document and the sentence's place in it. */
export interface DocumentContext {
  /** First and last year of the plan (metadata.period). */
  period: [number, number] | null;
  /** The year an evaluation reports on (截至2022年底), else the year before the period. */
  referenceYear: number | null;
  /** Evaluations report achievements by default; plans set targets. */
  actualByDefault: boolean;
  /** Region names to strip from an indicator's start (南京市, 南京). */
  regionNames: string[];
  /** The year the document speaks in (issue date, else its latest date line or 截至): a year before it is past, never a deadline. */
  presentYear?: number | null;
  /** The year an undated target falls due when no deadline stands above it (period end, else latest deadline). */
  horizon?: Horizon | null;
}

export interface Dating {
  kind: Kind;
  year: number | null;
  period?: [number, number];
  /** Years to hand out in order to a 分别… list of figures. */
  years?: number[];
  expression?: TimeExpression;
  flags: Flag[];
  /** Why: the rule id of the deciding evidence. */
  basis: string;
}

/**
 * The time expression dating position `pos`: the nearest one before it in
 * the same scope. A clause-scoped base year (从2012年的…) out of its clause
 * leaves the dating to the expressions before it.
 */
export function governingExpression(
  text: string,
  pos: number,
  expressions: TimeExpression[],
  scopeBreakers: string,
  clauseDelimiters = scopeBreakers,
): TimeExpression | undefined {
  const before = expressions.filter((e) => e.end <= pos && !e.comparison);
  for (let k = before.length - 1; k >= 0; k--) {
    const e = before[k]!;
    if (e.scope === 'paragraph') return e;
    const breakers = e.scope === 'clause' ? clauseDelimiters : scopeBreakers;
    let broken = false;
    for (let i = e.end; i < pos && !broken; i++) broken = breakers.includes(text[i]!);
    if (!broken) return e;
    if (e.scope === 'clause-list') return undefined;
    // clause and sentence scopes: the expressions before this one may still reach the figure.
  }
  return undefined;
}

function isPast(year: number, doc: DocumentContext): boolean {
  if (doc.period && year < doc.period[0]) return true;
  if (doc.presentYear != null && year < doc.presentYear) return true;
  return doc.actualByDefault && doc.referenceYear !== null && year <= doc.referenceYear;
}

export function kindOfYear(year: number, doc: DocumentContext): Kind {
  if (doc.period) {
    if (year < doc.period[0]) return 'actual';
    if (year >= doc.period[1]) return 'target';
    return doc.actualByDefault ? 'actual' : 'target';
  }
  if (doc.referenceYear !== null) return year > doc.referenceYear ? 'target' : 'actual';
  if (doc.presentYear != null && year < doc.presentYear) return 'actual';
  return doc.actualByDefault ? 'actual' : 'target';
}

/** The first year a deadline of this document can name: the period's start, else the issue year. */
export function earliestDeadline(doc: DocumentContext): number | null {
  return doc.period?.[0] ?? doc.presentYear ?? null;
}

/**
 * `text` is the paragraph up to and including the sentence, `sentenceStart`
 * where the sentence begins in it: a report's 2021年，… dates the sentences
 * after it in the same paragraph.
 */
export function date(
  text: string,
  sentenceStart: number,
  pos: number,
  expressions: TimeExpression[],
  rules: QuantityRules,
  doc: DocumentContext,
  sectionKind: Kind | null,
  sectionHorizon: Horizon | null = null,
): Dating {
  const expr = governingExpression(text, pos, expressions, rules.patterns.scopeBreakers, rules.patterns.clauseDelimiters);
  if (expr) {
    if (expr.point === 'now') {
      const year = doc.referenceYear ?? null;
      return { kind: 'actual', year, expression: expr, flags: [], basis: expr.id };
    }
    if (expr.point === 'since') {
      const to = doc.referenceYear ?? doc.period?.[1] ?? null;
      const from = expr.since ?? doc.period?.[0] ?? null;
      return {
        kind: expr.kind === 'target' ? 'target' : 'actual',
        year: to,
        ...(to !== null && from !== null && to >= from ? { period: [from, to] as [number, number] } : {}),
        expression: expr,
        flags: [],
        basis: expr.id,
      };
    }
    const year = expr.year ?? null;
    let kind: Kind = expr.kind === 'auto' ? (year !== null ? kindOfYear(year, doc) : doc.actualByDefault ? 'actual' : 'target') : expr.kind;
    // 到2022年底 in a report on 2022, 到2020年 in a 2021–2025 plan: a deadline already past reports an achievement.
    if (kind === 'target' && year !== null && isPast(year, doc)) kind = 'actual';
    // A report's 下一步 section: 2024年新开办6所 in a report on 2023 is still to come.
    if (
      expr.kind === 'auto' &&
      kind === 'actual' &&
      sectionKind === 'target' &&
      year !== null &&
      doc.referenceYear !== null &&
      year > doc.referenceYear &&
      !isPast(year, doc)
    )
      kind = 'target';
    return {
      kind,
      year,
      ...(expr.period ? { period: expr.period } : {}),
      ...(expr.years && expr.years.length > 1 ? { years: expr.years } : {}),
      expression: expr,
      flags: [],
      basis: expr.id,
    };
  }
  const before = text.slice(sentenceStart, pos);
  let kind: Kind;
  let basis: string;
  if (rules.patterns.actualCues.some((w) => before.includes(w))) {
    kind = 'actual';
    basis = 'quantity.cue-actual';
  } else if (rules.patterns.targetCues.some((w) => before.includes(w))) {
    kind = 'target';
    basis = 'quantity.cue-target';
  } else if (sectionKind) {
    kind = sectionKind;
    basis = 'quantity.section-kind';
  } else {
    kind = doc.actualByDefault ? 'actual' : 'target';
    basis = 'quantity.document-default';
  }
  if (kind === 'target') {
    // 到2026年，…。X达到50家: the paragraph's deadline, then the section's, then the document's own horizon.
    const notBefore = earliestDeadline(doc);
    // 2024年6月底前出台…；…年均增长12%: a deadline to the month times one task, it sets no horizon for the figures after it.
    const inParagraph = expressions.filter((e) => e.end <= pos && isDeadline(e, notBefore) && !/月/.test(text.slice(e.start, e.end))).at(-1);
    const horizon: Horizon | null = inParagraph
      ? { year: inParagraph.year!, source: `the deadline ${text.slice(inParagraph.start, inParagraph.end)} stated earlier in its paragraph` }
      : (sectionHorizon ?? doc.horizon ?? (doc.period ? { year: doc.period[1], source: `the last year of the plan period` } : null));
    return {
      kind,
      year: horizon?.year ?? null,
      flags: [
        {
          kind: 'year-defaulted',
          reason: horizon
            ? `no date is given next to this target; ${horizon.year} is taken from ${horizon.source}`
            : 'no date is given for this target and the document states no period or deadline',
        },
      ],
      basis,
    };
  }
  const year = doc.referenceYear;
  return {
    kind,
    year,
    flags: [
      {
        kind: 'year-defaulted',
        reason:
          year !== null
            ? `no date is given for this value; the year the document reports on (${year}) is assumed`
            : 'no date is given for this value and the document gives no reference year',
      },
    ],
    basis,
  };
}
