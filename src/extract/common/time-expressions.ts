/**
 * Time expressions (rules/time-expressions.yaml): 到2025年, 截至2022年底,
 * “十三五”期间, 2021和2022年 … found in a text with the year or years they
 * mean. Whether a figure they date is a target or an actual is partly decided
 * here (the expression's kind) and partly by the caller (kind 'auto').
 */
import { z } from 'zod';
import { ruleEntryFields } from '../../rules/entries.js';
import type { RuleSet } from '../../rules/index.js';
import { wordsPattern } from './text.js';

export const TimeExpressionsFile = z.object({
  fiveYearPlans: z.array(z.object({ name: z.string().min(1), from: z.number().int(), to: z.number().int() })),
  expressions: z
    .array(
      z.object({
        ...ruleEntryFields,
        pattern: z.string().min(1).refine(isValidRegExp, 'not a valid regular expression'),
        kind: z.enum(['target', 'actual', 'auto']),
        point: z.enum(['end', 'period', 'since', 'now']).optional(),
        scope: z.enum(['clause', 'sentence', 'clause-list', 'paragraph']).default('paragraph'),
      }),
    )
    .min(1),
  comparisonMarkers: z.array(z.string().min(1)),
  comparisonFollowers: z.array(z.string().min(1).refine(isValidRegExp, 'not a valid regular expression')).default([]),
  actualDocumentTypes: z.array(z.string().min(1)),
  /** Words in a document's opening that make it a report of achievements when its type is unknown (…情况报告如下). */
  reportOpenings: z.array(z.string().min(1)).default([]),
});
export type TimeExpressionsFile = z.infer<typeof TimeExpressionsFile>;

function isValidRegExp(source: string): boolean {
  try {
    new RegExp(source, 'u');
    return true;
  } catch {
    return false;
  }
}

/**
 * How far an expression dates what follows it: its clause, its sentence or
 * clause list (to the next ；。), or the paragraph. Past a clause or sentence
 * scope the expressions before it date; past a clause list (a deadline's
 * list of goals) nothing does.
 */
export type Scope = 'clause' | 'sentence' | 'clause-list' | 'paragraph';

export interface TimeExpression {
  id: string;
  start: number;
  end: number;
  kind: 'target' | 'actual' | 'auto';
  /** The year a figure it dates refers to; undefined for 'since' until the reference year is known. */
  year?: number;
  /** Several years handed out in order (2021和2022年 … 分别 …). */
  years?: number[];
  period?: [number, number];
  /** “十四五”以来: from `since` (or, when not named, the document's first year) to its reference year; 目前的: the reference year itself. */
  point?: 'end' | 'period' | 'since' | 'now';
  since?: number;
  /** The base of a comparison (较“十三五”末): does not date a figure. */
  comparison: boolean;
  /** How far it dates the figures after it (rules/time-expressions.yaml). */
  scope: Scope;
}

export class TimeExpressionFinder {
  private readonly patterns: Array<{
    id: string;
    re: RegExp;
    kind: 'target' | 'actual' | 'auto';
    point?: 'end' | 'period' | 'since' | 'now';
    scope: Scope;
    order: number;
  }>;
  private readonly plans: Map<string, { from: number; to: number }>;
  private readonly comparison: RegExp | null;
  private readonly followers: RegExp[];

  constructor(readonly file: TimeExpressionsFile) {
    this.patterns = file.expressions.map((e, order) => ({ id: e.id, re: new RegExp(e.pattern, 'gu'), kind: e.kind, point: e.point, scope: e.scope, order }));
    this.plans = new Map(file.fiveYearPlans.map((p) => [p.name, { from: p.from, to: p.to }]));
    const markers = wordsPattern(file.comparisonMarkers);
    this.comparison = markers ? new RegExp(`(?:${markers})\\s*(?:提前\\s*)?$`, 'u') : null;
    this.followers = file.comparisonFollowers.map((f) => new RegExp(f, 'u'));
  }

  static load(rules: RuleSet): TimeExpressionFinder {
    return new TimeExpressionFinder(rules.get('time-expressions', TimeExpressionsFile));
  }

  plan(name: string): { from: number; to: number } | undefined {
    return this.plans.get(name);
  }

  /** All time expressions in `text`, left to right, none overlapping. */
  find(text: string): TimeExpression[] {
    const found: Array<TimeExpression & { order: number }> = [];
    for (const p of this.patterns) {
      p.re.lastIndex = 0;
      for (let m = p.re.exec(text); m; m = p.re.exec(text)) {
        if (m[0].length === 0) {
          p.re.lastIndex++;
          continue;
        }
        const expression = this.interpret(p, m, text);
        if (expression) found.push({ ...expression, order: p.order });
      }
    }
    found.sort((a, b) => a.start - b.start || a.order - b.order || b.end - a.end);
    const out: TimeExpression[] = [];
    let reached = -1;
    for (const { order: _order, ...e } of found) {
      if (e.start < reached) continue;
      out.push(e);
      reached = e.end;
    }
    return out;
  }

  private interpret(
    p: { id: string; kind: 'target' | 'actual' | 'auto'; point?: 'end' | 'period' | 'since' | 'now'; scope: Scope },
    m: RegExpExecArray,
    text: string,
  ): TimeExpression | null {
    const g = m.groups ?? {};
    const start = m.index;
    const end = m.index + m[0].length;
    const after = text.slice(end, end + 12);
    const comparison = (this.comparison ? this.comparison.test(text.slice(Math.max(0, start - 6), start)) : false) || this.followers.some((f) => f.test(after));
    const base = { id: p.id, start, end, kind: p.kind, comparison, scope: p.scope, ...(p.point ? { point: p.point } : {}) };
    if (g.plan) {
      const plan = this.plans.get(g.plan);
      if (!plan) return null;
      if (p.point === 'since') return { ...base, since: plan.from };
      if (p.point === 'period') return { ...base, year: plan.to, period: [plan.from, plan.to] };
      return { ...base, year: plan.to };
    }
    if (p.point === 'since') return g.since && plausibleYear(Number(g.since)) ? { ...base, since: Number(g.since) } : { ...base };
    // 目前的第9位: the document's own time, known only once the reference year is.
    if (p.point === 'now') return { ...base };
    if (g.from && g.to) {
      const from = Number(g.from);
      const to = Number(g.to);
      if (!plausibleYear(from) || !plausibleYear(to) || to < from) return null;
      const years: number[] = [];
      for (let y = from; y <= to && years.length < 10; y++) years.push(y);
      return { ...base, year: to, years, period: [from, to] };
    }
    if (g.list) {
      const years = [...g.list.matchAll(/\d{4}/g)].map((y) => Number(y[0]));
      if (!years.every(plausibleYear)) return null;
      return { ...base, year: Math.max(...years), years, period: [Math.min(...years), Math.max(...years)] };
    }
    if (g.y1 && g.y2) {
      const y1 = Number(g.y1);
      const y2 = Number(g.y2);
      if (!plausibleYear(y1) || !plausibleYear(y2)) return null;
      return { ...base, year: Math.max(y1, y2), years: [y1, y2], period: [Math.min(y1, y2), Math.max(y1, y2)] };
    }
    if (g.year) {
      const year = Number(g.year);
      if (!plausibleYear(year)) return null;
      return { ...base, year };
    }
    return null;
  }
}

/** Plans are dated within living memory; 1912街区 is a street, not a year. */
export function plausibleYear(year: number): boolean {
  return year >= 1949 && year <= 2100;
}
