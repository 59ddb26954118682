/**
 * Departments and their tasks on the Lianyungang work plan, checked against
 * the plan's gold responsibilities (test/fixtures/gold).
 */
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestCorpora, readGold, similarNames, type CorpusDb } from '../support/corpus-db.js';

let corpus: CorpusDb;
beforeAll(() => {
  corpus = ingestCorpora('departments');
});
afterAll(() => corpus?.remove());

type Row = Record<string, any>;
const gold = readGold('lianyungang-ip-city-pilot-2024-2026');
const norm = (s: string) => s.replace(/[<＜]/g, '（').replace(/[>＞]/g, '）').replace(/\s+/g, '');
const parts = (unit: string) => [
  norm(unit),
  ...norm(unit)
    .split(/[（）()]/)
    .filter(Boolean),
];

describe('planlens departments', () => {
  it('counts each Lianyungang unit’s tasks as lead and as support', async () => {
    const { rows } = await corpus.json<Row[]>(['departments', '--region', '连云港']);
    expect(rows.every((r) => String(r.regions).includes('连云港市'))).toBe(true);
    const expected = new Map<string, { lead: number; support: number }>();
    for (const r of gold.responsibilities) {
      for (const u of r.lead) expected.set(norm(u), { lead: (expected.get(norm(u))?.lead ?? 0) + 1, support: expected.get(norm(u))?.support ?? 0 });
      for (const u of r.support) expected.set(norm(u), { lead: expected.get(norm(u))?.lead ?? 0, support: (expected.get(norm(u))?.support ?? 0) + 1 });
    }
    expect(expected.size).toBeGreaterThan(5);
    for (const [unit, counts] of expected) {
      const row = rows.find((r) => String(r.written_as).split('、').map(norm).includes(unit));
      expect(row, unit).toBeDefined();
      expect({ unit, lead: row!.lead, support: row!.support }).toEqual({ unit, ...counts });
    }
  });

  it('names the region when it matches nothing', async () => {
    const r = await corpus.run(['departments', '--region', '火星']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/--region '火星'/);
  });
});

describe('planlens tasks', () => {
  it('--department 市知识产权局: every task 市市场监管局（市知识产权局） leads in the Lianyungang plan', async () => {
    const { rows, stderr } = await corpus.json<Row[]>(['tasks', '--department', '市知识产权局']);
    expect(stderr).toMatch(/--department '市知识产权局' matched/);
    const goldTasks = gold.responsibilities.filter((r) => r.lead.some((u) => parts(u).includes('市知识产权局')));
    expect(goldTasks.length).toBeGreaterThan(10);
    const lyg = rows.filter((r) => r.region === '连云港市' && r.role === 'lead');
    expect(lyg).toHaveLength(goldTasks.length);
    for (const t of goldTasks)
      expect(
        lyg.some((r) => similarNames(r.task, t.task)),
        t.task,
      ).toBe(true);
  });

  it('lists deadlines and targets from the task’s own section', async () => {
    const { rows } = await corpus.json<Row[]>(['tasks', '--department', '市知识产权局']);
    const db = new Database(corpus.db, { readonly: true });
    try {
      for (const r of rows) {
        const under = (table: string, extra = '') =>
          (
            db
              .prepare(`SELECT count(*) AS n FROM ${table} WHERE document_id = ? AND (section_path = ? OR section_path LIKE ? || '/%') ${extra}`)
              .get(r.document_id, r.section_path, r.section_path) as { n: number }
          ).n;
        const deadlines = r.deadlines ? String(r.deadlines).split('; ').length : 0;
        const targets = r.targets ? String(r.targets).split('; ').length : 0;
        expect(deadlines, r.task).toBe(under('milestones'));
        expect(targets, r.task).toBe(under('targets'));
      }
    } finally {
      db.close();
    }
  });

  it('a unit that supports every task (以下均需…落实) is listed on every task of its plan', async () => {
    const implicit = (gold as unknown as { implicit_support?: string[] }).implicit_support ?? [];
    expect(implicit.length).toBeGreaterThan(0);
    const { rows } = await corpus.json<Row[]>(['tasks', '--department', implicit[implicit.length - 1]!, '--region', '连云港市']);
    expect(rows.filter((r) => r.role === 'support (implicit)')).toHaveLength(gold.responsibilities.length);
  });

  it('fails in one line when no unit matches', async () => {
    const r = await corpus.run(['tasks', '--department', '火星事务局']);
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/--department '火星事务局'/);
  });
});
