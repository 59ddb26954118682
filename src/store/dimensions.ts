/**
 * The indicator dimension comes from the canonical catalogue
 * (rules/indicators/*.yaml, validated by the extraction stage's loader) so
 * quantities can be joined on indicator_id. Each entry's full definition is
 * kept as JSON as well.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CATALOGUE_DIR, loadCatalogue } from '../extract/quantities/catalogue.js';
import type { RuleSet } from '../rules/index.js';
import type { Db } from './open.js';

/** Replaces the stored indicators with the catalogue's; returns how many, or null when the rules have no catalogue. */
export function loadIndicators(db: Db, rules: RuleSet): number | null {
  if (!existsSync(join(rules.dir, CATALOGUE_DIR))) return null;
  const { indicators } = loadCatalogue(rules);
  db.transaction(() => {
    db.prepare('DELETE FROM indicators').run();
    const insert = db.prepare(
      `INSERT OR REPLACE INTO indicators (id, name, unit, aliases, definition, rules_version, domain, kind, direction, per_capita_base, source)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const { file: _file, ...e } of indicators) {
      insert.run(
        e.id,
        e.name,
        e.baseUnit,
        JSON.stringify(e.aliases),
        JSON.stringify(e),
        rules.version,
        e.domain,
        e.kind,
        e.direction,
        e.perCapitaBase ?? null,
        e.source,
      );
    }
  })();
  return indicators.length;
}
