/**
 * The words progress reads (rules/progress.yaml): flow or stock from an
 * indicator's measure verb (or the catalogue's kind), and an evaluation's own
 * verdict in progress's terms.
 */
import { describe, expect, it } from 'vitest';
import { loadProgressWords } from '../../src/analyst/progress-rules.js';
import { contradicts, measureOf, verdictOf, type Verdict } from '../../src/analyst/progress-words.js';

const words = loadProgressWords();

describe('measureOf', () => {
  const cases: Array<[name: string, catalogueKind: string | null, measure: 'flow' | 'stock']> = [
    ['新增市级以上正版正货街区（行业）', null, 'flow'],
    ['新增发明专利授权', null, 'flow'],
    ['新建 5G 基站', null, 'flow'],
    ['年均新增高新技术企业', null, 'flow'],
    // A running total is read as it stands, however it was built up.
    ['累计新增知识产权质押融资', null, 'stock'],
    ['累计培养培训知识产权专业人才', null, 'stock'],
    ['万人高价值发明专利拥有量', null, 'stock'],
    ['有效注册商标量', null, 'stock'],
    ['知识产权质押融资总额', null, 'stock'],
    // Where the name states no measure verb, the catalogue's kind of the linked entry decides.
    ['发明专利授权量', 'flow', 'flow'],
    ['发明专利授权量', null, 'stock'],
    ['有效发明专利拥有量', 'stock', 'stock'],
    ['专利质押融资额', 'cumulative', 'stock'],
    ['版权产业增加值占GDP比重', 'share', 'stock'],
    // The figure's own verb wins: 新增 counts additions to whatever the entry measures.
    ['新增市级以上高价值专利培育中心', 'stock', 'flow'],
    ['累计新增发明专利授权', 'flow', 'stock'],
  ];
  for (const [name, kind, measure] of cases)
    it(`${name}${kind ? ` (catalogue: ${kind})` : ''} → ${measure}`, () => expect(measureOf(name, words, kind)).toBe(measure));
});

describe('verdictOf', () => {
  const cases: Array<[stated: string | null, verdict: Verdict | null]> = [
    ['达到序时进度', 'on track'],
    ['超过序时进度', 'on track'],
    ['超过预期目标值', 'achieved'],
    ['达到预期目标值', 'achieved'],
    ['提前完成预期目标', 'achieved'],
    ['未达到序时进度', 'behind'],
    ['滞后于序时进度', 'behind'],
    ['进度滞后', 'behind'],
    ['数据尚示公布', 'unknown'],
    ['因江苏省版权局未公布数据无法评估', 'unknown'],
    ['稳步推进中', null],
    [null, null],
  ];
  for (const [stated, verdict] of cases) it(`${stated} → ${verdict}`, () => expect(verdictOf(stated, words)).toBe(verdict));
});

describe('contradicts', () => {
  type Computed = 'achieved' | 'on track' | 'behind' | null;
  const cases: Array<[computed: Computed, stated: Verdict | null, contradiction: boolean]> = [
    ['behind', 'on track', true],
    ['behind', 'achieved', true],
    ['on track', 'behind', true],
    ['achieved', 'behind', true],
    ['on track', 'achieved', true],
    ['achieved', 'on track', false],
    ['achieved', 'achieved', false],
    ['on track', 'on track', false],
    ['behind', 'behind', false],
    [null, 'behind', false],
    ['behind', 'unknown', false],
    ['behind', null, false],
  ];
  for (const [computed, stated, contradiction] of cases) {
    it(`computed ${computed}, plan says ${stated} → ${contradiction ? '' : 'no '}contradiction`, () =>
      expect(contradicts(computed, stated)).toBe(contradiction));
  }
});
