/**
 * Milestones on plain text: dated phases (宣传发动阶段（2024年6月—2024年10月底）)
 * and qualitative goals under a deadline (到2025年，基本建成…). A goal clause
 * with a figure is a numeric target and belongs to the quantities stage.
 */
import type { CompiledMilestoneRules } from './rules.js';

export interface FoundMilestone {
  what: string;
  start: string | null;
  end: string | null;
  recurring?: string;
  /** Offsets of the words the milestone was read from. */
  from: number;
  to: number;
  rule: string;
}

const pad = (m: string) => m.padStart(2, '0');

/** `currentYear`: the year of phases written with months only (部署阶段（3月—4月）) — an annual plan's. */
export function findPhases(text: string, rules: CompiledMilestoneRules, currentYear: number | null = null): FoundMilestone[] {
  const out: FoundMilestone[] = [];
  for (const { id, re } of rules.phases) {
    for (const m of text.matchAll(re)) {
      const g = m.groups!;
      const monthsOnly = !g.startYear && !g.endYear;
      if (monthsOnly && currentYear === null) continue;
      const startYear = g.startYear ?? (monthsOnly && g.startMonth ? String(currentYear) : undefined);
      const endYear = g.endYear ?? (monthsOnly ? String(currentYear) : startYear);
      let start: string | null = null;
      if (startYear) start = g.startMonth ? `${startYear}-${pad(g.startMonth)}` : startYear;
      let end: string | null = null;
      if (endYear && g.endMonth) end = `${endYear}-${pad(g.endMonth)}`;
      else if (g.endYear) end = g.endYear;
      // One date without 前: the phase fills that month or year.
      if (!start && end && !g.by) start = end;
      out.push({
        what: g.what!,
        start,
        end,
        from: m.index!,
        to: m.index! + m[0].length,
        rule: id,
      });
    }
  }
  return out;
}

export interface Deadline {
  /** 'YYYY' or 'YYYY-MM'. */
  end: string;
  /** Written as a deadline (到/力争/…前, or a five-year period), not a bare year that may report the past. */
  marked: boolean;
  /** Written with 前 (2025年6月底前): a dated deadline, not a horizon. */
  by: boolean;
  /** Offset just after the deadline words: the goal clauses follow. */
  after: number;
  start: number;
  rule: string;
}

/** `currentYear`: the year a deadline without one (年底前) falls in; null where the document does not say. */
export function findDeadlines(text: string, rules: CompiledMilestoneRules, currentYear: number | null = null): Deadline[] {
  const out: Deadline[] = [];
  for (const { id, re } of rules.deadlines) {
    for (const m of text.matchAll(re)) {
      const g = m.groups!;
      let end: string | null = null;
      if (g.year) end = g.month ? `${g.year}-${pad(g.month)}` : g.year;
      else if (g.period && rules.raw.periods[g.period]) end = String(rules.raw.periods[g.period]![1]);
      else if (g.current && currentYear !== null) end = String(currentYear);
      const marked = !g.year || Boolean(g.marker || g.to || g.by);
      if (end) out.push({ end, marked, by: Boolean(g.by), after: m.index! + m[0].length, start: m.index!, rule: id });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

const FIGURE = /[0-9０-９]/;
const CLAUSE = /[^，,；;。\n]+/g;

/**
 * Goal clauses in text[from, to): a clause whose goal verb comes after at most
 * `maxLeadIn` characters (a subject, 在全国) and which holds no figure.
 */
export function findGoalClauses(
  text: string,
  from: number,
  to: number,
  end: string,
  rules: CompiledMilestoneRules,
  rule: string,
  verbs: readonly string[] = rules.goalVerbs,
): FoundMilestone[] {
  const out: FoundMilestone[] = [];
  const scope = text.slice(from, to);
  for (const m of scope.matchAll(CLAUSE)) {
    const clause = m[0];
    if (FIGURE.test(clause) || rules.raw.vagueQuantities.some((q) => clause.includes(q))) continue;
    let best = -1;
    let verb = '';
    // 将落实情况报送…: with 将/把 the object comes first and the verb may stand anywhere.
    const disposal = rules.raw.disposalMarkers.some((d) => clause.trimStart().startsWith(d));
    for (const v of verbs) {
      const at = clause.indexOf(v);
      // The verb leads the clause (建成…), or closes it (知识产权强市基本建成).
      const placed = at >= 0 && (at <= rules.raw.maxLeadIn || clause.trimEnd().endsWith(v) || disposal);
      if (placed && (best < 0 || at < best)) {
        best = at;
        verb = v;
      }
    }
    if (best < 0) continue;
    const closes = clause.trimEnd().endsWith(verb) || disposal;
    const lead = clause.length - clause.trimStart().length;
    const from0 = closes ? lead : best;
    const what = clause.slice(from0).trim();
    if (what.length <= verb.length + 1) continue;
    const start = from + m.index! + from0;
    out.push({ what, start: null, end, from: start, to: start + what.length, rule });
  }
  return out;
}

export function findRecurring(text: string, rules: CompiledMilestoneRules): FoundMilestone[] {
  const out: FoundMilestone[] = [];
  for (const { id, re } of rules.recurring) {
    for (const m of text.matchAll(re)) {
      out.push({ what: m.groups!.what!, start: null, end: null, recurring: m.groups!.every ?? m[0], from: m.index!, to: m.index! + m[0].length, rule: id });
    }
  }
  return out;
}

/** Sentence scope of a deadline: from it to the end of its sentence. */
export function sentenceEnd(text: string, from: number): number {
  const rest = text.slice(from).search(/[。\n]/);
  return rest < 0 ? text.length : from + rest;
}
