/**
 * Rule entries and their examples are validated: a broken entry stops the run
 * naming the file and the entry, as every rule file error does.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/core/errors.js';
import { milestoneRules } from '../../src/extract/milestones/index.js';
import { RuleSet } from '../../src/rules/index.js';
import { ruleEntries, ruleIdParts, withoutEntry } from '../../src/rules/entries.js';
import { z } from 'zod';

const ORIGINAL = new RuleSet();
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A copy of rules/ with milestone-patterns.yaml edited. */
function rulesWith(edit: (yaml: string) => string): RuleSet {
  const dir = mkdtempSync(join(tmpdir(), 'planlens-entries-'));
  dirs.push(dir);
  cpSync(ORIGINAL.dir, dir, { recursive: true });
  const file = join(dir, 'milestone-patterns.yaml');
  writeFileSync(file, edit(readFileSync(file, 'utf8')));
  return new RuleSet(dir);
}

const NAMED = 'namedRules:\n';

describe('rule entries', () => {
  it('collects pattern entries and named rules of every file', () => {
    const entries = ruleEntries(ORIGINAL);
    expect(entries.get('milestone.by-year')?.file).toBe('milestone-patterns.yaml');
    expect(entries.get('department.level-prefix')?.where).toMatch(/^namedRules\[\d+\] \(department\.level-prefix\)$/);
    // An indicator has an id but is no rule.
    expect([...entries.keys()].some((id) => id.startsWith('ip.'))).toBe(false);
  });

  it.each([
    { stored: 'time.by-year', parts: ['time.by-year'] },
    { stored: 'milestone.by-year+milestone.goal-state', parts: ['milestone.by-year', 'milestone.goal-state'] },
  ])('$stored is made of $parts', ({ stored, parts }) => {
    expect(ruleIdParts(stored)).toEqual(parts);
  });

  const broken = [
    {
      name: 'examples not a list',
      edit: (y: string) => y.replace(NAMED, `${NAMED}  - id: milestone.example-broken\n    what: x\n    examples: { match: 到2025年 }\n`),
      error: /milestone-patterns\.yaml: namedRules\[0\] \(milestone\.example-broken\)\.examples\.match/,
    },
    {
      name: 'unknown examples key',
      edit: (y: string) => y.replace(NAMED, `${NAMED}  - id: milestone.example-broken\n    what: x\n    examples: { matches: [到2025年] }\n`),
      error: /milestone-patterns\.yaml: namedRules\[0\] \(milestone\.example-broken\)\.examples/,
    },
    {
      name: 'duplicate id',
      edit: (y: string) => y.replace(NAMED, `${NAMED}  - id: milestone.by-year\n    what: again\n`),
      error: /rule id 'milestone\.by-year' is also milestone-patterns\.yaml: deadlines\[0\]/,
    },
  ];
  it.each(broken)('$name: ruleEntries names the file and entry', ({ edit, error }) => {
    expect(() => ruleEntries(rulesWith(edit))).toThrow(ConfigError);
    expect(() => ruleEntries(rulesWith(edit))).toThrow(error);
  });

  it('a named rule with a malformed id stops the stage loading its file', () => {
    const set = rulesWith((y) => y.replace(NAMED, `${NAMED}  - id: Milestone Goal\n    what: x\n`));
    expect(() => milestoneRules(set)).toThrow(/milestone-patterns\.yaml: namedRules\[0\] \(Milestone Goal\)\.id: a rule id is dotted lower-case words/);
  });
});

describe('withoutEntry: the rule set less one entry', () => {
  const ids = (set: RuleSet, file: string, list: string) =>
    (set.get(file, z.object({ [list]: z.array(z.object({ id: z.string() }).passthrough()) }).passthrough())[list] as Array<{ id: string }>).map((e) => e.id);

  it.each([
    { id: 'milestone.by-year', file: 'milestone-patterns', list: 'deadlines' },
    { id: 'ignore.title', file: 'quantity-patterns', list: 'ignore' },
    { id: 'chinese-paren', file: 'structure', list: 'headingStyles' },
  ])('drops $id from $file.$list and nothing else', ({ id, file, list }) => {
    const before = ids(new RuleSet(), file, list);
    const after = ids(withoutEntry(new RuleSet(), id), file, list);
    expect(before).toContain(id);
    expect(after).toEqual(before.filter((x) => x !== id));
    // The parse it edited is shared (yaml-cache): a rule set loaded afterwards still has the entry.
    expect(ids(new RuleSet(), file, list)).toEqual(before);
  });

  it('an id that names no entry leaves the rule set as it was', () => {
    expect(ids(withoutEntry(new RuleSet(), 'no.such-rule'), 'milestone-patterns', 'deadlines')).toEqual(ids(new RuleSet(), 'milestone-patterns', 'deadlines'));
  });
});
