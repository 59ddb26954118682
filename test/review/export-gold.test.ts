/**
 * Reviewed documents become gold files: `export --format gold --reviewed`
 * writes only what a reviewer vouched for, and that file scores the pipeline
 * at F1 = 1 on those records through the real `planlens eval`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planlens, ingestedWorkspace, type Item, type Workspace } from './helpers.js';

const DOC = 'xuanwu-ip-14fyp-plan.txt';
const GOLD = 'xuanwu-ip-14fyp-plan.gold.json';

interface GoldFile {
  targets: Array<{ indicator: string; value: number | null; year: number | null }>;
  actuals: Array<{ indicator: string; value: number | null }>;
  departments: string[];
}

describe('export --format gold --reviewed', () => {
  let ws: Workspace;

  beforeAll(async () => {
    ws = await ingestedWorkspace([DOC]);
  }, 120_000);
  afterAll(() => ws?.remove());

  it('refuses when nothing is reviewed yet', async () => {
    const r = await ws.run(['export', '--format', 'gold', '--reviewed', '--out', join(ws.dir, 'none')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/no reviewed documents/);
  });

  it('round-trips through eval with F1 = 1 on the reviewed targets and actuals', async () => {
    const quantities = await ws.json<Item[]>(['review', 'list', '--all', '--type', 'quantity']);
    expect(quantities.length).toBeGreaterThan(20);
    const accepted = await ws.run(['review', 'accept', ...quantities.map((q) => q.id), '--reviewer', 'fay']);
    expect(accepted.status, accepted.stderr).toBe(0);
    const out = join(ws.dir, 'gold');
    const r = await ws.run(['export', '--format', 'gold', '--reviewed', '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    const gold = JSON.parse(readFileSync(join(out, GOLD), 'utf8')) as GoldFile;
    expect(gold.targets.length).toBeGreaterThan(5);
    expect(gold.actuals.length).toBeGreaterThan(5);
    // Nobody reviewed a department: none is vouched for.
    expect(gold.departments).toEqual([]);

    const evaluated = await planlens(['eval', '--gold', out, '--docs', ws.docs, '--format', 'json']);
    expect(evaluated.stderr).toBe('');
    const report = JSON.parse(evaluated.stdout) as { overall: Record<string, { f1: number; precision: number; recall: number }> };
    expect(report.overall.targets!.f1).toBe(1);
    expect(report.overall.actuals!.f1).toBe(1);
  }, 120_000);

  it('writes the corrected value, not the extracted one, and leaves rejected records out', async () => {
    const targets = await ws.json<Item[]>(['review', 'list', '--all', '--type', 'quantity']);
    const fact = ws.sql<{ quantity_id: number; value: number }>(
      `SELECT quantity_id, value FROM plan_quantities WHERE kind = 'target' AND value IS NOT NULL ORDER BY quantity_id`,
    );
    const [edited, rejected] = fact;
    expect(targets.some((t) => t.id === `q${edited!.quantity_id}`)).toBe(true);
    expect((await ws.run(['review', 'edit', `q${edited!.quantity_id}`, '--value', '98765', '--reviewer', 'fay'])).status).toBe(0);
    expect((await ws.run(['review', 'reject', `q${rejected!.quantity_id}`, '--reason', 'not-a-target', '--reviewer', 'fay'])).status).toBe(0);
    const out = join(ws.dir, 'gold2');
    expect((await ws.run(['export', '--format', 'gold', '--reviewed', '--out', out])).status).toBe(0);
    const gold = JSON.parse(readFileSync(join(out, GOLD), 'utf8')) as GoldFile;
    expect(gold.targets.map((t) => t.value)).toContain(98765);
    const before = JSON.parse(readFileSync(join(ws.dir, 'gold', GOLD), 'utf8')) as GoldFile;
    expect(gold.targets.length).toBe(before.targets.length - 1);
    // The extracted value is gone with the edit (and the rejected record took its own value with it).
    const count = (g: GoldFile, v: number) => g.targets.filter((t) => t.value === v).length;
    expect(count(gold, edited!.value)).toBe(count(before, edited!.value) - 1 - (rejected!.value === edited!.value ? 1 : 0));
  }, 120_000);
});
