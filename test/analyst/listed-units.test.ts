/**
 * Where the text lists 责任单位 without saying who leads (roles unsplit), the
 * first unit is no lead: departments counts such tasks as listed, tasks and
 * the task_units view give the role listed, the responsibilities table puts
 * the units under 责任单位, and the record's label names no role.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAnalystTable } from '../../src/analyst/tables.js';
import { RECORD_SPECS } from '../../src/records/index.js';
import { openDatabase } from '../../src/store/open.js';
import { runCliInProcess } from '../support/cli.js';

const PLAN = `某市知识产权强市建设工作方案（2024—2026年）

一、主要任务
（一）加强知识产权保护。建立知识产权快速维权机制，完善行政执法与司法衔接。（责任单位：市市场监管局、市公安局）
（二）推进专利转化运用。开展专利开放许可试点，推动高校专利转化。（牵头单位：市科技局；配合单位：市财政局）
`;

let dir = '';
let db = '';
const json = async <T>(args: string[]): Promise<T> => {
  const r = await runCliInProcess([...args, '--db', db, '--format', 'json']);
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as T;
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'planlens-listed-'));
  db = join(dir, 'plans.db');
  writeFileSync(join(dir, 'plan.txt'), PLAN);
  const r = await runCliInProcess(['ingest', join(dir, 'plan.txt'), '--db', db]);
  expect(r.status, r.stderr).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('units listed without a role', () => {
  it('departments: lead, support and listed counts', async () => {
    const rows = await json<Array<{ written_as: string; lead: number; support: number; listed: number }>>(['departments']);
    const counts = Object.fromEntries(rows.map((r) => [r.written_as, [r.lead, r.support, r.listed]]));
    expect(counts).toEqual({ 市市场监管局: [0, 0, 1], 市公安局: [0, 0, 1], 市科技局: [1, 0, 0], 市财政局: [0, 1, 0] });
  });

  it.each([
    ['市市场监管局', 'listed'],
    ['市公安局', 'listed'],
    ['市科技局', 'lead'],
    ['市财政局', 'support'],
  ])('tasks --department %s: role %s', async (department, role) => {
    const rows = await json<Array<{ role: string }>>(['tasks', '--department', department]);
    expect(rows.map((r) => r.role)).toEqual([role]);
  });

  it('departments --help explains every column', async () => {
    const r = await runCliInProcess(['departments', '--help']);
    for (const column of ['lead', 'support', 'listed', 'implicit_support', 'mentions', 'documents', 'regions'])
      expect(r.stdout).toMatch(new RegExp(`^  ${column} +\\S`, 'm'));
  });

  it('the task_units view and the responsibilities table', () => {
    const raw = new Database(db, { readonly: true });
    const units = raw.prepare('SELECT unit_as_written, role FROM task_units ORDER BY responsibility_id, role, position').all();
    raw.close();
    expect(units).toEqual([
      { unit_as_written: '市市场监管局', role: 'listed' },
      { unit_as_written: '市公安局', role: 'listed' },
      { unit_as_written: '市科技局', role: 'lead' },
      { unit_as_written: '市财政局', role: 'support' },
    ]);
    const store = openDatabase(db);
    const table = readAnalystTable(store, 'responsibilities').map((r) => [r.lead, r.support, r.listed]);
    store.close();
    expect(table).toEqual([
      [null, null, '市市场监管局、市公安局'],
      ['市科技局', '市财政局', null],
    ]);
  });

  it('the record label names no lead for an unsplit list', () => {
    const label = RECORD_SPECS.get('responsibility')!.label;
    expect(label({ task: '加强保护', roles: 'unsplit', lead: ['市市场监管局'], support: ['市公安局'] })).toBe(
      'task 加强保护 — 责任单位 市市场监管局、市公安局',
    );
    expect(label({ task: '推进转化', roles: 'split', lead: ['市科技局'], support: ['市财政局'] })).toBe('task 推进转化 — lead 市科技局; support 市财政局');
  });
});
