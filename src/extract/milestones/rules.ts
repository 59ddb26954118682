/** The zod schema of rules/milestone-patterns.yaml, and its compiled form. */
import { z } from 'zod';
import type { RuleSet } from '../../rules/index.js';
import { NamedRules, ruleEntryFields } from '../../rules/entries.js';
import { ConfigError } from '../../core/errors.js';
import { QuantityPatternsFile } from '../quantities/rules.js';

const PatternRule = z.object({ ...ruleEntryFields, pattern: z.string().min(1) });

export const MilestoneRulesSchema = z.object({
  /** Rules the code applies without a pattern here; records store their ids (src/rules/entries.ts). */
  namedRules: NamedRules,
  phases: z.array(PatternRule).default([]),
  /** Items of a schedule section that open with their dates (（二）2024年至2025年，全面实施…). */
  datedSteps: z.array(PatternRule).default([]),
  /** Headings of a schedule section (四、实施步骤): the only place datedSteps are read. */
  scheduleHeadings: z.array(z.string().min(1)).default([]),
  periods: z.record(z.string(), z.tuple([z.number().int(), z.number().int()])).default({}),
  /** Parts of a year (上半年, 三季度) and the month each ends in: a deadline's month. */
  yearParts: z.record(z.string().min(1), z.number().int().min(1).max(12)).default({}),
  /** The month each part of a year begins in (下半年 → 7): a schedule in it without 前 starts then. */
  yearPartStarts: z.record(z.string().min(1), z.number().int().min(1).max(12)).default({}),
  deadlines: z.array(PatternRule).default([]),
  goalVerbs: z.array(z.string().min(1)).min(1),
  byDeadlineVerbs: z.array(z.string().min(1)).default([]),
  maxLeadIn: z.number().int().min(0).default(8),
  disposalMarkers: z.array(z.string().min(1)).default([]),
  vagueQuantities: z.array(z.string().min(1)).default([]),
  recurring: z.array(PatternRule).default([]),
  /** A line that ends a section's reach for its deadline (附件：…表 after the last section). */
  scopeBreakLine: z.string().min(1).optional(),
  /** Words that anywhere in a clause state a goal reached (实现规模化应用, 初步形成, 达到国际先进水平). */
  goalStates: z.array(z.string().min(1)).default([]),
  /** Regular expressions of trend words (进一步, 显著, 取得突破): a clause with one is a direction, not a goal reached. */
  trendWords: z.array(z.string().min(1)).default([]),
  /** A figure written in characters (百项, 千家): the clause is a target, not a milestone. */
  writtenFigure: z.string().min(1).optional(),
  /** Words before a stated goal that are not part of it (——, 一是, 力争). */
  clauseOpener: z.string().min(1).optional(),
  /** A clause opening with one of these is an action to take, not a state to reach (加快…, 支持…). */
  taskOpeners: z.array(z.string().min(1)).default([]),
  /** A clause opening with one of these after another clause of its sentence is that clause's purpose (建成…，实现…). */
  purposeVerbs: z.array(z.string().min(1)).default([]),
  /** Verbs that may stand between a deadline closing its task and the sentence end (…，2024年底前完成。). */
  trailingCompletionVerbs: z.array(z.string().min(1)).default([]),
  /** Aspect markers that, straight after a goal verb (建成了, 实现了), report it done: no goal. */
  completedMarkers: z.array(z.string().min(1)).default([]),
  /** Words before a deadline inside its clause that are not the goal's subject (推动绵遂内城际铁路2024年底前开工建设). */
  subjectLeadIns: z.array(z.string().min(1)).default([]),
  /** A goal clause opening with one of these after a goal of its sentence is part of that goal (…，并启动…). */
  continuationMarkers: z.array(z.string().min(1)).default([]),
  /** Shortest stated goal, in characters. */
  minStateLength: z.number().int().min(1).default(6),
  /** A section whose heading holds one of these (主要目标) states goals: its first deadline governs all of it. */
  goalHeadings: z.array(z.string().min(1)).default([]),
});

export type MilestoneRules = z.infer<typeof MilestoneRulesSchema>;

export interface CompiledMilestoneRules {
  raw: MilestoneRules;
  phases: Array<{ id: string; re: RegExp }>;
  datedSteps: Array<{ id: string; re: RegExp }>;
  deadlines: Array<{ id: string; re: RegExp }>;
  recurring: Array<{ id: string; re: RegExp }>;
  scopeBreak: RegExp | null;
  /** Longest first: 基本建成 before 建成. */
  goalVerbs: string[];
  /** goalVerbs plus byDeadlineVerbs, longest first: the verbs of a goal under a …前 deadline. */
  byDeadlineGoalVerbs: string[];
  /** One expression per goal-state word: a word may say where it may not stand (构建 not closing a clause). */
  goalStates: RegExp[];
  trend: RegExp | null;
  writtenFigure: RegExp | null;
  clauseOpener: RegExp | null;
  /** Words of a qualitative target (全覆盖, quantity-patterns.yaml `qualitative`): a clause with one is a target's. */
  qualitativeTargets: string[];
}

export function compileMilestoneRules(raw: MilestoneRules, file = 'milestone-patterns', qualitativeTargets: readonly string[] = []): CompiledMilestoneRules {
  const compile = (list: Array<{ id: string; pattern: string }>, needs: (p: string) => string | null) =>
    list.map(({ id, pattern }) => {
      const missing = needs(pattern);
      if (missing) throw new ConfigError(file, `rule ${id}: pattern needs a named group (?<${missing}>…)`);
      try {
        return { id, re: new RegExp(pattern, 'gu') };
      } catch (error) {
        throw new ConfigError(file, `rule ${id}: pattern is not a valid regular expression (${(error as Error).message})`);
      }
    });
  const has = (p: string, g: string) => p.includes(`(?<${g}>`);
  return {
    raw,
    phases: compile(raw.phases, (p) => (!has(p, 'what') ? 'what' : has(p, 'startYear') || has(p, 'endYear') || has(p, 'endMonth') ? null : 'endYear')),
    datedSteps: compile(raw.datedSteps, (p) => (!has(p, 'what') ? 'what' : has(p, 'startYear') ? null : 'startYear')),
    deadlines: compile(raw.deadlines, (p) => (has(p, 'year') || has(p, 'period') || has(p, 'current') ? null : 'year')),
    recurring: compile(raw.recurring, (p) => (has(p, 'what') ? null : 'what')),
    scopeBreak: raw.scopeBreakLine ? compileLine(raw.scopeBreakLine, file) : null,
    goalVerbs: [...raw.goalVerbs].sort((a, b) => b.length - a.length),
    byDeadlineGoalVerbs: [...raw.goalVerbs, ...raw.byDeadlineVerbs].sort((a, b) => b.length - a.length),
    goalStates: raw.goalStates.map((p) => compilePattern(p, `goalStates ${p}`, file)),
    trend: raw.trendWords.length > 0 ? compilePattern(raw.trendWords.join('|'), 'trendWords', file) : null,
    writtenFigure: raw.writtenFigure ? compilePattern(raw.writtenFigure, 'writtenFigure', file) : null,
    clauseOpener: raw.clauseOpener ? compilePattern(`^(?:${raw.clauseOpener})`, 'clauseOpener', file) : null,
    qualitativeTargets: [...qualitativeTargets],
  };
}

function compilePattern(pattern: string, name: string, file: string): RegExp {
  try {
    return new RegExp(pattern, 'u');
  } catch (error) {
    throw new ConfigError(file, `${name} is not a valid regular expression (${(error as Error).message})`);
  }
}

function compileLine(pattern: string, file: string): RegExp {
  try {
    return new RegExp(pattern, 'mu');
  } catch (error) {
    throw new ConfigError(file, `scopeBreakLine is not a valid regular expression (${(error as Error).message})`);
  }
}

const cache = new WeakMap<RuleSet, CompiledMilestoneRules>();

export function milestoneRules(rules: RuleSet): CompiledMilestoneRules {
  let compiled = cache.get(rules);
  if (!compiled) {
    // 实现…全覆盖 is a qualitative target (FORMAT.md): the words are the targets' own, read from their file.
    const qualitative = rules.get('quantity-patterns', QuantityPatternsFile).qualitative.flatMap((q) => q.words);
    compiled = compileMilestoneRules(rules.get('milestone-patterns', MilestoneRulesSchema), rules.pathOf('milestone-patterns'), qualitative);
    cache.set(rules, compiled);
  }
  return compiled;
}
