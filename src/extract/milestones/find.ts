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
      const phase = phaseOf(m, id, currentYear);
      if (phase) out.push(phase);
    }
  }
  return widestPhases(out);
}

/**
 * A schedule's items that open with their dates (四、实施步骤 / （一）2023年，制定… / （二）2024年至2025年，
 * 全面实施…): each is a step of the plan, named by its first clause. Read only inside `[from, to)`, a
 * schedule section: elsewhere a line opening with a year (2020年，全市…) reports the past.
 */
export function findDatedSteps(text: string, from: number, to: number, rules: CompiledMilestoneRules): FoundMilestone[] {
  const scope = text.slice(from, to);
  const out: FoundMilestone[] = [];
  for (const { id, re } of rules.datedSteps) {
    for (const m of scope.matchAll(re)) {
      const phase = phaseOf(m, id, null);
      if (!phase) continue;
      const at = from + m.index! + m[0].lastIndexOf(m.groups!.what!);
      out.push({ ...phase, what: phase.what.trim(), from: at, to: at + m.groups!.what!.length });
    }
  }
  return out;
}

/** The phase a match of a phase pattern states, its dates read from the named groups. */
function phaseOf(m: RegExpMatchArray, id: string, currentYear: number | null): FoundMilestone | null {
  const g = m.groups!;
  const monthsOnly = !g.startYear && !g.endYear;
  if (monthsOnly && currentYear === null) return null;
  const startYear = g.startYear ?? (monthsOnly && g.startMonth ? String(currentYear) : undefined);
  const endYear = g.endYear ?? (monthsOnly ? String(currentYear) : startYear);
  let start: string | null = null;
  if (startYear) start = g.startMonth ? `${startYear}-${pad(g.startMonth)}` : startYear;
  // （2024年底前）: the year's end is its December, as for a deadline.
  const endMonth = g.endMonth ?? (g.endYear && new RegExp(`${g.endYear}\\s*年\\s*年?[底末]`, 'u').test(m[0]) ? '12' : undefined);
  let end: string | null = null;
  if (endYear && endMonth) end = `${endYear}-${pad(endMonth)}`;
  else if (g.endYear) end = g.endYear;
  // 2023年为试点探索阶段: one whole year is the phase; （一）2024年3月，召开动员会: one month.
  else if (startYear) end = start;
  // One date without 前: the phase fills that month or year.
  if (!start && end && !g.by) start = end;
  return {
    // 第一阶段：调查摸底 — an ordinal step keeps its name: a reader may call the phase by either.
    what: g.name || g.name2 ? `${g.what!}：${g.name ?? g.name2}` : g.what!,
    start,
    end,
    from: m.index!,
    to: m.index! + m[0].length,
    rule: id,
  };
}

/**
 * Phase patterns overlap (第一阶段（…）：调查摸底 is also a 第一阶段（…）): where two
 * matches share words, the one that reads more of the text states the phase.
 */
function widestPhases(found: FoundMilestone[]): FoundMilestone[] {
  const kept: FoundMilestone[] = [];
  for (const m of [...found].sort((a, b) => b.to - b.from - (a.to - a.from))) {
    if (!kept.some((k) => m.from < k.to && k.from < m.to)) kept.push(m);
  }
  return kept.sort((a, b) => a.from - b.from);
}

export interface Deadline {
  /** 'YYYY' or 'YYYY-MM'. */
  end: string;
  /** 'YYYY-MM' where the deadline names a stretch of the year without 前 (2025年第三季度开展… → 2025-07). */
  begins?: string;
  /** Written as a deadline (到/力争/…前, or a five-year period), not a bare year that may report the past. */
  marked: boolean;
  /** Written with 前 (2025年6月底前), or a schedule (2024年上半年完成…): a dated deadline, not a horizon. */
  by: boolean;
  /** The last month the deadline allows, 'YYYY-MM' (2024年上半年 → 2024-06, 2023年底 → 2023-12), where it says one. */
  until?: string;
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
      const month = g.month ?? (g.part ? partMonth(g.part, rules) : undefined);
      // 年底 / 年末 / 年内 name the year's last month: the deadline is December, as 下半年 and 四季度 are (FORMAT.md).
      const yearEnd = !g.period && /[底末内]/u.test(m[0]) && !month;
      // 到2025年底， opens a plan's goals as 到2025年， does: a horizon year, not a month (FORMAT.md). With 前 it is a deadline.
      const horizon = Boolean(g.to) && !g.by && !g.by2 && !g.within && g.due === undefined;
      const closingMonth = month ?? (yearEnd && !horizon ? '12' : undefined);
      let end: string | null = null;
      if (g.year) end = closingMonth ? `${g.year}-${pad(closingMonth)}` : g.year;
      else if (g.period && rules.raw.periods[g.period]) end = String(rules.raw.periods[g.period]![1]);
      else if (g.current && currentYear !== null) end = closingMonth ? `${currentYear}-${pad(closingMonth)}` : String(currentYear);
      // 前 marks a deadline; a schedule (2024年上半年完成…) is as dated, but may also report the past (2022年6月完成了…).
      const by = Boolean(g.by || g.by2 || g.within || g.due !== undefined || g.scheduled !== undefined);
      // 第三季度完成… without 前 and without its year is a schedule like 2024年上半年完成…: it may report the past.
      const partSchedule = !g.year && g.part !== undefined && !g.by && !g.by2;
      const marked = (!g.year && !partSchedule) || Boolean(g.marker || g.to || g.by || g.by2 || g.within);
      // The pattern may take the blank lines before the deadline: it starts at its first word.
      const start = m.index! + m[0].length - m[0].trimStart().length;
      const untilYear = g.year ?? (partSchedule && currentYear !== null ? String(currentYear) : undefined);
      const until = untilYear && (month || yearEnd) ? `${untilYear}-${pad(month ?? '12')}` : undefined;
      // 第三季度开展… / 2025年下半年启动…: without 前 the work fills that part of the year, so it has a start.
      const year = g.year ?? (g.current && currentYear !== null ? String(currentYear) : undefined);
      const firstMonth = g.part && !g.by && !g.by2 ? partStart(g.part, rules) : undefined;
      // 2023年开展中期评估: the work is done in that year, which it fills (as a phase of one year does).
      const begins = year && firstMonth ? `${year}-${pad(firstMonth)}` : g.scheduled !== undefined ? g.year : undefined;
      if (end) out.push({ end, ...(begins ? { begins } : {}), marked, by, ...(until ? { until } : {}), after: m.index! + m[0].length, start, rule: id });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** 第一季度 / 上半年 → the month the part of the year ends in (rules yearParts). */
function partMonth(part: string, rules: CompiledMilestoneRules): string | undefined {
  const month = rules.raw.yearParts[part.replace(/^第/u, '')];
  return month === undefined ? undefined : String(month);
}

/** 第三季度 / 下半年 → the month the part of the year begins in (rules yearPartStarts); none for a point such as 年中. */
function partStart(part: string, rules: CompiledMilestoneRules): string | undefined {
  const month = rules.raw.yearPartStarts[part.replace(/^第/u, '')];
  return month === undefined ? undefined : String(month);
}

const FIGURE = /[0-9０-９]/;
/**
 * A reference, or the year a goal's object is named by (完成2024年度督察问题整改): neither is the goal's
 * figure. A bare year stays (完成2025年预期目标 measures against a target).
 */
const REFERENCE = /（[^（）]*）|\([^()]*\)|《[^《》]*》|(?<!\d)\d{4}\s*年度/gu;
const CLAUSE = /[^，,；;。：:\n]+/g;

/**
 * Goal clauses in text[from, to). A clause with no figure is a goal when its
 * goal verb comes after at most `maxLeadIn` characters (a subject, 在全国) or
 * closes it (知识产权强市基本建成); or, failing that, when it states an
 * achieved state anywhere (X实现规模化应用, X达到国际先进水平, X初步形成) and holds
 * no trend word (进一步提升, 显著增强, 取得突破): a trend has no point where it is reached.
 */
export function findGoalClauses(
  text: string,
  from: number,
  to: number,
  end: string,
  rules: CompiledMilestoneRules,
  rule: string,
  verbs: readonly string[] = rules.goalVerbs,
  /** Also read stated goals (X实现Y): only under a deadline written as one (到2025年), not a bare year. */
  states = true,
): FoundMilestone[] {
  const out: FoundMilestone[] = [];
  const scope = text.slice(from, to);
  let previous = '';
  let previousGoal = false;
  for (const m of scope.matchAll(CLAUSE)) {
    const clause = m[0];
    // The clause before, where a comma joins the two into one sentence.
    const before = m.index! > 0 && /[，,]/u.test(scope[m.index! - 1]!) ? previous : null;
    const afterGoal = before !== null && previousGoal;
    previous = clause;
    previousGoal = false;
    // A figure in brackets or a title (（附件4）, 《…2025年…》) is a reference, not the goal's figure.
    if (FIGURE.test(clause.replace(REFERENCE, '')) || rules.raw.vagueQuantities.some((q) => clause.includes(q)) || rules.writtenFigure?.test(clause)) continue;
    // 实现…中医馆全覆盖: a qualitative target, which the targets hold.
    if (rules.qualitativeTargets.some((w) => clause.includes(w))) continue;
    const led = leadingGoal(clause, rules, verbs);
    // 建成监测平台，实现主要指标动态监测: 实现 after a goal of the same sentence is that goal's purpose.
    if (led && afterGoal && opensWith(clause.replace(rules.clauseOpener ?? /^/u, ''), rules.raw.purposeVerbs)) continue;
    const found = led ?? (states ? statedGoal(clause, before, rules) : null);
    if (!found) continue;
    previousGoal = true;
    // 完成总结评估，并启动…编制工作: a goal joined by 并 to the goal before is part of that one.
    const last = out[out.length - 1];
    if (afterGoal && last && opensWith(clause.trimStart(), rules.raw.continuationMarkers)) {
      last.what = `${last.what}，${clause.trim()}`;
      last.to = from + m.index! + clause.length;
      continue;
    }
    const start = from + m.index! + found.from;
    out.push({ what: found.what, start: null, end, from: start, to: start + found.what.length, rule: led ? rule : `${rule}-state` });
  }
  return out;
}

/** The goal verb leads the clause (建成…), or closes it (知识产权强市基本建成). */
function leadingGoal(clause: string, rules: CompiledMilestoneRules, verbs: readonly string[]): { what: string; from: number } | null {
  let best = -1;
  let verb = '';
  // 将落实情况报送…: with 将/把 the object comes first and the verb may stand anywhere.
  const disposal = rules.raw.disposalMarkers.some((d) => clause.trimStart().startsWith(d));
  for (const v of verbs) {
    const at = clause.indexOf(v);
    const placed = at >= 0 && (at <= rules.raw.maxLeadIn || clause.trimEnd().endsWith(v) || disposal);
    if (placed && (best < 0 || at < best)) {
      best = at;
      verb = v;
    }
  }
  if (best < 0) return null;
  // 2022年6月印发了…: the verb's completed aspect reports what was done, not a goal.
  if (completed(clause, best + verb.length, rules)) return null;
  // 助力上海建成…: the goal of someone else, which this plan only serves.
  if (best > 0 && opensWith(clause.trimStart(), rules.raw.taskOpeners)) return null;
  const closes = clause.trimEnd().endsWith(verb) || disposal;
  const lead = clause.length - clause.trimStart().length;
  const from = closes ? lead : best;
  const what = clause.slice(from).trim();
  return what.length <= verb.length + 1 ? null : { what, from };
}

/**
 * A clause that names a state reached (X实现规模化应用): the whole clause, without
 * bullets or 力争. Not where it is the result of the clause before it in the
 * same sentence: 强化…机制，形成…格局 (an action and what it forms), 建成…平台，实现…共享
 * (a purpose: 实现 without a subject of its own).
 */
function statedGoal(clause: string, before: string | null, rules: CompiledMilestoneRules): { what: string; from: number } | null {
  const state = rules.goalStates.map((p) => p.exec(clause)).find((hit) => hit !== null);
  if (!state || completed(clause, state.index + state[0].length, rules)) return null;
  if (rules.trend?.test(clause)) return null;
  const opener = rules.clauseOpener ? rules.clauseOpener.exec(clause) : null;
  const from = opener ? opener[0].length : 0;
  const what = clause.slice(from).trimEnd();
  if (what.length < rules.raw.minStateLength || opensWith(what, rules.raw.taskOpeners)) return null;
  if (before !== null) {
    const prior = before.replace(rules.clauseOpener ?? /^/u, '');
    if (opensWith(prior, rules.raw.taskOpeners)) return null;
    if (opensWith(what, rules.raw.purposeVerbs) && !opensWith(prior, rules.raw.purposeVerbs)) return null;
  }
  return { what, from };
}

/** A completed-aspect marker (了) straight after the verb that ends at `at`. */
function completed(clause: string, at: number, rules: CompiledMilestoneRules): boolean {
  return rules.raw.completedMarkers.some((w) => clause.startsWith(w, at));
}

function opensWith(text: string, words: readonly string[]): boolean {
  return words.some((w) => text.startsWith(w));
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

/** Paragraph scope of a deadline: from it to the end of its line. */
export function paragraphEnd(text: string, from: number): number {
  const rest = text.indexOf('\n', from);
  return rest < 0 ? text.length : rest;
}

/** Sentence scope of a deadline: from it to the end of its sentence. */
export function sentenceEnd(text: string, from: number): number {
  const rest = text.slice(from).search(/[。\n]/);
  return rest < 0 ? text.length : from + rest;
}
