/**
 * Milestones of one document: dated phases, qualitative goals under a deadline
 * and, when asked, recurring duties. A deadline at the head of a section's
 * first paragraph (三、主要目标 / 到2026年，…) governs the whole section, so the
 * goals of its sub-sections (（三）…争创省知识产权保护示范区) carry its year.
 */
import type { Milestone, Provenance, Section } from '../../core/state.js';
import { findDeadlines, findGoalClauses, findPhases, findRecurring, sentenceEnd, type FoundMilestone } from './find.js';
import type { CompiledMilestoneRules } from './rules.js';

export { milestoneRules } from './rules.js';

export interface MilestoneInputs {
  text: string;
  rules: CompiledMilestoneRules;
  sections: readonly Section[];
  includeRecurring: boolean;
  /** An evaluation reports the past: a bare year there is not a deadline. */
  lookingBack: boolean;
  /** Year the document was issued, where known: a bare year up to it is not a deadline. */
  issuedYear: number | null;
  /** The year 年底前 / 年内 refers to: an annual plan's year, else the year of issue. */
  currentYear?: number | null;
  provenance: (start: number, end: number, rule: string) => Provenance;
}

export function collectMilestones(input: MilestoneInputs): Milestone[] {
  const { text, rules } = input;
  const found: FoundMilestone[] = [...findPhases(text, rules, input.currentYear ?? null)];
  // Nearest deadline first, so a goal under two deadlines keeps its own sentence's.
  for (const deadline of findDeadlines(text, rules, input.currentYear ?? null).reverse()) {
    if (!deadline.marked && (input.lookingBack || (input.issuedYear !== null && Number(deadline.end.slice(0, 4)) <= input.issuedYear))) continue;
    const scopeEnd = breakBefore(text, deadline.after, sectionScope(text, deadline.start, input.sections) ?? sentenceEnd(text, deadline.after), rules.scopeBreak);
    found.push(...findGoalClauses(text, deadline.after, scopeEnd, deadline.end, rules, `${deadline.rule}+goal`, deadline.by ? rules.byDeadlineGoalVerbs : rules.goalVerbs));
  }
  if (input.includeRecurring) found.push(...findRecurring(text, rules));

  // A goal under two deadlines (the sentence's own and its section's) is one milestone: the nearer deadline wins.
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
 * The end of the section when the deadline opens the section's first body
 * paragraph; null when it stands inside a paragraph (then it governs its sentence).
 */
/** A section's deadline does not reach an attachment that follows it in the same section. */
function breakBefore(text: string, from: number, end: number, scopeBreak: RegExp | null): number {
  if (!scopeBreak) return end;
  const hit = scopeBreak.exec(text.slice(from, end));
  return hit ? from + hit.index : end;
}

function sectionScope(text: string, at: number, sections: readonly Section[]): number | null {
  let owner: Section | undefined;
  for (const s of sections) {
    if (s.headingEnd <= at && at < s.end && (!owner || s.end - s.start <= owner.end - owner.start)) owner = s;
  }
  if (!owner) return null;
  const between = text.slice(owner.headingEnd, at);
  return /^[\s。]*$/u.test(between) ? owner.end : null;
}
