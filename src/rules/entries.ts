/**
 * Named rule entries. A record stores the id of the rule that produced it, and
 * that id names an entry of a rule file: a pattern entry (`id` + `pattern` or
 * `words`), or — for what the code decides without a pattern of its own (a
 * unit whose name opens with a level word, a figure read from an indicator
 * table) — an entry of the file's `namedRules` list, which says `what` it is.
 * A record one rule finds inside the scope of another (a goal clause under a
 * deadline) stores both ids joined by '+'.
 *
 * Any entry may carry `examples`: short plan fragments it must fire on
 * (`match`) and must not (`noMatch`). test/rules/examples.test.ts runs every
 * one through the real stages, the way ESLint's RuleTester runs each rule's
 * valid and invalid cases.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ConfigError } from '../core/errors.js';
import { describePath, loadRuleFile, RuleSet } from './index.js';

export const RuleId = z.string().regex(/^[a-z]+(?:\.[a-z0-9-]+)+$/u, "a rule id is dotted lower-case words, e.g. 'milestone.by-year'");

export const RuleExamples = z
  .object({
    match: z.array(z.string().min(1)).default([]),
    noMatch: z.array(z.string().min(1)).default([]),
  })
  .strict();
export type RuleExamples = z.infer<typeof RuleExamples>;

/** The fields every named entry has, for a rule file's schema to spread into its entries. */
export const ruleEntryFields = { id: RuleId, examples: RuleExamples.optional() };

/** A rule the code applies, named and described in the rule file of its stage. */
export const NamedRules = z.array(z.object({ ...ruleEntryFields, what: z.string().min(1) }).strict()).default([]);

/** The entry ids a stored rule id is made of. */
export function ruleIdParts(stored: string): string[] {
  return stored.split('+');
}

export interface RuleEntry {
  id: string;
  /** The rule file, and where in it: 'deadlines[0] (milestone.by-year)'. */
  file: string;
  where: string;
  examples: RuleExamples;
}

const RULE_FILE = /\.(ya?ml|json)$/u;
/** What makes an object with an id a rule entry (an indicator has an id too, but is no rule). */
const RULE_BODY = ['pattern', 'words', 'what'];
const EntryShape = z.object({ id: z.string(), examples: RuleExamples.optional() }).passthrough();

/**
 * Every rule entry of every rule file of the set, by id, its examples
 * validated. Two entries with one id are a configuration error.
 */
export function ruleEntries(ruleSet: RuleSet): Map<string, RuleEntry> {
  const entries = new Map<string, RuleEntry>();
  for (const name of readdirSync(ruleSet.dir)
    .filter((n) => RULE_FILE.test(n))
    .sort()) {
    const path = join(ruleSet.dir, name);
    const data = loadRuleFile(path, z.unknown());
    visit(data, [], (node, at) => {
      const parsed = EntryShape.safeParse(node);
      if (!parsed.success) throw new ConfigError(path, `${describePath(data, [...at, ...parsed.error.issues[0]!.path])}: ${parsed.error.issues[0]!.message}`);
      const id = parsed.data.id;
      const earlier = entries.get(id);
      if (earlier) throw new ConfigError(path, `${describePath(data, at)}: rule id '${id}' is also ${earlier.file}: ${earlier.where}`);
      entries.set(id, { id, file: name, where: describePath(data, at), examples: parsed.data.examples ?? { match: [], noMatch: [] } });
    });
  }
  return entries;
}

/**
 * The same rule set without the entry `id` (removed from whichever list holds
 * it): what the stages give without it shows what the entry does, for an
 * entry no record names (an ignore pattern, a heading style).
 */
export function withoutEntry(ruleSet: RuleSet, id: string): RuleSet {
  return new RuleSet(ruleSet.dir, { edit: (_name, data) => removeEntry(data, id) });
}

function removeEntry(node: unknown, id: string): unknown {
  if (Array.isArray(node)) return node.filter((item) => !isEntry(item, id)).map((item) => removeEntry(item, id));
  if (!node || typeof node !== 'object') return node;
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, removeEntry(value, id)]));
}

function isEntry(node: unknown, id: string): boolean {
  return !!node && typeof node === 'object' && (node as Record<string, unknown>).id === id && RULE_BODY.some((key) => key in (node as object));
}

function visit(node: unknown, at: PropertyKey[], found: (entry: Record<string, unknown>, at: PropertyKey[]) => void): void {
  if (Array.isArray(node)) {
    node.forEach((item, i) => visit(item, [...at, i], found));
    return;
  }
  if (!node || typeof node !== 'object') return;
  const record = node as Record<string, unknown>;
  if (typeof record.id === 'string' && RULE_BODY.some((key) => key in record)) {
    found(record, at);
    return;
  }
  for (const [key, value] of Object.entries(record)) visit(value, [...at, key], found);
}
