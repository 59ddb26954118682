/**
 * Milestones of one document: dated phases, qualitative goals under a deadline
 * and, when asked, recurring duties. A deadline at the head of a section's
 * first paragraph (三、主要目标 / 到2026年，…) governs the whole section, so the
 * goals of its sub-sections (（三）…争创省知识产权保护示范区) carry its year.
 */
import { z } from 'zod';
import { type Stage } from '../../core/stage.js';
import { DocumentError } from '../../core/errors.js';
import type { DocumentState, Milestone, Provenance, Responsibility, Section } from '../../core/state.js';
import { Locator } from '../common/provenance.js';
import {
  findDatedSteps,
  findDeadlines,
  findGoalClauses,
  findPhases,
  findRecurring,
  paragraphEnd,
  sentenceEnd,
  type Deadline,
  type FoundMilestone,
} from './find.js';
import { milestoneRules, type CompiledMilestoneRules } from './rules.js';
import type { RuleSet } from '../../rules/index.js';
import { departmentRules } from '../departments/index.js';
import { placeNames } from '../departments/places.js';
import { looksLikeUnit } from '../responsibilities/index.js';

export { milestoneRules } from './rules.js';

const Options = z
  .object({
    /** 每年…/定期… duties as milestones without dates. Off: plans repeat them in every section. */
    includeRecurring: z.boolean().default(false),
  })
  .strict();

export const extractMilestonesStage: Stage<typeof Options> = {
  name: 'extract-milestones',
  description: 'Dated phases, qualitative goals under a deadline, and the deadlines written beside tasks',
  options: Options,
  requires: ['normalised', 'structure', 'segments', 'responsibilities'],
  provides: ['milestones'],
  run(state, options, { rules }) {
    const text = state.normalised?.text;
    if (text === undefined) throw new DocumentError('not-normalised', 'extract-milestones needs the normalised text (run normalise first)');
    const locator = new Locator(state);
    const textMilestones = collectMilestones({
      text,
      rules: milestoneRules(rules),
      sections: state.structure?.sections ?? [],
      includeRecurring: options.includeRecurring,
      lookingBack: state.structure?.metadata.type === 'evaluation',
      issuedYear: state.structure?.metadata.issued ? Number(state.structure.metadata.issued.slice(0, 4)) : null,
      issuedMonth: state.structure?.metadata.issued?.slice(0, 7) ?? null,
      currentYear: currentYear(state),
      isActor: actorTest(state, rules),
      provenance: (s, e, rule) => locator.provenance(s, e, rule),
    });
    // A task's deadline the text states again as a milestone is one milestone.
    const seen = new Set(textMilestones.map((m) => `${m.what}|${m.end}`));
    const dueTasks = taskDeadlines(state.responsibilities ?? []).filter((m) => !seen.has(`${m.what}|${m.end}`));
    const sections = state.structure?.sections ?? [];
    const restated = (m: Milestone) => dueTasks.some((t) => t.end === m.end && sameTask(t.what, headingOf(m.provenance.start, sections)));
    return { ...state, milestones: [...textMilestones.filter((m) => !restated(m)), ...dueTasks] };
  },
};

/**
 * The heading of the innermost titled item at `at` (1.破除市场准入壁垒。…): a deadline in the item's text
 * that the task table (分工表) gives the same task again is that task's milestone, named as the table names it.
 */
function headingOf(at: number, sections: readonly Section[]): string {
  return innermostSection(at, sections)?.heading?.replace(/[。.；;：:\s]+$/u, '') ?? '';
}

function sameTask(task: string, heading: string): boolean {
  return heading.length > 0 && (task === heading || task.startsWith(heading) || heading.startsWith(task));
}

/** 完成时限 beside a task's units: the task is a milestone due then. */
function taskDeadlines(responsibilities: readonly Responsibility[]): Milestone[] {
  return responsibilities.flatMap((r) =>
    r.due ? [{ what: r.task, start: null, end: r.due, provenance: { ...r.provenance, rule: 'milestone.task-deadline' } }] : [],
  );
}

/** A unit (as the departments stage knows units), one the document names, or a group of them (各区, 相关部门). */
function actorTest(state: DocumentState, rules: RuleSet): (name: string) => boolean {
  const dRules = departmentRules(rules);
  const places = placeNames();
  const named = new Set((state.departments ?? []).map((d) => d.name));
  return (name) => named.has(name) || /^(?:各|相关|有关|全)/u.test(name) || looksLikeUnit(name, dRules, places);
}

/** The year an undated 年底前 means: an annual plan's one year, else the year of issue. */
function currentYear(state: DocumentState): number | null {
  const meta = state.structure?.metadata;
  if (meta?.period && meta.period[0] === meta.period[1]) return meta.period[0];
  return meta?.issued ? Number(meta.issued.slice(0, 4)) : null;
}

export interface MilestoneInputs {
  text: string;
  rules: CompiledMilestoneRules;
  sections: readonly Section[];
  includeRecurring: boolean;
  /** An evaluation reports the past: a bare year there is not a deadline. */
  lookingBack: boolean;
  /** Year the document was issued, where known: a bare year up to it is not a deadline. */
  issuedYear: number | null;
  /** Month the document was issued ('YYYY-MM'), where known: a schedule's month up to it is past (2023年3月完成… issued in 2023-05). */
  issuedMonth?: string | null;
  /** The year 年底前 / 年内 refers to: an annual plan's year, else the year of issue. */
  currentYear?: number | null;
  /** Whether words name an actor (a unit, 各区): before a deadline they say who acts, not what is reached. */
  isActor?: (name: string) => boolean;
  provenance: (start: number, end: number, rule: string) => Provenance;
}

export function collectMilestones(input: MilestoneInputs): Milestone[] {
  const { text, rules } = input;
  const found: FoundMilestone[] = [...findPhases(text, rules, input.currentYear ?? null)];
  for (const section of input.sections.filter((s) => isScheduleSection(s, rules.raw.scheduleHeadings))) {
    found.push(...findDatedSteps(text, section.headingEnd, section.end, rules));
  }
  const deadlines = findDeadlines(text, rules, input.currentYear ?? null).filter((d) => !inThePast(d, input));
  // Nearest deadline first, so a goal under two deadlines keeps its own paragraph's.
  for (let k = deadlines.length - 1; k >= 0; k--) {
    const deadline = deadlines[k]!;
    const next = deadlines[k + 1]?.start ?? text.length;
    const section = sectionScope(text, deadline.start, input.sections);
    const reach = section ?? ownScope(text, deadline, next, input.sections);
    const scopeEnd = breakBefore(text, deadline.after, reach, rules.scopeBreak);
    const verbs = deadline.by ? rules.byDeadlineGoalVerbs : rules.goalVerbs;
    // Over a whole section a stated goal (X实现Y) is read only where the section states goals
    // (主要目标): a task section's descriptions say what its measures achieve, not dated goals.
    const states = deadline.marked && (section === null || isGoalSection(innermostSection(deadline.start, input.sections), rules.raw.goalHeadings));
    const clauses = findGoalClauses(text, deadline.after, scopeEnd, deadline.end, rules, `${deadline.rule}+milestone.goal`, verbs, states);
    found.push(...withSubject(text, deadline, clauses, rules, input.isActor).map((m) => ({ ...m, start: deadline.begins ?? null })));
  }
  // 主要目标 / 发展目标: a deadline in the section's first paragraph governs the goals written after it in the section.
  for (const section of goalSections(input.sections, rules.raw.goalHeadings)) {
    const firstParagraphEnd = paragraphEnd(text, text.slice(section.headingEnd).search(/\S/u) + section.headingEnd);
    const deadline = deadlines.find((d) => d.marked && !d.by && d.start >= section.headingEnd && d.start < firstParagraphEnd);
    if (!deadline) continue;
    const scopeEnd = breakBefore(text, deadline.after, section.end, rules.scopeBreak);
    found.push(...findGoalClauses(text, deadline.after, scopeEnd, deadline.end, rules, `${deadline.rule}+milestone.goal-section`));
  }
  for (const deadline of deadlines) {
    const closing = closingDeadline(text, deadline, input.sections, rules);
    if (closing) found.push(closing);
  }
  if (input.includeRecurring) found.push(...findRecurring(text, rules));

  // A goal under two deadlines (the paragraph's own and its section's) is one milestone: the nearer deadline wins.
  const byPlace = new Map<number, FoundMilestone>();
  for (const m of found) if (!byPlace.has(m.from)) byPlace.set(m.from, m);
  const seen = new Set<string>();
  const out: Milestone[] = [];
  for (const m of [...byPlace.values()].sort((a, b) => a.from - b.from)) {
    const key = `${m.what}|${m.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const record: Milestone = { what: m.what, start: m.start, end: m.end, provenance: input.provenance(m.from, m.to, m.rule) };
    if (m.recurring) record.recurring = m.recurring;
    out.push(record);
  }
  return out;
}

/**
 * 推动绵遂内城际铁路2024年底前开工建设 / 绵苍巴高速2025年建成通车: a deadline inside its clause, after
 * the thing the goal is about. The goal led straight after the deadline keeps that subject
 * (绵苍巴高速建成通车), unless the words name who acts (区督查室2024年9月底前开展督查, 请各区于…报送).
 */
function withSubject(
  text: string,
  d: Deadline,
  clauses: FoundMilestone[],
  rules: CompiledMilestoneRules,
  isActor: ((name: string) => boolean) | undefined,
): FoundMilestone[] {
  const first = clauses[0];
  if (!first || !isActor || text.slice(d.after, first.from).trim() !== '') return clauses;
  const clauseStart = Math.max(...['，', ',', '；', ';', '。', '：', ':', '\n'].map((p) => text.lastIndexOf(p, d.start - 1) + 1));
  let subject = text.slice(clauseStart, d.start).trim();
  subject = subject.replace(rules.clauseOpener ?? /^/u, '');
  const leadIn = rules.raw.subjectLeadIns.find((w) => subject.startsWith(w));
  if (leadIn) subject = subject.slice(leadIn.length);
  if (subject.length < MIN_SUBJECT || subject.length > MAX_SUBJECT || /[0-9０-９]/u.test(subject) || isActor(subject)) return clauses;
  const from = d.start - subject.length;
  return [{ ...first, what: subject + first.what, from }, ...clauses.slice(1)];
}

/** A subject shorter than this (要, 各区) or longer (a whole sentence before a mid-sentence date) is not prefixed. */
const MIN_SUBJECT = 3;
const MAX_SUBJECT = 20;

/**
 * A dated deadline that closes its task: …，2024年底前完成。 / …（2024年6月底前完成）。
 * The task is the title of the item whose title line holds it, else the words
 * before it in its sentence. A task with a figure is a target's, not a milestone.
 */
function closingDeadline(text: string, d: Deadline, sections: readonly Section[], rules: CompiledMilestoneRules): FoundMilestone | null {
  if (!d.by) return null;
  const window = Math.max(0, d.start - 3);
  const opener = /[，,（(]\s*$/u.exec(text.slice(window, d.start));
  if (!opener) return null;
  // Where the task's words end: at the comma or bracket before the deadline.
  const deadlineStart = window + opener.index;
  const verbs = [...rules.raw.trailingCompletionVerbs].sort((a, b) => b.length - a.length);
  const rest = text.slice(d.after).replace(/^\s+/u, '');
  const verb = verbs.find((v) => rest.startsWith(v)) ?? '';
  if (!/^\s*[）)]?\s*(?:[。；;\n]|$)/u.test(rest.slice(verb.length))) return null;
  const lineStart = text.lastIndexOf('\n', d.start - 1) + 1;
  const owner = innermostSection(d.start, sections);
  let what: string;
  let from: number;
  if (owner?.heading && owner.headingStart >= lineStart) {
    what = owner.heading.replace(/[。.；;：:\s]+$/u, '');
    from = owner.headingStart;
  } else {
    const sentenceStart = Math.max(lineStart, ...['。', '；', ';'].map((p) => text.lastIndexOf(p, d.start - 1) + 1));
    from = sentenceStart + (text.slice(sentenceStart).length - text.slice(sentenceStart).trimStart().length);
    what = text.slice(from, deadlineStart).replace(/[，,（(\s]+$/u, '');
  }
  // （一）动员部署（2024年6月底前）: the item's number is no part of its task.
  const numbered = /^(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}[、．.]|\d{1,2}[.．、]|[①-⑳])\s*/u.exec(what);
  if (numbered) {
    what = what.slice(numbered[0].length);
    from += numbered[0].length;
  }
  what = what.replace(rules.clauseOpener ?? /^/u, '');
  if (what.length < rules.raw.minStateLength || /[0-9０-９]/u.test(what.replace(/（[^（）]*）|《[^《》]*》/gu, ''))) return null;
  return { what, start: d.begins ?? null, end: d.end, from, to: from + what.length, rule: `${d.rule}+milestone.closing` };
}

/** A section's deadline does not reach an attachment that follows it in the same section. */
function breakBefore(text: string, from: number, end: number, scopeBreak: RegExp | null): number {
  if (!scopeBreak) return end;
  const hit = scopeBreak.exec(text.slice(from, end));
  return hit ? from + hit.index : end;
}

/**
 * A deadline before the year of issue reports the past (“十三五”期间…, 到2020年 in a
 * 2022 plan); a bare year (2022年，建成…) is one only where the document looks forward.
 */
function inThePast(d: Deadline, input: MilestoneInputs): boolean {
  const year = Number(d.end.slice(0, 4));
  if (input.issuedYear !== null && year < input.issuedYear) return true;
  if (d.marked) return false;
  // A year after the document's cannot report the past, even in an evaluation (下一步: 2025年建成通车).
  if (input.issuedYear !== null && year > input.issuedYear) return false;
  // A schedule with its month (2023年底完成…, 2023年上半年完成…) is ahead when that month is after the issue,
  // in an evaluation too (its 下一步: 2025年下半年启动总结评估).
  if (d.until && input.issuedMonth) return d.until <= input.issuedMonth;
  if (input.lookingBack) return true;
  return input.issuedYear !== null && year <= input.issuedYear;
}

/**
 * A deadline opening its paragraph (到2025年，…) governs the paragraph up to the
 * next deadline; one inside a paragraph (…，力争到2025年，…) its sentence. A
 * paragraph that ends in a colon (“十四五”时期…的主要目标是：) introduces the goals
 * listed after it: they are under the deadline up to the next one or the section's end.
 */
function ownScope(text: string, deadline: Deadline, next: number, sections: readonly Section[]): number {
  const lineStart = text.lastIndexOf('\n', deadline.start - 1) + 1;
  const lineEnd = paragraphEnd(text, deadline.after);
  const cap = Math.max(next, deadline.after);
  if (deadline.marked && /[：:]\s*$/u.test(text.slice(deadline.start, lineEnd))) {
    return Math.min(cap, innermostSection(deadline.start, sections)?.end ?? cap);
  }
  // Opening: at most a short lead-in clause before it (经过…提升，到2020年，), no sentence.
  const before = text.slice(lineStart, deadline.start);
  const opens = deadline.marked && !/[。；;]/u.test(before) && (before.match(/[，,]/gu)?.length ?? 0) <= 1;
  const end = opens ? lineEnd : sentenceEnd(text, deadline.after);
  return Math.min(end, cap);
}

function innermostSection(at: number, sections: readonly Section[]): Section | undefined {
  let owner: Section | undefined;
  for (const s of sections) {
    if (s.headingEnd <= at && at < s.end && (!owner || s.end - s.start <= owner.end - owner.start)) owner = s;
  }
  return owner;
}

/** Short headings that name the plan's goals (二、主要目标, （二）发展目标). */
function goalSections(sections: readonly Section[], words: readonly string[]): Section[] {
  return sections.filter((s) => isGoalSection(s, words));
}

function isGoalSection(s: Section | undefined, words: readonly string[]): boolean {
  const heading = (s?.heading ?? '').replace(/^[\s（(一二三四五六七八九十\d）)、.．]+/u, '').replace(/[。.：:\s]+$/u, '');
  return heading.length > 0 && heading.length <= MAX_GOAL_HEADING && words.some((w) => heading.endsWith(w));
}

/** 四、实施步骤 / （三）进度安排: a short heading naming the plan's schedule. */
function isScheduleSection(s: Section, words: readonly string[]): boolean {
  const heading = (s.heading ?? '').replace(/^[\s（(一二三四五六七八九十\d）)、.．]+/u, '').replace(/[。.：:\s]+$/u, '');
  return heading.length > 0 && heading.length <= MAX_GOAL_HEADING && words.some((w) => heading.endsWith(w));
}

/** A heading longer than this is a sentence that mentions goals, not a goals section. */
const MAX_GOAL_HEADING = 8;

/**
 * The end of the section when the deadline opens the section's first body
 * paragraph; null when it stands inside a paragraph (then its own scope applies).
 */
function sectionScope(text: string, at: number, sections: readonly Section[]): number | null {
  const owner = innermostSection(at, sections);
  if (!owner) return null;
  const between = text.slice(owner.headingEnd, at);
  return /^[\s。]*$/u.test(between) ? owner.end : null;
}
