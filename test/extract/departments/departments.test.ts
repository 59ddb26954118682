/**
 * Unit-name patterns, one row per way plans write a unit (RuleTester style):
 * `names` are what must be found, `not` what must not.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { addressedUnits, departmentRules, findUnits } from '../../../src/extract/departments/index.js';
import { placeNames } from '../../../src/extract/departments/places.js';
import { linkName, regionContext } from '../../../src/extract/departments/registry.js';
import { useDictionary } from '../../../src/extract/departments/words.js';
import type { DocumentMetadata } from '../../../src/core/state.js';
import { rules } from '../../support/role-chain.js';

const compiled = () => departmentRules(rules);
const names = (text: string) => findUnits(text, compiled(), placeNames()).map((c) => c.name);
const actors = (text: string) =>
  findUnits(text, compiled(), placeNames())
    .filter((c) => c.actor)
    .map((c) => c.name);

beforeAll(() => useDictionary(rules.resource('userdict.utf8')));

const valid: Array<{ pattern: string; text: string; names: string[] }> = [
  { pattern: 'level prefix + body + 局', text: '市知识产权局开展知识产权维权“护航”行动', names: ['市知识产权局'] },
  { pattern: 'second name in <…>', text: '（牵头单位：市市场监管局<市知识产权局>、市科技局）', names: ['市市场监管局', '市知识产权局', '市科技局'] },
  { pattern: 'abbreviated body', text: '市人社局、市人才办负责', names: ['市人社局', '市人才办'] },
  { pattern: 'committee with 和 in its body', text: '以市质量发展和食品药品安全委员会为牵引', names: ['市质量发展和食品药品安全委员会'] },
  { pattern: 'party committee and government run together', text: '区委区政府将知识产权工作作为重要抓手', names: ['区委', '区政府'] },
  { pattern: 'coordinated level prefixes share a body', text: '争取国家、省知识产权局指导支持', names: ['国家知识产权局', '省知识产权局'] },
  { pattern: 'place name + level + body', text: '江苏省版权局未公布数据', names: ['江苏省版权局'] },
  { pattern: 'district court with place', text: '玄武区人民法院受理各类知识产权民事案件', names: ['玄武区人民法院'] },
  { pattern: 'issuing office with full place chain', text: '南京市玄武区人民政府办公室', names: ['南京市玄武区人民政府办公室'] },
  { pattern: 'proper name before a strong suffix', text: '金陵海关开展知识产权海关保护行动', names: ['金陵海关'] },
  { pattern: 'place + specialised procuratorate', text: '南京铁路运输检察院与13家区院签署协作意见', names: ['南京铁路运输检察院'] },
  { pattern: 'place + notary office', text: '南京公证处研发上线全国首个平台', names: ['南京公证处'] },
  { pattern: 'national body by name', text: '被国务院列为全国自贸区改革试点案例，被商务部列为试点', names: ['国务院', '商务部'] },
  { pattern: 'short national alias', text: '得到最高法院主要领导批示', names: ['最高法院'] },
  {
    pattern: 'sub-unit after a national regulator',
    text: '国家金融监督管理总局连云港监管分局、人民银行连云港市分行',
    names: ['国家金融监督管理总局连云港监管分局', '人民银行连云港市分行'],
  },
  {
    pattern: 'a working group named with its place',
    text: '北京市大数据工作推进小组负责总体指导，市科技攻关工作组统筹协调',
    names: ['北京市大数据工作推进小组', '市科技攻关工作组'],
  },
  {
    pattern: 'a place before a body that names a national programme',
    text: '成立济南国家人工智能创新应用先导区建设领导小组，统筹协调',
    names: ['济南国家人工智能创新应用先导区建设领导小组'],
  },
  {
    pattern: 'party office written after its committee',
    text: '（责任单位：市委金融办、省委科技委、市委社会工作部）',
    names: ['市委金融办', '省委科技委', '市委社会工作部'],
  },
  { pattern: 'central organ by name', text: '中央全面深化改革委员会审议通过，中央科技委统筹', names: ['中央全面深化改革委员会', '中央科技委'] },
  {
    pattern: 'party organs written after the committee',
    text: '县委农村工作领导小组统筹推进，区委人才工作局牵头',
    names: ['县委农村工作领导小组', '区委人才工作局'],
  },
  { pattern: 'discipline and supervisory commissions sit together', text: '区纪委监委严肃追责问责', names: ['区纪委监委'] },
  { pattern: 'the joint commission with both level words', text: '情节严重的移交县纪委县监委依规处理', names: ['县纪委县监委'] },
  {
    pattern: 'a national organ and the one it works with',
    text: '生态环境部会同国家发展改革委、财政部组织实施',
    names: ['生态环境部', '国家发展改革委', '财政部'],
  },
  {
    pattern: 'ministries without a level word',
    text: '工业和信息化部、交通运输部、文化和旅游部、中国科学院联合印发',
    names: ['工业和信息化部', '交通运输部', '文化和旅游部', '中国科学院'],
  },
  { pattern: 'standing committee of the people’s congress', text: '按照全国人大常委会审议意见要求', names: ['全国人大常委会'] },
  { pattern: 'a government centre stays a unit', text: '区投资促进中心负责招商服务', names: ['区投资促进中心'] },
  {
    pattern: 'sub-centre after its centre',
    text: '充分发挥南京市知识产权维权援助中心徐庄高新区分中心作用',
    names: ['南京市知识产权维权援助中心徐庄高新区分中心'],
  },
  { pattern: 'bare function name that acts', text: '区财政设立知识产权工作专项预算', names: ['区财政'] },
  { pattern: 'office attached to the party committee', text: '市委宣传部负责组织宣传', names: ['市委宣传部'] },
  { pattern: 'development and reform commission, abbreviated', text: '按照市发改委要求', names: ['市发改委'] },
  { pattern: 'intermediate court', text: '市中级人民法院设立知识产权审判庭', names: ['市中级人民法院'] },
  { pattern: 'provincial high court', text: '省高级人民法院审理知识产权案件', names: ['省高级人民法院'] },
  { pattern: 'central bank branch after its parent', text: '人民银行南京分行指导金融机构', names: ['人民银行南京分行'] },
  { pattern: 'preposition glued to the level word', text: '以市质量发展和食品药品安全委员会为牵引', names: ['市质量发展和食品药品安全委员会'] },
  { pattern: 'preposition glued to the level: 会同', text: '由市司法局会同市知识产权局负责', names: ['市司法局', '市知识产权局'] },
  { pattern: 'zone administrative committee', text: '江北新区管委会负责统筹', names: ['江北新区管委会'] },
  { pattern: 'joint-meeting body with 实施 in its name', text: '充分发挥市知识产权战略实施工作联席会议作用', names: ['市知识产权战略实施工作联席会议'] },
  { pattern: 'press office attached to the government', text: '市政府新闻办公室召开发布会', names: ['市政府新闻办公室'] },
  { pattern: 'a name starting inside another is a misreading', text: '江苏银保监局、人民银行南京分行营业管理部', names: ['江苏银保监局', '人民银行南京分行'] },
  { pattern: 'provincial department (厅)', text: '省知识产权局、省财政厅联合印发', names: ['省知识产权局', '省财政厅'] },
  { pattern: 'county-level city government after a park committee', text: '苏州工业园区管委会、张家港市政府', names: ['苏州工业园区管委会', '张家港市政府'] },
  { pattern: 'central party and state offices', text: '中共中央办公厅、国务院办公厅印发', names: ['中共中央办公厅', '国务院办公厅'] },
  { pattern: 'competent department of one level, named by its field', text: '州数据资源主管部门负责统筹管理', names: ['州数据资源主管部门'] },
  { pattern: 'competent department with 和 in its field', text: '省工业和信息化主管部门会同有关部门推进', names: ['省工业和信息化主管部门'] },
  { pattern: 'levels a name covers, in brackets after its level', text: '县（市）数据资源主管部门负责本行政区域', names: ['县（市）数据资源主管部门'] },
  { pattern: 'bracketed levels before a government', text: '县（市、区）人民政府要落实属地责任', names: ['县（市、区）人民政府'] },
  { pattern: 'a ministry’s department (司) after its ministry', text: '联系人：工业和信息化部装备工业一司 张三', names: ['工业和信息化部装备工业一司'] },
  { pattern: 'a national administration’s department (司)', text: '市场监管总局标准技术司负责组织评审', names: ['市场监管总局标准技术司'] },
  { pattern: 'an abbreviated body jieba glues to the level (区发|改局)', text: '区发改局、区财政局按职责分工负责', names: ['区发改局', '区财政局'] },
  { pattern: 'an abbreviated body after 会同 (市工|信局)', text: '市科技局会同市工信局负责', names: ['市科技局', '市工信局'] },
  { pattern: 'a name ending in 委 before 会同 (jieba reads 革委会)', text: '市发展改革委会同市财政局负责', names: ['市发展改革委', '市财政局'] },
  { pattern: 'a long body jieba glues to the level (市大|数据)', text: '市大数据发展管理局负责统筹', names: ['市大数据发展管理局'] },
  { pattern: 'a street office with its street’s name', text: '湖滨街道办事处负责落实', names: ['湖滨街道办事处'] },
  { pattern: 'a town government with its town’s name', text: '新塘镇人民政府负责组织实施', names: ['新塘镇人民政府'] },
  { pattern: 'a command headquarters', text: '市防汛抗旱指挥部负责统筹', names: ['市防汛抗旱指挥部'] },
  { pattern: 'a government’s own commission written after it', text: '市人民政府国有资产监督管理委员会负责监管', names: ['市人民政府国有资产监督管理委员会'] },
  { pattern: 'a district bureau after a city name', text: '长沙市公安局雨花分局负责', names: ['长沙市公安局雨花分局'] },
  { pattern: 'a tax branch after the national administration', text: '国家税务总局长沙市税务局负责', names: ['国家税务总局长沙市税务局'] },
];

const invalid: Array<{ pattern: string; text: string; not: string[] }> = [
  { pattern: '全市 is not a level prefix', text: '2022年，全市法院共新收各类知识产权案件', not: ['市法院'] },
  { pattern: '局 in 格局 ends no name', text: '形成全市知识产权大保护格局', not: ['市知识产权大保护格局'] },
  { pattern: '部门 is generic', text: '推动高校师生与区知识产权相关部门加强交流', not: ['区知识产权相关部'] },
  { pattern: '市级 grades, it does not name', text: '全市建立市级以上高价值专利培育中心', not: ['市级以上高价值专利培育中心'] },
  { pattern: 'universities are not units', text: '南京理工大学知识产权人才培训中心', not: ['南京理工大学知识产权人才培训中心'] },
  { pattern: 'a Latin-lettered centre is not a government unit', text: '充分发挥国家南京TISC中心作用', not: ['国家南京TISC中心'] },
  { pattern: 'a figure-counted 区院 is generic', text: '与13家区院签署', not: ['区院'] },
  { pattern: 'bare 财政 that is money, not a unit', text: '加大市财政资金投入', not: ['市财政'] },
  {
    pattern: 'a quantifier before a list of levels makes them generic',
    text: '各旗、县、区人民政府，市有关委、办、局：',
    not: ['县人民政府', '区人民政府', '市有关委'],
  },
  { pattern: 'a verb is not a place name (会同 the county)', text: '由市司法局会同市知识产权局负责', not: ['会同市知识产权局'] },
  { pattern: 'generic departments and grades', text: '强化市场监管部门执法，市级财政给予支持，省级以上示范企业', not: ['市场监管部', '市级财政'] },
  { pattern: 'a hospital is not a unit', text: '市人民医院开展义诊', not: ['市人民医院'] },
  { pattern: '部署 is a verb', text: '贯彻市委市政府决策部署', not: ['市委市政府决策部署'] },
  { pattern: '市长 is a person', text: '成立以一把手市长为组长的领导小组', not: ['市长为组长的领导小组'] },
  {
    pattern: 'a quantifier before a level or glued to a place makes the name generic',
    text: '各地市林业局与省级形成连接，各县市林业局与地市形成连接',
    not: ['市林业局', '各县市林业局'],
  },
  { pattern: '国家部委 are the ministries in general', text: '争取国家部委、我市以及合作企业共同支持', not: ['国家部委'] },
  { pattern: 'an innovation centre is a platform', text: '省制造业创新中心达到50家，支持省技术创新中心建设', not: ['省制造业创新中心', '省技术创新中心'] },
  { pattern: 'a computing centre is a platform', text: '济南市人工智能计算中心提供算力服务', not: ['济南市人工智能计算中心'] },
  {
    pattern: 'a research or proof-of-concept centre is a platform',
    text: '国家工程研究中心、省概念验证中心开放共享',
    not: ['国家工程研究中心', '省概念验证中心'],
  },
  { pattern: 'the party committee is not cut from its office', text: '（市委金融办、市财政局）', not: ['市委'] },
  {
    pattern: 'coordinated levels make a competent department generic',
    text: '省、市、县林业主管部门要加大财政资金投入',
    not: ['省林业主管部门', '市林业主管部门', '县林业主管部门'],
  },
  {
    pattern: 'a competent department without a level is generic',
    text: '相关行业主管部门和各地工业和信息化主管部门要加强指导',
    not: ['相关行业主管部门', '地工业和信息化主管部门'],
  },
  { pattern: '部门 alone stays generic after a level', text: '市有关部门、区相关部门按职责分工负责', not: ['市有关部门', '区相关部门'] },
  { pattern: 'a company under a ministry is not its department (司)', text: '工业和信息化部所属公司承担建设', not: ['工业和信息化部所属公司'] },
  {
    pattern: 'abbreviations of functions in a list are generic (FORMAT.md: not units)',
    text: '发改、财政、人社等部门按职责负责',
    not: ['发改', '财政', '人社'],
  },
  { pattern: 'street offices in general', text: '各乡镇人民政府、街道办事处要落实属地责任', not: ['乡镇人民政府', '街道办事处'] },
  { pattern: 'a level word inside a known word stays there', text: '市场主体和省内外企业参与，全市上下共同推进', not: ['市场主体', '省内外企业'] },
  {
    pattern: '区 closing a zone’s name broken over a line is no level prefix',
    text: '质量发展先行区建设办公室负责)',
    not: ['区建设办公室', '先行区建设办公室'],
  },
  { pattern: '区 closing a port zone’s name is no level word', text: '济源示范区管委会、航空港区管委会均需抓好落实', not: ['区管委会'] },
  { pattern: 'the committee alone is no name of its organ', text: '县委农村工作领导小组统筹推进', not: ['县委'] },
  { pattern: 'a joiner after a national organ opens the next unit', text: '生态环境部会同国家发展改革委组织实施', not: ['生态环境部会同国家发展改革委'] },
  { pattern: '新建 is a verb before a centre, not the county', text: '新建政务云和数据中心应当纳入统一规划', not: ['新建政务云和数据中心'] },
];

describe('department names: valid', () => {
  it.each(valid)('$pattern: $text', ({ text, names: expected }) => {
    const got = names(text);
    for (const name of expected) expect(got).toContain(name);
  });
});

describe('department names: invalid', () => {
  it.each(invalid)('$pattern: $text', ({ text, not }) => {
    const got = names(text);
    for (const name of not) expect(got).not.toContain(name);
  });
});

describe('actors', () => {
  it.each([
    { text: '成立南京市知识产权综合服务中心', unit: '南京市知识产权综合服务中心', actor: false },
    {
      text: '南京市获批国家海外知识产权纠纷应对指导中心南京分中心、国家知识产权服务出口基地',
      unit: '国家海外知识产权纠纷应对指导中心南京分中心',
      actor: false,
    },
    { text: '与省知识产权局建立了省市共建会商机制', unit: '省知识产权局', actor: true },
    { text: '市检察院构建知识产权大保护检察联盟', unit: '市检察院', actor: true },
    { text: '认真落实党中央、国务院决策部署，加快发展', unit: '国务院', actor: false },
    { text: '认真落实党中央、国务院决策部署，加快发展', unit: '党中央', actor: false },
    { text: '贯彻落实党中央、国务院和省委、省政府关于加快发展的战略部署', unit: '省政府', actor: false },
    { text: '认真落实国务院关于制造业数字化转型行动总体部署', unit: '国务院', actor: false },
    { text: '在以习近平同志为核心的党中央坚强领导下', unit: '党中央', actor: false },
    { text: '没有法律、行政法规或者党中央、国务院政策依据，不得拒绝', unit: '国务院', actor: false },
    { text: '受国务院委托，现就数字经济发展情况作报告', unit: '国务院', actor: true },
    { text: '本方案已经省政府同意，现印发给你们', unit: '省政府', actor: true },
    { text: '被国务院列为全国自贸区改革试点案例', unit: '国务院', actor: true },
    { text: '推动成立济南市人工智能战略咨询专家委员会，提供决策咨询', unit: '济南市人工智能战略咨询专家委员会', actor: true },
    { text: '成立市数字经济发展领导小组，统筹推进', unit: '市数字经济发展领导小组', actor: true },
    { text: '组建市数据要素工作专班，统筹推进', unit: '市数据要素工作专班', actor: true },
    { text: '设立市知识产权保护中心', unit: '市知识产权保护中心', actor: false },
    { text: '建立园区知识产权金融工作联席会议制度，定期会商', unit: '园区知识产权金融工作联席会议', actor: false },
    { text: '成立浦东新区公共数据开放应用工作领导小组，办公室设在区数据局', unit: '浦东新区公共数据开放应用工作领导小组', actor: true },
  ])('$unit in “$text” acts: $actor', ({ text, unit, actor }) => {
    expect(names(text)).toContain(unit);
    expect(actors(text).includes(unit)).toBe(actor);
  });
});

describe('linking to canonical units in the document region', () => {
  const meta = (region: string, parents: string[]): DocumentMetadata => ({
    title: null,
    region,
    regionCode: null,
    level: null,
    regionParents: parents,
    issuer: null,
    docNumber: null,
    issued: null,
    period: null,
    type: null,
  });
  const link = (text: string, region: DocumentMetadata) => {
    const c = findUnits(text, compiled(), placeNames()).find((u) => u.start === 0 && u.end === text.length)!;
    expect(c, text).toBeDefined();
    return linkName(c, compiled(), regionContext(region));
  };

  it('市 in a 连云港 plan is 连云港市; the abbreviation is the full name', () => {
    const l = link('市市场监管局', meta('连云港市', ['江苏省']));
    expect(l.canonicalName).toBe('连云港市市场监督管理局');
    expect(l.key).toBe(link('连云港市市场监督管理局', meta('连云港市', ['江苏省'])).key);
  });

  it('区 in a district plan is that district, 市 its city', () => {
    const xuanwu = meta('南京市玄武区', ['南京市', '江苏省']);
    expect(link('区市场监管局', xuanwu).canonicalName).toBe('南京市玄武区市场监督管理局');
    expect(link('市知识产权局', xuanwu).canonicalName).toBe('南京市知识产权局');
    expect(link('区市场监管局', xuanwu).key).not.toBe(link('市市场监管局', xuanwu).key);
  });

  // A short form expands to the full name of the unit in the document's region, whatever the level.
  const shuyang = meta('宿迁市沭阳县', ['宿迁市', '江苏省']);
  it.each([
    { text: '县发展改革局', region: shuyang, name: '宿迁市沭阳县发展和改革局' },
    { text: '县发展和改革局', region: shuyang, name: '宿迁市沭阳县发展和改革局' },
    { text: '县市场监管局', region: shuyang, name: '宿迁市沭阳县市场监督管理局' },
    { text: '县科技局', region: shuyang, name: '宿迁市沭阳县科学技术局' },
    { text: '区发展改革局', region: meta('南京市玄武区', ['南京市', '江苏省']), name: '南京市玄武区发展和改革局' },
    // The city-level office is a commission, a different unit.
    { text: '市发展改革委', region: meta('连云港市', ['江苏省']), name: '连云港市发展和改革委员会' },
  ])('$text expands to $name', ({ text, region, name }) => {
    const l = link(text, region);
    expect(l.canonicalName).toBe(name);
    expect(l.canonicalId).not.toBeNull();
  });

  it('national names link to one national unit however written', () => {
    const nj = meta('南京市', ['江苏省']);
    expect(link('最高法院', nj).canonicalName).toBe('最高人民法院');
    expect(link('国家知识产权局', nj).canonicalId).toBe('national:cnipa');
  });
});

describe('units named in role lists', () => {
  it('are departments even when no pattern knows them; group words are not', async () => {
    const { collectDepartments } = await import('../../../src/extract/departments/index.js');
    const provenance = (start: number, end: number, rule: string) => ({ sectionPath: '', page: null, start, end, sentence: '', sentenceIndex: -1, rule });
    const listed = ['市市场监管局（市知识产权局）', '市质量发展和食品药品安全委员会成员单位', '功能板块管委会', '市有关部门'].map((name) => ({
      name,
      provenance: provenance(0, 0, 'responsibility.labelled-roles'),
    }));
    const got = collectDepartments({ text: '', rules: compiled(), region: regionContext(undefined), listed, memberSuffixes: ['成员单位'], provenance }).map(
      (d) => d.name,
    );
    expect(got).toEqual(['市市场监管局', '市知识产权局', '市质量发展和食品药品安全委员会', '功能板块管委会']);
  });
});

describe('a page’s labelled fields and document numbers', () => {
  it.each([
    {
      name: 'the document’s own spelling beats the page field',
      text: '**发布机构**: 工信部\n工业和信息化部、教育部负责统筹推进',
      want: ['工业和信息化部', '教育部'],
    },
    { name: 'a page field after markdown cleanup', text: '发布机构:工信部\n工业和信息化部负责统筹', want: ['工业和信息化部'] },
    { name: 'a role list is no page field', text: '牵头单位：市科技局\n市科学技术局负责统筹', want: ['市科技局'] },
    { name: 'a unit named only in the page field still counts', text: '**发布机构**: 上海市科学技术委员会\n各区要抓好落实。', want: ['上海市科学技术委员会'] },
    { name: 'an issuer code in a document number is no mention', text: '工信部联科〔2024〕12号\n工业和信息化部负责统筹', want: ['工业和信息化部'] },
    { name: 'a cited document number names no actor', text: '按照《通知》（市监标技发〔2022〕34号）要求，市科技局负责组织', want: ['市科技局'] },
  ])('$name', async ({ text, want }) => {
    const { collectDepartments } = await import('../../../src/extract/departments/index.js');
    const provenance = (start: number, end: number, rule: string) => ({ sectionPath: '', page: null, start, end, sentence: '', sentenceIndex: -1, rule });
    const got = collectDepartments({ text, rules: compiled(), region: regionContext(undefined), listed: [], memberSuffixes: [], provenance }).map(
      (d) => d.name,
    );
    expect(got).toEqual(want);
  });
});

describe('a steering body the plan sets up, named without place or level', () => {
  it.each([
    { text: '组建以各级林业主管部门主要领导为组长的智慧林业建设工作领导小组，统筹领导建设工作。', want: ['智慧林业建设工作领导小组'] },
    { text: '成立由分管市领导牵头，相关委办局参与的科技攻关工作组，组建专家委员会。', want: ['科技攻关工作组'] },
    { text: '设立建材行业智能制造专家委员会，提供咨询建议。', want: ['建材行业智能制造专家委员会'] },
    { text: '成立以市长为组长的市数字经济发展领导小组。', want: ['市数字经济发展领导小组'] },
    { text: '成立工作专班，组建专家委员会，设立人工智能创新中心。', want: [] },
    { text: '按规定组建人工智能专业职称评审委员会。', want: [] },
    { text: '中国信息通信研究院、中国互联网协会要牵头设立数字技术适老化专家咨询委员会。', want: [] },
    { text: '推动龙头企业牵头成立产业创新联合工作组。', want: [] },
    { text: '参照《关于成立数据要素工作领导小组的通知》执行。', want: [] },
  ])('$text → $want', async ({ text, want }) => {
    const { collectDepartments } = await import('../../../src/extract/departments/index.js');
    const provenance = (start: number, end: number, rule: string) => ({ sectionPath: '', page: null, start, end, sentence: '', sentenceIndex: -1, rule });
    const got = collectDepartments({ text, rules: compiled(), region: regionContext(undefined), listed: [], memberSuffixes: [], provenance }).map(
      (d) => d.name,
    );
    expect(got).toEqual(want);
  });
});

describe('the issuer acts by issuing', () => {
  it.each([
    {
      name: 'joint central issuers named only in the cited title',
      text: '中共中央国务院关于做好乡村振兴工作的意见\n落实党中央、国务院决策部署。',
      issuer: '中共中央、国务院',
      want: ['中共中央', '国务院'],
    },
    {
      name: 'an issuing office that signs only',
      text: '现印发给你们。\n阿坝州人民政府办公室\n2021年10月11日',
      issuer: '阿坝州人民政府办公室',
      want: ['阿坝州人民政府办公室'],
    },
    // The issuer is listed as it signs, though the text calls it 市交通运输局 before the signature.
    {
      name: 'the signed name wins over an earlier spelling',
      text: '市交通运输局牵头。\n南京市交通运输局',
      issuer: '南京市交通运输局',
      want: ['南京市交通运输局'],
    },
    {
      name: 'the signed name stays when a shorter spelling follows',
      text: '南京市交通运输局\n市交通运输局牵头，市财政局配合。',
      issuer: '南京市交通运输局',
      want: ['南京市交通运输局', '市财政局'],
    },
    // Another unit keeps its first spelling: only the issuer signs.
    { name: 'a unit that does not sign keeps its first spelling', text: '市科技局牵头。\n南京市科学技术局配合。', issuer: null, want: ['市科技局'] },
    { name: 'no issuer, no addition', text: '落实党中央、国务院决策部署。', issuer: null, want: [] },
    { name: 'an issuer that is no unit name is not guessed', text: '现印发给你们。', issuer: '某某课题组', want: [] },
  ])('$name', async ({ text, issuer, want }) => {
    const { collectDepartments } = await import('../../../src/extract/departments/index.js');
    const provenance = (start: number, end: number, rule: string) => ({ sectionPath: '', page: null, start, end, sentence: '', sentenceIndex: -1, rule });
    const region = regionContext({ region: '南京市', regionParents: ['江苏省'] } as DocumentMetadata);
    const got = collectDepartments({ text, rules: compiled(), region, listed: [], issuer, memberSuffixes: [], provenance }).map((d) => d.name);
    expect(got).toEqual(want);
  });
});

describe('an addressee written with 各 and the same bodies named later', () => {
  it.each([
    { text: '各县（市）人民政府：\n县（市）人民政府负责本行政区域政务数据管理。', want: ['各县（市）人民政府'] },
    { text: '各区政府：\n区政府要落实属地责任。', want: ['各区政府'] },
    { text: '各区政府：\n市政府要统筹推进。', want: ['各区政府', '市政府'] },
  ])('$text → $want', async ({ text, want }) => {
    const { collectDepartments } = await import('../../../src/extract/departments/index.js');
    const provenance = (start: number, end: number, rule: string) => ({ sectionPath: '', page: null, start, end, sentence: '', sentenceIndex: -1, rule });
    const got = collectDepartments({ text, rules: compiled(), region: regionContext(undefined), listed: [], memberSuffixes: [], provenance }).map(
      (d) => d.name,
    );
    expect(got).toEqual(want);
  });
});

describe('a notice’s addressee line: the government bodies it names, each item as written', () => {
  const addressed = (line: string) => addressedUnits(line, compiled()).map((a) => a.name);
  it.each([
    { line: '各市人民政府，各县（市、区）人民政府，省政府各部门、各直属机构，各大企业，各高等院校：', want: ['各市人民政府', '各县（市、区）人民政府'] },
    {
      line: '各省、自治区、直辖市及计划单列市、新疆生产建设兵团工业和信息化主管部门，各省、自治区、直辖市通信管理局，各相关企业：',
      want: ['各省、自治区、直辖市及计划单列市、新疆生产建设兵团工业和信息化主管部门', '各省、自治区、直辖市通信管理局'],
    },
    {
      line: '各省、自治区、直辖市及计划单列市、新疆生产建设兵团市场监管局（厅、委）、工业和信息化主管部门：',
      want: ['各省、自治区、直辖市及计划单列市、新疆生产建设兵团市场监管局（厅、委）', '工业和信息化主管部门'],
    },
    { line: '各区政府,各相关单位：', want: ['各区政府'] },
    { line: '各有关区人民政府，市政府有关委、办、局，各有关单位:', want: ['各有关区人民政府'] },
    { line: '各市、县（市、区）人民政府，省政府直属各单位：', want: ['各市、县（市、区）人民政府'] },
  ])('$line', ({ line, want }) => {
    expect(addressed(line)).toEqual(want);
  });
  it.each([
    ['groups of units are not units', '各街道办事处，各委办局，各直属单位：'],
    ['generic addressees', '各有关单位：'],
    ['a government’s departments as a group', '县人民政府各部门，各直属机构：'],
  ])('not: %s', (_why, line) => {
    expect(addressed(line)).toEqual([]);
  });
});
