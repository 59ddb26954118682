/**
 * Migration 8 on a database written before it: stored base units spelt
 * 'percent' become '%', the one spelling rules/units.yaml now gives, and the
 * new catalogue and measure columns are there to fill.
 */
import Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/store/index.js';
import { migrate } from '../../src/store/migrations.js';

it("rewrites stored 'percent' base units to '%' and adds the catalogue columns", () => {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = OFF');
  const before = MIGRATIONS.findIndex((m) => m.description.includes("'percent' → '%'"));
  expect(before).toBeGreaterThan(0);
  for (let v = 0; v < before; v++) MIGRATIONS[v]!.up(db);
  db.pragma(`user_version = ${before}`);
  db.prepare(`INSERT INTO indicators (id, name, unit, aliases, definition, rules_version) VALUES ('x.share', '占比', 'percent', '[]', '{}', 'old')`).run();
  const insert = db.prepare(
    `INSERT INTO quantities (document_id, idx, kind, indicator, unit_base, is_fact, flags, section_path, start, "end", sentence, sentence_idx, rule, rules_version, anchor, extracted)
     VALUES (1, ?, 'target', '占比', ?, 1, '[]', '', 0, 1, 's', 0, 'r', 'old', 'a', ?)`,
  );
  insert.run(0, 'percent', '{"unit_base":"percent"}');
  insert.run(1, '件', null);

  migrate(db);

  expect(db.prepare('SELECT unit_base, extracted FROM quantities ORDER BY idx').all()).toEqual([
    { unit_base: '%', extracted: '{"unit_base":"%"}' },
    { unit_base: '件', extracted: null },
  ]);
  expect(db.prepare('SELECT unit, domain, kind, direction, per_capita_base, source FROM indicators').get()).toEqual({
    unit: '%',
    domain: null,
    kind: null,
    direction: null,
    per_capita_base: null,
    source: null,
  });
  expect(() => db.prepare("UPDATE quantities SET measure_kind = 'total'").run()).toThrow(/CHECK/);
  db.prepare("UPDATE quantities SET measure_verb = '新增', measure_kind = 'new', scope = '中国算谷' WHERE idx = 0").run();
});
