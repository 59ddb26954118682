/** The zod schema of rules/milestone-patterns.yaml, and its compiled form. */
import { z } from 'zod';
import type { RuleSet } from '../../rules/index.js';
import { ConfigError } from '../../core/errors.js';

const PatternRule = z.object({ id: z.string().min(1), pattern: z.string().min(1) });

export const MilestoneRulesSchema = z.object({
  phases: z.array(PatternRule).default([]),
  periods: z.record(z.string(), z.tuple([z.number().int(), z.number().int()])).default({}),
  deadlines: z.array(PatternRule).default([]),
  goalVerbs: z.array(z.string().min(1)).min(1),
  byDeadlineVerbs: z.array(z.string().min(1)).default([]),
  maxLeadIn: z.number().int().min(0).default(8),
  disposalMarkers: z.array(z.string().min(1)).default([]),
  vagueQuantities: z.array(z.string().min(1)).default([]),
  recurring: z.array(PatternRule).default([]),
  /** A line that ends a section's reach for its deadline (附件：…表 after the last section). */
  scopeBreakLine: z.string().min(1).optional(),
});

export type MilestoneRules = z.infer<typeof MilestoneRulesSchema>;

export interface CompiledMilestoneRules {
  raw: MilestoneRules;
  phases: Array<{ id: string; re: RegExp }>;
  deadlines: Array<{ id: string; re: RegExp }>;
  recurring: Array<{ id: string; re: RegExp }>;
  scopeBreak: RegExp | null;
  /** Longest first: 基本建成 before 建成. */
  goalVerbs: string[];
  /** goalVerbs plus byDeadlineVerbs, longest first: the verbs of a goal under a …前 deadline. */
  byDeadlineGoalVerbs: string[];
}

export function compileMilestoneRules(raw: MilestoneRules, file = 'milestone-patterns'): CompiledMilestoneRules {
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
    deadlines: compile(raw.deadlines, (p) => (has(p, 'year') || has(p, 'period') || has(p, 'current') ? null : 'year')),
    recurring: compile(raw.recurring, (p) => (has(p, 'what') ? null : 'what')),
    scopeBreak: raw.scopeBreakLine ? compileLine(raw.scopeBreakLine, file) : null,
    goalVerbs: [...raw.goalVerbs].sort((a, b) => b.length - a.length),
    byDeadlineGoalVerbs: [...raw.goalVerbs, ...raw.byDeadlineVerbs].sort((a, b) => b.length - a.length),
  };
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
    compiled = compileMilestoneRules(rules.get('milestone-patterns', MilestoneRulesSchema), rules.pathOf('milestone-patterns'));
    cache.set(rules, compiled);
  }
  return compiled;
}
