/**
 * `planlens indicators --groups`: the names plans use that link to no
 * canonical indicator, clustered into proposed indicators, and a group
 * accepted as a new catalogue entry through `planlens review promote
 * --group`. The clustering rules first, as a table of names that must and
 * must not join; then the development set of real plans (corpora-real/),
 * where which plans state a figure comes from the gold files.
 */
import { cpSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groupNames, type NameRow } from '../../src/analyst/indicator-groups.js';
import { loadNameAnalyser } from '../../src/text/indicator-names/rules.js';
import { ingestCorpora, REAL_CORPORA, ROOT, type CorpusDb } from '../support/corpus-db.js';

type Row = Record<string, any>;

const analyser = loadNameAnalyser();
let nextPlan = 1;
const named = (name: string, unit = '家'): NameRow => ({
  key: `name:${name}`,
  name,
  records: 1,
  plans: 1,
  planIds: [nextPlan++],
  titles: [],
  unit,
});
/** Whether the two names end up in one group. */
const joined = (a: NameRow, b: NameRow) => groupNames([a, b], { analyser }).some((g) => g.keys.includes(a.key) && g.keys.includes(b.key));

describe('grouping names as written', () => {
  it.each([
    // One object under other verbs, scopes and count words.
    ['新增5G基站', '累计建成开通5G基站', '个'],
    ['全省高新技术企业', '高新技术企业数量', '家'],
    ['新培育独角兽企业', '独角兽企业', '家'],
    // The same thing said at greater length (one name only adds words to the other).
    ['重大科技创新平台', '具有较强影响力的重大科技创新平台', '家'],
    ['企业提供场景服务', '企业提供场景对接服务', '次'],
    // Names that differ in wrapping or one character.
    ['专精特新“小巨人”企业', '专精特新小巨人企业', '家'],
  ])('%s joins %s', (a, b, unit) => {
    expect(joined(named(a, unit), named(b, unit))).toBe(true);
  });

  it.each([
    // Each has a word the other lacks: two things of one family.
    ['化工行业智能制造标准', '建材行业智能制造相关标准', '项', '项'],
    ['储能之都提供场景服务', '世界电影之都提供场景服务', '次', '次'],
    // Another head noun.
    ['高新技术企业', '高新技术产业', '家', '家'],
    // A share is not a count of the object; a percentage never joins a count.
    ['高新技术企业', '高新技术企业占比', '家', 'percent'],
    ['互联网普及率', '互联网用户', 'percent', '户'],
    // Another level: 国家级 and 省级 counts are different figures.
    ['国家级创新平台', '省级创新平台', '家', '家'],
  ])('%s stays apart from %s', (a, b, unitA, unitB) => {
    expect(joined(named(a, unitA), named(b, unitB))).toBe(false);
  });

  it('proposes no group for a one-character name or a bare verb', () => {
    const groups = groupNames([named('业'), named('业'), named('形成'), named('形成')], { analyser });
    expect(groups).toEqual([]);
  });

  it('suggests the object as the most plans write it, with its qualifiers, as the name', () => {
    const rows = [named('新增国家级专精特新企业'), named('国家级专精特新企业'), { ...named('国家级专精特新企业数量'), planIds: [900, 901], plans: 2 }];
    const [group] = groupNames(rows, { analyser });
    expect(group!.name).toBe('国家级专精特新企业');
    expect(group!.plans).toBe(4);
    expect(group!.members).toHaveLength(3);
  });
});

describe('planlens indicators --groups on the real plans', () => {
  let corpus: CorpusDb;
  beforeAll(() => {
    corpus = ingestCorpora('groups', REAL_CORPORA);
  });
  afterAll(() => corpus?.remove());

  it('lists proposed indicators, the most widely used first, made only of unlinked names', async () => {
    const { rows } = await corpus.json<Row[]>(['indicators', '--groups']);
    expect(rows.length).toBeGreaterThan(0);
    const plans = rows.map((g) => g.plans as number);
    expect(plans).toEqual([...plans].sort((a, b) => b - a));
    expect(rows.map((g) => g.group)).toEqual(rows.map((_, i) => i + 1));
    const unlinked = new Set((await corpus.json<Row[]>(['indicators', '--unlinked', '--limit', '10000'])).rows.map((u) => u.name));
    for (const g of rows) {
      expect(g.members.length).toBeGreaterThan(0);
      for (const m of g.members) {
        expect(unlinked.has(m.name), m.name).toBe(true);
        expect([...m.name].length).toBeGreaterThan(1);
      }
    }
  });

  it('a group counts the plans its members are stated in, as query finds them by name', async () => {
    const { rows } = await corpus.json<Row[]>(['indicators', '--groups']);
    for (const group of rows.slice(0, 3)) {
      const titles = new Set<string>();
      for (const m of group.members) for (const r of (await corpus.json<Row[]>(['query', '--indicator', m.name])).rows) titles.add(String(r.plan_title));
      expect(new Set(group.plan_titles), group.name).toEqual(titles);
      // Two untitled plans may share a label (region, type, year): the plan count is at least the labels'.
      expect(group.plans, group.name).toBeGreaterThanOrEqual(titles.size);
    }
  });

  it('writes csv for a spreadsheet and a table for a terminal', async () => {
    const csv = await corpus.run(['indicators', '--groups', '--format', 'csv', '--limit', '3']);
    expect(csv.status).toBe(0);
    expect(csv.stdout.startsWith('\uFEFF')).toBe(true);
    const lines = csv.stdout.trimEnd().split('\r\n');
    expect(lines[0]).toContain('members');
    const groups = (await corpus.json<Row[]>(['indicators', '--groups'])).rows.length;
    expect(lines).toHaveLength(Math.min(3, groups) + 1);
    const table = await corpus.run(['indicators', '--groups', '--format', 'table', '--limit', '3']);
    expect(table.status).toBe(0);
    expect(table.stdout).toMatch(/×\d/);
  });

  it('review promote --group turns a group into an indicator: re-ingested, its plans link to it and compare by its id', async () => {
    const rules = join(corpus.dir, 'rules');
    cpSync(join(ROOT, 'rules'), rules, { recursive: true });
    const promote = (id: string, fields: string[]) =>
      corpus.run(['review', 'promote', '--group', '1', '--id', id, ...fields.flatMap((f) => ['--field', f]), '--rules', rules, '--yes']);
    const groups = await corpus.json<Array<{ name: string; members: Array<{ name: string; plans: string[] }> }>>(['indicators', '--groups']);
    const group = groups.rows[0]!;
    const complete = ['kind=stock', 'direction=up', 'source=test'];
    // An id outside every domain, or a catalogue field left out: said in one line, nothing written.
    const noDomain = await promote('made-up.reviewed-group', complete);
    expect(noDomain.status).toBe(2);
    expect(noDomain.stderr).toMatch(/domain/);
    const missing = await promote('innovation.reviewed-group', ['kind=stock', 'direction=up']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/source/);
    const before = readFileSync(join(rules, 'indicators', 'innovation.yaml'), 'utf8');
    const r = await promote('innovation.reviewed-group', complete);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(`new indicator innovation.reviewed-group: ${group.name}`);
    const after = readFileSync(join(rules, 'indicators', 'innovation.yaml'), 'utf8');
    // Only lines are added: comments and every other entry stay as they were.
    expect(before.split('\n').every((l) => after.split('\n').includes(l))).toBe(true);
    // The same group again under another id: its name now belongs to the first.
    expect((await promote('innovation.reviewed-group-2', complete)).status).toBe(2);

    // The group's records before: the documents that state it, found by its members' names as written.
    const stated = new Set<string>();
    const both = async (query: string) => [
      ...(await corpus.json<Row[]>(['compare', query, '--kind', 'target'])).rows,
      ...(await corpus.json<Row[]>(['compare', query, '--kind', 'actual'])).rows,
    ];
    for (const member of group.members)
      for (const row of await both(member.name)) if (group.members.some((m) => m.name === row.indicator_as_written)) stated.add(String(row.document_path));
    expect(stated.size).toBeGreaterThan(0);
    const ingest = await corpus.run(['ingest', ...[...stated].map((p) => resolve(ROOT, p)), '--force', '--quiet', '--rules', rules]);
    expect(ingest.status, ingest.stderr).toBe(0);
    const rows = await both('innovation.reviewed-group');
    expect(rows.every((row) => row.indicator_id === 'innovation.reviewed-group')).toBe(true);
    expect(new Set(rows.map((row) => String(row.document_path)))).toEqual(stated);
  });
});
