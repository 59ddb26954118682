/**
 * The correction history as an audit trail: two reviewers on one record,
 * undo as a new correction, rejects that take a record out of every query
 * and export, records added by pointing at a sentence, and the reviewer name
 * the CLI insists on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planlensProcess, ingestedWorkspace, workspace, type Item, type Workspace } from './helpers.js';

const DOC = 'xuanwu-ip-14fyp-plan.txt';
const WORK_PLAN = 'lianyungang-ip-city-pilot-2024-2026.txt';

interface HistoryRow {
  id: number;
  action: string;
  reviewer: string;
  inForce: boolean;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  note: string | null;
}

describe('review history, undo, reject and add', () => {
  let ws: Workspace;
  let queue: Item[];

  beforeAll(async () => {
    ws = await ingestedWorkspace([DOC]);
    queue = await ws.json<Item[]>(['review', 'list', '--type', 'quantity']);
  }, 120_000);
  afterAll(() => ws?.remove());

  it('lists flagged records with their reason in words, in document order, each with an id', async () => {
    expect(queue.length).toBeGreaterThan(0);
    for (const item of queue) {
      expect(item.id).toMatch(/^q\d+$/);
      expect(item.flags.length).toBeGreaterThan(0);
      expect(item.flags.every((f) => f.reason.length > 5)).toBe(true);
      expect(item.sentence.slice(item.span!.start, item.span!.end).length).toBeGreaterThan(0);
    }
    const order = queue.map((i) => (i.sentenceIndex ?? 0) * 1e5 + i.span!.start);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    const filtered = await ws.json<Item[]>(['review', 'list', '--flag', 'unlinked-indicator']);
    expect(filtered.length).toBeGreaterThan(0);
    expect(filtered.every((i) => i.flags.some((f) => f.kind === 'unlinked-indicator'))).toBe(true);
    expect(filtered.length).toBeLessThan((await ws.json<Item[]>(['review', 'list', '--all'])).length);
  });

  it('two reviewers on one record: both in the history, the later wins; undo brings the earlier back', async () => {
    const item = queue.find((i) => typeof i.fields.value === 'number')!;
    const original = item.fields.value as number;
    expect((await ws.run(['review', 'edit', item.id, '--value', String(original + 1), '--reviewer', 'alice', '--note', 'typo in the table'])).status).toBe(0);
    expect((await ws.run(['review', 'edit', item.id, '--value', String(original + 2), '--reviewer', 'bob'])).status).toBe(0);
    const [row] = ws.sql<{ value: number; reviewed_by: string }>('SELECT value, reviewed_by FROM quantities WHERE id = ?', item.rowId);
    expect(row).toEqual({ value: original + 2, reviewed_by: 'bob' });
    let history = await ws.json<HistoryRow[]>(['review', 'history', item.id]);
    expect(history.map((h) => [h.reviewer, h.before?.value, h.after?.value])).toEqual([
      ['alice', original, original + 1],
      ['bob', original + 1, original + 2],
    ]);
    expect(history[0]!.note).toBe('typo in the table');

    expect((await ws.run(['review', 'undo', item.id, '--reviewer', 'bob'])).status).toBe(0);
    expect(ws.sql<{ value: number }>('SELECT value FROM quantities WHERE id = ?', item.rowId)[0]!.value).toBe(original + 1);
    history = await ws.json<HistoryRow[]>(['review', 'history', item.id]);
    expect(history.map((h) => [h.action, h.reviewer, h.inForce])).toEqual([
      ['edit', 'alice', true],
      ['edit', 'bob', false],
      ['undo', 'bob', false],
    ]);
    // Nothing was deleted: the database refuses to change the history.
    expect(ws.sql<{ n: number }>('SELECT count(*) AS n FROM review_corrections')[0]!.n).toBe(3);
    expect((await ws.run(['review', 'undo', item.id, '--reviewer', 'alice'])).status).toBe(0);
    expect(ws.sql<{ value: number; review_status: string | null }>('SELECT value, review_status FROM quantities WHERE id = ?', item.rowId)[0]).toEqual({
      value: original,
      review_status: null,
    });
  });

  it('a rejected target leaves queries and exports, stays in the queue as rejected, and undo brings it back', async () => {
    const fact = ws.sql<{ quantity_id: number }>(`SELECT quantity_id FROM plan_quantities WHERE kind = 'target' ORDER BY quantity_id LIMIT 1`)[0]!.quantity_id;
    const r = await ws.run(['review', 'reject', `q${fact}`, '--reason', 'not-a-target', '--reviewer', 'alice']);
    expect(r.status, r.stderr).toBe(0);
    expect(ws.sql('SELECT 1 FROM plan_quantities WHERE quantity_id = ?', fact)).toEqual([]);
    const rejected = (await ws.json<Item[]>(['review', 'list'])).find((i) => i.id === `q${fact}`);
    expect(rejected?.status).toBe('rejected');
    const query = await ws.json<Array<{ quantity_id: number }>>(['query']);
    expect(query.some((q) => q.quantity_id === fact)).toBe(false);
    // Survives a re-ingest too.
    expect((await ws.run(['ingest', ws.doc(DOC), '--force', '--quiet'])).status).toBe(0);
    const after = (await ws.json<Item[]>(['review', 'list'])).find((i) => i.status === 'rejected');
    expect(after).toBeDefined();
    expect(ws.sql('SELECT 1 FROM plan_quantities WHERE quantity_id = ?', after!.rowId)).toEqual([]);
    expect((await ws.run(['review', 'undo', after!.id, '--reviewer', 'alice'])).status).toBe(0);
    expect(ws.sql('SELECT 1 FROM plan_quantities WHERE quantity_id = ?', after!.rowId).length).toBe(1);
  }, 120_000);

  it('queries mark the records a person has reviewed, with the reviewed values', async () => {
    const fact = ws.sql<{ quantity_id: number; value: number }>(
      `SELECT quantity_id, value FROM plan_quantities WHERE value IS NOT NULL ORDER BY quantity_id DESC LIMIT 1`,
    )[0]!;
    expect((await ws.run(['review', 'edit', `q${fact.quantity_id}`, '--value', String(fact.value * 10), '--reviewer', 'gus'])).status).toBe(0);
    const rows = await ws.json<Array<{ quantity_id: number; value: number; review_status: string | null; reviewed_by: string | null }>>(['query']);
    const row = rows.find((r) => r.quantity_id === fact.quantity_id)!;
    expect(row).toMatchObject({ value: fact.value * 10, review_status: 'corrected', reviewed_by: 'gus' });
    expect(rows.filter((r) => r.review_status === null).length).toBeGreaterThan(0);
  });

  it('adds a missed record by pointing at a sentence; it is there after a re-ingest', async () => {
    const sentence = ws.sql<{ idx: number; text: string }>(
      `SELECT s.idx, s.text FROM sentences s JOIN documents d ON d.id = s.document_id WHERE length(s.text) > 20 ORDER BY s.idx LIMIT 1 OFFSET 40`,
    )[0]!;
    const words = sentence.text.slice(2, 8);
    const r = await ws.run([
      'review',
      'add',
      '--document',
      DOC,
      '--sentence',
      String(sentence.idx),
      '--text',
      words,
      '--type',
      'quantity',
      '--kind',
      'target',
      '--indicator',
      '审查员补录指标',
      '--value',
      '7',
      '--unit',
      '万件',
      '--year',
      '2025',
      '--comparator',
      '>=',
      '--reviewer',
      'carol',
      '--format',
      'json',
    ]);
    expect(r.status, r.stderr).toBe(0);
    const added = JSON.parse(r.stdout) as Item;
    expect(added.status).toBe('added');
    expect(added.sentence.slice(added.span!.start, added.span!.end)).toBe(words);
    const stored = () => ws.sql<{ value_base: number; unit_base: string }>(`SELECT value_base, unit_base FROM quantities WHERE indicator = '审查员补录指标'`);
    expect(stored()).toEqual([{ value_base: 70000, unit_base: '件' }]);
    expect((await ws.run(['ingest', ws.doc(DOC), '--force', '--quiet'])).status).toBe(0);
    expect(stored()).toEqual([{ value_base: 70000, unit_base: '件' }]);
  }, 120_000);

  it('insists on a reviewer name and says which argument is wrong', async () => {
    const item = queue[0]!;
    const missing = planlensProcess(['review', 'accept', item.id, '--db', ws.db], '', { PLANLENS_REVIEWER: '' });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/--reviewer/);
    const fromEnv = planlensProcess(['review', 'accept', item.id, '--db', ws.db], '', { PLANLENS_REVIEWER: 'dora' });
    expect(fromEnv.status, fromEnv.stderr).toBe(0);
    expect(ws.sql<{ reviewer: string }>('SELECT reviewer FROM review_corrections ORDER BY id DESC LIMIT 1')[0]!.reviewer).toBe('dora');
    const badField = await ws.run(['review', 'edit', item.id, '--year', 'soon', '--reviewer', 'dora']);
    expect(badField.status).toBe(2);
    expect(badField.stderr).toMatch(/--year/);
    const unknown = await ws.run(['review', 'accept', 'q999999', '--reviewer', 'dora']);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/q999999/);
  }, 60_000);

  describe('in a work plan with responsible units and milestones', () => {
    let workplan: Workspace;
    beforeAll(async () => {
      workplan = workspace([WORK_PLAN]);
      expect((await workplan.run(['ingest', workplan.doc(WORK_PLAN), '--quiet'])).status).toBe(0);
    }, 120_000);
    afterAll(() => workplan?.remove());

    it('corrects departments, responsibility units and milestone dates', async () => {
      const ws = workplan;
      const all = await ws.json<Item[]>(['review', 'list', '--all']);
      const department = all.find((i) => i.type === 'department')!;
      let r = await ws.run(['review', 'edit', department.id, '--name', '区市场监管局（知识产权局）', '--reviewer', 'hal', '--format', 'json']);
      expect(r.status, r.stderr).toBe(0);
      expect((JSON.parse(r.stdout) as Item).fields.name).toBe('区市场监管局（知识产权局）');
      const responsibility = all.find((i) => i.type === 'responsibility');
      expect(responsibility).toBeDefined();
      {
        r = await ws.run(['review', 'edit', responsibility!.id, '--lead', '区科技局', '--support', '区财政局、区教育局', '--reviewer', 'hal']);
        expect(r.status, r.stderr).toBe(0);
        const units = ws.sql<{ role: string; name: string }>(
          'SELECT role, name FROM responsibility_units WHERE responsibility_id = ? ORDER BY role, position',
          responsibility!.rowId,
        );
        expect(units).toEqual([
          { role: 'lead', name: '区科技局' },
          { role: 'support', name: '区财政局' },
          { role: 'support', name: '区教育局' },
        ]);
      }
      const milestone = all.find((i) => i.type === 'milestone');
      expect(milestone).toBeDefined();
      {
        expect((await ws.run(['review', 'edit', milestone!.id, '--start', '2023-13', '--reviewer', 'hal'])).status).toBe(2);
        r = await ws.run(['review', 'edit', milestone!.id, '--start', '2023-03', '--end', '2025', '--reviewer', 'hal']);
        expect(r.status, r.stderr).toBe(0);
        expect(ws.sql('SELECT start, "end" FROM milestones WHERE id = ?', milestone!.rowId)).toEqual([{ start: '2023-03', end: '2025' }]);
      }
      // A field the record does not have is bad usage, named.
      const wrong = await ws.run(['review', 'edit', department.id, '--value', '3', '--reviewer', 'hal']);
      expect(wrong.status).toBe(2);
      expect(wrong.stderr).toMatch(/--value/);
    });
  });
});
