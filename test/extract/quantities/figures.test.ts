/**
 * How plans write numbers, units and comparators (rules/units.yaml,
 * rules/comparators.yaml, the ignore list of rules/quantity-patterns.yaml).
 */
import { describe, expect, it } from 'vitest';
import type { Figure } from '../../../src/extract/quantities/figures.js';
import { parseChinese, parseNumber } from '../../../src/text/numerals.js';
import { figures } from './engine.js';

type Want = Partial<Pick<Figure, 'value' | 'valueMax' | 'unit' | 'comparator' | 'multiplier' | 'unitFromNoun'>>;

function figureCases(name: string, cases: { valid: Array<{ text: string; expect: Want[] }>; invalid: string[] }): void {
  describe(name, () => {
    for (const c of cases.valid) {
      it(c.text, () => {
        const got = figures.find(c.text);
        expect(got.length, JSON.stringify(got)).toBe(c.expect.length);
        c.expect.forEach((want, i) => expect(got[i]).toMatchObject(want));
      });
    }
    for (const text of cases.invalid) {
      it(`not a figure: ${text}`, () => {
        expect(figures.find(text).map((f) => `${f.value}${f.unit}`)).toEqual([]);
      });
    }
  });
}

figureCases('numbers', {
  valid: [
    { text: '有效发明专利拥有量12,482件', expect: [{ value: 12482, unit: '件' }] },
    { text: '技术合同成交额67.72亿元', expect: [{ value: 67.72, unit: '亿元', multiplier: 1e8 }] },
    { text: '有效注册商标量达13.5万件', expect: [{ value: 13.5, unit: '万件', multiplier: 1e4 }] },
    { text: '出口额3.2万美元', expect: [{ value: 3.2, unit: '万美元', multiplier: 1e4 }] },
    { text: '服务企业达到千家', expect: [{ value: 1000, unit: '家' }] },
    { text: '新增十家示范企业', expect: [{ value: 10, unit: '家' }] },
    { text: '打造百家领军企业', expect: [{ value: 100, unit: '家' }] },
    { text: '支持千家企业开展产学研协同创新', expect: [{ value: 1000, unit: '家' }] },
    { text: '带动相关产业规模超万亿元', expect: [{ value: 1e12, unit: '元', comparator: '>' }] },
    { text: '培训人员超过两千人次', expect: [{ value: 2000, unit: '人次' }] },
    { text: '专利授权量２６８７５件', expect: [{ value: 26875, unit: '件' }] },
    { text: '培育3—5家龙头企业', expect: [{ value: 3, valueMax: 5, unit: '家', comparator: '>=' }] },
    { text: '产值约3—5亿元', expect: [{ value: 3, valueMax: 5, comparator: '~' }] },
    { text: '培育3至5家龙头企业', expect: [{ value: 3, valueMax: 5, unit: '家' }] },
    { text: '满意度达85%', expect: [{ value: 85, unit: '%' }] },
    { text: '比重达8.6％', expect: [{ value: 8.6, unit: '%' }] },
    { text: '覆盖率达到百分之八十五', expect: [{ value: 85, unit: '%' }] },
    { text: '参训人数超过2万人次', expect: [{ value: 2, unit: '万人次', multiplier: 1e4 }] },
    { text: '高于全省16.7个百分点', expect: [{ value: 16.7, unit: '个百分点' }] },
    { text: '宣传培训活动50余场', expect: [{ value: 50, unit: '场', comparator: '>' }] },
    { text: '从业人员234名', expect: [{ value: 234, unit: '名' }] },
    { text: '婴儿死亡率控制在4.5‰以下', expect: [{ value: 4.5, unit: '‰', comparator: '<=' }] },
    { text: '粮食总产量保持在10亿斤以上', expect: [{ value: 10, unit: '亿斤', multiplier: 1e8, comparator: '>=' }] },
    { text: '审批时间压缩至40个工作日以内', expect: [{ value: 40, unit: '个工作日', comparator: '<=' }] },
    { text: '企业开办时间压减到1个工作日', expect: [{ value: 1, unit: '个工作日', comparator: '<=' }] },
    { text: '比重提高到20%左右', expect: [{ value: 20, unit: '%', comparator: '~' }] },
    { text: '失业率控制在5.5%左右', expect: [{ value: 5.5, unit: '%', comparator: '~' }] },
    // A limit set with 控制在 is a figure like one set with 压缩至; a decimal count of days is one number.
    { text: '审批全流程控制在15个工作日以内', expect: [{ value: 15, unit: '个工作日', comparator: '<=' }] },
    { text: '企业开办平均时间压缩至1.5个工作日', expect: [{ value: 1.5, unit: '个工作日' }] },
    { text: '商事案件平均审理周期压缩至60天以内', expect: [{ value: 60, unit: '天', comparator: '<=' }] },
    { text: '空气质量优良天数达到300天', expect: [{ value: 300, unit: '天' }] },
    { text: '预警信息提前发布时间不少于30分钟', expect: [{ value: 30, unit: '分钟', comparator: '>=' }] },
    { text: '新增地质灾害专业监测点200处', expect: [{ value: 200, unit: '处' }] },
    { text: '全市共发生生产安全事故42起', expect: [{ value: 42, unit: '起' }] },
    // A goal on an area names what is done to it.
    { text: '完成废弃矿山生态修复面积120公顷', expect: [{ value: 120, unit: '公顷' }] },
    { text: '粮食播种面积稳定在28.6万亩以上', expect: [{ value: 28.6, unit: '万亩' }] },
    { text: '社会满意度达到90分', expect: [{ value: 90, unit: '分' }] },
    // A figure after 确定的 that counts no part of the plan stays.
    { text: '规划确定的重点项目完成投资120亿元', expect: [{ value: 120, unit: '亿元' }] },
    // A count that names the set later counts are members of stays (规划确定的19项主要指标中，…).
    {
      text: '规划确定的19项主要指标中，已有12项达到序时进度',
      expect: [
        { value: 19, unit: '项' },
        { value: 12, unit: '项' },
      ],
    },
  ],
  invalid: [
    '玄政办〔2022〕30号',
    '结合4.26世界知识产权日开展宣传',
    '完善“1+13+13+N”知识产权保护网络',
    '打造5+4+5产业集群',
    '连续保持江苏省第一，居GDP过万亿城市第三位',
    '江苏省专利授权前10强企业',
    '到2025年建成知识产权强市',
    '落实“四个走在前”重大任务',
    '形成三个层面的工作格局',
    '在产业、企业、区域三个层面开展专利导航',
    '形成一批高价值专利',
    '占全市GDP四分之一',
    '二〇三五年远景目标',
    '2024年6月—2024年10月底',
    '3D打印产业',
    '申请在3个工作日内办结',
    '用10个工作日完成审核',
    '附有3个专栏和2张附表',
    '每季度召开1次联席会议',
    '每月至少开展2次巡查',
    '用1.5个工作日完成审核',
    '群众诉求3天内办结',
    '申请材料5日内审核完毕',
    // A service radius names a kind of area; a weight is part of a scoring scheme.
    '建设“15分钟政务服务圈”',
    '打造15分钟便民生活圈',
    '其中粮食生产（20分）、产业发展（15分）',
    // What the plan itself sets out, counted.
    '将规划确定的3类12项主要指标纳入本地规划',
    '将本方案确定的6项重点任务纳入年度考核',
    '深入实施《规划》提出的六大计划',
    // The extent of a zone, as zone plans describe it.
    '创新区总规划面积约60.61平方公里',
    '产业承载区面积约为30平方公里',
    // 起 after a date opens the time a rule applies from; it counts nothing.
    '自2024年3月1日起施行',
  ],
});

// A bare number ending its clause after a mathematical comparator is a value without a unit (dimensionlessComparators);
// after words, only where the name is a measure without one (dimensionlessNouns).
figureCases('values without a unit', {
  valid: [
    { text: '亿元地区生产总值生产安全事故死亡率≤0.006。', expect: [{ value: 0.006, unit: null, comparator: '<=' }] },
    { text: '年均每百万人口因自然灾害死亡率≤0.5；', expect: [{ value: 0.5, unit: null, comparator: '<=' }] },
    { text: '数字经济发展指数达到85.6。', expect: [{ value: 85.6, unit: null }] },
  ],
  invalid: ['生产安全事故死亡率不超过0.006。', '编号>3的项目另行安排', '综合评分≥80的单位给予通报表扬'],
});

figureCases('technical units written in Latin letters', {
  valid: [
    { text: '人工智能算力规模突破3500PFlops', expect: [{ value: 3500, unit: 'PFlops', comparator: '>' }] },
    { text: '全省算力规模达到14EFlops', expect: [{ value: 14, unit: 'EFlops', comparator: '>=' }] },
    { text: '信噪比达到70dB', expect: [{ value: 70, unit: 'dB', comparator: '>=' }] },
    { text: '绝对精度100Pa以内', expect: [{ value: 100, unit: 'Pa', comparator: '<=' }] },
    { text: '已许可的中低频段频谱资源共计770MHz', expect: [{ value: 770, unit: 'MHz' }] },
    { text: '能效比超过2TFLOPS/W', expect: [{ value: 2, unit: 'TFLOPS/w', comparator: '>' }] },
    { text: '连续工作时间大于240h', expect: [{ value: 240, unit: 'h', comparator: '>' }] },
    { text: '数据中心机架总规模超过590万标准机架', expect: [{ value: 590, unit: '万标准机架', multiplier: 1e4 }] },
    { text: '云台精度达到0.005 度', expect: [{ value: 0.005, unit: '度' }] },
  ],
  invalid: ['推进5G网络和F5G建设', '部署H100芯片', '提供7×24h在线服务', '发展4K超高清视频', '推广3D打印技术'],
});

figureCases('per-capita indicators keep 万/百亿 in the name', {
  valid: [
    { text: '万人高价值发明专利拥有量达100件', expect: [{ value: 100, unit: '件', multiplier: 1 }] },
    { text: '万企拥有有效注册商标企业数超过1300家', expect: [{ value: 1300, unit: '家' }] },
    { text: '百亿元GDP有效发明专利密度为673件', expect: [{ value: 673, unit: '件', multiplier: 1 }] },
    { text: '每万人口高价值发明专利拥有量达到12件', expect: [{ value: 12, unit: '件' }] },
  ],
  invalid: ['万人高价值发明专利拥有量', '百亿元GDP有效发明专利密度'],
});

// A count that ends its clause with only a magnitude counts the noun its name ends in
// (countedNouns): the measure word is supplied from that noun, and says so.
figureCases('counts with only a magnitude', {
  valid: [
    { text: 'IPv6活跃用户数达6.97亿。', expect: [{ value: 6.97, unit: '亿户', multiplier: 100000000, unitFromNoun: '用户' }] },
    { text: '发展卫星通信用户超千万，', expect: [{ value: 10000000, unit: '户', comparator: '>', unitFromNoun: '用户' }] },
    { text: '电子发票服务平台用户数量突破千万级。', expect: [{ value: 10000000, unit: '户', unitFromNoun: '用户' }] },
    { text: '全市参保人数达1.2万', expect: [{ value: 1.2, unit: '万人', multiplier: 10000, unitFromNoun: '人数' }] },
    // A written measure word needs nothing supplied.
    { text: '移动电话用户总数达16.43亿户。', expect: [{ value: 16.43, unit: '亿户' }] },
  ],
  invalid: ['融资规模超过200亿。', '用户规模达千万级以上的平台', '用户数达6.97亿的平台', '打造千亿级产业集群。', '服务用户千万，'],
});

// A place in a ranking is a figure only where a move between places measures a change
// (排名从第78位提高到第9位); a place alone, and the ordinals of sessions, batches, quarters
// and plans, stay masked (ignore.ordinal).
figureCases('ranking places', {
  valid: [
    {
      text: '指数排名从2012年全球第78位提高到目前的第9位',
      expect: [
        { value: 78, unit: '位' },
        { value: 9, unit: '位' },
      ],
    },
    {
      text: '综合排名由全国第35位上升至第12位',
      expect: [
        { value: 35, unit: '位' },
        { value: 12, unit: '位' },
      ],
    },
    {
      text: '营商环境评价从第20位跃升到第6位',
      expect: [
        { value: 20, unit: '位' },
        { value: 6, unit: '位' },
      ],
    },
  ],
  invalid: [
    '南京市知识产权综合实力位居全国第3位',
    '排名保持在全国第5位',
    '从第3位开始依次排列',
    '举办第3届数字经济大会',
    '入选第一批国家试点',
    '第二季度完成验收',
    '国民经济和社会发展第十四个五年规划',
    '提高到第二批试点的水平',
  ],
});

figureCases('comparators', {
  valid: [
    { text: '拥有量达100件', expect: [{ comparator: '>=' }] },
    { text: '拥有量达到100件', expect: [{ comparator: '>=' }] },
    { text: '拥有量不低于100件', expect: [{ comparator: '>=' }] },
    { text: '备案数2000件以上', expect: [{ comparator: '>=' }] },
    { text: '规模≥10家', expect: [{ comparator: '>=' }] },
    { text: '数量达100家以上', expect: [{ comparator: '>=' }] },
    { text: '交易额超过30亿元', expect: [{ comparator: '>' }] },
    { text: '有效发明专利数超2800件', expect: [{ comparator: '>' }] },
    { text: '授权量＞3500件', expect: [{ comparator: '>' }] },
    { text: '满意度高于85%', expect: [{ comparator: '>' }] },
    { text: '建成100人左右的人才库', expect: [{ comparator: '~' }] },
    { text: '产值约14991.39亿元', expect: [{ comparator: '~' }] },
    { text: '结案周期不超过30次', expect: [{ comparator: '<=' }] },
    { text: '侵权案件低于5%', expect: [{ comparator: '<' }] },
    { text: '比例＜5%', expect: [{ comparator: '<' }] },
    { text: '知识产权质押融资总额6亿元', expect: [{ comparator: '=' }] },
  ],
  invalid: [],
});

describe('Chinese numerals', () => {
  it.each([
    ['千', 1000],
    ['两千', 2000],
    ['十', 10],
    ['十五', 15],
    ['一万二千', 12000],
    ['三百五十', 350],
    ['二〇三五', 2035],
    ['万亿', 1e12],
    ['三万亿', 3e12],
  ])('%s → %d', (text, value) => expect(parseChinese(text)).toBe(value));
  it('parses Arabic with separators', () => expect(parseNumber('1,234.5')).toBe(1234.5));
});
