/**
 * Every rule id a record stores names an entry of a rule file (src/rules/entries.ts):
 * the sample plans and the real development set, every file, through the real
 * pipeline. A rule id built in code that matches no entry fails here with the
 * id, the record kind and the file.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ruleEntries, ruleIdParts } from '../../src/rules/entries.js';
import { CORPORA, ROOT } from '../support/cli.js';
import { rules, runFile, storedRuleIds } from '../support/pipeline.js';

const DOCUMENT = /\.(txt|docx|pdf)$/u;
const files = [CORPORA, join(ROOT, 'corpora-real')].flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => DOCUMENT.test(f))
    .map((f) => join(dir, f)),
);

describe('stored rule ids resolve to rule file entries', () => {
  const entries = ruleEntries(rules);

  it('every entry id is unique and well formed (ruleEntries would throw otherwise)', () => {
    expect(entries.size).toBeGreaterThan(50);
  });

  it(`every record of the ${files.length} sample and real documents`, async () => {
    const unresolved = new Set<string>();
    const seen = new Set<string>();
    for (const file of files) {
      for (const { key, rule } of storedRuleIds(await runFile(file))) {
        seen.add(rule);
        for (const part of ruleIdParts(rule)) if (!entries.has(part)) unresolved.add(`${part} (in '${rule}', a record of ${key}, ${file})`);
      }
    }
    expect([...unresolved]).toEqual([]);
    // The documents exercise every kind of record.
    expect(seen.size).toBeGreaterThan(30);
  }, 600_000);
});
