/**
 * A plan with no title line is named by region, type and year, never by its
 * file name; the SQL form the analyst views use says exactly what the
 * TypeScript form the CLI and web pages use says.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { planLabel, planLabelSql, type PlanNaming } from '../../src/records/plan-label.js';

const none: PlanNaming = { title: null, region: null, type: null, issued: null, period_start: null, period_end: null };

const cases: Array<{ doc: Partial<PlanNaming>; label: string }> = [
  { doc: { title: '南京市玄武区“十四五”知识产权发展规划', region: '南京市玄武区', type: 'plan' }, label: '南京市玄武区“十四五”知识产权发展规划' },
  { doc: { region: '南京市', type: 'evaluation', period_start: 2021, period_end: 2025 }, label: '南京市 评估报告 (2021—2025)' },
  { doc: { region: '南京市', type: 'evaluation', issued: '2023-05-10', period_start: 2021, period_end: 2025 }, label: '南京市 评估报告 (2023)' },
  { doc: { region: '连云港市', type: 'work-plan', period_start: 2024, period_end: 2026 }, label: '连云港市 工作方案 (2024—2026)' },
  { doc: { region: '苏州市', type: 'plan', period_end: 2025 }, label: '苏州市 规划 (2025)' },
  { doc: { region: '苏州市' }, label: '苏州市' },
  { doc: { type: 'notice', issued: '2024-01-02' }, label: '通知 (2024)' },
  { doc: { issued: '2024-01-02' }, label: '未命名文档 (2024)' },
  { doc: {}, label: '未命名文档' },
];

describe('planLabel', () => {
  for (const c of cases) {
    it(`${JSON.stringify(c.doc)} → ${c.label}`, () => {
      expect(planLabel({ ...none, ...c.doc })).toBe(c.label);
    });
  }

  it('the SQL form gives the same labels', () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE documents (title TEXT, region TEXT, type TEXT, issued TEXT, period_start INTEGER, period_end INTEGER)');
    const insert = db.prepare('INSERT INTO documents VALUES (@title, @region, @type, @issued, @period_start, @period_end)');
    for (const c of cases) insert.run({ ...none, ...c.doc });
    const got = db.prepare(`SELECT ${planLabelSql('d')} AS label FROM documents d ORDER BY rowid`).all() as Array<{ label: string }>;
    db.close();
    expect(got.map((r) => r.label)).toEqual(cases.map((c) => c.label));
  });
});
