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
