/**
 * plan_quantities keeps one fact per plan, indicator, year, scope and
 * measure, picked by a stated order; quantity_mentions keeps every mention.
 * Each case stores the mentions a plan might make of one indicator and year
 * and checks which becomes the fact and what the others leave on it.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../src/store/migrations.js';

interface Mention {
  indicator?: string;
  indicator_id?: string | null;
  value?: number | null;
  unit?: string;
  comparator?: string;
  year?: number | null;
  per_year?: number | null;
  period?: [number, number];
  qualitative?: string | null;
  table?: boolean;
  flags?: string[];
  review_status?: string | null;
}

function factsOf(mentions: Mention[]): Array<{ idx: number; value: number | null; mentions: number; other_values: string | null; flags: string[] }> {
  const db = new Database(':memory:');
  migrate(db);
  db.prepare(`INSERT INTO plans (id, region) VALUES (1, '某市')`).run();
  db.prepare(
    `INSERT INTO documents (id, sha256, plan_id, path, format, bytes, text, region, period_start, period_end, pipeline, rules_version, ingested_at, fingerprint)
     VALUES (1, 'x', 1, 'plan.txt', 'txt', 0, '', '某市', 2024, 2026, 'p', 'r', 'now', x'00')`,
  ).run();
  db.prepare('UPDATE plans SET primary_document_id = 1').run();
  const insert = db.prepare(
    `INSERT INTO quantities (document_id, idx, kind, indicator, indicator_id, value, unit, comparator, year, period_start, period_end, per_year, qualitative,
       value_base, unit_base, is_fact, flags, section_path, start, "end", sentence, sentence_idx, cell_table, cell_row, rule, rules_version, anchor, review_status)
     VALUES (1, @idx, 'target', @indicator, @indicator_id, @value, @unit, @comparator, @year, @period_start, @period_end, @per_year, @qualitative,
       @value, @unit, 1, @flags, '一', @idx, @idx, 's', @idx, @cell_table, @cell_row, 'rule', 'r', 'a', @review_status)`,
  );
  mentions.forEach((m, idx) =>
    insert.run({
      idx,
      indicator: m.indicator ?? '发明专利授权量',
      indicator_id: m.indicator_id === undefined ? 'ip.grants' : m.indicator_id,
      value: m.value === undefined ? 100 : m.value,
      unit: m.unit ?? '件',
      comparator: m.comparator ?? '>=',
      year: m.year === undefined ? 2026 : m.year,
      period_start: m.period?.[0] ?? null,
      period_end: m.period?.[1] ?? null,
      per_year: m.per_year ?? null,
      qualitative: m.qualitative ?? null,
      flags: JSON.stringify((m.flags ?? []).map((kind) => ({ kind, reason: kind }))),
      cell_table: m.table ? 0 : null,
      cell_row: m.table ? 1 : null,
      review_status: m.review_status ?? null,
    }),
  );
  const rows = db
    .prepare(`SELECT q.idx, p.value, p.mentions, p.other_values, p.flags FROM plan_quantities p JOIN quantities q ON q.id = p.quantity_id ORDER BY q.idx`)
    .all() as Array<{ idx: number; value: number | null; mentions: number; other_values: string | null; flags: string }>;
  const all = (db.prepare('SELECT count(*) AS n FROM quantity_mentions').get() as { n: number }).n;
  db.close();
  expect(all).toBe(mentions.length);
  return rows.map((r) => ({ ...r, flags: (JSON.parse(r.flags) as Array<{ kind: string }>).map((f) => f.kind) }));
}

const cases: Array<{ name: string; mentions: Mention[]; facts: Array<[idx: number, other: string | null]> }> = [
  { name: 'one mention is the fact', mentions: [{}], facts: [[0, null]] },
  { name: 'the same value twice: the first, nothing to flag', mentions: [{}, {}], facts: [[0, null]] },
  { name: 'a table row over prose', mentions: [{ value: 15 }, { value: 10, table: true }], facts: [[1, '15件']] },
  { name: 'a stated year over one taken from the plan period', mentions: [{ value: 15, flags: ['year-defaulted'] }, { value: 10 }], facts: [[1, '15件']] },
  { name: 'a listed-name link over a similarity link', mentions: [{ flags: ['linked-by-similarity'] }, { comparator: '>' }], facts: [[1, null]] },
  {
    name: 'a reviewed mention over everything',
    mentions: [
      { value: 10, table: true },
      { value: 12, review_status: 'corrected' },
    ],
    facts: [[1, '10件']],
  },
  { name: 'fewer flags, then document order', mentions: [{ value: 3, flags: ['unit-guessed'] }, { value: 4 }, { value: 5 }], facts: [[1, '3件 / 5件']] },
  {
    name: 'different years are different facts',
    mentions: [{ year: 2025 }, { year: 2026 }],
    facts: [
      [0, null],
      [1, null],
    ],
  },
  {
    name: 'a yearly rate is not the period total',
    mentions: [{ value: 1000, per_year: 1 }, { value: 5000 }],
    facts: [
      [0, null],
      [1, null],
    ],
  },
  {
    name: 'a 2024—2025 total is not the 2025 figure',
    mentions: [{ year: 2025, period: [2024, 2025] }, { year: 2025 }],
    facts: [
      [0, null],
      [1, null],
    ],
  },
  {
    name: 'another measure under one name is another fact (5米 and 92%)',
    mentions: [
      { value: 5, unit: '米' },
      { value: 92, unit: '%' },
    ],
    facts: [
      [0, null],
      [1, null],
    ],
  },
  {
    name: 'unlinked names join by the name as written',
    mentions: [
      { indicator_id: null, indicator: '服务企业' },
      { indicator_id: null, indicator: '服务企业', value: 300 },
    ],
    facts: [[0, '300件']],
  },
  { name: 'a qualitative target is a fact', mentions: [{ value: null, qualitative: '全覆盖', comparator: '=' }], facts: [[0, null]] },
  { name: 'a record with neither number nor words is none', mentions: [{ value: null, qualitative: null }], facts: [] },
];

describe('one fact per plan, indicator and year', () => {
  for (const c of cases) {
    it(c.name, () => {
      const facts = factsOf(c.mentions);
      expect(facts.map((f) => [f.idx, f.other_values])).toEqual(c.facts);
      // Every mention of a picked fact is counted on it.
      if (c.facts.length === 1) expect(facts[0]!.mentions).toBe(c.mentions.length);
      for (const f of facts) {
        // A disagreement is flagged on the one row, not listed as a second fact.
        expect(f.flags.includes('value-conflict')).toBe(f.other_values !== null);
      }
    });
  }
});
