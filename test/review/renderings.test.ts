/**
 * One plan in two formats: the queue holds the primary rendering's records
 * (the one queries count), not the same flags twice; --all-renderings shows both.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { workspace, type Item, type Workspace } from './helpers.js';

let ws: Workspace;

beforeAll(async () => {
  ws = workspace(['lianyungang-ip-city-pilot-2024-2026.txt', 'lianyungang-ip-city-pilot-2024-2026.pdf']);
  const ingest = await ws.run(['ingest', ws.docs]);
  expect(ingest.status).toBe(0);
});
afterAll(() => ws.remove());

it('queues the primary rendering only, unless asked for every rendering', async () => {
  const [primary] = ws.sql<{ id: number }>('SELECT primary_document_id AS id FROM plans');
  const queue = await ws.json<Item[]>(['review', 'list']);
  expect(queue.length).toBeGreaterThan(0);
  expect(new Set(queue.map((i) => i.documentId))).toEqual(new Set([primary!.id]));

  const everything = await ws.json<Item[]>(['review', 'list', '--all-renderings']);
  expect(new Set(everything.map((i) => i.documentId)).size).toBe(2);
  expect(everything.length).toBeGreaterThan(queue.length);
});

it('adds a missed record to the primary rendering when the document reference names the whole plan', async () => {
  const [primary] = ws.sql<{ id: number }>('SELECT primary_document_id AS id FROM plans');
  const added = await ws.run([
    'review',
    'add',
    '--reviewer',
    'tester',
    '--document',
    'lianyungang',
    '--text',
    '有效注册商标量达13.5万件',
    '--indicator',
    '有效注册商标量',
    '--kind',
    'target',
    '--value',
    '13.5',
    '--unit',
    '万件',
    '--year',
    '2026',
  ]);
  expect(added.stderr).toBe('');
  expect(added.status).toBe(0);
  const rows = ws.sql<{ id: number }>("SELECT d.id FROM review_corrections c JOIN documents d ON d.sha256 = c.document_sha256 WHERE c.action = 'add'");
  expect(rows.map((r) => r.id)).toEqual([primary!.id]);
});
