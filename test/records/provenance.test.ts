/**
 * The provenance columns are defined once (src/records/provenance.ts). Every
 * record table has them, with the defined type and NOT NULL, in the defined
 * order — migration 1 wrote the first four tables by hand, so this is what
 * ties those frozen tables to the definition — and a table a new migration
 * declares with provenanceColumnsSql reads back the same. A record's
 * provenance becomes those columns, a table cell's or none.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Provenance } from '../../src/core/state.js';
import { RECORD_SPECS } from '../../src/records/index.js';
import { provenanceColumns, provenanceColumnsSql, provenanceRow } from '../../src/records/provenance.js';
import { migrate } from '../../src/store/migrations.js';

interface Column {
  name: string;
  type: string;
  notnull: number;
}

const declared = (kind: { position: string; spanEnd: string }) =>
  provenanceColumns(kind).map((c) => ({ name: c.name, type: c.sql.replace(' NOT NULL', ''), notnull: c.sql.includes('NOT NULL') ? 1 : 0 }));
const tableColumns = (db: Database.Database, table: string) =>
  (db.prepare(`PRAGMA table_info(${table})`).all() as Column[]).map(({ name, type, notnull }) => ({ name, type, notnull }));

describe('provenance columns: one definition', () => {
  const db = new Database(':memory:');
  migrate(db);

  it.each([...RECORD_SPECS.values()].map((kind) => ({ table: kind.table, kind })))('$table has them, typed and in order', ({ table, kind }) => {
    const columns = tableColumns(db, table);
    const names = declared(kind).map((c) => c.name);
    const found = columns.filter((c) => names.includes(c.name));
    expect(found).toEqual(declared(kind));
  });

  it('a table declared with provenanceColumnsSql has them too (milestone-style span columns)', () => {
    const kind = { position: 'span_start', spanEnd: 'span_end' };
    db.exec(`CREATE TABLE new_kind (id INTEGER PRIMARY KEY, document_id INTEGER NOT NULL, what TEXT NOT NULL, ${provenanceColumnsSql(kind)})`);
    expect(tableColumns(db, 'new_kind').slice(3)).toEqual(declared(kind));
  });

  const found: Provenance = {
    sectionPath: '2/1',
    page: 3,
    start: 10,
    end: 20,
    sentence: '到2025年，新增5G基站1万个。',
    sentenceIndex: 4,
    rule: 'time.by-year',
  };
  it.each([
    ['in prose', found, { cell_table: null, cell_row: null, cell_col: null, page: 3 }],
    ['in a table cell', { ...found, cell: { table: 1, row: 2, col: 0 } }, { cell_table: 1, cell_row: 2, cell_col: 0 }],
    ['without a page', { ...found, page: null }, { page: null }],
  ])('a record found %s', (_where, provenance, expected) => {
    const row = provenanceRow({ position: 'start', spanEnd: 'end' }, provenance, { rulesVersion: 'v1', anchor: 'a1' });
    expect(Object.keys(row)).toEqual(declared({ position: 'start', spanEnd: 'end' }).map((c) => c.name));
    expect(row).toMatchObject({
      section_path: '2/1',
      start: 10,
      end: 20,
      sentence_idx: 4,
      rule: 'time.by-year',
      rules_version: 'v1',
      anchor: 'a1',
      ...expected,
    });
  });
});
