/**
 * The indicator catalogue (rules/indicators/) as data: what it must cover and
 * how it must hang together. The national 14th Five-Year Plan outline's 20
 * main indicators are written as the outline's table names them.
 */
import { describe, expect, it } from 'vitest';
import { IndicatorLinker } from '../../../src/extract/quantities/link.js';
import { rules } from './engine.js';

const catalogue = rules.indicators;
const linker = new IndicatorLinker(catalogue);

describe('the indicator catalogue', () => {
  it('holds 150 indicators or more, in domains', () => {
    expect(catalogue.indicators.length).toBeGreaterThanOrEqual(150);
    const domains = new Set(catalogue.indicators.map((i) => i.domain));
    for (const d of ['economy', 'innovation', 'digital', 'industry', 'energy-environment', 'agriculture', 'education', 'health', 'social', 'emergency', 'ip']) {
      expect(domains, d).toContain(d);
    }
  });

  // 《中华人民共和国国民经济和社会发展第十四个五年规划和2035年远景目标纲要》专栏1
  it.each([
    ['国内生产总值（GDP）增长', '%'],
    ['全员劳动生产率增长', '%'],
    ['常住人口城镇化率', '%'],
    ['全社会研发经费投入增长', '%'],
    ['每万人口高价值发明专利拥有量', '件'],
    ['数字经济核心产业增加值占GDP比重', '%'],
    ['居民人均可支配收入增长', '%'],
    ['城镇调查失业率', '%'],
    ['劳动年龄人口平均受教育年限', '年'],
    ['每千人口拥有执业（助理）医师数', '人'],
    ['基本养老保险参保率', '%'],
    ['每千人口拥有3岁以下婴幼儿托位数', '个'],
    ['人均预期寿命', '岁'],
    ['单位GDP能源消耗降低', '%'],
    ['单位GDP二氧化碳排放降低', '%'],
    ['地级及以上城市空气质量优良天数比率', '%'],
    ['地表水达到或好于Ⅲ类水体比例', '%'],
    ['森林覆盖率', '%'],
    ['粮食综合生产能力', '吨'],
    ['能源综合生产能力', '吨标准煤'],
  ])('has the outline indicator %s', (name, unit) => {
    expect(linker.link(name, unit)).toMatchObject({ method: 'alias' });
  });

  // Sector plans (issue 12): names local plans use for the national sector
  // plans' indicators, and narrower siblings that must not take the broader
  // entry by similarity (农村公路里程 is not 公路通车里程).
  it.each([
    ['PM2.5年均浓度', '微克/立方米', 'energy-environment.pm25-concentration'],
    ['细颗粒物（PM2.5）浓度下降', '%', 'energy-environment.pm25-reduction'],
    ['高速公路通车里程', '公里', 'transport.expressway-length'],
    ['农村公路里程', '公里', 'transport.rural-road-length'],
    ['企业开办时间', '工作日', 'business-environment.business-start-time'],
    ['万元GDP用水量下降', '%', 'water.water-per-gdp-reduction'],
    ['人均公园绿地面积', '平方米', 'housing.park-green-per-capita'],
    ['城市生活垃圾无害化处理率', '%', 'housing.garbage-safe-treatment'],
    ['农村生活垃圾无害化处理率', '%', 'agriculture.rural-garbage-safe-treatment'],
    ['每万人口全科医生数', '人', 'health.gps-per-10000'],
    ['养老服务床位总量', '张', 'civil-affairs.elderly-care-beds'],
    ['城镇职工基本养老保险参保人数', '人', 'social.employee-pension-insured'],
    ['食品安全评价性抽检合格率', '%', 'market-regulation.food-evaluative-sampling-pass-rate'],
    ['文化产业增加值占GDP比重', '%', 'culture-tourism.culture-industry-share-of-gdp'],
    ['战略性新兴产业增加值占GDP比重', '%', 'economy.strategic-emerging-industries-share'],
    ['新能源发电装机容量', '千瓦', 'energy-environment.wind-solar-capacity'],
    ['二氧化硫排放总量下降', '%', 'energy-environment.so2-reduction'],
  ])('links the sector plan name %s', (name, unit, id) => {
    expect(linker.link(name, unit).id).toBe(id);
  });

  it('every name and alias links to its own indicator', () => {
    const wrong = catalogue.indicators.flatMap((ind) =>
      [ind.name, ...ind.aliases].filter((n) => linker.link(n, ind.baseUnit).id !== ind.id).map((n) => `${ind.id}: ${n} → ${linker.link(n, ind.baseUnit).id}`),
    );
    expect(wrong).toEqual([]);
  });

  it('shares, rates and growths are counted in % or ‰, per-capita ratios name their base', () => {
    for (const ind of catalogue.indicators) {
      if (ind.kind === 'share' || ind.kind === 'growth') expect(['%'], ind.id).toContain(ind.baseUnit);
      if (ind.kind === 'per-capita') expect(ind.perCapitaBase, ind.id).toBeTruthy();
    }
  });

  it('cites a source for every indicator', () => {
    expect(catalogue.indicators.filter((i) => !/^《.+》|^corpora(-real)?\//.test(i.source)).map((i) => i.id)).toEqual([]);
  });
});
