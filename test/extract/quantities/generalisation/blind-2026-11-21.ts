/**
 * Blind batch written 2026-11-21 before any run of the extractor on it
 * (first-run figures are in the report, not here). Styles: 卫生/生态/碳 goal
 * sentences, county 实施方案 with 力争用3年时间, 中期评估 progress shares,
 * 专栏 目标：, 工作日 limits, and negatives (addresses, article numbers, dates).
 */
import { q, type ProbeCase } from './probe.js';

const GOALS = '二、发展目标';
const TASKS = '三、重点任务';

export const BLIND_2026_11_21: ProbeCase[] = [
  {
    id: 'b7-pm25-water',
    style: 'blind-7',
    doc: 'province-plan',
    heading: GOALS,
    text: '到2025年，细颗粒物（PM2.5）平均浓度控制在30微克/立方米以内，地表水达到或好于Ⅲ类水体比例达到85%。',
    targets: [q('细颗粒物（PM2.5）平均浓度', 30, '微克/立方米', '<=', 2025), q('地表水达到或好于Ⅲ类水体比例', 85, '%', '>=', 2025)],
  },
  {
    id: 'b7-three-years-county',
    style: 'blind-7',
    doc: 'work-plan',
    heading: GOALS,
    text: '力争用3年时间，全县新增上云企业500家以上，培育省级专精特新中小企业30家。',
    targets: [q('新增上云企业', 500, '家', '>=', 2025), q('培育省级专精特新中小企业', 30, '家', '=', 2025)],
  },
  {
    id: 'b7-midterm-share-of-goal',
    style: 'blind-7',
    doc: 'evaluation',
    heading: '一、主要指标完成情况',
    text: '截至2023年6月，全省累计建成5G基站8.6万个，占规划目标的68%。',
    actuals: [q('建成5G基站', 8.6, '万个', '=', 2023, { cumulative: true }), q('建成5G基站占规划目标比例', 68, '%', '=', 2023)],
  },
  {
    id: 'b7-box-goal-colon',
    style: 'blind-7',
    doc: 'county-plan',
    heading: TASKS,
    text: '专栏2 数字化转型工程\n目标：到2025年，建设智能工厂50家、数字化车间200个。',
    targets: [q('建设智能工厂', 50, '家', '=', 2025), q('数字化车间', 200, '个', '=', 2025)],
  },
  {
    id: 'b7-carbon',
    style: 'blind-7',
    doc: 'province-plan',
    heading: GOALS,
    text: '到2025年，单位地区生产总值二氧化碳排放降低18%，非化石能源占一次能源消费比重提高到20%左右。',
    targets: [q('单位地区生产总值二氧化碳排放降低', 18, '%', '=', 2025), q('非化石能源占一次能源消费比重', 20, '%', '~', 2025)],
  },
  {
    id: 'b7-midterm-progress',
    style: 'blind-7',
    doc: 'evaluation',
    heading: '一、主要指标完成情况',
    text: '2022年，全市数字经济核心产业增加值达到1560亿元，同比增长9.2%，规划目标完成进度为72.5%。',
    actuals: [
      q('数字经济核心产业增加值', 1560, '亿元', '=', 2022),
      q('数字经济核心产业增加值同比增长', 9.2, '%', '=', 2022),
      q('数字经济核心产业增加值规划目标完成进度', 72.5, '%', '=', 2022),
    ],
  },
  {
    id: 'b7-working-days-limit',
    style: 'blind-7',
    doc: 'province-plan',
    heading: GOALS,
    text: '到2025年，一般工业项目审批时间压缩至40个工作日以内，企业开办时间压减到1个工作日以内。',
    targets: [q('一般工业项目审批时间', 40, '个工作日', '<=', 2025), q('企业开办时间', 1, '个工作日', '<=', 2025)],
  },
  { id: 'b7-neg-address', style: 'negative', doc: 'county-plan', heading: '五、保障措施', text: '受理地址：县行政服务中心3楼18号窗口，邮编313100。' },
  {
    id: 'b7-neg-article-date',
    style: 'negative',
    doc: 'province-plan',
    heading: TASKS,
    text: '依据《条例》第十四条和第22条规定，各地于2024年3月1日前完成申报，召开第2次联席会议。',
  },
];

/** Second blind batch of the day, also written before any run on it. */
export const BLIND_2026_11_21_B: ProbeCase[] = [
  {
    id: 'b8-rd-gdp-share',
    style: 'blind-8',
    doc: 'province-plan',
    heading: GOALS,
    text: '到2025年，全市R&D经费投入强度达到2.8%，数字经济核心产业增加值占GDP比重达到10%。',
    targets: [q('R&D经费投入强度', 2.8, '%', '>=', 2025), q('数字经济核心产业增加值占GDP比重', 10, '%', '>=', 2025)],
  },
  {
    id: 'b8-education-stable',
    style: 'blind-8',
    doc: 'province-plan',
    heading: GOALS,
    text: '到2025年，学前三年毛入园率达到92%以上，高中阶段毛入学率稳定在95%以上。',
    targets: [q('学前三年毛入园率', 92, '%', '>=', 2025), q('高中阶段毛入学率', 95, '%', '>=', 2025)],
  },
  {
    id: 'b8-water-below',
    style: 'blind-8',
    doc: 'province-plan',
    heading: GOALS,
    text: '到2025年，万元地区生产总值用水量下降16%，城市生活垃圾回收利用率达到35%以上，城市公共供水管网漏损率控制在9%以下。',
    targets: [
      q('万元地区生产总值用水量下降', 16, '%', '=', 2025),
      q('城市生活垃圾回收利用率', 35, '%', '>=', 2025),
      q('城市公共供水管网漏损率', 9, '%', '<=', 2025),
    ],
  },
  {
    id: 'b8-work-plan-year-end',
    style: 'blind-8',
    doc: 'work-plan',
    heading: GOALS,
    text: '到2024年底，全市建成区公园绿地服务半径覆盖率达到90%，累计建成口袋公园120个。',
    targets: [q('公园绿地服务半径覆盖率', 90, '%', '>=', 2024), q('建成口袋公园', 120, '个', '=', 2024, { cumulative: true })],
  },
  {
    id: 'b8-evaluation-investment',
    style: 'blind-8',
    doc: 'evaluation',
    heading: '一、主要指标完成情况',
    text: '截至2022年底，已完成投资38.6亿元，占总投资的54.2%，项目开工率达到87%。',
    actuals: [q('完成投资', 38.6, '亿元', '=', 2022), q('完成投资占总投资比例', 54.2, '%', '=', 2022), q('项目开工率', 87, '%', '=', 2022)],
  },
  {
    id: 'b8-neg-monthly-report',
    style: 'negative',
    doc: 'county-plan',
    heading: '五、保障措施',
    text: '请各单位于每月5日前报送上月工作进展，联系人：李华，电话13912345678。',
  },
  { id: 'b8-neg-slogan-numbers', style: 'negative', doc: 'county-plan', heading: TASKS, text: '实施“十百千”工程，开展“双十佳”评选，深化“三服务”2.0版。' },
  { id: 'b8-neg-law-clauses', style: 'negative', doc: 'province-plan', heading: TASKS, text: '严格执行《专利法》第二十条、第71条和《实施细则》第3款规定。' },
];

/** Third blind batch of the day, also written before any run on it. */
export const BLIND_2026_11_21_C: ProbeCase[] = [
  {
    id: 'b9-respectively-permille',
    style: 'blind-9',
    doc: 'province-plan',
    heading: GOALS,
    text: '到2025年，婴儿死亡率、5岁以下儿童死亡率分别控制在4.5‰和6‰以下。',
    targets: [q('婴儿死亡率', 4.5, '‰', '<=', 2025), q('5岁以下儿童死亡率', 6, '‰', '<=', 2025)],
  },
  {
    id: 'b9-decline-above',
    style: 'blind-9',
    doc: 'county-plan',
    heading: GOALS,
    text: '到2025年，全县万元GDP用水量较2020年下降15%以上，农村自来水普及率达到99%。',
    targets: [q('万元GDP用水量下降', 15, '%', '>=', 2025), q('农村自来水普及率', 99, '%', '>=', 2025)],
  },
  {
    id: 'b9-sports-area',
    style: 'blind-9',
    doc: 'province-plan',
    heading: GOALS,
    text: '到2025年，人均体育场地面积达到2.6平方米，经常参加体育锻炼人数比例达到42%以上。',
    targets: [q('人均体育场地面积', 2.6, '平方米', '>=', 2025), q('经常参加体育锻炼人数比例', 42, '%', '>=', 2025)],
  },
  {
    id: 'b9-farmland-mu-jin',
    style: 'blind-9',
    doc: 'county-plan',
    heading: GOALS,
    text: '到2025年，累计建成高标准农田45万亩，粮食播种面积稳定在120万亩以上，粮食总产量保持在10亿斤以上。',
    targets: [
      q('建成高标准农田', 45, '万亩', '=', 2025, { cumulative: true }),
      q('粮食播种面积', 120, '万亩', '>=', 2025),
      q('粮食总产量', 10, '亿斤', '>=', 2025),
    ],
  },
  {
    id: 'b9-midterm-ahead',
    style: 'blind-9',
    doc: 'evaluation',
    heading: '一、主要指标完成情况',
    text: '2022年，全市技术合同成交额达到312亿元，较2020年增长46.5%，已提前完成规划目标。',
    actuals: [q('技术合同成交额', 312, '亿元', '=', 2022), q('技术合同成交额较2020年增长', 46.5, '%', '=', 2022)],
  },
  {
    id: 'b9-neg-stage-dates',
    style: 'negative',
    doc: 'work-plan',
    heading: '四、实施步骤',
    text: '第一阶段（2023年1月—6月）：动员部署。第二阶段（2023年7月—2024年12月）：全面推进。',
  },
  { id: 'b9-neg-chapters', style: 'negative', doc: 'province-plan', heading: '前言', text: '《规划》共十章四十节，附有3个专栏和2张附表。' },
  {
    id: 'b9-neg-meeting-venue',
    style: 'negative',
    doc: 'county-plan',
    heading: TASKS,
    text: '办好第五届数字经济峰会，打造G20杭州峰会成果转化平台，建设“4+1”专项基金。',
  },
];

/** Fourth blind batch of the day (transport, energy, employment), written before any run on it. */
export const BLIND_2026_11_21_D: ProbeCase[] = [
  {
    id: 'b10-vehicles-chargers',
    style: 'blind-10',
    doc: 'province-plan',
    heading: GOALS,
    text: '到2025年，全省新能源汽车保有量达到50万辆，建成充电桩20万个。',
    targets: [q('新能源汽车保有量', 50, '万辆', '>=', 2025), q('建成充电桩', 20, '万个', '=', 2025)],
  },
  {
    id: 'b10-employment',
    style: 'blind-10',
    doc: 'county-plan',
    heading: GOALS,
    text: '到2025年，新增城镇就业岗位3万个，城镇登记失业率控制在3%以内，零就业家庭动态清零。',
    // 动态清零 is a count brought to nothing by 2025, a qualitative target like 全覆盖 (the real gold records 无研发活动实现清零 so).
    targets: [
      q('新增城镇就业岗位', 3, '万个', '=', 2025),
      q('城镇登记失业率', 3, '%', '<=', 2025),
      q('零就业家庭', null, null, '=', 2025, { qualitative: '清零' }),
    ],
  },
  {
    id: 'b10-energy-capacity',
    style: 'blind-10',
    doc: 'province-plan',
    heading: GOALS,
    text: '到2025年，全市光伏装机容量达到300万千瓦，新增储能装机规模50万千瓦。',
    targets: [q('光伏装机容量', 300, '万千瓦', '>=', 2025), q('新增储能装机规模', 50, '万千瓦', '=', 2025)],
  },
  {
    id: 'b10-port-airport',
    style: 'blind-10',
    doc: 'province-plan',
    heading: GOALS,
    text: '到2025年，港口集装箱吞吐量达到500万标准箱，航空旅客吞吐量突破1500万人次。',
    targets: [q('港口集装箱吞吐量', 500, '万标准箱', '>=', 2025), q('航空旅客吞吐量', 1500, '万人次', '>', 2025)],
  },
  {
    id: 'b10-evaluation-five-year-share',
    style: 'blind-10',
    doc: 'evaluation',
    heading: '一、主要指标完成情况',
    text: '截至2022年底，全市累计新增城镇就业12.6万人，完成五年目标任务的63%。',
    actuals: [q('新增城镇就业', 12.6, '万人', '=', 2022, { cumulative: true }), q('新增城镇就业完成五年目标任务比例', 63, '%', '=', 2022)],
  },
  { id: 'b10-neg-validity', style: 'negative', doc: 'work-plan', heading: '六、附则', text: '本方案自印发之日起施行，有效期5年。' },
  { id: 'b10-neg-slogans', style: 'negative', doc: 'county-plan', heading: TASKS, text: '坚持“两山”理念，落实河湖长制“1+5”工作体系，创建国家AAAA级旅游景区。' },
  { id: 'b10-neg-venue', style: 'negative', doc: 'county-plan', heading: TASKS, text: '依托县科创中心B座5楼设立知识产权服务站，服务热线0572-12345。' },
];
