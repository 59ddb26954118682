/**
 * What an analyst sees (issue 15) on the sample corpora, through the real
 * CLI: one fact per plan, indicator and year; one flag count everywhere;
 * figures in the plan's own scale; quotes that hold the figure.
 * Expected values come from the documents themselves.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listQueue } from '../../src/review/queue.js';
import { documentDetail, documentList } from '../../src/server/data/documents.js';
import { countsOf, primaryTotals } from '../../src/store/queries.js';
import { ingestCorpora, planlensInProcess, type CorpusDb } from '../support/corpus-db.js';

let corpus: CorpusDb;
beforeAll(() => {
  corpus = ingestCorpora('facts');
});
afterAll(() => corpus?.remove());

type Row = Record<string, any>;

describe('one fact per plan, indicator and year', () => {
  it('query gives each indicator of a plan at most one row per year and kind', async () => {
    const { rows } = await corpus.json<Row[]>(['query']);
    const seen = new Map<string, Row>();
    for (const r of rows) {
      const key = [
        r.plan_id,
        r.kind,
        r.indicator_id ?? r.indicator_as_written.replace(/\s/g, ''),
        r.year,
        r.per_year ?? 0,
        r.period_start ?? r.year,
        r.unit_base ?? r.unit ?? '',
      ].join('|');
      expect(seen.get(key), `${key}: ${seen.get(key)?.quote} AND ${r.quote}`).toBeUndefined();
      seen.set(key, r);
    }
  });

  // 南京 evaluation, 2025 targets: the three doubled indicators.
  const cases: Array<{ indicator: string; value: number; comparator: string; other: string | null; why: string }> = [
    // table row ≥10家 (year from the table) over the prose 超过15家 (year taken from the section's deadline)
    { indicator: '新增市级以上正版正货街区（行业）', value: 10, comparator: '>=', other: '15家', why: 'table row over prose with an inferred year' },
    // table row >100人 (linked by name) over prose 100人左右的人才库 (linked by similarity): same value, no conflict
    { indicator: '新增知识产权高层次人才', value: 100, comparator: '>', other: null, why: 'table row and a listed name over a similarity link' },
    // two sentences name 服务企业 with 千家 and 300家: the first in the text stands, the other is named
    { indicator: '服务企业', value: 1000, comparator: '>=', other: '300家', why: 'document order where nothing else tells them apart' },
  ];
  for (const c of cases) {
    it(`${c.indicator}: one row (${c.why})`, async () => {
      const { rows } = await corpus.json<Row[]>(['query', '--region', '南京市', '--year', '2025', '--kind', 'target']);
      const same = rows.filter((r) => r.indicator_as_written === c.indicator);
      expect(same).toHaveLength(1);
      expect([same[0]!.value, same[0]!.comparator]).toEqual([c.value, c.comparator]);
      expect(same[0]!.mentions).toBeGreaterThan(1);
      expect(same[0]!.other_values).toBe(c.other);
      if (c.other) expect(same[0]!.flags.map((f: { kind: string }) => f.kind)).toContain('value-conflict');
    });
  }

  it('every mention is kept in quantity_mentions', () => {
    const db = new Database(corpus.db, { readonly: true });
    const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    const mentions = count(`SELECT count(*) AS n FROM quantity_mentions WHERE region = '南京市' AND indicator_as_written = '服务企业'`);
    const facts = count(`SELECT count(*) AS n FROM plan_quantities WHERE region = '南京市' AND indicator_as_written = '服务企业'`);
    db.close();
    expect([mentions, facts]).toEqual([2, 1]);
  });

  it('a row with neither a number nor words is no fact; a qualitative target (全覆盖) is, and shows its words', async () => {
    const { rows } = await corpus.json<Row[]>(['query']);
    expect(rows.filter((r) => r.value === null && !r.qualitative)).toEqual([]);
    const covered = rows.find((r) => r.indicator_as_written === '省知识产权强省建设区域示范单位');
    expect(covered?.figure).toBe('全覆盖');
  });
});

describe('one flag count: npm start, show, review list and the web pages count the same records', () => {
  it('the per-plan line of ingest is the length of review list', async () => {
    const db = new Database(corpus.db, { readonly: true });
    const totals = primaryTotals(db);
    const queue = listQueue(db).filter((item) => item.flags.length > 0);
    expect(totals.flagged).toBe(queue.length);
    // Per document (what show and the web pages print), for every rendering.
    const documents = db.prepare('SELECT id FROM documents').all() as Array<{ id: number }>;
    for (const d of documents) {
      expect(countsOf(db, d.id).flagged, `document ${d.id}`).toBe(listQueue(db, { document: String(d.id) }).filter((i) => i.flags.length > 0).length);
    }
    db.close();
    const list = await corpus.json<Row[]>(['review', 'list']);
    expect(list.rows.filter((r) => r.flags.length > 0)).toHaveLength(totals.flagged);
  });

  it('after reviewing (accept, reject, edit) the counts still agree', async () => {
    const reviewed = ingestCorpora('facts-review');
    try {
      const db = new Database(reviewed.db, { readonly: true });
      const flaggedIds = listQueue(db)
        .filter((i) => i.flags.length > 0)
        .map((i) => i.id);
      const department = listQueue(db, { type: 'department' }).find((i) => i.flags.length > 0)!.id;
      db.close();
      const [accepted, rejected, edited] = flaggedIds.filter((id) => id.startsWith('q'));
      for (const args of [
        ['accept', accepted!],
        ['reject', rejected!, department],
        ['edit', edited!, '--value', '7'],
      ]) {
        const r = await reviewed.run(['review', ...args, '--reviewer', 'tester']);
        expect(r.status, r.stderr).toBe(0);
      }
      const after = new Database(reviewed.db, { readonly: true });
      const queued = listQueue(after).filter((i) => i.flags.length > 0);
      expect(queued.map((i) => i.id)).toContain(rejected);
      expect(primaryTotals(after).flagged).toBe(queued.length);
      for (const d of documentList(after))
        expect(d.flagged, d.path).toBe(listQueue(after, { document: String(d.id) }).filter((i) => i.flags.length > 0).length);
      after.close();
    } finally {
      reviewed.remove();
    }
  });

  it('the web pages (document list and document page) give the same count', () => {
    const db = new Database(corpus.db, { readonly: true });
    for (const d of documentList(db)) {
      const queued = listQueue(db, { document: String(d.id) }).filter((i) => i.flags.length > 0).length;
      expect([d.flagged, documentDetail(db, d.id)!.flagged], d.path).toEqual([queued, queued]);
    }
    db.close();
  });
});

describe('figures in the plan scale and quotes that hold them', () => {
  it('compare shows 600亿元-style figures on a terminal and keeps base units beside', async () => {
    const r = await corpus.run(['compare', '知识产权质押融资', '--format', 'table']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('>200亿元');
    expect(r.stdout).toContain('≥60亿元');
    expect(r.stdout).toContain('20000000000');
    const { rows } = await corpus.json<Row[]>(['compare', '知识产权质押融资']);
    expect(rows.find((x) => x.region === '南京市')).toMatchObject({ value_base: 20000000000, unit_base: '元', figure: '>200亿元' });
  });

  const quotes: Array<{ region: string; quote: string; why: string }> = [
    // The figure ends a long sentence: the quote is its clause, which a terminal can show.
    { region: '连云港市', quote: '知识产权质押融资累计达60亿元', why: 'the clause of a long sentence that holds the figure' },
    {
      region: '南京市',
      quote: '序号: 8 | 内容: 知识产权质押融资总额 | 预期目标: >200亿 | 2021年完成值: 43.14 | 2022年完成值: 79.49 | 序时进度: 达到序时进度',
      why: 'a table row as header: value pairs',
    },
  ];
  for (const q of quotes) {
    it(`--quote, ${q.region}: ${q.why}`, async () => {
      const { rows } = await corpus.json<Row[]>(['compare', '知识产权质押融资', '--quote']);
      expect(rows.find((r) => r.region === q.region)?.quote).toBe(q.quote);
    });
  }
});

describe('progress respects 新增 and the plan’s own verdict', () => {
  // The Nanjing evaluation's table: 预期目标 | 2021年完成值 | 2022年完成值 | 序时进度.
  const cases: Array<{ indicator: string; actual: number; onTrack: string; stated: string; contradiction: boolean }> = [
    // ≥10家, 11 added in 2021 and 2 in 2022: 13, met — the plan says 超过预期目标值.
    { indicator: '新增市级以上正版正货街区（行业）', actual: 13, onTrack: 'achieved', stated: 'achieved', contradiction: false },
    // 60家, 17 + 21 = 38 by 2022, ahead of the linear 24 — the plan says 达到序时进度.
    { indicator: '新增市级以上高价值专利培育中心', actual: 38, onTrack: 'on track', stated: 'on track', contradiction: false },
    { indicator: '新增知识产权高层次人才', actual: 80, onTrack: 'on track', stated: 'on track', contradiction: false },
    // A flow by the catalogue (知识产权质押融资额, kind flow): 43.14亿 + 79.49亿 against >200亿 by 2025 is on pace, as the plan says.
    { indicator: '知识产权质押融资总额', actual: 122.63e8, onTrack: 'on track', stated: 'on track', contradiction: false },
    // A stock: 1009家 → 1010家 against >1300家 by 2025 is behind a linear pace; the plan says 达到序时进度: both shown, marked.
    { indicator: '万企拥有有效注册商标企业数', actual: 1010.08, onTrack: 'behind', stated: 'on track', contradiction: true },
    // A running total (累计) is read as it stands, not summed.
    { indicator: '累计培养培训知识产权专业人才', actual: 20809, onTrack: 'on track', stated: 'on track', contradiction: false },
  ];
  for (const c of cases) {
    it(`${c.indicator}: ${c.actual} ${c.onTrack}, the plan says ${c.stated}${c.contradiction ? ' (marked)' : ''}`, async () => {
      const { rows } = await corpus.json<Row[]>(['progress', '--region', '南京市']);
      const row = rows.find((r) => r.indicator_as_written === c.indicator);
      expect(row, c.indicator).toBeDefined();
      expect(row!.actual_value).toBeCloseTo(c.actual, 2);
      expect([row!.on_track, row!.stated_verdict, row!.status_conflict !== null]).toEqual([c.onTrack, c.stated, c.contradiction]);
      if (c.contradiction) expect(row!.status_conflict).toBe(`the plan says 达到序时进度 (${c.stated}); its figures say ${c.onTrack}`);
    });
  }

  it('a flow is the sum of one figure per year from the plan start, against a linear share of its years', async () => {
    const { rows } = await corpus.json<Row[]>(['progress', '--measured']);
    const flows = rows.filter((r) => r.measure === 'flow' && r.actual_from_year !== null);
    expect(flows.length).toBeGreaterThanOrEqual(5);
    const { rows: actuals } = await corpus.json<Row[]>(['query', '--kind', 'actual']);
    for (const r of flows) {
      const yearly = actuals.filter(
        (a) =>
          a.region === r.region &&
          (a.indicator_id ?? a.indicator_as_written) === (r.indicator_id ?? r.indicator_as_written) &&
          a.year >= r.actual_from_year &&
          a.year <= r.actual_year &&
          (a.period_start ?? a.year) === a.year,
      );
      const years = new Set(yearly.map((a) => a.year));
      expect(years.size, r.indicator_as_written).toBe(r.actual_year - r.actual_from_year + 1);
      // One figure a year: the view's choice for a year with several is the one named as the target is.
      const sum = [...years].map(
        (y) =>
          yearly
            .filter((a) => a.year === y)
            .sort((a, b) => Number(b.indicator_as_written === r.indicator_as_written) - Number(a.indicator_as_written === r.indicator_as_written))[0]!,
      );
      expect(r.actual_value, r.indicator_as_written).toBeCloseTo(
        sum.reduce((t, a) => t + (a.value_base ?? a.value), 0),
        4,
      );
    }
  });

  it('the table marks a contradiction and shows figures in the plan scale', async () => {
    const r = await corpus.run(['progress', '--region', '南京市', '--format', 'table']);
    expect(r.status, r.stderr).toBe(0);
    const money = r.stdout.split('\n').find((l) => l.includes('知识产权质押融资额'))!;
    expect(money).toContain('>200亿元');
    expect(money).toContain('Σ 122.6亿元');
    const marked = r.stdout.split('\n').find((l) => l.includes('万企拥有有效注册商标企业数'))!;
    expect(marked).toContain('≠ plan says on track');
    expect(r.stdout.split('\n').find((l) => l.includes('正版正货'))).toContain('Σ 13家');
  });
});

describe('departments: an office with two names is one office', () => {
  it('连云港: 市市场监管局（市知识产权局） is one row with both names, and either name alone counts for it', async () => {
    const { rows } = await corpus.json<Row[]>(['departments', '--region', '连云港市']);
    const office = rows.filter((r) => /市场监督管理局|知识产权局/.test(r.department) && r.department.startsWith('连云港市'));
    expect(office.map((r) => r.department)).toEqual(['连云港市市场监督管理局（连云港市知识产权局）']);
    expect(office[0]).toMatchObject({ lead: 19, mentions: 2, canonical_id: '连云港:market-regulation' });
    expect(office[0]!.written_as.split('、')).toEqual(expect.arrayContaining(['市市场监管局（市知识产权局）', '市市场监管局', '市知识产权局']));
    // The same for a second pair in the same plan.
    expect(rows.map((r) => r.department)).toContain('连云港市新闻出版局（连云港市版权局）');
  });

  it.each(['连云港市知识产权局', '连云港市市场监督管理局', '市市场监管局（市知识产权局）'])('tasks --department %s: the office’s 19 tasks', async (name) => {
    const { rows } = await corpus.json<Row[]>(['tasks', '--department', name]);
    expect(rows).toHaveLength(19);
  });

  it('the table opens with a line saying what its columns count', async () => {
    const r = await corpus.run(['departments', '--format', 'table']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('listed: tasks in a 责任单位 list that names no lead');
    const json = await corpus.run(['departments', '--format', 'json']);
    expect(json.stderr).toBe('');
  });
});

describe('a county plan', () => {
  const PLAN = `沭阳县知识产权强县建设工作方案（2024—2026年）

一、主要目标
到2025年底前建成县级知识产权公共服务工作站3个，有效发明专利拥有量达到1200件。

二、重点任务
（一）加强知识产权保护。建立知识产权快速维权机制。（责任单位：县市场监管局（县知识产权局）、县公安局）
（二）推进专利转化运用。开展专利开放许可试点。（牵头单位：县发展改革局；配合单位：县财政局、县知识产权局）
`;
  let dir = '';
  let db = '';
  const json = async (args: string[]): Promise<Row[]> => {
    const r = await planlensInProcess([...args, '--db', db, '--format', 'json']);
    expect(r.status, r.stderr).toBe(0);
    return JSON.parse(r.stdout) as Row[];
  };
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'planlens-county-'));
    db = join(dir, 'county.db');
    writeFileSync(join(dir, 'shuyang.txt'), PLAN);
    const r = await planlensInProcess(['ingest', join(dir, 'shuyang.txt'), '--db', db]);
    expect(r.status, r.stderr).toBe(0);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is level county, not district', async () => {
    const r = await planlensInProcess(['show', '1', '--db', db, '--format', 'json']);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).document).toMatchObject({ region: '沭阳县', level: 'county' });
    const rows = await json(['query', '--level', 'county']);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((q) => q.region_level === 'county')).toBe(true);
  });

  it('2025年底前建成…工作站3个 keeps its deadline, and the indicator does not start with 前建成', async () => {
    const rows = await json(['query', '--kind', 'target']);
    const station = rows.find((r) => r.indicator_as_written.includes('工作站'));
    expect(station).toMatchObject({ value: 3, unit: '个', year: 2025 });
    expect(station!.indicator_as_written).not.toMatch(/^前/);
  });

  it('short forms expand like the others, and the office with two names is one row', async () => {
    const rows = await json(['departments']);
    const byName = Object.fromEntries(rows.map((r) => [r.department, [r.lead, r.support, r.listed]]));
    expect(byName).toMatchObject({
      沭阳县发展和改革局: [1, 0, 0],
      '沭阳县市场监督管理局（沭阳县知识产权局）': [0, 1, 1],
      沭阳县公安局: [0, 0, 1],
    });
    expect(rows.map((r) => r.department)).not.toContain('沭阳县知识产权局');
  });
});
