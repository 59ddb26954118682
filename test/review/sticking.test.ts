/**
 * Corrections stick: through `ingest --force` with the same rules, through a
 * rules change that now extracts what the reviewer corrected (agreeing, no
 * conflict), and into a changed text, where they become conflicts that keep
 * both values. Promotion of the correction into the catalogue is the
 * rules change, so the same flow shows promote working on the next document.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument, type YAMLMap, type YAMLSeq } from 'yaml';
import { ingestedWorkspace, workspace, type Item, type Workspace } from './helpers.js';

const DOC = 'xuanwu-ip-14fyp-plan.txt';
const REVIEWER = ['--reviewer', 'alice'];

describe('corrections survive re-ingestion', () => {
  let ws: Workspace;
  let unlinked: Item;
  let target: string;
  let edited: Item;

  beforeAll(async () => {
    ws = workspace([DOC]);
    const r = await ws.run(['ingest', ws.doc(DOC), '--quiet']);
    expect(r.status, r.stderr).toBe(0);
  }, 120_000);
  afterAll(() => ws?.remove());

  const byKey = async (key: string, document?: number): Promise<Item | undefined> =>
    (await ws.json<Item[]>(['review', 'list', '--all', ...(document ? ['--document', String(document)] : [])])).find((i) => i.key === key);

  it('an edit links an unlinked indicator and changes the stored row that queries read', async () => {
    const queue = await ws.json<Item[]>(['review', 'list', '--flag', 'unlinked-indicator', '--type', 'quantity']);
    expect(queue.length).toBeGreaterThan(0);
    // The indicator the reviewer links it to: one the rules know (from the database's indicator table), counted in 家 like the figure.
    const known = ws.sql<{ id: string }>(`SELECT id FROM indicators WHERE domain = 'ip' AND unit = '家' ORDER BY id`);
    unlinked = queue.find((i) => i.fields.value !== null && i.fields.indicator_id === null)!;
    target = known[0]!.id;
    const r = await ws.run(['review', 'edit', unlinked.id, '--indicator-id', target, ...REVIEWER, '--format', 'json']);
    expect(r.status, r.stderr).toBe(0);
    edited = JSON.parse(r.stdout) as Item;
    expect(edited.fields.indicator_id).toBe(target);
    expect(edited.extracted?.indicator_id).toBeNull();
    expect(edited.status).toBe('corrected');
    const [row] = ws.sql<{ indicator_id: string; review_status: string }>('SELECT indicator_id, review_status FROM quantities WHERE id = ?', edited.rowId);
    expect(row).toEqual({ indicator_id: target, review_status: 'corrected' });
    // Reviewed facts win: the analyst view carries the corrected link.
    if (ws.sql('SELECT 1 FROM plan_quantities WHERE quantity_id = ?', edited.rowId).length) {
      expect(ws.sql<{ indicator_id: string }>('SELECT indicator_id FROM plan_quantities WHERE quantity_id = ?', edited.rowId)[0]!.indicator_id).toBe(target);
    }
  });

  it('ingest --force with the same rules: the correction is applied again', async () => {
    const r = await ws.run(['ingest', ws.doc(DOC), '--force', '--quiet']);
    expect(r.status, r.stderr).toBe(0);
    const again = await byKey(edited.key);
    expect(again).toBeDefined();
    expect(again!.fields.indicator_id).toBe(target);
    expect(again!.status).toBe('corrected');
    expect(again!.check).toBe('same');
    expect(again!.flags.map((f) => f.kind)).not.toContain('correction-conflict');
  }, 120_000);

  it('promote writes the corrected name as an alias; the next document with that wording links without a flag', async () => {
    const rules = ws.copyRules();
    // The alias goes into the catalogue file of the indicator it names (rules/indicators/<domain>.yaml).
    const file = join(rules, 'indicators', `${target.split('.')[0]}.yaml`);
    const before = readFileSync(file, 'utf8');
    const r = await ws.run(['review', 'promote', '--rules', rules, '--yes']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(`+`);
    expect(r.stdout).toContain(String(unlinked.fields.indicator));
    const after = readFileSync(file, 'utf8');
    // Only the alias is new: every other line (comments included) is as it was.
    const removed = before.split('\n').filter((l) => !after.split('\n').includes(l));
    expect(removed.length).toBeLessThanOrEqual(1);
    expect(after).toContain(String(unlinked.fields.indicator));
    // Running it again finds nothing new to learn.
    const second = await ws.run(['review', 'promote', '--rules', rules, '--yes']);
    expect(second.stdout).toMatch(/Nothing to promote/);

    // A new plan stating a figure for the same wording, stored with the old and with the promoted rules.
    const sentence = `到2025年，${unlinked.fields.indicator}达到${Number(unlinked.fields.value) + 7}${unlinked.fields.unit ?? '个'}。`;
    const fresh = join(ws.docs, 'new-plan.txt');
    writeFileSync(fresh, `某区知识产权工作方案\n一、主要目标\n${sentence}\n`);
    const flagsOf = () =>
      ws.sql<{ flags: string; indicator_id: string | null }>(
        `SELECT q.flags, q.indicator_id FROM quantities q JOIN documents d ON d.id = q.document_id WHERE d.path = ? AND q.indicator = ?`,
        fresh,
        unlinked.fields.indicator,
      );
    expect((await ws.run(['ingest', fresh, '--quiet'])).status).toBe(0);
    expect(flagsOf().some((q) => q.flags.includes('unlinked-indicator'))).toBe(true);
    expect((await ws.run(['ingest', fresh, '--force', '--quiet', '--rules', rules])).status).toBe(0);
    const linked = flagsOf();
    expect(linked.length).toBeGreaterThan(0);
    expect(linked.every((q) => q.indicator_id === target && !q.flags.includes('unlinked-indicator'))).toBe(true);

    // The corrected record itself, re-ingested with those rules: the extraction now agrees with the reviewer.
    expect((await ws.run(['ingest', ws.doc(DOC), '--force', '--quiet', '--rules', rules])).status).toBe(0);
    const agreed = await byKey(edited.key);
    expect(agreed!.fields.indicator_id).toBe(target);
    expect(agreed!.check).toBe('agrees');
    expect(agreed!.flags.map((f) => f.kind)).not.toContain('correction-conflict');
  }, 240_000);

  it('the text under the correction changes: flagged correction-conflict, both values kept', async () => {
    const path = ws.doc(DOC);
    const text = readFileSync(path, 'utf8');
    const sentence = edited.sentence;
    expect(text.includes(sentence)).toBe(true);
    // Same file, new content: the sentence under the correction is gone.
    writeFileSync(path, text.replace(sentence, ''));
    const r = await ws.run(['ingest', path, '--quiet']);
    expect(r.status, r.stderr).toBe(0);
    const newest = ws.sql<{ id: number }>('SELECT id FROM documents WHERE path = ? ORDER BY id DESC LIMIT 1', path)[0]!.id;
    const conflicts = await ws.json<Item[]>(['review', 'list', '--flag', 'correction-conflict', '--document', String(newest)]);
    const orphan = conflicts.find((i) => i.key === edited.key);
    expect(orphan, JSON.stringify(conflicts.map((c) => c.key))).toBeDefined();
    expect(orphan!.rowId).toBeNull();
    expect(orphan!.fields.indicator_id).toBe(target);
    expect(orphan!.extracted?.indicator_id).toBeNull();
    expect(orphan!.flags.find((f) => f.kind === 'correction-conflict')!.reason).toMatch(/gone/);
    // The history of the record is still there to read.
    const history = await ws.json<Array<{ action: string; reviewer: string }>>(['review', 'history', orphan!.id]);
    expect(history.map((h) => h.action)).toEqual(['edit']);
  }, 120_000);
});

describe('an accepted record the new rules extract differently', () => {
  let ws: Workspace;
  beforeAll(async () => {
    ws = await ingestedWorkspace([DOC]);
  }, 120_000);
  afterAll(() => ws?.remove());

  it('is flagged correction-conflict; the accepted values stay in force and the new extraction is kept beside them', async () => {
    const linked = (await ws.json<Item[]>(['review', 'list', '--flag', 'linked-by-similarity']))[0]!;
    expect(linked).toBeDefined();
    expect((await ws.run(['review', 'accept', linked.id, ...REVIEWER])).status).toBe(0);
    // New rules: the name becomes an alias of a different indicator.
    const rules = ws.copyRules();
    const file = join(rules, 'indicators', 'ip.yaml');
    const doc = parseDocument(readFileSync(file, 'utf8'));
    const items = (doc.get('indicators') as YAMLSeq<YAMLMap>).items;
    const other = items.find((i) => i.get('id') !== linked.fields.indicator_id)!;
    const aliases = other.get('aliases') as YAMLSeq | undefined;
    if (aliases) aliases.add(String(linked.fields.indicator));
    else other.set('aliases', [String(linked.fields.indicator)]);
    writeFileSync(file, doc.toString());
    expect((await ws.run(['ingest', ws.doc(DOC), '--force', '--quiet', '--rules', rules])).status).toBe(0);

    const now = (await ws.json<Item[]>(['review', 'list', '--flag', 'correction-conflict'])).find((i) => i.key === linked.key)!;
    expect(now).toBeDefined();
    expect(now.fields.indicator_id).toBe(linked.fields.indicator_id);
    expect(now.extracted?.indicator_id).toBe(String(other.get('id')));
    expect(now.check).toBe('conflict');
    const [conflict] = ws.sql<{ extracted: string; corrected: string }>('SELECT extracted, corrected FROM review_conflicts WHERE record_id = ?', now.rowId);
    expect(JSON.parse(conflict!.extracted).indicator_id).toBe(String(other.get('id')));
    expect(JSON.parse(conflict!.corrected).indicator_id).toBe(linked.fields.indicator_id);
  }, 180_000);
});
