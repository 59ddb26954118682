/**
 * Linking names as documents write them to rules/indicators.yaml: alias,
 * normalised name, similarity above the threshold, else unlinked.
 */
import { describe, expect, it } from 'vitest';
import { IndicatorLinker } from '../../../src/extract/quantities/link.js';
import { rules } from './engine.js';

const linker = new IndicatorLinker(rules.indicators);

describe('indicator linking', () => {
  it.each([
    ['万人高价值发明专利拥有量', null, 'ip.high-value-invention-patents-per-10k', 'alias'],
    ['万人高价值发明专利数', '件', 'ip.high-value-invention-patents-per-10k', 'alias'],
    ['全市有效发明专利拥有量', '件', 'ip.valid-invention-patents', 'normalised'],
    ['知识产权质押融资总额', '元', 'ip.pledge-financing', 'alias'],
    ['版权产业增加值占 GDP 比重', 'percent', 'ip.copyright-industry-share-of-gdp', 'alias'],
    ['马德里商标国际注册量', '件', 'ip.madrid-registrations', 'alias'],
  ])('%s → %s', (name, unitBase, id, method) => {
    const link = linker.link(name, unitBase);
    expect(link.id).toBe(id);
    expect(link.method).toBe(method);
  });

  it('links a name that differs only in words that do not change the measure', () => {
    expect(linker.link('全区知识产权服务机构从业人员总数', '人')).toMatchObject({ id: 'ip.service-staff', method: 'normalised' });
  });

  it('links a reworded name by similarity above the threshold', () => {
    const link = linker.link('全区知识产权服务机构的从业人员数量', '人');
    expect(link.id).toBe('ip.service-staff');
    expect(link.method).toBe('similar');
    expect(link.score).toBeGreaterThanOrEqual(rules.indicators.linking.threshold);
  });

  it.each([
    // A per-10k ratio is not the stock it divides.
    ['万人有效发明专利拥有量增长率', 'percent'],
    // A completion ratio is not the count it completes.
    ['万人高价值发明专利拥有量完成预期目标', 'percent'],
    ['专利密集型产业新产品销售收入', '元'],
    ['审结', '件'],
  ])('leaves %s unlinked', (name, unitBase) => {
    expect(linker.link(name, unitBase).id).toBeNull();
  });

  it('never links a count to a money indicator', () => {
    expect(linker.link('知识产权质押融资', '件').id).toBeNull();
  });
});
