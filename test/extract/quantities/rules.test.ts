/**
 * Rules are data: a broken rule file stops the run naming the file, the rule
 * and the field; a new unit, comparator word or alias works without code.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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
  writeFileSync(path, edit(existsSync(path) ? readFileSync(path, 'utf8') : ''));
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

  it('names the catalogue file and the indicator with an unknown category', () => {
    const error = loadError(rulesWith('indicators/ip.yaml', (t) => t.replace('category: 保护', 'category: 宣传')));
    expect(error.message).toContain('indicators/ip.yaml');
    expect(error.message).toMatch(/indicators\[\d+\] \(ip\.[a-z-]+\)\.category/);
  });

  it.each<[string, string, (t: string) => string, RegExp]>([
    ['an unknown kind', 'indicators/digital.yaml', (t) => t.replace('kind: stock', 'kind: level'), /indicators\[\d+\] \(digital\.[a-z0-9-]+\)\.kind/],
    ['an unknown direction', 'indicators/health.yaml', (t) => t.replace('direction: down', 'direction: lower'), /\(health\.[a-z0-9-]+\)\.direction/],
    [
      'a per-capita entry without its base',
      'indicators/health.yaml',
      (t) => t.replace('    perCapitaBase: 每千人口\n', ''),
      /perCapitaBase: a per-capita indicator needs/,
    ],
    ['percent spelt out', 'indicators/economy.yaml', (t) => t.replace('baseUnit: "%"', 'baseUnit: percent'), /baseUnit: percent is spelt '%'/],
    [
      'an id outside its domain',
      'indicators/social.yaml',
      (t) => t.replace('id: social.urban-unemployment', 'id: economy.urban-unemployment'),
      /does not start with its domain 'social\.'/,
    ],
    [
      'a missing source',
      'indicators/agriculture.yaml',
      (t) => t.replace(/(id: agriculture\.grain-output[\s\S]*?)\n {4}source: [^\n]+/, '$1'),
      /\(agriculture\.grain-output\)\.source/,
    ],
  ])('names the file and field of %s', (_what, file, edit, message) => {
    const error = loadError(rulesWith(file, edit));
    expect(error.message).toContain(file);
    expect(error.message).toMatch(message);
  });

  it('names both files of an id defined twice', () => {
    const error = loadError(
      rulesWith(
        'indicators/zz-extra.yaml',
        () => 'domain: ip\nindicators:\n  - { id: ip.patent-grants, name: 专利授权数, baseUnit: 件, kind: flow, direction: up, source: test }\n',
      ),
    );
    expect(error.message).toContain('zz-extra.yaml');
    expect(error.message).toContain('indicators/ip.yaml');
  });

  it('names both indicators of a name that reads as either', () => {
    const rules = rulesWith('indicators/digital.yaml', (t) => t.replace('aliases: ["5G基站数",', 'aliases: [新增工业APP, "5G基站数",'));
    expect(() => new IndicatorLinker(loadQuantityRules(rules).indicators)).toThrow(
      /digital\.industrial-apps: '工业APP' reads as .*, a name of digital\.5g-base-stations too/,
    );
  });

  it("names a per-capita base that disagrees with the indicator's name", () => {
    const rules = rulesWith('indicators/health.yaml', (t) => t.replace('perCapitaBase: 每千人口', 'perCapitaBase: 每万人口'));
    expect(() => new IndicatorLinker(loadQuantityRules(rules).indicators)).toThrow(
      /health\.doctors-per-1000: perCapitaBase is 每万人口, but its name .* reads as 每千人口/,
    );
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
    expect(before.find('新打机井3眼')).toEqual([]);
    const rules = rulesWith('units.yaml', (t) => t.replace('  - { unit: 件, base: 件 }', '  - { unit: 件, base: 件 }\n  - { unit: 眼, base: 眼 }'));
    expect(new FigureFinder(loadQuantityRules(rules)).find('新打机井3眼')).toMatchObject([{ value: 3, unit: '眼' }]);
  });

  it('a new comparator word', () => {
    const rules = rulesWith('comparators.yaml', (t) => t.replace('before:\n', "before:\n  - { word: 力争突破, comparator: '>' }\n"));
    expect(new FigureFinder(loadQuantityRules(rules)).find('服务机构力争突破50家')).toMatchObject([{ comparator: '>' }]);
  });

  it('a new alias', () => {
    const rules = rulesWith('indicators/ip.yaml', (t) => t.replace('aliases: [有效发明专利量,', 'aliases: [发明专利有效量, 有效发明专利量,'));
    expect(new IndicatorLinker(loadQuantityRules(new RuleSet()).indicators).link('发明专利有效量').method).not.toBe('alias');
    expect(new IndicatorLinker(loadQuantityRules(rules).indicators).link('发明专利有效量')).toMatchObject({
      id: 'ip.valid-invention-patents',
      method: 'alias',
    });
  });
});
