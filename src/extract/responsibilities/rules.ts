/** The zod schema of rules/responsibility-patterns.yaml, and its compiled form. */
import { z } from 'zod';
import type { RuleSet } from '../../rules/index.js';
import { NamedRules, ruleEntryFields } from '../../rules/entries.js';
import { ConfigError } from '../../core/errors.js';

export type Role = 'lead' | 'support' | 'unsplit';
const RoleSchema = z.enum(['lead', 'support', 'unsplit']);

export const ResponsibilityRulesSchema = z.object({
  /** Rules the code applies without a pattern here; records store their ids (src/rules/entries.ts). */
  namedRules: NamedRules,
  roleLabels: z.array(z.object({ label: z.string().min(1), role: RoleSchema })).min(1),
  labelSeparators: z.array(z.string().min(1)).min(1),
  listSeparators: z.array(z.string().min(1)).min(1),
  listConjunctions: z.array(z.string().min(1)).default(['和', '及', '会同']),
  leadJoiners: z.array(z.string().min(1)).default([]),
  memberSuffixes: z.array(z.string().min(1)).default([]),
  implicitNotes: z.array(z.object({ ...ruleEntryFields, pattern: z.string().min(1), requires: z.string().min(1).optional() })).default([]),
  inlineRoles: z.array(z.object({ marker: z.string().min(1), role: RoleSchema })).default([]),
  inlineFillers: z.array(z.string().min(1)).default([]),
  prosePatterns: z.array(z.object({ ...ruleEntryFields, pattern: z.string().min(1) })).default([]),
  proseNotTasks: z.array(z.string().min(1)).default([]),
  tableTaskHeaders: z.array(z.string().min(1)).default([]),
  deadlineLabels: z.array(z.string().min(1)).default([]),
  /** Endings of names a role list may hold beside recognised units (…机制牵头部门, …基金管理公司). */
  listedNameEndings: z.array(z.string().min(1)).default([]),
  /** A group a role list may name beside units (相关区, 各县区): kept, though no unit. */
  listGroupPattern: z.string().min(1).optional(),
  /** A list item that is only a level (各区, 县, 乡镇): it shares the head of the item after it (各区、市政府). */
  sharedHeadLevelPattern: z.string().min(1).optional(),
});

export type ResponsibilityRules = z.infer<typeof ResponsibilityRulesSchema>;

export interface CompiledResponsibilityRules {
  raw: ResponsibilityRules;
  /** Longest label first: 主要责任单位 before 责任单位, 牵头单位 before 牵头. */
  labels: ResponsibilityRules['roleLabels'];
  /** `re` for one match in a parenthetical, `all` ('g') for running text; `requires`: a cheap test that must pass first. */
  implicitNotes: Array<{ id: string; re: RegExp; all: RegExp; requires: RegExp | null }>;
  prose: Array<{ id: string; re: RegExp }>;
  listGroup: RegExp | null;
  sharedHeadLevel: RegExp | null;
}

export function compileResponsibilityRules(raw: ResponsibilityRules, file = 'responsibility-patterns'): CompiledResponsibilityRules {
  const compile = (id: string, pattern: string, flags: string, needs: string[]) => {
    let re: RegExp;
    try {
      re = new RegExp(pattern, flags);
    } catch (error) {
      throw new ConfigError(file, `rule ${id}: pattern is not a valid regular expression (${(error as Error).message})`);
    }
    for (const group of needs) {
      if (!pattern.includes(`(?<${group}>`)) throw new ConfigError(file, `rule ${id}: pattern needs a named group (?<${group}>…)`);
    }
    return re;
  };
  return {
    raw,
    labels: [...raw.roleLabels].sort((a, b) => b.label.length - a.label.length),
    implicitNotes: raw.implicitNotes.map((n) => ({
      id: n.id,
      re: compile(n.id, n.pattern, 'u', ['units']),
      all: compile(n.id, n.pattern, 'gu', ['units']),
      requires: n.requires ? compile(n.id, n.requires, 'u', []) : null,
    })),
    prose: raw.prosePatterns.map((p) => ({ id: p.id, re: compile(p.id, p.pattern, 'gu', ['lead', 'marker']) })),
    listGroup: raw.listGroupPattern ? compile('listGroupPattern', raw.listGroupPattern, 'u', []) : null,
    sharedHeadLevel: raw.sharedHeadLevelPattern ? compile('sharedHeadLevelPattern', raw.sharedHeadLevelPattern, 'u', []) : null,
  };
}

const cache = new WeakMap<RuleSet, CompiledResponsibilityRules>();

export function responsibilityRules(rules: RuleSet): CompiledResponsibilityRules {
  let compiled = cache.get(rules);
  if (!compiled) {
    compiled = compileResponsibilityRules(rules.get('responsibility-patterns', ResponsibilityRulesSchema), rules.pathOf('responsibility-patterns'));
    cache.set(rules, compiled);
  }
  return compiled;
}
