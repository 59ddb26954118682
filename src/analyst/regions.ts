/**
 * --region: a region's name or code as the regions table holds it; failing
 * that, every stored region whose name contains the text (南京 → 南京市 and
 * 南京市玄武区), so an analyst need not know the exact administrative name.
 */
import type { Db } from '../store/index.js';
import { likePattern } from './names.js';
import { normaliseName } from '../text/names.js';

export interface RegionMatch {
  names: string[];
  exact: boolean;
}

export function matchRegions(db: Db, text: string): RegionMatch {
  const query = normaliseName(text);
  const known = db
    .prepare(
      `SELECT name, code FROM regions
       UNION SELECT DISTINCT region, NULL FROM plans WHERE region IS NOT NULL`,
    )
    .all() as Array<{ name: string; code: string | null }>;
  const exact = known.filter((r) => normaliseName(r.name) === query || r.code === text.trim());
  if (exact.length) return { names: unique(exact.map((r) => r.name)), exact: true };
  const like = db
    .prepare(`SELECT name FROM regions WHERE name LIKE ? ESCAPE '\\' UNION SELECT region FROM plans WHERE region LIKE ? ESCAPE '\\'`)
    .all(likePattern(text.trim()), likePattern(text.trim())) as Array<{ name: string }>;
  return { names: unique(like.map((r) => r.name)), exact: false };
}

function unique(names: string[]): string[] {
  return [...new Set(names)];
}
