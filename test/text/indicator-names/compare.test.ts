/**
 * rules/indicator-names.yaml as the analysts read it (`compare`): an indicator's name as plans
 * write it, taken apart into verb, scope, qualifiers, object and count words,
 * and the kind of figure a record states. Each row is a way plans write
 * names (verb classes, scope words, level qualifiers, count words, share and
 * growth endings), with names that must NOT be taken apart beside them.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES_DIR } from '../../../src/rules/index.js';
import { loadNameAnalyser } from '../../../src/text/indicator-names/rules.js';

const analyser = loadNameAnalyser();

describe('name parts: the object counted', () => {
  it.each([
    // Measure verbs, alone and in a row (新增 is a flow, 累计 a cumulative total, 建成开通 says neither).
    ['新增5G基站', '5g基站', ['新增'], 'flow'],
    ['累计建设5G基站', '5g基站', ['累计', '建设'], 'cumulative'],
    ['建成开通5G基站', '5g基站', ['建成开通'], null],
    ['新认定高新技术企业', '高新技术企业', ['新认定'], 'flow'],
    ['培育专精特新中小企业', '专精特新中小企业', ['培育'], null],
    ['打造标志性产业链', '标志性产业链', ['打造'], null],
    // Scope words restate the plan's territory; count words only say "the number of".
    ['全省高新技术企业', '高新技术企业', [], null],
    ['全市高新技术企业数量', '高新技术企业', [], null],
    ['知识产权质押融资额', '知识产权质押融资', [], null],
    ['我国数据中心机架总规模', '数据中心机架总规模', [], null],
    // Wrappers go, what they wrap stays.
    ['“5G+工业互联网”建设项目', '5g+工业互联网建设项目', [], null],
  ])('%s → object %s', (name, object, verbs, measure) => {
    const parts = analyser.parts(name);
    expect(parts.object).toBe(object);
    expect(parts.verbs).toEqual(verbs);
    expect(parts.measure).toBe(measure);
  });

  it.each([
    ['国家级专精特新小巨人企业', '专精特新小巨人企业', ['国家级']],
    ['新增国家、省级高层次人才', '高层次人才', ['国家', '省级']],
    ['规模以上工业企业', '工业企业', ['规模以上']],
    ['省级以上企业技术中心', '企业技术中心', ['省级以上']],
  ])('%s: qualifiers %j are kept apart from the object %s', (name, object, qualifiers) => {
    const parts = analyser.parts(name);
    expect(parts.object).toBe(object);
    expect(parts.qualifiers).toEqual(qualifiers);
  });

  it.each([
    // A verb inside a jieba word is part of the word (建设项目), and a name is never stripped to nothing.
    ['5G+工业互联网建设项目', '5g+工业互联网建设项目'],
    ['新增', '新增'],
    ['形成', '形成'],
    ['全省', '全省'],
    // 数 ends 指数 as one jieba word: not a count word there.
    ['电子政务在线服务指数', '电子政务在线服务指数'],
    ['企业数', '企业'],
  ])('%s keeps its object %s', (name, object) => {
    expect(analyser.parts(name).object).toBe(object);
  });

  it.each([
    ['高新技术企业', '高新技术企业'],
    ['新增5G基站', '基站'],
    ['规上高新技术产业产值占规上工业产值的比重', '比重'],
    // jieba leaves 占比 as 占/比: a one-character head takes the word before it.
    ['高新技术企业中标志性产业链领域占比', '占比'],
  ])('%s has the head %s', (name, head) => {
    expect(analyser.parts(name).head).toBe(head);
  });
});

describe('name parts: the kind of figure a record states', () => {
  it.each([
    // name, sentence, cumulative, per_year → measure, word
    ['新增5G基站', '到2025年，新增5G基站1000座', null, null, 'flow', '新增'],
    ['建成开通5G基站', '累计建成开通5G基站达196.8万个', 1, null, 'cumulative', '累计'],
    // The verb kept out of the name, just before it in the sentence.
    ['高层次人才', '新增国家、省级高层次人才2400人', null, null, 'flow', '新增'],
    ['5G基站', '累计建成开通5G基站达196.8万个', null, null, 'cumulative', '累计'],
    // The record's own flags when neither the name nor the sentence says.
    ['研发投入', '研发投入累计达到500亿元', 1, null, 'cumulative', null],
    ['引进人才', '每年引进人才1000人', null, 1, 'flow', null],
    // The level reached: a stock, with its verb when one is written.
    ['高新技术企业', '全省高新技术企业达到5万家', null, null, 'stock', null],
    ['建成5G基站', '到2025年建成5G基站4600个', null, null, 'stock', '建成'],
    // A far-off 新增 belongs to another figure.
    ['高新技术企业', '新增专精特新企业200家，高新技术企业达到5万家', null, null, 'stock', null],
    // Endings make a share, a rate or a growth figure whatever the verb.
    ['新增高新技术企业占比', '新增高新技术企业占比达到30%', null, null, 'share', null],
    ['规上高新技术产业产值占规上工业产值的比重', '规上高新技术产业产值占规上工业产值的比重达55%', null, null, 'share', null],
    ['互联网普及率', '互联网普及率达到75%', null, null, 'rate', null],
    ['软件业务收入年均增速', '软件业务收入年均增速保持在12%', null, null, 'growth', null],
  ])('%s in "%s" → %s', (name, sentence, cumulative, perYear, measure, word) => {
    expect(analyser.measureOf({ name, sentence, cumulative, perYear })).toEqual({ measure, word });
  });
});

describe('rules/indicator-names.yaml is validated when loaded', () => {
  it.each([
    // A measure a verb cannot make, a reading that does not exist, a linked qualifier without its class,
    // a missing list, a threshold out of range.
    ['{ word: 新增, measure: new, afterScope: true }', '{ word: 新增, measure: stock, afterScope: true }', /verbs.*measure/],
    ['{ word: 全州, only: compare }', '{ word: 全州, only: analysts }', /leadingWords.*only/],
    ['{ word: 国家级, means: national }', '{ word: 国家级 }', /qualifiers.*means/],
    ['\nleadingWords:', '\nleadingWordz:', /leadingWords/],
    ['minSimilarity: 0.6', 'minSimilarity: 6', /minSimilarity/],
  ])('%s → %s is refused, naming the field', (from, to, field) => {
    const dir = mkdtempSync(join(tmpdir(), 'planlens-indicator-names-'));
    try {
      cpSync(DEFAULT_RULES_DIR, dir, { recursive: true });
      const file = join(dir, 'indicator-names.yaml');
      const text = readFileSync(file, 'utf8');
      expect(text).toContain(from);
      writeFileSync(file, text.replace(from, to));
      expect(() => loadNameAnalyser(dir)).toThrow(field);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
