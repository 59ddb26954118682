/**
 * The interactive `planlens review`, driven as a person would: a real child
 * process reading single keys from its stdin (piped here, raw mode on a
 * terminal), then a second session that resumes after the last record the
 * first one handled.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planlensProcess, ROOT, ingestedWorkspace, type Item, type Workspace } from './helpers.js';

const DOC = 'xuanwu-ip-14fyp-plan.txt';

describe('interactive review session', () => {
  let ws: Workspace;
  let queue: Item[];

  beforeAll(async () => {
    ws = await ingestedWorkspace([DOC]);
    queue = await ws.json<Item[]>(['review', 'list', '--type', 'quantity']);
    expect(queue.length).toBeGreaterThan(6);
  }, 120_000);
  afterAll(() => ws?.remove());

  it('accepts, skips, rejects, edits, undoes and quits on single keys; the next session resumes', () => {
    const args = ['review', '--db', ws.db, '--reviewer', 'erin', '--type', 'quantity'];
    // 1 accept · 2 skip · 3 reject (reason 1) · 4 edit · 5 accept, then undo it · 5 skip · quit
    const first = planlensProcess(args, 'a\ns\nr\n1\ne\nvalue=4321 year=2024\na\nu\ns\nq\n');
    expect(first.status, first.stderr).toBe(0);
    const [one, two, three, four, five, six] = queue;
    // The screen: the record, its sentence with the span marked, the flag in words, the keys.
    expect(first.stdout).toContain(`${one!.id}  quantity`);
    expect(first.stdout).toContain(`[[${one!.sentence.slice(one!.span!.start, one!.span!.end)}]]`);
    expect(first.stdout).toContain(one!.flags[0]!.reason);
    expect(first.stdout).toContain('a accept  r reject  e edit  s skip  u undo  q quit');
    expect(first.stdout).toMatch(/undone: /);

    const status = (id: string) =>
      ws.sql<{ action: string; reason: string | null; after: string }>(
        `SELECT action, reason, after FROM review_corrections WHERE record_type = 'quantity' AND anchor || '#' || occurrence = ? ORDER BY id`,
        queue.find((q) => q.id === id)!.key,
      );
    expect(status(one!.id).map((c) => c.action)).toEqual(['accept']);
    expect(status(two!.id)).toEqual([]);
    expect(status(three!.id).map((c) => [c.action, c.reason])).toEqual([['reject', 'not-a-target']]);
    expect(status(four!.id).map((c) => c.action)).toEqual(['edit']);
    expect(JSON.parse(status(four!.id)[0]!.after)).toMatchObject({ value: 4321, year: 2024 });
    expect(status(five!.id).map((c) => c.action)).toEqual(['accept', 'undo']);

    // Resumes after the last record handled (the 5th, skipped after the undo): the 6th comes first.
    const second = planlensProcess(args, 'q\n');
    expect(second.status, second.stderr).toBe(0);
    const shown = /\[1\/\d+\]\s+(\S+)/.exec(second.stdout)?.[1];
    expect(shown).toBe(six!.id);
    // Reviewed records are not offered again; the skipped ones are.
    expect(second.stdout).toMatch(new RegExp(`(\\d+) record\\(s\\) to review`));
    const left = Number(/(\d+) record\(s\) to review/.exec(second.stdout)![1]);
    expect(left).toBe(queue.length - 3);
  }, 120_000);

  // util-linux `script` gives the session a real pseudo-terminal: raw mode, keys without Enter.
  const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;
  it.skipIf(!hasScript)(
    'on a terminal: one key acts at once, the span is shown in inverse video',
    () => {
      const command = `${process.execPath} ${resolve(ROOT, 'bin/planlens.js')} review --db ${ws.db} --reviewer pty --type quantity`;
      const r = spawnSync('script', ['-qfec', command, '/dev/null'], { input: 'aq', encoding: 'utf8', timeout: 60_000, cwd: ROOT });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toContain('\x1b[7m');
      const id = /\[1\/\d+\]\s+(\S+)/.exec(r.stdout.replace(/\x1b\[[0-9;]*m/g, ''))![1]!;
      const row = ws.sql<{ review_status: string; reviewed_by: string }>('SELECT review_status, reviewed_by FROM quantities WHERE id = ?', Number(id.slice(1)));
      expect(row).toEqual([{ review_status: 'accepted', reviewed_by: 'pty' }]);
    },
    120_000,
  );
});
