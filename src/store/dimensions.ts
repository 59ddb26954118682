/**
 * The indicator dimension comes from the canonical indicator rule file
 * (rules/indicators.yaml) so quantities can be joined on indicator_id. The
 * file's detailed schema belongs to the extraction stage; here we only need
 * id, name, unit (baseUnit) and aliases, and keep each entry's full
 * definition (category, linking hints …) as JSON.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { loadRuleFile, type RuleSet } from '../rules/index.js';
import type { Db } from './open.js';

const IndicatorEntry = z.looseObject({
  id: z.string().min(1),
  name: z.string().min(1),
  unit: z.string().nullish(),
  baseUnit: z.string().nullish(),
  aliases: z.array(z.string()).optional(),
});
const IndicatorFile = z.union([z.array(IndicatorEntry), z.looseObject({ indicators: z.array(IndicatorEntry) })]);

/** Replaces the stored indicators with the rule file's; returns how many, or null when there is no file. */
export function loadIndicators(db: Db, rules: RuleSet): number | null {
  const path = ['indicators.yaml', 'indicators.yml', 'indicators.json'].map((f) => join(rules.dir, f)).find(existsSync);
  if (!path) return null;
  const data = loadRuleFile(path, IndicatorFile);
  const entries = Array.isArray(data) ? data : data.indicators;
  db.transaction(() => {
    db.prepare('DELETE FROM indicators').run();
    const insert = db.prepare('INSERT OR REPLACE INTO indicators (id, name, unit, aliases, definition, rules_version) VALUES (?, ?, ?, ?, ?, ?)');
    for (const e of entries) insert.run(e.id, e.name, e.baseUnit ?? e.unit ?? null, JSON.stringify(e.aliases ?? []), JSON.stringify(e), rules.version);
  })();
  return entries.length;
}
