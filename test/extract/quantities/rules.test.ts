/**
 * Rules are data: a broken rule file stops the run naming the file, the rule
 * and the field; a new unit, comparator word or alias works without code.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/core/errors.js';
import { DEFAULT_RULES_DIR, RuleSet } from '../../../src/rules/index.js';
import { loadQuantityRules } from '../../../src/extract/quantities/rules.js';
import { FigureFinder } from '../../../src/extract/quantities/figures.js';
import { IndicatorLinker } from '../../../src/extract/quantities/link.js';

/** A private copy of the rules directory with one file edited. */
function rulesWith(file: string, edit: (text: string) => string): RuleSet {
  const dir = mkdtempSync(join(tmpdir(), 'planlens-rules-'));
  cpSync(DEFAULT_RULES_DIR, dir, { recursive: true });
  const path = join(dir, file);
  writeFileSync(path, edit(readFileSync(path, 'utf8')));
  return new RuleSet(dir);
}

function loadError(rules: RuleSet): ConfigError {
  try {
    loadQuantityRules(rules);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('the broken rules loaded without error');
}

describe('broken rule files', () => {
  it('names the file, the unit and the field', () => {
    const error = loadError(rulesWith('units.yaml', (t) => t.replace('{ word: 万, multiplier: 10000 }', '{ word: 万, multiplier: lots }')));
    expect(error.message).toContain('units.yaml');
    expect(error.message).toContain('magnitudes[');
    expect(error.message).toContain('(万)');
    expect(error.message).toContain('multiplier');
  });

  it('names the time expression whose pattern is not a regular expression', () => {
    const error = loadError(rulesWith('time-expressions.yaml', (t) => t.replace(/(id: time\.year\n\s+pattern: ')\(\?<year>/, '$1(?<year')));
    expect(error.message).toContain('time-expressions.yaml');
    expect(error.message).toContain('(time.year)');
    expect(error.message).toContain('pattern');
  });

  it('names the indicator with an unknown category', () => {
    const error = loadError(rulesWith('indicators.yaml', (t) => t.replace('category: 保护', 'category: 宣传')));
    expect(error.message).toContain('indicators.yaml');
    expect(error.message).toMatch(/indicators\[\d+\] \(ip\.[a-z-]+\)\.category/);
  });

  it('names the comparator word with an unknown comparator', () => {
    const error = loadError(rulesWith('comparators.yaml', (t) => t.replace("{ word: 不低于, comparator: '>=' }", "{ word: 不低于, comparator: 'at least' }")));
    expect(error.message).toContain('comparators.yaml');
    expect(error.message).toContain('(不低于).comparator');
  });
});

describe('adding language is a data change', () => {
  it('a new unit', () => {
    const before = new FigureFinder(loadQuantityRules(new RuleSet()));
    expect(before.find('新建展厅3处')).toEqual([]);
    const rules = rulesWith('units.yaml', (t) => t.replace('  - { unit: 件, base: 件 }', '  - { unit: 件, base: 件 }\n  - { unit: 处, base: 处 }'));
    expect(new FigureFinder(loadQuantityRules(rules)).find('新建展厅3处')).toMatchObject([{ value: 3, unit: '处' }]);
  });

  it('a new comparator word', () => {
    const rules = rulesWith('comparators.yaml', (t) => t.replace('before:\n', "before:\n  - { word: 力争突破, comparator: '>' }\n"));
    expect(new FigureFinder(loadQuantityRules(rules)).find('服务机构力争突破50家')).toMatchObject([{ comparator: '>' }]);
  });

  it('a new alias', () => {
    const rules = rulesWith('indicators.yaml', (t) => t.replace('aliases: [有效发明专利量,', 'aliases: [发明专利有效量, 有效发明专利量,'));
    expect(new IndicatorLinker(loadQuantityRules(new RuleSet()).indicators).link('发明专利有效量').method).not.toBe('alias');
    expect(new IndicatorLinker(loadQuantityRules(rules).indicators).link('发明专利有效量')).toMatchObject({
      id: 'ip.valid-invention-patents',
      method: 'alias',
    });
  });
});
