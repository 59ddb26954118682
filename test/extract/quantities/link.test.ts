/**
 * Linking names as documents write them to the catalogue (rules/indicators/):
 * the decomposed name's object, qualifiers and per-capita base, exactly or by
 * similarity above the threshold; else unlinked. Rows are names in the style
 * of plans, each with what it must link to — or must not.
 */
import { describe, expect, it } from 'vitest';
import { IndicatorLinker } from '../../../src/extract/quantities/link.js';
import { rules } from './engine.js';

const linker = new IndicatorLinker(rules.indicators);

describe('indicator linking', () => {
  it.each([
    ['万人高价值发明专利拥有量', null, 'ip.high-value-invention-patents-per-10k', 'alias'],
    ['万人高价值发明专利数', '件', 'ip.high-value-invention-patents-per-10k', 'alias'],
    ['全市有效发明专利拥有量', '件', 'ip.valid-invention-patents', 'alias'],
    ['知识产权质押融资总额', '元', 'ip.pledge-financing', 'alias'],
    ['版权产业增加值占 GDP 比重', '%', 'ip.copyright-industry-share-of-gdp', 'alias'],
    ['马德里商标国际注册量', '件', 'ip.madrid-registrations', 'alias'],
    // the measure verb does not change the indicator
    ['新增5G基站', '个', 'digital.5g-base-stations', 'alias'],
    ['累计建设5G基站', '个', 'digital.5g-base-stations', 'alias'],
    ['建成开通5G基站', '个', 'digital.5g-base-stations', 'alias'],
    ['新增发明专利授权量', '件', 'ip.invention-patent-grants', 'alias'],
    ['培育高新技术企业', '家', 'innovation.high-tech-enterprises', 'alias'],
    ['全省高新技术企业', '家', 'innovation.high-tech-enterprises', 'alias'],
    ['新培育专精特新中小企业', '家', 'industry.specialised-smes', 'alias'],
    ['专精特新“小巨人”企业', '家', 'industry.little-giants', 'alias'],
    // qualifiers pick the entry of their level
    ['省重点实验室', '家', 'innovation.provincial-key-labs', 'alias'],
    ['新建省级重点实验室', '家', 'innovation.provincial-key-labs', 'alias'],
    ['国家重点实验室', '家', 'innovation.national-key-labs', 'alias'],
    ['国家级智能工厂', '个', 'industry.national-smart-factories', 'alias'],
    // per-capita bases pick the ratio
    ['每千人口拥有执业（助理）医师数', '人', 'health.doctors-per-1000', 'alias'],
    ['每万人口5G基站数', '个', 'digital.5g-base-stations-per-10k', 'alias'],
    // a scope before a verb of doing stays with the record
    ['储能之都举办场景对接活动', '场', 'scenario.matchmaking-events', 'alias'],
    ['企业提供场景服务', '次', 'scenario.scenario-services', 'alias'],
    // a sector before the object is the figure's scope
    ['化工行业智能工厂', '个', 'industry.smart-factories', 'alias'],
    ['钢铁行业5G工厂', '个', 'industry.5g-factories', 'alias'],
    ['新建信息领域省级重点实验室', '家', 'innovation.provincial-key-labs', 'alias'],
    // national plan wording
    ['单位国内生产总值二氧化碳排放降低', '%', 'energy-environment.carbon-intensity-reduction', 'alias'],
    ['常住人口城镇化率', '%', 'economy.urbanisation-rate', 'alias'],
    ['数字经济核心产业增加值占GDP比重', '%', 'digital.digital-core-industry-share-of-gdp', 'alias'],
  ])('%s (%s) → %s', (name, unitBase, id, method) => {
    const link = linker.link(name, unitBase);
    expect(link.id).toBe(id);
    expect(link.method).toBe(method);
  });

  it('keeps the verb and the scope with the link', () => {
    expect(linker.link('新增5G基站', '个').name).toMatchObject({ verb: '新增', measureKind: 'new', scope: '' });
    expect(linker.link('累计建设5G基站', '个').name).toMatchObject({ verb: '累计建设', measureKind: 'cumulative' });
    expect(linker.link('中国算谷举办场景对接活动', '场').name).toMatchObject({ scope: '中国算谷', verb: '举办' });
    expect(linker.link('新建信息领域省级重点实验室', '家').name).toMatchObject({ scope: '信息领域', verb: '新建', qualifiers: ['provincial'] });
  });

  it('links a reworded name by similarity above the threshold', () => {
    const link = linker.link('全区知识产权服务机构的从业人员数量', '人');
    expect(link.id).toBe('ip.service-staff');
    expect(link.method).toBe('similar');
    expect(link.score).toBeGreaterThanOrEqual(rules.indicators.linking.threshold);
  });

  it.each([
    // A per-10k ratio is not the stock it divides.
    ['万人有效发明专利拥有量增长率', '%'],
    // A completion ratio is not the count it completes.
    ['万人高价值发明专利拥有量完成预期目标', '%'],
    ['专利密集型产业新产品销售收入', '元'],
    ['审结', '件'],
    // a qualifier the catalogue does not have for this object
    ['省级以上制造业单项冠军企业', '家'],
    ['重大基础研究项目', '项'],
    // a sector before an object the catalogue lacks
    ['建材领域智能制造关键共性技术', '项'],
    // a threshold in the name is part of the measure
    ['首次突破500亿元的企业', '家'],
    // a growth is not the level it grows
    ['软件业务收入年均增速', '%'],
  ])('leaves %s unlinked', (name, unitBase) => {
    expect(linker.link(name, unitBase).id).toBeNull();
  });

  it('never links a count to a money indicator', () => {
    expect(linker.link('知识产权质押融资', '件').id).toBeNull();
  });
});
