/**
 * Every example of every rule entry (src/rules/entries.ts), run through the
 * real stages, the way ESLint's RuleTester runs each rule's valid and invalid
 * cases: a `match` example must leave a record that stores the entry's id, a
 * `noMatch` example must not. An example is the body of a one-year work plan
 * (EXAMPLE_HEAD: the year 2024 is the document's own, so 年底前 means 2024 and
 * 到2025年 lies ahead).
 */
import { describe, expect, it } from 'vitest';
import { ruleEntries } from '../../src/rules/entries.js';
import { firedRules, rules, runText } from '../support/pipeline.js';

export const EXAMPLE_HEAD = '某某市2024年知识产权工作要点\n\n';

const cases = [...ruleEntries(rules).values()].flatMap((entry) => [
  ...entry.examples.match.map((text) => ({ id: entry.id, where: `${entry.file}: ${entry.where}`, text, fires: true })),
  ...entry.examples.noMatch.map((text) => ({ id: entry.id, where: `${entry.file}: ${entry.where}`, text, fires: false })),
]);

describe('rule examples', () => {
  it('the rule files carry examples for the main pattern families', () => {
    const families = new Set(cases.map((c) => c.id.split('.')[0]));
    for (const family of ['time', 'quantity', 'responsibility', 'department', 'milestone']) expect(families).toContain(family);
    expect(cases.some((c) => !c.fires)).toBe(true);
  });

  it.each(cases)('$id fires=$fires: $text', async ({ id, where, text, fires }) => {
    const fired = firedRules(await runText(`${EXAMPLE_HEAD}${text}\n`));
    expect(fired.has(id), `${where} — rules that fired: ${[...fired].join(', ') || 'none'}`).toBe(fires);
  });
});
