/**
 * The analysts' indicator look-up over a list of stored names: which queries
 * answer, with which names, and which are refused because the only stored
 * names that match are fragments of the query (or the query is a fragment of
 * many names). The lists are names as plans write them; the database's own
 * list is tested in cross-plan.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { resolveAgainst, type IndicatorCandidate } from '../../src/analyst/indicator-match.js';
import { loadNameAnalyser } from '../../src/text/indicator-names/rules.js';

const analyser = loadNameAnalyser();

const canonical = (id: string, name: string, aliases: string[] = [], plans = 1): IndicatorCandidate => ({
  key: id,
  id,
  name,
  names: [name, ...aliases],
  plans,
});
const written = (name: string, plans = 1): IndicatorCandidate => ({ key: `name:${name}`, id: null, name, names: [name], plans });

const STORED: IndicatorCandidate[] = [
  canonical('ip.pledge-financing', '知识产权质押融资额', ['知识产权质押融资'], 3),
  canonical('ip.high-value-invention-patents-per-10k', '万人高价值发明专利拥有量', ['每万人口高价值发明专利拥有量'], 3),
  // What a sentence split badly leaves behind: a one-character name, a verb.
  written('业'),
  written('形成'),
  written('企业'),
  written('高新技术企业', 2),
  written('新增高新技术企业'),
  written('建成开通5G基站'),
  written('新增5G基站'),
  written('累计建设5G基站', 2),
  written('5G工厂'),
  written('5G移动电话用户'),
  written('独角兽企业'),
  written('专精特新中小企业'),
  written('高新技术企业中标志性产业链领域占比'),
  written('国家级专精特新企业'),
  written('省级专精特新企业', 2),
  written('新增专精特新企业'),
];

const resolve = (text: string, stored = STORED) => resolveAgainst(stored, text, analyser);

describe('indicator look-up: answers', () => {
  it.each([
    // query, the name answered, how (a pattern), every name the answer covers
    ['ip.pledge-financing', '知识产权质押融资额', /^id /, ['ip.pledge-financing']],
    ['知识产权质押融资', '知识产权质押融资额', /^alias /, ['ip.pledge-financing']],
    ['质押融资', '知识产权质押融资额', /^part of the name/, ['ip.pledge-financing']],
    ['万人高价值专利拥有量', '万人高价值发明专利拥有量', /^closest name/, ['ip.high-value-invention-patents-per-10k']],
    // An object across plans, under any verb: each plan's name is covered.
    ['5G基站', '累计建设5G基站', /^the object 5G基站 of /, ['name:累计建设5G基站', 'name:建成开通5G基站', 'name:新增5G基站']],
    ['新增5G基站', '新增5G基站', /^name as written/, ['name:新增5G基站', 'name:建成开通5G基站', 'name:累计建设5G基站']],
    ['高新技术企业', '高新技术企业', /^name as written/, ['name:高新技术企业', 'name:新增高新技术企业']],
    ['全省高新技术企业数量', '高新技术企业', /^the object 高新技术企业/, ['name:高新技术企业', 'name:新增高新技术企业']],
    // Without a level, every level; with one, that level where plans state it.
    ['专精特新企业', '省级专精特新企业', /^the object 专精特新企业/, ['name:省级专精特新企业', 'name:国家级专精特新企业', 'name:新增专精特新企业']],
    ['国家级专精特新企业数量', '国家级专精特新企业', /^the object 专精特新企业/, ['name:国家级专精特新企业']],
    ['国家级专精特新企业', '国家级专精特新企业', /^name as written/, ['name:国家级专精特新企业']],
    [
      '市级专精特新企业',
      '省级专精特新企业',
      /^the object 专精特新企业 .*no plan states it as 市级: every level shown/,
      ['name:省级专精特新企业', 'name:国家级专精特新企业', 'name:新增专精特新企业'],
    ],
  ])('%s → %s', (text, name, how, keys) => {
    const { match, refusal } = resolve(text);
    expect(refusal).toBeUndefined();
    expect(match?.name).toBe(name);
    expect(match?.how).toMatch(how);
    expect(new Set(match?.keys)).toEqual(new Set(keys));
  });

  it('never widens an answer to a share of the object (高新技术企业…占比 is not a number of 高新技术企业)', () => {
    expect(resolve('高新技术企业').match?.keys).not.toContain('name:高新技术企业中标志性产业链领域占比');
  });
});

describe('indicator look-up: refusals', () => {
  it.each([
    // A one-character query, or one that is a verb or a scope word around one character.
    ['业', /names no object of two characters/],
    ['新增业', /names no object of two characters/],
    // Only fragments of the query are stored: 业 and 企业 are inside 国家高新技术企业 but are not it.
    ['科技型高新企业', /only fragments of '科技型高新企业'/],
    // A modifier without its head noun names no indicator.
    ['高新技术', /no stored indicator names 高新技术/],
    ['5G', /no stored indicator names 5G/],
  ])('%s is refused', (text, reason) => {
    const { match, refusal } = resolve(text);
    expect(match).toBeNull();
    expect(refusal?.reason).toMatch(reason);
  });

  it('refuses a bare head noun inside several different objects (a guess which is meant), unless a plan wrote exactly it', () => {
    const { match, refusal } = resolve(
      '企业',
      STORED.filter((c) => c.name !== '企业'),
    );
    expect(match).toBeNull();
    expect(refusal?.reason).toMatch(/part of \d+ different indicator names/);
    expect(resolve('企业').match?.how).toMatch(/^name as written/);
  });

  it('never answers 高新技术企业 with 业 or 企业 when no plan names 高新技术企业 itself', () => {
    const without = STORED.filter((c) => !c.name.includes('高新技术企业'));
    const { match, refusal } = resolve('高新技术企业', without);
    expect(match).toBeNull();
    expect(refusal?.reason).toMatch(/only fragments of '高新技术企业' \(业, 企业\)/);
  });

  it('lists the closest whole names, never a fragment, when it refuses', () => {
    const { refusal } = resolve('科技型高新企业');
    expect(refusal!.candidates.length).toBeGreaterThan(0);
    expect(refusal!.candidates.some((c) => c.startsWith('高新技术企业 '))).toBe(true);
    for (const c of refusal!.candidates) expect(c).not.toMatch(/^业 /);
  });

  it('answers with nothing, and lists nothing, when nothing resembles the query', () => {
    expect(resolve('火星殖民地人口')).toEqual({ match: null, refusal: null });
  });

  it('without the fragment on file, a query it would have matched is not refused', () => {
    const withoutFragments = STORED.filter((c) => c.name !== '业' && c.name !== '企业');
    const { refusal } = resolve('科技型高新企业', withoutFragments);
    expect(refusal?.reason ?? '').not.toMatch(/fragments/);
  });
});
