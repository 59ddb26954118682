/**
 * A file edited in place (same path, new content) is a new version of that
 * document: it becomes the plan's primary rendering (the old one is kept for
 * history), and a reviewer's correction that no longer fits its text shows in
 * the default review queue and in `show`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { workspace, type Item, type Workspace } from '../review/helpers.js';

const DOC = 'xuanwu-ip-14fyp-plan.txt';
let ws: Workspace;

beforeAll(async () => {
  ws = workspace([DOC]);
  expect((await ws.run(['ingest', ws.doc(DOC), '--quiet'])).status).toBe(0);
}, 120_000);
afterAll(() => ws?.remove());

it('the new version is primary and its correction conflict is in the default queue and in show', async () => {
  const path = ws.doc(DOC);
  const text = readFileSync(path, 'utf8');
  // A target whose figure appears once in its sentence, and that sentence once in the file.
  const items = await ws.json<Item[]>(['review', 'list', '--all', '--type', 'quantity']);
  const item = items.find((i) => {
    const value = i.fields.value;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 10) return false;
    return i.sentence.split(String(value)).length === 2 && text.split(i.sentence).length === 2;
  })!;
  expect(item, 'no target with a plain integer figure').toBeDefined();
  const value = item.fields.value as number;
  const corrected = await ws.run(['review', 'edit', item.id, '--value', String(value + 1), '--reviewer', 'alice']);
  expect(corrected.status, corrected.stderr).toBe(0);

  // The author changes the figure in the same file.
  writeFileSync(path, text.replace(item.sentence, item.sentence.replace(String(value), String(value + 2))));
  const again = await ws.run(['ingest', path, '--quiet']);
  expect(again.status, again.stderr).toBe(0);

  const [older, newer] = ws.sql<{ id: number; plan_id: number }>('SELECT id, plan_id FROM documents WHERE path = ? ORDER BY id', path);
  expect(newer, 'the edited file was not stored as a new version').toBeDefined();
  expect(newer!.plan_id).toBe(older!.plan_id);
  expect(ws.sql('SELECT primary_document_id AS id FROM plans WHERE id = ?', newer!.plan_id)).toEqual([{ id: newer!.id }]);

  const conflicts = await ws.json<Item[]>(['review', 'list', '--flag', 'correction-conflict']);
  const conflict = conflicts.find((c) => c.key === item.key);
  expect(conflict, JSON.stringify(conflicts.map((c) => [c.documentId, c.key]))).toBeDefined();
  expect(conflict!.documentId).toBe(newer!.id);
  expect(conflict!.fields.value).toBe(value + 1);

  const show = await ws.run(['show', path, '--format', 'table']);
  expect(show.stdout).toMatch(new RegExp(`\\[document ${newer!.id},`));
  expect(show.stdout).toMatch(/conflicts +1 correction\(s\) no longer fit the text/);
}, 180_000);
