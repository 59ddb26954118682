/**
 * Cross-plan questions answered from the development set of real plans
 * (corpora-real/, ingested once through the real CLI). Which plans state a
 * figure for an object, and of which kind, comes from the gold files, read
 * here independently of the tool: a gold fact is about the object when its
 * indicator names the object, and it is a share rather than a count when
 * its unit is %. A look-up that can only answer with a fragment is refused.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { close, ingestCorpora, REAL_CORPORA, REAL_GOLD_DIR, scaled, type CorpusDb } from '../support/corpus-db.js';

type Row = Record<string, any>;

interface GoldFact {
  plan: string;
  kind: 'target' | 'actual';
  indicator: string;
  value: number | null;
  unit: string | null;
  year: number | null;
  cumulative?: boolean;
  quote?: string;
}

const GOLD: GoldFact[] = readdirSync(REAL_GOLD_DIR)
  .filter((f) => f.endsWith('.gold.json'))
  .flatMap((f) => {
    const gold = JSON.parse(readFileSync(join(REAL_GOLD_DIR, f), 'utf8')) as { targets: GoldFact[]; actuals: GoldFact[] };
    const plan = f.replace(/\.gold\.json$/, '');
    return [...gold.targets.map((t) => ({ ...t, plan, kind: 'target' as const })), ...gold.actuals.map((a) => ({ ...a, plan, kind: 'actual' as const }))];
  });

/** The gold counts of `object` (not shares, rates or rankings of it), of one kind. */
function goldCounts(object: string, kind: 'target' | 'actual'): GoldFact[] {
  return GOLD.filter((g) => g.kind === kind && g.indicator.replace(/[“”"]/g, '').includes(object) && g.value !== null && g.unit !== '%');
}

/** What FORMAT.md's fields say the figure is: 累计 → cumulative, a 新增/新培育 name → flow, else the level reached. */
function goldMeasure(g: GoldFact): string {
  if (g.cumulative) return 'cumulative';
  if (/^新(增|培育|引育|认定|建)/.test(g.indicator) || /新(增|培育)\d*[^，。；]{0,4}$/.test((g.quote ?? '').split(g.indicator)[0] ?? '')) return 'flow';
  return 'stock';
}

const planOf = (row: Row) => basename(String(row.document_path)).replace(/\.[^.]+$/, '');

let corpus: CorpusDb;
beforeAll(() => {
  corpus = ingestCorpora('cross-plan', REAL_CORPORA);
});
afterAll(() => corpus?.remove());

describe('cross-plan questions on the real plans', () => {
  it.each([
    ['高新技术企业', 'target'],
    ['独角兽企业', 'target'],
    ['5G基站', 'actual'],
  ] as const)('every plan with a %s %s appears in compare for it, with its value, year and kind', async (object, kind) => {
    const expected = goldCounts(object, kind);
    // The question means something only if the gold holds such facts.
    expect(expected.length).toBeGreaterThan(0);
    const { rows, stderr } = await corpus.json<Row[]>(['compare', object, '--kind', kind]);
    expect(stderr).toMatch(new RegExp(`indicator '${object}' matched .* by `));
    for (const g of expected) {
      const row = rows.find((r) => planOf(r) === g.plan && r.year === g.year && close(r.value_base, scaled(g.value!, g.unit)));
      expect(row, `${g.plan}: ${g.indicator} ${g.value}${g.unit} (${g.year})`).toBeDefined();
      expect(row!.measure, `${g.plan}: ${g.indicator}`).toBe(goldMeasure(g));
    }
    // No plan the gold does not name for this object.
    expect(new Set(rows.map(planOf))).toEqual(new Set(expected.map((g) => g.plan)));
  });

  it('says, when an object has actuals but no targets, where the figures are', async () => {
    expect(goldCounts('5G基站', 'target')).toHaveLength(0);
    const r = await corpus.run(['compare', '5G基站', '--format', 'json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([]);
    expect(r.stderr).toMatch(/no targets for it, but 1 actual\(s\): --kind actual/);
  });

  it('tells a flow from a stock of the same object across plans (新培育3家 vs 达到20家 独角兽企业)', async () => {
    const { rows } = await corpus.json<Row[]>(['compare', '独角兽企业']);
    expect(new Set(rows.map((r) => r.measure))).toEqual(new Set(['flow', 'stock']));
  });

  it.each([
    // query, what the refusal says
    ['业', /names no object of two characters/],
    ['高新技术', /no stored indicator names 高新技术/],
    ['5G', /no stored indicator names 5G/],
  ])('refuses %s in one line, with the closest whole names under it', async (query, reason) => {
    const r = await corpus.run(['compare', query, '--format', 'json']);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    const [first, ...candidates] = r.stderr.trimEnd().split('\n');
    expect(first).toMatch(new RegExp(`^planlens: indicator '${query}': `));
    expect(first).toMatch(reason);
    for (const c of candidates) {
      expect(c).toMatch(/^ {2}\S.* \(\d+ plans?\)$/);
      // Never a one-character name.
      expect([...c.trim().replace(/ \(.*$/, '')].length).toBeGreaterThan(1);
    }
  });

  it('lists the 5G names the plans use when 5G alone is asked', async () => {
    const r = await corpus.run(['compare', '5G']);
    const candidates = r.stderr.trimEnd().split('\n').slice(1).join('\n');
    // The plans' 5G基站 names (建成开通5G基站 …) are linked to the catalogue's 5G基站: offered by its id.
    expect(candidates).toContain('digital.5g-base-stations');
  });
});
