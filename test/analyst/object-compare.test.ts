/**
 * `planlens compare OBJECT` over plans that state one object under the verbs
 * and scopes plans use (新增, 累计建设, 全省建成开通, …总数突破, 每年新增,
 * 新认定): each plan is a small document in the style of a plan's 主要目标,
 * ingested through the real CLI, and every one must appear in the
 * comparison with the kind of figure its wording states.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { close, ingestCorpora, type CorpusDb } from '../support/corpus-db.js';

type Row = Record<string, any>;

// plan title, the 主要目标 sentence, the object asked, the figure in base units, its measure
const PLANS: Array<[string, string, string, number, string]> = [
  ['甲市信息基础设施建设三年行动方案（2024—2026年）', '到2026年，全市新增5G基站1000座，千兆光网覆盖率达到95%。', '5G基站', 1000, 'flow'],
  ['乙市数字经济发展规划（2021—2025年）', '到2025年，累计建设5G基站4600个，高新技术企业数量达到800家。', '5G基站', 4600, 'cumulative'],
  ['丙省新型基础设施建设实施方案（2023—2025年）', '到2025年，全省建成开通5G基站12万个，新认定高新技术企业1500家。', '5G基站', 120000, 'stock'],
  ['丁区科技创新行动计划（2024—2027年）', '到2027年，5G基站总数突破3000个，每年新增高新技术企业50家以上。', '5G基站', 3000, 'stock'],
  ['乙市数字经济发展规划（2021—2025年）', '', '高新技术企业', 800, 'stock'],
  ['丙省新型基础设施建设实施方案（2023—2025年）', '', '高新技术企业', 1500, 'flow'],
  ['丁区科技创新行动计划（2024—2027年）', '', '高新技术企业', 50, 'flow'],
];

let corpus: CorpusDb;
beforeAll(async () => {
  corpus = ingestCorpora('object-compare');
  const docs = join(corpus.dir, 'plans');
  mkdirSync(docs);
  PLANS.filter(([, sentence]) => sentence).forEach(([title, sentence], i) => {
    writeFileSync(join(docs, `plan-${i}.txt`), `${title}\n一、主要目标\n${sentence}\n`);
  });
  const r = await corpus.run(['ingest', docs, '--quiet']);
  if (r.status !== 0) throw new Error(`ingest failed: ${r.stderr}`);
});
afterAll(() => corpus?.remove());

describe('compare an object stated under different verbs', () => {
  it.each(['5G基站', '高新技术企业'])('%s: every plan stating it appears, with the kind of figure', async (object) => {
    const expected = PLANS.filter(([, , o]) => o === object);
    const { rows, stderr } = await corpus.json<Row[]>(['compare', object]);
    // Matched through the catalogue (its name or alias) or by the object across the names plans use; stderr says which.
    expect(stderr).toMatch(new RegExp(`indicator '${object}' matched .*${object}.* by `));
    expect(rows).toHaveLength(expected.length);
    for (const [title, , , value, measure] of expected) {
      const row = rows.find((r) => r.plan === title);
      expect(row, title).toBeDefined();
      expect(close(row!.value_base, value), `${title}: ${row!.value_base}`).toBe(true);
      expect(row!.measure, `${title}: ${row!.indicator_as_written}`).toBe(measure);
    }
  });
});
