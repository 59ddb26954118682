/**
 * Cross-plan comparison on the real corpora: compare, query and progress
 * through the CLI. Expected figures come from the documents (and their gold
 * files), not from what the extraction happens to produce today.
 */
import stringWidth from 'string-width';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { close, ingestCorpora, nameSimilarity, planlensInProcess, readGold, scaled, similarNames, type CorpusDb } from '../support/corpus-db.js';

let corpus: CorpusDb;
beforeAll(() => {
  corpus = ingestCorpora('compare');
});
afterAll(() => corpus?.remove());

type Row = Record<string, any>;

describe('planlens compare', () => {
  it('万人高价值发明专利拥有量: one row each for Nanjing, Xuanwu and Lianyungang', async () => {
    const { rows, stderr } = await corpus.json<Row[]>(['compare', '万人高价值发明专利拥有量']);
    expect(stderr).toMatch(/matched 万人高价值发明专利拥有量 \(ip\.high-value-invention-patents-per-10k\)/);
    const byRegion = (region: string) => rows.filter((r) => r.region === region);
    expect(byRegion('南京市')).toHaveLength(1);
    expect(byRegion('南京市玄武区')).toHaveLength(1);
    expect(byRegion('连云港市')).toHaveLength(1);
    expect(rows).toHaveLength(3);
    expect(byRegion('南京市')[0]).toMatchObject({ value: 50, unit: '件', year: 2025 });
    expect(byRegion('南京市玄武区')[0]).toMatchObject({ value: 100, unit: '件', year: 2025 });
    expect(byRegion('连云港市')[0]).toMatchObject({ value: 10, unit: '件', year: 2026 });
  });

  it('counts the Xuanwu plan once although it is stored as txt, docx and pdf', async () => {
    const docs = (await corpus.json<Row[]>(['docs'])).rows.filter((d) => String(d.path).includes('xuanwu'));
    expect(docs.map((d) => d.format).sort()).toEqual(['docx', 'pdf', 'txt']);
    const { rows } = await corpus.json<Row[]>(['compare', 'ip.high-value-invention-patents-per-10k', '--region', '南京市玄武区']);
    expect(rows).toHaveLength(1);
    expect(docs.filter((d) => d.primary).map((d) => d.plan)).toContain(rows[0]!.plan_id);
  });

  it('--quote adds the source sentence, which holds the figure', async () => {
    const { rows } = await corpus.json<Row[]>(['compare', '万人高价值发明专利拥有量', '--quote']);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(typeof r.quote).toBe('string');
    const xuanwu = rows.find((r) => r.region === '南京市玄武区')!;
    expect(xuanwu.quote).toContain('100');
    const without = (await corpus.json<Row[]>(['compare', '万人高价值发明专利拥有量'])).rows;
    expect(without[0]).not.toHaveProperty('quote');
  });

  it('answers "which plans target 知识产权质押融资, for how much, by when" in base units', async () => {
    const { rows, stderr } = await corpus.json<Row[]>(['compare', '知识产权质押融资', '--quote']);
    expect(stderr).toMatch(/ip\.pledge-financing/);
    const xuanwu = rows.filter((r) => r.region === '南京市玄武区');
    const lyg = rows.filter((r) => r.region === '连云港市');
    expect(xuanwu).toHaveLength(1);
    expect(xuanwu[0]).toMatchObject({ value: 6, year: 2025, value_base: 6e8, unit_base: '元' });
    expect(lyg).toHaveLength(1);
    expect(lyg[0]).toMatchObject({ value: 60, year: 2026, value_base: 6e9, unit_base: '元' });
    expect(rows.some((r) => r.region === '南京市' && close(r.value_base, 2e10))).toBe(true);
  });

  it('aligns Chinese columns in a table by display width', async () => {
    const r = await corpus.run(['compare', '万人高价值发明专利拥有量', '--format', 'table']);
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    const header = lines[0]!;
    const starts = (line: string) => {
      const out: number[] = [];
      const re = /\S+/g;
      let m: RegExpExecArray | null;
      let prevEnd = -2;
      while ((m = re.exec(line))) {
        // A cell starts after two or more blanks (one blank can sit inside a cell).
        if (m.index - prevEnd >= 2 || prevEnd < 0) out.push(stringWidth(line.slice(0, m.index)));
        prevEnd = m.index + m[0].length;
      }
      return out;
    };
    const columns = starts(header);
    expect(columns.length).toBeGreaterThanOrEqual(7);
    const data = lines.slice(2);
    expect(data).toHaveLength(3);
    for (const line of data) expect(starts(line)).toEqual(columns);
    // The test means something only if the rows hold wide characters.
    expect(data.some((l) => stringWidth(l) > l.length)).toBe(true);
  });

  it('fails in one line naming the argument when no indicator matches', async () => {
    const r = await corpus.run(['compare', '火星殖民地人口']);
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/indicator '火星殖民地人口'/);
  });
});

describe('planlens query', () => {
  it('says on stderr what a loose --indicator matched', async () => {
    const part = await corpus.json<Row[]>(['query', '--indicator', '质押融资']);
    expect(part.stderr).toMatch(/--indicator '质押融资' matched 知识产权质押融资额 \(ip\.pledge-financing\) by part of the name/);
    expect(part.rows.length).toBeGreaterThan(0);
    expect(part.rows.every((r) => r.indicator_id === 'ip.pledge-financing')).toBe(true);

    const alias = await corpus.json<Row[]>(['query', '--indicator', '每万人口高价值发明专利拥有量']);
    expect(alias.stderr).toMatch(/matched 万人高价值发明专利拥有量 .* by alias 每万人口高价值发明专利拥有量/);

    const typo = await corpus.json<Row[]>(['query', '--indicator', '万人高价值专利拥有量']);
    expect(typo.stderr).toMatch(/matched 万人高价值发明专利拥有量 .*closest name/);
    expect(typo.rows.every((r) => r.indicator_id === 'ip.high-value-invention-patents-per-10k')).toBe(true);
  });

  it('filters by region, level, year, kind, category and flags', async () => {
    const nj = (await corpus.json<Row[]>(['query', '--region', '南京市', '--kind', 'actual', '--year', '2022'])).rows;
    expect(nj.length).toBeGreaterThan(0);
    expect(nj.every((r) => r.region === '南京市' && r.kind === 'actual' && r.year === 2022)).toBe(true);

    const district = (await corpus.json<Row[]>(['query', '--level', 'district'])).rows;
    expect(district.length).toBeGreaterThan(0);
    expect(new Set(district.map((r) => r.region))).toEqual(new Set(['南京市玄武区']));

    const use = (await corpus.json<Row[]>(['query', '--category', '运用'])).rows;
    expect(use.length).toBeGreaterThan(0);
    expect(use.every((r) => r.category === '运用')).toBe(true);

    const all = (await corpus.json<Row[]>(['query'])).rows;
    const flagged = (await corpus.json<Row[]>(['query', '--flagged'])).rows;
    expect(flagged.every((r) => Array.isArray(r.flags) && r.flags.length > 0)).toBe(true);
    expect(flagged.length).toBe(all.filter((r) => r.flags.length > 0).length);

    const loose = await corpus.json<Row[]>(['query', '--region', '南京']);
    expect(loose.stderr).toMatch(/--region '南京' matched 南京市, 南京市玄武区|--region '南京' matched 南京市玄武区, 南京市/);
  });

  it('names the Nanjing evaluation, which has no title line, by region, type and period, not by its file name', async () => {
    const nj = (await corpus.json<Row[]>(['query', '--region', '南京市', '--kind', 'actual'])).rows;
    expect(nj.length).toBeGreaterThan(0);
    expect(new Set(nj.map((r) => r.plan_title))).toEqual(new Set(['南京市 评估报告 (2021—2025)']));
  });

  it('writes csv and tsv with the same rows as json', async () => {
    const json = (await corpus.json<Row[]>(['query', '--kind', 'target'])).rows;
    const tsv = await corpus.run(['query', '--kind', 'target', '--format', 'tsv']);
    expect(tsv.status).toBe(0);
    // Only the final newline goes: a last row may end in empty fields (trailing tabs).
    const lines = tsv.stdout.replace(/\n$/, '').split('\n');
    const header = lines[0]!.split('\t');
    expect(header).toContain('indicator_name');
    expect(lines.length - 1).toBe(json.length);
    for (const line of lines.slice(1)) expect(line.split('\t')).toHaveLength(header.length);
    const csv = await corpus.run(['query', '--kind', 'target', '--format', 'csv']);
    expect(csv.status).toBe(0);
    expect(csv.stdout.startsWith('\uFEFF')).toBe(true);
    expect(csv.stdout.split('\r\n')[0]).toContain('indicator_name');
    expect(csv.stdout.trimEnd().split('\r\n').length - 1).toBeGreaterThanOrEqual(json.length);
  });

  it('rejects bad usage with status 2', async () => {
    expect((await corpus.run(['query', '--kind', 'goal'])).status).toBe(2);
    expect((await corpus.run(['query', '--year', 'next'])).status).toBe(2);
    const cat = await corpus.run(['query', '--category', '不存在']);
    expect(cat.status).toBe(2);
    expect(cat.stderr).toMatch(/--category '不存在'/);
  });

  it('names the database file when it does not exist', async () => {
    // Through main(argv): test/cli/commands.test.ts checks the same through the real process.
    const r = await planlensInProcess(['query', '--db', '/nonexistent/planlens.db']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/\/nonexistent\/planlens\.db/);
  });
});

describe('planlens progress', () => {
  it("Nanjing: the evaluation's 19 table indicators, each with its 2022 value", async () => {
    const gold = readGold('nanjing-ip-14fyp-midterm-review');
    // The evaluation's indicator table: the targets the document grades (序时进度 column).
    const graded = gold.targets.filter((t) => t.status);
    expect(graded).toHaveLength(19);
    const { rows } = await corpus.json<Row[]>(['progress', '--region', '南京市']);
    expect(rows.every((r) => r.region === '南京市')).toBe(true);

    const used = new Set<number>();
    let checked = 0;
    for (const target of graded) {
      const row = rows.find(
        (r) =>
          !used.has(r.quantity_id) &&
          r.due_year === target.year &&
          (target.value === null ? r.target_value === null : close(r.target_value, scaled(target.value, target.unit))) &&
          (similarNames(r.indicator_as_written, target.indicator) || similarNames(r.indicator_name, target.indicator)),
      );
      expect(row, `progress row for ${target.indicator}`).toBeDefined();
      used.add(row!.quantity_id);
      // The gold 2022 value reported for this indicator: the closest-named one.
      const actual2022 = gold.actuals
        .filter((a) => a.year === 2022 && a.value !== null && similarNames(a.indicator, target.indicator))
        .sort((a, b) => nameSimilarity(b.indicator, target.indicator) - nameSimilarity(a.indicator, target.indicator))[0];
      if (actual2022) {
        checked++;
        expect(row!.actual_year, target.indicator).toBe(2022);
        // A flow (新增…) is measured by its 2021 and 2022 figures added up.
        const actual2021 =
          row!.measure === 'flow'
            ? gold.actuals
                .filter((a) => a.year === 2021 && a.value !== null && similarNames(a.indicator, target.indicator))
                .sort((a, b) => nameSimilarity(b.indicator, target.indicator) - nameSimilarity(a.indicator, target.indicator))[0]
            : undefined;
        if (row!.measure === 'flow') expect(row!.actual_from_year, target.indicator).toBe(2021);
        const value = actual2022.value! + (actual2021?.value ?? 0);
        const candidates = [scaled(value, actual2022.unit), scaled(value, target.unit), value];
        expect(
          candidates.some((c) => close(row!.actual_value, c)),
          `${target.indicator}: ${row!.actual_value} vs ${value}`,
        ).toBe(true);
      }
    }
    // Only 版权产业增加值占GDP比重 has no 2022 value (数据尚未公布).
    expect(checked).toBe(18);
  });

  it('computes share and on-track status by the documented formula', async () => {
    const { rows } = await corpus.json<Row[]>(['progress']);
    // Stocks; flows (新增…, their yearly figures summed) are checked in test/analyst/facts.test.ts.
    const measured = rows.filter((r) => r.actual_value !== null && r.target_value && r.measure === 'stock');
    expect(measured.length).toBeGreaterThan(0);
    for (const r of measured) {
      const lower = r.comparator === '<=' || r.comparator === '<';
      const share = lower ? r.target_value / r.actual_value : r.actual_value / r.target_value;
      expect(r.share_achieved).toBeCloseTo(share, 3);
      const met = lower ? r.actual_value <= r.target_value : r.comparator === '>' ? r.actual_value > r.target_value : r.actual_value >= r.target_value;
      if (met) {
        expect(r.on_track).toBe('achieved');
        continue;
      }
      if (r.baseline_value === null || r.actual_year <= r.baseline_year) {
        expect(r.on_track).toBeNull();
        continue;
      }
      const expected =
        r.baseline_value + ((r.target_value - r.baseline_value) * (Math.min(r.actual_year, r.due_year) - r.baseline_year)) / (r.due_year - r.baseline_year);
      expect(r.expected_value).toBeCloseTo(expected, 2);
      expect(r.on_track).toBe((lower ? r.actual_value <= expected : r.actual_value >= expected) ? 'on track' : 'behind');
    }
    // Each actual comes from the target's own region: Nanjing's figures never grade Xuanwu's targets.
    const plans = new Map((await corpus.json<Row[]>(['docs'])).rows.map((d) => [d.plan, d.region]));
    for (const r of measured) expect(plans.get(r.actual_plan_id)).toBe(r.region);
  });
});

describe('planlens indicators', () => {
  it('lists the canonical indicators with how many plans use each', async () => {
    const { rows } = await corpus.json<Row[]>(['indicators']);
    const hv = rows.find((r) => r.id === 'ip.high-value-invention-patents-per-10k')!;
    expect(hv).toMatchObject({ name: '万人高价值发明专利拥有量', category: '创造', plans: 3 });
    expect(hv.aliases).toContain('每万人口高价值发明专利拥有量');
    // Sorted by use: the plan counts never increase down the list.
    const plans = rows.map((r) => r.plans as number);
    expect(plans).toEqual([...plans].sort((a, b) => b - a));
  });

  it('--unlinked: names linked to no indicator, the most used first, with the nearest indicator', async () => {
    const { rows } = await corpus.json<Row[]>(['indicators', '--unlinked', '--limit', '100']);
    expect(rows.length).toBeGreaterThan(0);
    const linked = new Set((await corpus.json<Row[]>(['query'])).rows.filter((r) => r.indicator_id).map((r) => r.indicator_as_written));
    for (const r of rows) expect(linked.has(r.name), r.name).toBe(false);
    const order = rows.map((r) => [r.plans, r.records] as [number, number]);
    for (let i = 1; i < order.length; i++) {
      const [p0, n0] = order[i - 1]!;
      const [p1, n1] = order[i]!;
      expect(p0 > p1 || (p0 === p1 && n0 >= n1)).toBe(true);
    }
  });
});
