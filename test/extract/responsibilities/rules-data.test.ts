/** Rules are data: a new alias needs no code, and a broken rule file names the file, the rule and the field. */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { ConfigError } from '../../../src/core/errors.js';
import { departmentRules, findUnits } from '../../../src/extract/departments/index.js';
import { placeNames } from '../../../src/extract/departments/places.js';
import { milestoneRules } from '../../../src/extract/milestones/rules.js';
import { responsibilityRules } from '../../../src/extract/responsibilities/rules.js';
import { RuleSet } from '../../../src/rules/index.js';
import { rules } from '../../support/role-chain.js';

function ruleSetWith(file: string, edit: (data: Record<string, unknown>) => void): RuleSet {
  const dir = mkdtempSync(join(tmpdir(), 'planlens-rules-'));
  cpSync(rules.dir, dir, { recursive: true });
  const data = parse(readFileSync(join(dir, file), 'utf8')) as Record<string, unknown>;
  edit(data);
  writeFileSync(join(dir, file), stringify(data));
  return new RuleSet(dir);
}

describe('departments.yaml', () => {
  it('a new national unit is recognised once listed, without a code change', () => {
    const text = '中央编办指导各地开展试点';
    expect(findUnits(text, departmentRules(rules), placeNames()).map((c) => c.name)).not.toContain('中央编办');
    const extended = ruleSetWith('departments.yaml', (d) => {
      (d.nationalUnits as unknown[]).push({ id: 'central-staffing', name: '中央机构编制委员会办公室', aliases: ['中央编办'] });
    });
    expect(findUnits(text, departmentRules(extended), placeNames()).map((c) => c.name)).toContain('中央编办');
  });

  it('a new suffix makes a new kind of unit name', () => {
    const text = '市知识产权服务站开展巡回服务';
    expect(findUnits(text, departmentRules(rules), placeNames()).map((c) => c.name)).not.toContain('市知识产权服务站');
    const extended = ruleSetWith('departments.yaml', (d) => {
      (d.suffixes as unknown[]).push({ word: '服务站', minBody: 2 });
    });
    expect(findUnits(text, departmentRules(extended), placeNames()).map((c) => c.name)).toContain('市知识产权服务站');
  });

  it('a unit without a name is rejected with the file and field', () => {
    const broken = ruleSetWith('departments.yaml', (d) => {
      (d.units as Array<Record<string, unknown>>)[1]!.name = '';
    });
    expect(() => departmentRules(broken)).toThrow(ConfigError);
    expect(() => departmentRules(broken)).toThrow(/departments\.yaml: units\[1\] \(government-office\)\.name/);
  });
});

describe('pattern files', () => {
  it('a bad regular expression names the file and the rule', () => {
    const broken = ruleSetWith('milestone-patterns.yaml', (d) => {
      (d.deadlines as Array<Record<string, unknown>>)[0]!.pattern = '(?<year>\\d{4}';
    });
    expect(() => milestoneRules(broken)).toThrow(/milestone-patterns\.yaml: rule milestone\.by-year: pattern is not a valid regular expression/);
  });

  it('a note pattern without its named group is refused', () => {
    const broken = ruleSetWith('responsibility-patterns.yaml', (d) => {
      (d.implicitNotes as Array<Record<string, unknown>>)[0]!.pattern = '以下均需(.+?)落实';
    });
    expect(() => responsibilityRules(broken)).toThrow(
      /responsibility-patterns\.yaml: rule responsibility\.implicit-all-tasks: pattern needs a named group \(\?<units>…\)/,
    );
  });
});
