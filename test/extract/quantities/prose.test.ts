/**
 * How plans frame targets and achieved values in running text: deadlines,
 * several targets in one sentence, figure-first phrases, actual cues,
 * growth rates, 分别 lists, qualitative targets.
 */
import { describe } from 'vitest';
import { evaluationDoc, planDoc, sentenceCases } from './engine.js';

const workPlan = { ...planDoc, period: [2024, 2026] as [number, number], referenceYear: 2023 };

describe('deadlines', () => {
  sentenceCases('year', {
    valid: [
      {
        text: '到2025年，万人高价值发明专利拥有量达100件。',
        expect: [{ kind: 'target', year: 2025, indicator: '万人高价值发明专利拥有量', value: 100, unit: '件', comparator: '>=', flagKinds: [] }],
      },
      {
        text: '到 2026 年， 建成 100 人左右的知识产权高层次人才库。',
        doc: workPlan,
        expect: [{ kind: 'target', year: 2026, value: 100, comparator: '~', indicator: '知识产权高层次人才库' }],
      },
      {
        text: '2027年前，新增国家级知识产权保护中心1个。',
        doc: { ...planDoc, period: [2021, 2027] },
        expect: [{ kind: 'target', year: 2027, indicator: '新增国家级知识产权保护中心', value: 1, unit: '个' }],
      },
      { text: '力争2025年，知识产权交易额超过30亿元。', expect: [{ kind: 'target', year: 2025, comparator: '>', unit: '亿元', indicator: '知识产权交易额' }] },
      { text: '力争到“十四五”末，全市有效发明专利拥有量达18000件。', expect: [{ kind: 'target', year: 2025, indicator: '有效发明专利拥有量' }] },
      { text: '目标：至2025年，获批国家知识产权试点示范园区1个。', expect: [{ kind: 'target', year: 2025, value: 1, unit: '个' }] },
      {
        text: '2025年专利交易额度达到1亿元，服务企业达到千家。',
        expect: [
          { kind: 'target', year: 2025, indicator: '专利交易额度', value: 1, unit: '亿元' },
          { kind: 'target', year: 2025, indicator: '服务企业', value: 1000, unit: '家' },
        ],
      },
    ],
  });
  // A deadline written with 前 right before the verb (no comma) dates the figure and is no part of its name.
  const withPeriod2027 = { ...planDoc, period: [2021, 2027] as [number, number] };
  sentenceCases('deadline with 前 before the verb', {
    valid: [
      {
        text: '2025年底前建成县级知识产权公共服务工作站3个。',
        expect: [{ kind: 'target', year: 2025, indicator: '建成县级知识产权公共服务工作站', value: 3, unit: '个' }],
      },
      {
        text: '2026年前新增国家级知识产权保护中心1个。',
        doc: withPeriod2027,
        expect: [{ kind: 'target', year: 2026, indicator: '新增国家级知识产权保护中心', value: 1 }],
      },
      { text: '2025年6月底前培育知识产权优势企业20家。', expect: [{ kind: 'target', year: 2025, indicator: '培育知识产权优势企业', value: 20, unit: '家' }] },
      {
        text: '2024年9月30日之前建设专利导航服务基地2个。',
        doc: withPeriod2027,
        expect: [{ kind: 'target', year: 2024, indicator: '建设专利导航服务基地', value: 2 }],
      },
      { text: '力争到2025年底前建成商标品牌指导站10家。', expect: [{ kind: 'target', year: 2025, indicator: '建成商标品牌指导站', value: 10 }] },
      // 前 opening a word (前沿, 前列) after the year is part of the name, not a deadline.
      { text: '到2025年前沿技术研发中心达到5个。', expect: [{ kind: 'target', year: 2025, indicator: '前沿技术研发中心', value: 5 }] },
      { text: '2025年前三季度，专利授权量达1000件。', expect: [{ year: 2025, indicator: '专利授权量', value: 1000 }] },
    ],
  });
  const noPeriod = { ...planDoc, period: null, referenceYear: null, horizon: { year: 2027, source: 'the latest deadline' } };
  sentenceCases('no date: the paragraph deadline, then the document horizon decides', {
    valid: [
      {
        text: '培育30家左右智能制造领军企业。',
        context: '到2026年，全市智能制造水平显著提升。',
        doc: noPeriod,
        expect: [{ kind: 'target', year: 2026, flagKinds: ['year-defaulted'] }],
      },
      { text: '其中，国家级平台达到5家。', context: '到2026年，省级创新平台达到100家；', doc: noPeriod, expect: [{ kind: 'target', year: 2026 }] },
      { text: '培育30家左右智能制造领军企业。', doc: noPeriod, expect: [{ kind: 'target', year: 2027, flagKinds: ['year-defaulted'] }] },
      // A deadline already past when the document was issued is no horizon.
      {
        text: '培育30家左右智能制造领军企业。',
        context: '到2020年，已建成平台10个。',
        doc: { ...noPeriod, presentYear: 2023 },
        expect: [{ kind: 'target', year: 2027 }],
      },
      { text: '培育30家左右智能制造领军企业。', doc: { ...noPeriod, horizon: null }, expect: [{ kind: 'target', year: null, flagKinds: ['year-defaulted'] }] },
    ],
  });
  sentenceCases('no date: the plan period decides', {
    valid: [
      { text: '知识产权服务机构数量达100家。', doc: workPlan, section: 'target', expect: [{ kind: 'target', year: 2026, flagKinds: ['year-defaulted'] }] },
      {
        text: '新增知识产权贯标企业300家，国家知识产权优势示范企业达30家。',
        doc: workPlan,
        expect: [
          { year: 2026, indicator: '新增知识产权贯标企业', comparator: '=' },
          { year: 2026, indicator: '国家知识产权优势示范企业', comparator: '>=' },
        ],
      },
    ],
  });
});

describe('several figures in one sentence', () => {
  sentenceCases('lists', {
    valid: [
      {
        text: '知识产权服务机构数量超过100家，规模以上服务机构超过10家，从业人员超过2600人。',
        expect: [
          { indicator: '知识产权服务机构数量', value: 100, comparator: '>' },
          { indicator: '规模以上服务机构', value: 10 },
          { indicator: '从业人员', value: 2600, unit: '人' },
        ],
      },
      {
        text: '新增国家级知识产权保护中心1个、省级“正版正货”示范街区（行业）1个。',
        expect: [{ indicator: '新增国家级知识产权保护中心' }, { indicator: '省级“正版正货”示范街区（行业）', value: 1 }],
      },
      {
        text: '培养企业知识产权总监200人，从事代理、运营、策划、信息等知识产权实务人才500人。',
        expect: [
          { indicator: '培养企业知识产权总监', value: 200 },
          { indicator: '知识产权实务人才', value: 500 },
        ],
      },
      {
        text: '到2025年，新增10名精通国际知识产权规则、熟悉知识产权事务的知识产权高层次人才。',
        expect: [{ indicator: '新增知识产权高层次人才', value: 10, unit: '名' }],
      },
      {
        text: '成功发行 10 单以上知识产权证券化产品， 融资总额超过20 亿元。',
        expect: [
          { indicator: '成功发行知识产权证券化产品', value: 10, unit: '单', comparator: '>=' },
          { indicator: '融资总额', value: 20, comparator: '>' },
        ],
      },
      {
        text: '累计获得中国专利奖47个、省级专利奖27个。',
        section: 'actual',
        expect: [
          { indicator: '中国专利奖', value: 47, cumulative: true },
          { indicator: '省级专利奖', value: 27, cumulative: true },
        ],
      },
      { text: '共享平台服务企业达200家，其他服务机构50家。', expect: [{ indicator: '共享平台服务企业' }, { indicator: '其他服务机构' }] },
      { text: '一般作品著作权登记量累计达3万件。', expect: [{ indicator: '一般作品著作权登记量', value: 3, unit: '万件', cumulative: true }] },
      { text: '每年新增发明专利授权1000件。', expect: [{ value: 1000, perYear: true, indicator: '新增发明专利授权' }] },
      {
        text: '每年新培育瞪羚企业400家、独角兽企业3家左右。',
        expect: [
          { value: 400, perYear: true },
          { value: 3, perYear: true, comparator: '~' },
        ],
      },
      {
        text: '每年组织实施100项重点研发项目和30项以上重大基础研究项目。',
        expect: [
          { value: 100, perYear: true },
          { value: 30, perYear: true },
        ],
      },
      {
        text: '到2025年，万人发明专利拥有量由2020年的30件提高到2025年的50件。',
        expect: [
          { kind: 'actual', year: 2020, indicator: '万人发明专利拥有量', value: 30 },
          { kind: 'target', year: 2025, indicator: '万人发明专利拥有量', value: 50 },
        ],
      },
      { text: '到2025年，知识产权质押融资登记金额年均增长10%以上。', expect: [{ indicator: '知识产权质押融资登记金额年均增长', value: 10, comparator: '>=' }] },
      { text: '到2024年底全市有效发明专利拥有量达到15000件。', doc: workPlan, expect: [{ kind: 'target', year: 2024, indicator: '有效发明专利拥有量' }] },
      { text: '专利转化实施率达到85%—90%。', expect: [{ indicator: '专利转化实施率', value: 85, valueMax: 90, unit: '%' }] },
      {
        text: '建成3个以上产业知识产权运营中心，打造20个左右知识产权强企。',
        expect: [
          { indicator: '产业知识产权运营中心', value: 3, comparator: '>=' },
          { indicator: '知识产权强企', value: 20, comparator: '~' },
        ],
      },
      { text: '2024年，新增高价值专利培育中心5家。', doc: workPlan, expect: [{ kind: 'target', year: 2024, indicator: '新增高价值专利培育中心' }] },
    ],
  });
  // The object names a verb–number–measure–object goal: not the verb, not the words before it.
  sentenceCases('verb–number–measure–object', {
    valid: [
      { text: '到2027年，围绕工业制造、医疗等领域形成30个行业大模型产品。', expect: [{ indicator: '行业大模型产品', value: 30, unit: '个' }] },
      {
        text: '到2027年，研制并获批2—4种新食品原料、食品添加剂新品种。',
        expect: [{ indicator: '新食品原料、食品添加剂新品种', value: 2, valueMax: 4, unit: '种' }],
      },
      {
        text: '到2027年，培育8个左右特色专业型工业互联网平台、优秀解决方案服务商。',
        expect: [{ indicator: '特色专业型工业互联网平台、优秀解决方案服务商', value: 8, comparator: '~' }],
      },
      { text: '到2027年，遴选、推介50项左右优质产品。', expect: [{ indicator: '优质产品', value: 50 }] },
      { text: '到2027年，新建10家以上信息领域省级重点实验室。', expect: [{ indicator: '新建信息领域省级重点实验室', value: 10, comparator: '>=' }] },
      { text: '到2027年，新引育60名国家级科技人才。', expect: [{ indicator: '新引育国家级科技人才', value: 60 }] },
      { text: '累计建设12条跨境陆缆和多条国际海缆。', doc: evaluationDoc, expect: [{ indicator: '跨境陆缆', value: 12, unit: '条' }] },
      // 围绕 far from the figure names the scope of the goal, not the figure.
      { text: '到2027年，围绕制造、医疗等领域形成40个行业大模型产品。', expect: [{ indicator: '行业大模型产品', value: 40 }] },
      // 的 before the next figure: the first figure counts the noun before 的, the next is named after it.
      {
        text: '通过智能化改造，80家示范工厂的生产效率平均提升30%。',
        doc: evaluationDoc,
        expect: [
          { indicator: '示范工厂', value: 80 },
          { indicator: '生产效率平均提升', value: 30 },
        ],
      },
      // A place word after the figure starts its noun.
      { text: '到2027年，打造300个左右全国领先的深度融合应用场景。', expect: [{ indicator: '深度融合应用场景', value: 300, comparator: '~' }] },
      // A bracket right after the figure explains its unit; a figure inside it qualifies the first.
      { text: '到2027年，全省算力规模达到12EFlops（每秒百亿亿次浮点运算）。', expect: [{ indicator: '算力规模', value: 12, unit: 'EFlops' }] },
      { text: '到2027年，推出性能达到256TFLOPS（16位浮点）的云端芯片。', expect: [{ value: 256, unit: 'TFLOPS' }] },
      // A noun before the figure is no verb: the name keeps it.
      { text: '到2027年，省级创新平台200家。', expect: [{ indicator: '省级创新平台', value: 200 }] },
    ],
  });
});

describe("a national plan's goal sentence", () => {
  sentenceCases('many goals, one deadline', {
    valid: [
      {
        text: '到2025年，每万人口高价值发明专利拥有量达到12件，海外发明专利授权量达到9万件，知识产权质押融资登记金额达到3200亿元，专利密集型产业增加值占GDP比重达到13%，知识产权保护社会满意度达到82分。',
        expect: [
          { indicator: '每万人口高价值发明专利拥有量', value: 12, unit: '件', year: 2025, kind: 'target' },
          { indicator: '海外发明专利授权量', value: 9, unit: '万件', multiplier: 1e4 },
          { indicator: '知识产权质押融资登记金额', value: 3200, unit: '亿元' },
          { indicator: '专利密集型产业增加值占GDP比重', value: 13, unit: '%' },
          { indicator: '知识产权保护社会满意度', value: 82, unit: '分' },
        ],
      },
      {
        text: '2020年全市万人发明专利拥有量达到52.6件，是2015年的2.1倍。',
        expect: [
          { kind: 'actual', year: 2020, indicator: '万人发明专利拥有量', value: 52.6 },
          { kind: 'actual', year: 2020, value: 2.1, unit: '倍' },
        ],
      },
      {
        text: '“十四五”期间，累计新增国家知识产权示范企业30家。',
        expect: [{ kind: 'target', year: 2025, period: [2021, 2025], cumulative: true, indicator: '新增国家知识产权示范企业' }],
      },
    ],
    invalid: [
      { text: '规划提出18项主要任务，实施10项重点工程。' },
      { text: '从5个方面推进知识产权强市建设。' },
      { text: '南京市知识产权综合实力位居全国第3位。' },
      { text: '十分重要的是打造一批高价值专利。' },
      // Parts of a standards system or framework the document lays out.
      { text: '基础共性标准包括通用、安全、检测、评价等5个部分。' },
      { text: '第二层级根据标准内容范围和技术等级，细分形成12个二级分类。' },
      { text: '将标准体系划分为4个层级。' },
      { text: '实施百项技术攻关工程。' },
      // The scope an action works in.
      { text: '围绕9条重点产业链，组织开展供需对接。' },
      { text: '聚焦8个重点产业集群开展技术攻关。' },
    ],
  });
});

describe('achieved values', () => {
  sentenceCases('actual cues', {
    valid: [
      {
        text: '“十三五”期间，全区发明专利申请量31146件；',
        expect: [{ kind: 'actual', year: 2020, period: [2016, 2020], indicator: '发明专利申请量', value: 31146 }],
      },
      {
        text: '截至“十三五”末，累计拥有PCT专利申请646件，国内注册商标31416件。',
        expect: [
          { kind: 'actual', year: 2020, cumulative: true, value: 646 },
          { kind: 'actual', year: 2020, indicator: '国内注册商标' },
        ],
      },
      {
        text: '2020年，知识产权质押融资达1亿元，技术合同成交额67.72亿元。',
        expect: [
          { kind: 'actual', year: 2020, value: 1 },
          { kind: 'actual', year: 2020, indicator: '技术合同成交额' },
        ],
      },
      {
        text: '截至2022年底，全市有效发明专利量达113788件，较“十三五”末增长61.57%，2023年一季度保持持续增长，达117367件；',
        doc: evaluationDoc,
        expect: [
          { kind: 'actual', year: 2022, indicator: '有效发明专利量', value: 113788 },
          { kind: 'actual', year: 2022, indicator: '有效发明专利量较十三五末增长率', value: 61.57, unit: '%' },
          { kind: 'actual', year: 2023, indicator: '有效发明专利量', value: 117367 },
        ],
      },
      {
        text: '知识产权交易额分别达715.96亿元、831.39亿元，同比增长分别达5.9%、16.1%。',
        context: '2021-2022年，南京市专利实施许可和转让 32113件次，',
        doc: evaluationDoc,
        expect: [
          { year: 2021, value: 715.96, indicator: '知识产权交易额' },
          { year: 2022, value: 831.39, indicator: '知识产权交易额' },
          { year: 2021, value: 5.9, indicator: '知识产权交易额同比增长率' },
          { year: 2022, value: 16.1, indicator: '知识产权交易额同比增长率' },
        ],
      },
      {
        text: '2021和2022年南京市知识产权质押融资额分别达40.8亿元、78.3亿元，年平均增速达61.6%。',
        doc: evaluationDoc,
        expect: [
          { year: 2021, value: 40.8, kind: 'actual' },
          { year: 2022, value: 78.3, kind: 'actual' },
          { indicator: '知识产权质押融资额年平均增速', value: 61.6 },
        ],
      },
      {
        text: '《规划》实施以来，新增贯标认证企业1124家。',
        doc: evaluationDoc,
        expect: [{ kind: 'actual', year: 2022, period: [2021, 2022], value: 1124 }],
      },
      {
        text: '马德里商标有效国际注册量1461件，已提前完成2025年预期目标。',
        context: '2021年，万企拥有有效注册商标企业数达1009.08家，依此增速，预计到2025年可完成预期目标；',
        doc: evaluationDoc,
        expect: [{ kind: 'actual', year: 2022, value: 1461 }],
      },
      {
        text: '专利密集型产业新产品销售收入1739.55亿元，占主营业务收入比重23.41%。',
        context: '2021 年，南京市知识产权密集型产业产值约 14991.39亿元。',
        doc: evaluationDoc,
        expect: [
          { year: 2021, value: 1739.55 },
          { year: 2021, indicator: '专利密集型产业新产品销售收入占主营业务收入比重', value: 23.41 },
        ],
      },
      {
        text: '到2022年底，全市有效发明专利拥有量达到113788件。',
        doc: evaluationDoc,
        expect: [{ kind: 'actual', year: 2022, value: 113788 }],
      },
      {
        text: '到2020年，全区有效发明专利拥有量达到12482件。',
        expect: [{ kind: 'actual', year: 2020, value: 12482 }],
      },
      {
        text: '2023年一季度，企业专利授权占比继续提升，达到73%。',
        doc: evaluationDoc,
        expect: [{ year: 2023, indicator: '企业专利授权占比', value: 73 }],
      },
      {
        text: '在全市15个园区建设18个专利导航实验区。',
        doc: evaluationDoc,
        expect: [{ value: 15 }, { value: 18, indicator: '专利导航实验区' }],
      },
    ],
    invalid: [
      { text: '19项关键指标中，', doc: evaluationDoc },
      { text: '依托网络通信等产业领域的30家国家、省市公共技术服务平台，实现资源共享。', section: 'target' },
      { text: '对标深圳90%以上的占比，存在较大差距。', doc: evaluationDoc },
      { text: '推进南京大学、南京理工大学等6家知识产权人才培训基地建设提档升级。', section: 'target' },
      { text: '按照《知识产权强国建设纲要（2021—2035年）》要求。' },
    ],
  });
});

describe('reports: starting points and years of a sentence', () => {
  const report = { ...evaluationDoc, period: null, referenceYear: 2022, presentYear: 2022 };
  sentenceCases('from–to', {
    valid: [
      {
        text: '全国软件业务收入从2012年的2.5万亿元增长到2021年的9.6万亿元，年均增速达16.1%。',
        doc: report,
        expect: [
          { kind: 'actual', year: 2012, indicator: '软件业务收入', value: 2.5 },
          { kind: 'actual', year: 2021, indicator: '软件业务收入', value: 9.6 },
          { kind: 'actual', year: 2021, value: 16.1 },
        ],
      },
      {
        text: '近年来，电子商务交易额保持快速增长，由2016年的26万亿元增长至2021年的42.3万亿元。',
        doc: report,
        expect: [
          { year: 2016, indicator: '电子商务交易额', value: 26 },
          { year: 2021, indicator: '电子商务交易额', value: 42.3 },
        ],
      },
      // A move between ranking places: both ends are figures of one ranking; 目前的 dates the second at the report's time.
      {
        text: '我国电子政务在线服务指数排名从2012年全球第78位提高到目前的第9位，办事更加便捷。',
        doc: report,
        expect: [
          { kind: 'actual', year: 2012, value: 78, unit: '位' },
          { kind: 'actual', year: 2022, value: 9, unit: '位' },
        ],
      },
      // 当前的 is the same present time as 目前的.
      {
        text: '全省专利密度排名由2015年的第21位上升至当前的第8位。',
        doc: report,
        expect: [
          { kind: 'actual', year: 2015, value: 21, unit: '位' },
          { kind: 'actual', year: 2022, value: 8, unit: '位' },
        ],
      },
      // A year qualifying one figure (…年的) dates the rest of its sentence…
      {
        text: '互联网普及率提高到2021年的73%，上网人数达10.32亿人。',
        doc: report,
        expect: [
          { year: 2021, value: 73 },
          { kind: 'actual', year: 2021, value: 10.32 },
        ],
      },
      // …but not the next sentence: that takes the report's year.
      {
        text: '移动电话用户总数达16.43亿户。',
        context: '互联网普及率从2012年的42.1%提高到2021年的73%。',
        doc: report,
        expect: [{ kind: 'actual', year: 2022, value: 16.43 }],
      },
      // A starting point dates only its own clause.
      { text: '党务公开率超过70%。', context: '排名从2012年全球第78位提高到目前的第9位，', doc: report, expect: [{ kind: 'actual', year: 2022, value: 70 }] },
      // A year heading a paragraph still dates the sentences after it.
      {
        text: '农机应用北斗终端超过60万台套。',
        context: '2021年，农作物耕种收综合机械化率超过72%。',
        doc: report,
        expect: [{ kind: 'actual', year: 2021, value: 60 }],
      },
    ],
  });
});

describe('amounts that qualify a noun', () => {
  sentenceCases('…万元以上的企业', {
    valid: [
      {
        text: '到2025年，新培育营业收入首次突破100亿元的企业15家、首次突破500亿元的企业5家。',
        expect: [
          { value: 15, unit: '家', indicator: '新培育营业收入首次突破100亿元的企业' },
          { value: 5, unit: '家', indicator: '首次突破500亿元的企业' },
        ],
      },
      { text: '到2025年，营业收入5000万元以上的工业企业研发机构覆盖率达到70%。', expect: [{ value: 70, unit: '%' }] },
      // A class written with a bare magnitude, counted in the same clause: the amount is part of its name.
      {
        text: '到2025年，全省超万亿元产业集群达到4个，超千亿元产业集群达到12个。',
        expect: [
          { value: 4, unit: '个', indicator: '超万亿元产业集群' },
          { value: 12, unit: '个', indicator: '超千亿元产业集群' },
        ],
      },
      // The same amount ending its clause, or written in digits before a verb, is a figure.
      { text: '到2025年，数字经济核心产业规模突破千亿元。', expect: [{ value: 1e11, unit: '元' }] },
      {
        text: '到2025年，投资100亿元建设重点项目20个。',
        expect: [
          { value: 100, unit: '亿元' },
          { value: 20, unit: '个' },
        ],
      },
      { text: '到2025年，营业收入5000万元以上的工业企业无研发活动实现清零。', expect: [{ value: null, qualitative: '清零' }] },
      // A share before 的 measures the noun: it stays a figure.
      { text: '全国96.68%的办税缴费事项实现“非接触式”办理。', doc: evaluationDoc, expect: [{ value: 96.68, unit: '%' }] },
    ],
  });
});

describe('support-policy figures are no goals', () => {
  const measures = { ...planDoc, period: null, referenceYear: null, horizon: { year: 2025, source: 'the latest deadline' } };
  sentenceCases('grants, caps and thresholds', {
    valid: [
      // A share of a grant fund is a goal; the grant word is only part of its name.
      { text: '衔接补助资金用于产业发展的比重提高到60%以上。', doc: measures, expect: [{ kind: 'target', value: 60, comparator: '>=' }] },
      // A target sentence next to grants keeps its goal.
      { text: '到2025年，新认定国家级孵化器10家。', doc: measures, expect: [{ kind: 'target', year: 2025, value: 10, unit: '家' }] },
      { text: '支持200家中小企业开展数字化改造。', doc: measures, expect: [{ kind: 'target', value: 200, unit: '家' }] },
      // A limit a plan sets is a goal: only a modal of admission rules makes it a rule.
      { text: '到2025年，细颗粒物浓度不超过30微克/立方米。', doc: measures, expect: [{ kind: 'target', value: 30, comparator: '<=' }] },
      // A floor on nominations, or a ceiling on no nomination, is a goal.
      { text: '到2025年，推荐入选国家级试点不少于5个。', doc: measures, expect: [{ kind: 'target', value: 5, comparator: '>=' }] },
      // Money per unit that is no recipient of a grant is a goal.
      { text: '每个产业集群发行储架规模5亿元知识产权证券化产品。', doc: measures, expect: [{ kind: 'target', value: 5, unit: '亿元' }] },
      // Spending reported as done is an achieved value.
      { text: '累计兑现奖补资金5.2亿元。', doc: measures, section: 'actual', expect: [{ kind: 'actual', value: 5.2, unit: '亿元' }] },
    ],
    invalid: [
      { text: '对新认定的国家级孵化器给予每家最高300万元扶持。', doc: measures },
      { text: '对通过复审的高新技术企业每家补助20万元。', doc: measures },
      { text: '获得国家科学技术进步奖的，给予一等奖80万元、二等奖40万元奖励。', doc: measures },
      { text: '新建概念验证中心支持金额最高可至2000万元。', doc: measures },
      { text: '后补助支持金额不超过200万元/年。', doc: measures },
      { text: '企业研发投入按最高8%给予后补助。', doc: measures },
      { text: '对首次认定的示范机构，奖励50万元。', doc: measures, section: 'target' },
      { text: '年主营业务收入首次突破5亿元、10亿元的，分别给予奖励。', doc: measures },
      { text: '每引进1名顶尖人才给予团队1000万元资助。', doc: measures },
      { text: '一个标准群中标准数量不宜少于5项、不宜超过20项。', doc: measures },
      { text: '各省推荐项目原则上不超过10个。', doc: measures },
      { text: '“标准群”是指以至少1项国家标准为核心的标准集合。', doc: measures },
      // A notice's ceiling on nominations is a quota.
      { text: '各省、自治区、直辖市推荐项目不超过10个。', doc: measures },
      { text: '每个地区申报项目不超过3个。', doc: measures },
    ],
  });
});

describe('qualitative targets', () => {
  sentenceCases('全覆盖', {
    valid: [
      {
        text: '实现县（区）级知识产权公共服务网点全覆盖。',
        doc: workPlan,
        section: 'target',
        expect: [{ kind: 'target', indicator: '县（区）级知识产权公共服务网点', value: null, qualitative: '全覆盖', year: 2026 }],
      },
    ],
    invalid: [
      { text: '全市主要高新园区实现专利转化专项计划全覆盖。', doc: evaluationDoc, section: 'actual' },
      // 全覆盖 describing a system is no level set for it.
      { text: '打造高清晰、全覆盖的空中感知监测系统。', section: 'target' },
      { text: '构建数字赋能、全域覆盖的创新型城区。', section: 'target' },
    ],
  });
  // 由A全覆盖到B全覆盖: only the level reached (the second) is read.
  sentenceCases('from one coverage to another', {
    valid: [{ text: '推进基本医疗保险由制度全覆盖到法定人群全覆盖。', section: 'target', expect: [{ qualitative: '全覆盖' }] }],
  });
});

describe('an achieved value is a measurement, not a bound', () => {
  // 达/达到/提高到 set a floor on a target but report the value itself on an actual;
  // 超过, 余 and 以上 bound the figure either way.
  sentenceCases('comparators of actuals', {
    valid: [
      { text: '截至2022年底，全市有效发明专利量达113788件。', doc: evaluationDoc, expect: [{ kind: 'actual', year: 2022, value: 113788, comparator: '=' }] },
      { text: '2022年，知识产权质押融资额达到78.3亿元。', doc: evaluationDoc, expect: [{ kind: 'actual', year: 2022, value: 78.3, comparator: '=' }] },
      { text: '2022年，企业专利授权占比提高到73%。', doc: evaluationDoc, expect: [{ kind: 'actual', year: 2022, value: 73, comparator: '=' }] },
      { text: '2022年，新增参训企业家超过500人。', doc: evaluationDoc, expect: [{ kind: 'actual', year: 2022, value: 500, comparator: '>' }] },
      { text: '2022年，累计培育示范企业达50家以上。', doc: evaluationDoc, expect: [{ kind: 'actual', year: 2022, value: 50, comparator: '>=' }] },
      // The same words on a target still set a floor.
      { text: '到2025年，万人高价值发明专利拥有量达100件。', expect: [{ kind: 'target', year: 2025, value: 100, comparator: '>=' }] },
      // Falling to a value reports it too; on a target it is a ceiling.
      { text: '2022年，企业开办时间压缩至2个工作日。', doc: evaluationDoc, expect: [{ kind: 'actual', year: 2022, value: 2, comparator: '=' }] },
      { text: '到2025年，企业开办时间压缩至1个工作日。', expect: [{ kind: 'target', year: 2025, value: 1, comparator: '<=' }] },
    ],
  });
});

describe('names a report gives a figure in the clause before it', () => {
  // X偏低，仅为35%: the report judges the level first; the figure has no name of its own.
  sentenceCases('a judgement of the level, then the figure', {
    valid: [
      {
        text: '2022年，高价值专利占比偏低，仅为35%左右。',
        doc: evaluationDoc,
        expect: [{ kind: 'actual', indicator: '高价值专利占比', value: 35, unit: '%' }],
      },
      { text: '2022年，全市研发投入强度不高，为1.8%。', doc: evaluationDoc, expect: [{ indicator: '研发投入强度', value: 1.8 }] },
      { text: '2022年，工业投资增速放缓，仅增长3.2%。', doc: evaluationDoc, expect: [{ indicator: '工业投资增速', value: 3.2 }] },
    ],
    invalid: [
      // A judgement with no figure of its own after it.
      { text: '2022年，高价值专利占比偏低，结构有待优化。', doc: evaluationDoc },
    ],
  });

  // 新增X42家，总数达到315家: a bare total counts what the figure before it counted, as a stock.
  sentenceCases('a total after a flow', {
    valid: [
      {
        text: '2022年，新增知识产权服务机构42家，总数达到315家。',
        doc: evaluationDoc,
        expect: [
          { indicator: '新增知识产权服务机构', value: 42 },
          { indicator: '知识产权服务机构总数', value: 315 },
        ],
      },
      {
        text: '2022年，全市新建5G基站1.2万个，总量达到4.5万个。',
        doc: evaluationDoc,
        expect: [
          { indicator: '新建5G基站', value: 1.2 },
          { indicator: '5G基站总量', value: 4.5 },
        ],
      },
      // A total with nothing before it in its sentence keeps its own word.
      { text: '2022年，总数达到315家。', doc: evaluationDoc, expect: [{ indicator: '总数', value: 315 }] },
    ],
  });
});

describe('a later clause of a report sentence: the same indicator, a new year', () => {
  // 进一步, 今年上半年, 当年 say when or how, not what: the clause measures the sentence's indicator.
  sentenceCases('adverbs and parts of a year before the figure name nothing', {
    valid: [
      {
        text: '2021年全市专利授权量1.2万件，2022年进一步增长至1.5万件，今年上半年达到8600件。',
        doc: evaluationDoc,
        expect: [
          { indicator: '专利授权量', value: 1.2, year: 2021 },
          { indicator: '专利授权量', value: 1.5, year: 2022 },
          { indicator: '专利授权量', value: 8600 },
        ],
      },
      {
        text: '“十三五”期间，全市累计引进人才5.6万人，2022年当年引进1.8万人。',
        doc: evaluationDoc,
        expect: [
          { indicator: '引进人才', value: 5.6, year: 2020 },
          { indicator: '引进人才', value: 1.8, year: 2022 },
        ],
      },
    ],
  });
});

describe('relative figures: which figure they are relative to', () => {
  sentenceCases('a change in points is the change of the share just before it', {
    valid: [
      {
        text: '2022年，全市数字经济核心产业增加值860亿元，占GDP比重达到10.5%，较2020年提高1.8个百分点。',
        doc: evaluationDoc,
        expect: [
          { indicator: '数字经济核心产业增加值', value: 860 },
          { indicator: '数字经济核心产业增加值占GDP比重', value: 10.5 },
          { indicator: '数字经济核心产业增加值占GDP比重较2020年提高', value: 1.8, unit: '个百分点' },
        ],
      },
      {
        // Points after a growth rate are no change of a share: the sentence's indicator stays the base.
        text: '2022年，工业增加值增长8.1%，高于全国2.5个百分点。',
        doc: evaluationDoc,
        expect: [
          { indicator: '工业增加值增长', value: 8.1 },
          { indicator: '工业增加值增长高于全国', value: 2.5 },
        ],
      },
    ],
  });

  sentenceCases('分别: respective figures go to the list before them, in order', {
    valid: [
      {
        text: '截至2022年底，累计培育国家级专精特新企业15家、省级专精特新企业120家，分别完成规划目标的75%、60%。',
        doc: evaluationDoc,
        expect: [
          { value: 15 },
          { value: 120 },
          { indicator: '培育国家级专精特新企业完成规划目标', value: 75 },
          { indicator: '省级专精特新企业完成规划目标', value: 60 },
        ],
      },
      {
        text: '2022年，引进高层次人才320人、青年人才1500人，分别增长12%、18%。',
        doc: evaluationDoc,
        expect: [{ value: 320 }, { value: 1500 }, { indicator: '引进高层次人才增长率', value: 12 }, { indicator: '青年人才增长率', value: 18 }],
      },
      {
        // One figure before 分别 (two years of one indicator): the sentence's indicator, as before.
        text: '知识产权交易额分别达715.96亿元、831.39亿元，同比增长分别达5.9%、16.1%。',
        context: '2021-2022年，南京市专利实施许可和转让 32113件次，',
        doc: evaluationDoc,
        expect: [
          { value: 715.96 },
          { value: 831.39 },
          { indicator: '知识产权交易额同比增长率', value: 5.9 },
          { indicator: '知识产权交易额同比增长率', value: 16.1 },
        ],
      },
    ],
  });
});

describe('figures whose measure word is not written after them', () => {
  // A bare magnitude right before a counted noun (服务1.64亿缴存人): the noun's head is the measure word.
  sentenceCases('a magnitude before the counted noun', {
    valid: [
      {
        text: '2022年，住房公积金小程序服务1.64亿缴存人。',
        doc: evaluationDoc,
        expect: [{ kind: 'actual', year: 2022, value: 1.64, unit: '亿人', indicator: '缴存人', flagKinds: ['unit-from-noun'] }],
      },
      {
        text: '2022年，电子社保卡覆盖4500万持卡人，惠及2000万农户。',
        doc: evaluationDoc,
        expect: [
          { value: 4500, unit: '万人', indicator: '电子社保卡覆盖持卡人' },
          { value: 2000, unit: '万户', indicator: '惠及农户' },
        ],
      },
      { text: '截至2022年底，网民规模达10.3亿网民。', doc: evaluationDoc, expect: [{ value: 10.3, unit: '亿人' }] },
    ],
    invalid: [
      // No magnitude: a bare number before a noun is no count of it.
      { text: '2022年，服务1640缴存人。', doc: evaluationDoc },
      // The noun runs on: the figure counts something else.
      { text: '2022年，服务1.64亿缴存人员工资发放。', doc: evaluationDoc },
      // A head that counts nothing (平台).
      { text: '2022年，建设1.2万平台。', doc: evaluationDoc },
    ],
  });

  // An index, a coefficient, PUE: a measure without a unit, after its comparator.
  sentenceCases('a measure without a unit', {
    valid: [
      {
        text: '2023年，全省数字经济发展指数达到85.6，居全国第6位。',
        doc: evaluationDoc,
        expect: [{ kind: 'actual', year: 2023, indicator: '数字经济发展指数', value: 85.6, unit: null }],
      },
      {
        text: '2022年，新建数据中心电能利用效率（PUE）降至1.25。',
        doc: evaluationDoc,
        expect: [{ kind: 'actual', year: 2022, value: 1.25, unit: null, comparator: '=' }],
      },
      { text: '到2025年，新建大型数据中心电能使用效率降至1.3以下。', expect: [{ kind: 'target', year: 2025, value: 1.3, unit: null, comparator: '<=' }] },
    ],
    invalid: [
      // No comparator: a bare number after the name is a label or a code.
      { text: '2022年，发布数字经济发展指数2022版。', doc: evaluationDoc },
      // A name that is not a measure without a unit.
      { text: '2022年，企业数量达到85.6。', doc: evaluationDoc },
      // The figure does not end its clause: something else is counted.
      { text: '2022年，发展指数达到85.6的城市明显增多。', doc: evaluationDoc },
    ],
  });
});

describe('what evaluation reports say about figures besides stating them', () => {
  // The plan's target restated beside the value reached is a target of the indicator the sentence reports on.
  sentenceCases('restated targets', {
    valid: [
      {
        text: '截至2022年底，全市研发经费投入强度达到2.6%，距2025年达到3%的目标尚差0.4个百分点。',
        doc: evaluationDoc,
        expect: [
          { kind: 'actual', year: 2022, indicator: '研发经费投入强度', value: 2.6 },
          { kind: 'target', year: 2025, indicator: '研发经费投入强度', value: 3, comparator: '>=' },
        ],
      },
      {
        text: '截至2022年底，高新技术企业数量达到1200家，提前实现1000家以上的规划目标。',
        doc: evaluationDoc,
        expect: [
          { kind: 'actual', year: 2022, indicator: '高新技术企业数量', value: 1200 },
          { kind: 'target', year: 2025, indicator: '高新技术企业数量', value: 1000, comparator: '>=', rule: 'quantity.restated-target' },
        ],
      },
      {
        text: '截至2022年底，技术合同成交额占比为1.8%，规划目标为到2025年达到2.5%。',
        doc: evaluationDoc,
        expect: [
          { kind: 'actual', year: 2022, indicator: '技术合同成交额占比', value: 1.8 },
          { kind: 'target', year: 2025, indicator: '技术合同成交额占比', value: 2.5 },
        ],
      },
      {
        text: '截至2022年底，建成重点实验室12个，已完成规划目标（新建重点实验室30个）。',
        doc: evaluationDoc,
        expect: [
          { kind: 'actual', year: 2022, value: 12 },
          { kind: 'target', year: 2025, indicator: '新建重点实验室', value: 30 },
        ],
      },
      // 目标 naming nothing the figure restates leaves a plan's own sentence alone.
      {
        text: '到2025年，全市发明专利拥有量达到5万件，实现规划确定的发展目标。',
        expect: [{ kind: 'target', year: 2025, indicator: '发明专利拥有量', value: 5 }],
      },
    ],
  });
  sentenceCases('derived statistics and the evaluation’s own counts', {
    valid: [],
    invalid: [
      // Gaps to the schedule or the target are derived from the figures beside them.
      { text: '全市专利授权量超过序时进度5个百分点。', doc: evaluationDoc },
      { text: '该指标落后序时进度3个百分点。', doc: evaluationDoc },
      { text: '该指标距离2025年目标还差1.2个百分点。', doc: evaluationDoc },
      // How the evaluation was done.
      { text: '本次评估共发放问卷1500份，召开座谈会5场。', doc: evaluationDoc },
      { text: '评估组实地调研企业20家，访谈企业负责人45人次。', doc: evaluationDoc },
    ],
  });
  // A report's section on one indicator calls it 该指标: the heading names it.
  sentenceCases('该指标 in a section on one indicator', {
    valid: [
      {
        text: '2022年该指标仅提高0.6个百分点。',
        heading: '高新技术企业营业收入占比',
        doc: evaluationDoc,
        expect: [{ kind: 'actual', year: 2022, indicator: '高新技术企业营业收入占比仅提高', value: 0.6 }],
      },
      // A heading that is a sentence names nothing; the words stay as written.
      {
        text: '2022年该指标仅提高0.6个百分点。',
        heading: '加快推进，确保完成',
        doc: evaluationDoc,
        expect: [{ indicator: '该指标仅提高', value: 0.6 }],
      },
    ],
  });
  sentenceCases('research that is no evaluation stays a goal', {
    valid: [{ text: '到2025年，开展产业链调研100次。', expect: [{ kind: 'target', year: 2025, value: 100 }] }],
  });
  // A report's 下一步 section sets goals for the years after the one it reports on.
  sentenceCases('a later year in a report', {
    valid: [
      { text: '2023年新建创新平台6个。', doc: evaluationDoc, section: 'target', expect: [{ kind: 'target', year: 2023, value: 6 }] },
      { text: '2023年新建创新平台6个。', doc: evaluationDoc, section: 'actual', expect: [{ kind: 'actual', year: 2023, value: 6 }] },
      { text: '2022年新建创新平台6个。', doc: evaluationDoc, section: 'target', expect: [{ kind: 'actual', year: 2022, value: 6 }] },
    ],
  });
});
