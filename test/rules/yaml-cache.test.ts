/**
 * The parsed-YAML cache saves the parse only: validation runs on every load,
 * so a rule that breaks its schema still stops the run with the file and the
 * field named, and text that does not parse is never cached.
 */
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigError } from '../../src/core/errors.js';
import { loadRuleFile } from '../../src/rules/index.js';

let cacheDir: string;
let ruleDir: string;
const previous = process.env.PLANLENS_RULES_CACHE;

beforeEach(() => {
  cacheDir = mkdtempSync(join(tmpdir(), 'planlens-cache-test-'));
  ruleDir = mkdtempSync(join(tmpdir(), 'planlens-rule-test-'));
  process.env.PLANLENS_RULES_CACHE = cacheDir;
});
afterEach(() => {
  if (previous === undefined) delete process.env.PLANLENS_RULES_CACHE;
  else process.env.PLANLENS_RULES_CACHE = previous;
});

function ruleFile(text: string): string {
  const path = join(ruleDir, 'units.yaml');
  writeFileSync(path, text);
  return path;
}

const Units = z.object({ units: z.array(z.object({ name: z.string(), multiplier: z.number().positive() })) });

function errorOf(load: () => unknown): string {
  try {
    load();
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('rule files: the parse is cached, the validation is not', () => {
  it('a second load of the same text reads the cache and gives the same data', () => {
    const path = ruleFile('units:\n  - name: 万件\n    multiplier: 10000\n');
    const first = loadRuleFile(path, Units);
    expect(readdirSync(cacheDir)).toHaveLength(1);
    expect(loadRuleFile(path, Units)).toEqual(first);
    expect(first).toEqual({ units: [{ name: '万件', multiplier: 10000 }] });
  });

  it('a cached text that breaks the schema still stops the load, naming file, entry and field', () => {
    const path = ruleFile('units:\n  - name: 万件\n    multiplier: -1\n');
    const loose = z.object({ units: z.array(z.object({ name: z.string(), multiplier: z.number() })) });
    loadRuleFile(path, loose); // parsed and cached
    expect(readdirSync(cacheDir)).toHaveLength(1);
    const message = errorOf(() => loadRuleFile(path, Units));
    expect(message).toContain(path);
    expect(message).toContain('units[0] (万件).multiplier');
  });

  it('changed text is parsed afresh, never an old entry', () => {
    const path = ruleFile('units:\n  - name: 万件\n    multiplier: 10000\n');
    loadRuleFile(path, Units);
    writeFileSync(path, 'units:\n  - name: 亿元\n    multiplier: 100000000\n');
    expect(loadRuleFile(path, Units).units[0]!.name).toBe('亿元');
    expect(readdirSync(cacheDir)).toHaveLength(2);
  });

  it.each([
    ['broken YAML', 'units: [\n  - name: 万件\n', /not valid YAML/],
    ['a value JSON cannot hold (.inf)', 'units:\n  - name: 万件\n    multiplier: .inf\n', null],
  ])('%s is never cached', (_, text, error) => {
    const path = ruleFile(text);
    if (error) expect(errorOf(() => loadRuleFile(path, Units))).toMatch(error);
    else expect(loadRuleFile(path, z.any())).toEqual({ units: [{ name: '万件', multiplier: Infinity }] });
    expect(readdirSync(cacheDir)).toEqual([]);
  });

  it('PLANLENS_RULES_CACHE=off parses every time and writes nothing', () => {
    process.env.PLANLENS_RULES_CACHE = 'off';
    const path = ruleFile('units:\n  - name: 万件\n    multiplier: 10000\n');
    expect(loadRuleFile(path, Units).units).toHaveLength(1);
    expect(readdirSync(cacheDir)).toEqual([]);
  });
});
