/**
 * Decomposing indicator names as plans write them, the linker's reading of
 * rules/indicator-names.yaml (`link`): scope before a verb of doing, measure verbs and what they
 * say of the figure, level and size qualifiers, a per-capita base, and the
 * object that decides the indicator. Each row is a name in the style of plans.
 */
import { describe, expect, it } from 'vitest';
import { cleanName, linkKey, NameDecomposer, type DecomposedName } from '../../../src/text/indicator-names/link.js';
import { loadIndicatorNames } from '../../../src/text/indicator-names/rules.js';
import { RuleSet } from '../../../src/rules/index.js';

const decomposer = new NameDecomposer(loadIndicatorNames(new RuleSet()));

type Parts = Partial<DecomposedName>;

describe('name decomposition', () => {
  it.each<[string, Parts]>([
    // measure verbs: new, cumulative, or a verb that says neither
    ['新增5G基站', { verb: '新增', measureKind: 'new', object: '5G基站', scope: '' }],
    ['累计建设5G基站', { verb: '累计建设', measureKind: 'cumulative', object: '5G基站' }],
    ['建成开通5G基站', { verb: '建成开通', measureKind: 'unspecified', object: '5G基站' }],
    ['培育专精特新中小企业', { verb: '培育', measureKind: 'unspecified', object: '专精特新中小企业' }],
    ['新培育瞪羚企业', { verb: '新培育', measureKind: 'new', object: '瞪羚企业' }],
    ['5G基站', { verb: '', measureKind: null, object: '5G基站' }],
    // a modal adverb before the verb is no part of the measure
    ['努力推动培育专精特新中小企业', { verb: '推动培育', object: '专精特新中小企业' }],
    ['力争新增高新技术企业', { verb: '新增', measureKind: 'new', object: '高新技术企业' }],
    ['建立市级以上高价值专利培育中心', { verb: '建立', qualifiers: ['city-or-above'], object: '高价值专利培育中心' }],
    // qualifiers: level and size classes, spelt either way
    ['国家级智能工厂', { qualifiers: ['national'], object: '智能工厂' }],
    ['新增国家级智能工厂', { verb: '新增', qualifiers: ['national'], object: '智能工厂' }],
    ['省重点实验室', { qualifiers: ['provincial'], object: '重点实验室' }],
    ['省级重点实验室', { qualifiers: ['provincial'], object: '重点实验室' }],
    ['省级以上制造业单项冠军企业', { qualifiers: ['provincial-or-above'], object: '制造业单项冠军企业' }],
    ['规上工业企业研发机构覆盖率', { qualifiers: ['above-designated-size'], object: '工业企业研发机构覆盖率' }],
    ['重大基础研究项目', { qualifiers: ['major'], object: '基础研究项目' }],
    // per-capita bases
    ['每万人口高价值发明专利拥有量', { perCapita: '每万人口', object: '高价值发明专利拥有' }],
    ['万人高价值发明专利拥有量', { perCapita: '每万人口', object: '高价值发明专利拥有' }],
    ['每千人口拥有执业（助理）医师数', { perCapita: '每千人口', object: '拥有执业（助理）医师' }],
    // place words and count words at the edges do not change the measure
    ['全省高新技术企业', { object: '高新技术企业', qualifiers: [] }],
    ['我国数据中心机架总规模', { object: '数据中心机架' }],
    ['全省新型研发机构总量', { object: '新型研发机构' }],
    // a scope before a verb of doing
    ['中国算谷举办场景对接活动', { scope: '中国算谷', verb: '举办', object: '场景对接活动' }],
    ['世界电影之都聚集市场主体', { scope: '世界电影之都', verb: '聚集', object: '市场主体' }],
    ['推动制造业创新中心攻克产业共性技术', { scope: '制造业创新中心', verb: '推动攻克', object: '产业共性技术' }],
    // …but a verb inside a compound noun is no verb of the figure
    ['省级高价值专利培育示范中心', { scope: '', verb: '', qualifiers: ['provincial'], object: '高价值专利培育示范中心' }],
    ['专业科技企业孵化器', { scope: '', verb: '', object: '专业科技企业孵化器' }],
    ['人工智能产业集聚区', { scope: '', verb: '', object: '人工智能产业集聚区' }],
    // a level before a verb qualifies, it is no scope
    ['国家引进高层次人才', { scope: '', qualifiers: ['national'] }],
    // a note in brackets at the end goes, one inside the name stays
    ['人工智能算力规模(FP16)', { object: '人工智能算力' }],
    ['全国中小学（含教学点）互联网接入率', { object: '中小学（含教学点）互联网接入率' }],
  ])('%s', (name, parts) => {
    expect(decomposer.decompose(name)).toMatchObject(parts);
  });

  it.each([
    // the verb and the scope never change the link key…
    ['新增5G基站', '累计建设5G基站'],
    ['中国算谷举办场景对接活动', '场景对接活动'],
    ['省重点实验室', '省级重点实验室'],
    ['专精特新“小巨人”企业', '专精特新小巨人企业'],
  ])('%s and %s read as the same measure', (a, b) => {
    expect(linkKey(decomposer.decompose(a))).toBe(linkKey(decomposer.decompose(b)));
  });

  it.each([
    // …qualifiers and bases do
    ['省重点实验室', '国家重点实验室'],
    ['重大基础研究项目', '基础研究项目'],
    ['万人发明专利拥有量', '发明专利拥有量'],
    ['规上工业企业研发机构覆盖率', '工业企业研发机构覆盖率'],
  ])('%s and %s read as different measures', (a, b) => {
    expect(linkKey(decomposer.decompose(a))).not.toBe(linkKey(decomposer.decompose(b)));
  });

  it.each<[string, Parts]>([
    ['建材行业智能工厂', { scope: '建材行业', object: '智能工厂' }],
    ['新建信息领域省级重点实验室', { scope: '信息领域', verb: '新建', qualifiers: ['provincial'], object: '重点实验室' }],
    // no object left after the sector: no split
    ['建材行业', { scope: '', object: '建材行业' }],
  ])('%s, with its sector read as scope', (name, parts) => {
    expect(decomposer.decompose(name, { sectorAsScope: true })).toMatchObject(parts);
  });

  it('reads a sector as part of the object unless asked', () => {
    expect(decomposer.decompose('建材行业智能工厂')).toMatchObject({ scope: '', object: '建材行业智能工厂' });
  });

  it('cleans quotation marks, widths and spaces', () => {
    expect(cleanName('“5G＋工业互联网” 建设项目')).toBe('5G+工业互联网建设项目');
  });
});
