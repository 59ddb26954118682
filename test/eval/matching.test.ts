import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assign } from '../../src/eval/assign.js';
import type { GoldFile, GoldMilestone, GoldQuantity, GoldResponsibility } from '../../src/gold/schema.js';
import { aggregate } from '../../src/eval/metrics.js';
import { parseGold, readGoldDir } from '../../src/gold/read.js';
import { sameBaseValue, unitMultiplier } from '../../src/eval/scale.js';
import { milestonesMatch, quantitiesMatch, responsibilitiesMatch, scoreDocument, scoreNameSet } from '../../src/eval/score.js';
import { canonicalName } from '../../src/text/names.js';
import { diceSimilarity, nameSimilarity } from '../../src/text/similarity.js';

const GOLD_DIR = 'test/fixtures/gold';

const q = (indicator: string, value: number | null, unit: string | null, year: number | null = 2025): GoldQuantity => ({
  indicator,
  value,
  unit,
  year,
});

describe('unit scaling', () => {
  it.each([
    [13.5, '万件', 135000, '件', true],
    [135000, '件', 13.5, '万件', true],
    [1.2, '亿元', 120000000, '元', true],
    [1, '千家', 1000, '家', true],
    [0.3, '千万元', 3000000, '元', true],
    [13.5, '万件', 13.5, '件', false],
    [100, '件', 101, '件', false],
    [8.6, '%', 8.6, '%', true],
    [2, '百分点', 2, '个百分点', true],
  ])('%s %s vs %s %s → %s', (a, ua, b, ub, same) => {
    expect(sameBaseValue(a, ua, b, ub)).toBe(same);
  });

  it('only leading magnitude characters scale', () => {
    expect(unitMultiplier('人次')).toBe(1);
    expect(unitMultiplier('万人次')).toBe(1e4);
    expect(unitMultiplier(null)).toBe(1);
  });
});

describe('name similarity', () => {
  it.each([
    ['有效发明专利拥有量', '有效发明专利拥有量', true],
    ['万人高价值发明专利拥有量', '万人发明专利拥有量', true], // Dice 0.8
    ['有效发明专利拥有量', '发明专利', true], // containment
    ['专利质押融资金额', '商标质押融资金额', true], // Dice 0.714 — the value and year must separate them
    ['马德里商标有效注册量', '版权产业增加值占GDP比重', false],
    ['知识产权', '专利代理机构数量', false],
  ])('%s ~ %s → %s', (a, b, similar) => {
    expect(nameSimilarity(a, b) !== null).toBe(similar);
  });

  it('the Dice threshold is 0.5 inclusive', () => {
    // ABCD vs ABXY: bigrams {AB,BC,CD} vs {AB,BX,XY} share 1 → 2/6 < 0.5
    expect(diceSimilarity('甲乙丙丁', '甲乙戊己')).toBeCloseTo(1 / 3);
    expect(nameSimilarity('甲乙丙丁', '甲乙戊己')).toBeNull();
    // ABC vs ABD: {AB,BC} vs {AB,BD} → 2/4 = 0.5 → similar
    expect(diceSimilarity('甲乙丙', '甲乙丁')).toBe(0.5);
    expect(nameSimilarity('甲乙丙', '甲乙丁')).toBe(0.5);
  });

  it('<…> and （…）, width and spaces do not matter', () => {
    expect(canonicalName('市市场监管局<市知识产权局>')).toBe(canonicalName('市市场监管局（市知识产权局）'));
    expect(canonicalName('维持 10 年以上有效发明专利数')).toBe(canonicalName('维持１０年以上有效发明专利数'));
  });
});

describe('targets and actuals', () => {
  it('13.5万件 matches 135000 件 with the same year and a similar indicator', () => {
    expect(quantitiesMatch(q('专利授权量', 13.5, '万件'), q('专利授权量', 135000, '件'))).not.toBeNull();
  });
  it('a different year or value does not match', () => {
    expect(quantitiesMatch(q('专利授权量', 13.5, '万件', 2025), q('专利授权量', 13.5, '万件', 2024))).toBeNull();
    expect(quantitiesMatch(q('专利授权量', 13.5, '万件'), q('专利授权量', 13.5, '件'))).toBeNull();
  });
  it('qualitative targets match only qualitative predictions', () => {
    const gold = { ...q('知识产权纠纷调解组织', null, null), qualitative: '全覆盖' };
    expect(quantitiesMatch(gold, { ...q('知识产权纠纷调解组织', null, null), qualitative: '全覆盖' })).not.toBeNull();
    expect(quantitiesMatch(gold, q('知识产权纠纷调解组织', 100, '%'))).toBeNull();
  });

  it('duplicates are neither true nor false positives', () => {
    const gold: GoldFile = emptyGold({ targets: [q('有效发明专利拥有量', 18000, '件')] });
    const pred: GoldFile = emptyGold({
      targets: [q('有效发明专利拥有量', 18000, '件'), q('有效发明专利', 1.8, '万件'), q('专利代理机构', 20, '家')],
    });
    const s = scoreDocument(gold, pred).sections.targets;
    expect(s).toMatchObject({ tp: 1, fp: 1, fn: 0, duplicates: 1 });
  });

  it('a different comparator still matches but is listed as an attribute error', () => {
    const gold = emptyGold({ targets: [{ ...q('有效发明专利拥有量', 18000, '件'), comparator: '>=' }] });
    const pred = emptyGold({ targets: [{ ...q('有效发明专利拥有量', 18000, '件'), comparator: '=' }] });
    const s = scoreDocument(gold, pred).sections.targets;
    expect(s).toMatchObject({ tp: 1, fp: 0, fn: 0 });
    expect(s.attributeErrors.map((e) => e.fact)).toEqual(['有效发明专利拥有量 >= 18000 件 (2025): comparator >= ≠ =']);
  });

  it('a duplicate cannot steal the match another prediction needs', () => {
    // P0 matches G0 (exact) and G1 (contained); P1 matches only G0 (weaker).
    // Best-first greedy alone would give G0 to P0 and leave P1 and G1 unmatched.
    const gold = ['有效发明专利拥有量', '发明专利拥有量'];
    const pred = ['有效发明专利拥有量', '有效发明专利拥有'];
    const sim = (g: string, p: string) => (p === '有效发明专利拥有' && g === '发明专利拥有量' ? null : nameSimilarity(g, p));
    const result = assign(gold, pred, sim);
    expect(result.pairs).toHaveLength(2);
    expect(result.missed).toEqual([]);
    expect(result.duplicates).toEqual([]);
  });

  it('the closer name wins when two predictions compete for one fact', () => {
    const result = assign(['万人发明专利拥有量'], ['万人高价值发明专利拥有量', '万人发明专利拥有量'], nameSimilarity);
    expect(result.pairs).toEqual([{ gold: 0, pred: 1, score: 1 }]);
    expect(result.duplicates).toEqual([0]);
  });
});

describe('responsibilities', () => {
  const r = (task: string, lead: string[], support: string[], roles?: 'unsplit'): GoldResponsibility => ({ task, lead, support, ...(roles ? { roles } : {}) });

  it('lead and support must agree as sets after canonicalisation', () => {
    const gold = r('加强知识产权创新载体建设', ['市市场监管局（市知识产权局）'], ['市科技局', '市财政局']);
    expect(responsibilitiesMatch(gold, r('加强知识产权创新载体建设', ['市市场监管局<市知识产权局>'], ['市财政局', '市科技局']))).not.toBeNull();
    expect(responsibilitiesMatch(gold, r('加强知识产权创新载体建设', ['市市场监管局（市知识产权局）', '市科技局'], ['市财政局']))).toBeNull();
    expect(responsibilitiesMatch(gold, r('推进新时代科技自立自强', ['市市场监管局（市知识产权局）'], ['市科技局', '市财政局']))).toBeNull();
  });

  it("'unsplit' records match on the set of all units", () => {
    const gold = r('强化知识产权保护', ['市法院'], ['市检察院', '市公安局'], 'unsplit');
    expect(responsibilitiesMatch(gold, r('强化知识产权保护', ['市检察院'], ['市公安局', '市法院']))).not.toBeNull();
    expect(responsibilitiesMatch(gold, r('强化知识产权保护', ['市检察院', '市公安局', '市法院'], [], 'unsplit'))).not.toBeNull();
    expect(responsibilitiesMatch(gold, r('强化知识产权保护', ['市法院'], ['市检察院']))).toBeNull();
  });
});

describe('milestones', () => {
  const m = (what: string, start: string | null, end: string | null): GoldMilestone => ({ what, start, end });
  it('end must be equal; start only where gold has one', () => {
    expect(milestonesMatch(m('宣传发动阶段', '2024-06', '2024-10'), m('宣传发动', '2024-6', '2024-10'))).not.toBeNull();
    expect(milestonesMatch(m('宣传发动阶段', '2024-06', '2024-10'), m('宣传发动阶段', '2024-07', '2024-10'))).toBeNull();
    expect(milestonesMatch(m('建成知识产权强市', null, '2025'), m('建成知识产权强市', '2021', '2025'))).not.toBeNull();
    expect(milestonesMatch(m('建成知识产权强市', null, '2025'), m('建成知识产权强市', null, '2025-12'))).toBeNull();
  });
});

describe('departments and implicit support', () => {
  it('compare as sets of canonical names', () => {
    const s = scoreNameSet(['市市场监管局（市知识产权局）', '市科技局', '市法院'], ['市市场监管局<市知识产权局>', '市科技局', '市科技局', '市教育局']);
    expect(s).toMatchObject({ tp: 2, fp: 1, fn: 1, duplicates: 1 });
  });
});

describe('gold files', () => {
  it('every gold file in the fixtures is valid and scores F1 = 1 against itself', () => {
    const golds = readGoldDir(GOLD_DIR);
    expect(golds.map((g) => g.name)).toEqual(
      expect.arrayContaining(['lianyungang-ip-city-pilot-2024-2026', 'nanjing-ip-14fyp-midterm-review', 'xuanwu-ip-14fyp-plan']),
    );
    const scores = golds.map((g) => scoreDocument(g.gold, g.gold));
    const totals = aggregate(scores);
    for (const [section, prf] of Object.entries(totals)) {
      expect({ section, f1: prf.f1, fp: prf.fp, fn: prf.fn }).toEqual({ section, f1: 1, fp: 0, fn: 0 });
    }
    // The self-score is not vacuous: the gold files hold facts in every section.
    expect(totals.targets.tp).toBeGreaterThan(50);
    expect(totals.actuals.tp).toBeGreaterThan(100);
    expect(totals.responsibilities.tp).toBeGreaterThan(10);
  });

  it('a bad gold file is reported with the file and the field', () => {
    const data = JSON.parse(readFileSync(`${GOLD_DIR}/xuanwu-ip-14fyp-plan.gold.json`, 'utf8'));
    data.targets[4].year = '2025';
    expect(() => parseGold(data, 'x.gold.json')).toThrow(/^x\.gold\.json: targets\[4\] \(万人高价值发明专利拥有量\)\.year: /);
    data.targets[4].year = 2025;
    data.targets[4].indicater = 'typo';
    expect(() => parseGold(data, 'x.gold.json')).toThrow(/x\.gold\.json: targets\[4\] \(万人高价值发明专利拥有量\).*indicater/);
  });

  it('a gold file whose `file` names another document is rejected', () => {
    const dir = mkdtempSync(join(tmpdir(), 'planlens-gold-'));
    copyFileSync(`${GOLD_DIR}/xuanwu-ip-14fyp-plan.gold.json`, join(dir, 'other-plan.gold.json'));
    expect(() => readGoldDir(dir)).toThrow(/other-plan\.gold\.json: file: 'xuanwu-ip-14fyp-plan\.txt' does not name/);
  });

  it('a missing gold directory is one line naming it', () => {
    expect(() => readGoldDir('test/fixtures/no-such-dir')).toThrow('test/fixtures/no-such-dir: gold directory not found');
  });
});

function emptyGold(parts: Partial<GoldFile>): GoldFile {
  return {
    file: 'x.txt',
    document: { title: null, region: null, level: null, issuer: null, doc_number: null, issued: null, period: null, type: null },
    targets: [],
    actuals: [],
    responsibilities: [],
    implicit_support: [],
    milestones: [],
    departments: [],
    ...parts,
  };
}
