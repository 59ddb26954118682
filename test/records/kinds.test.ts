/**
 * The record kinds (src/records) describe how each kind's records become rows:
 * the store writes and review reads them from that description alone. These
 * cases check the description against the real schema and the real pipeline:
 * each kind's state key is filled by a stage of the default pipeline, every
 * column it writes exists in its table, and every NOT NULL column of the table
 * without a default is written — so a kind whose table and description drift
 * apart fails here, not on the first document stored.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RECORD_SPECS, type RecordKindSpec, type StoredRecord } from '../../src/records/index.js';
import { provenanceColumns } from '../../src/records/provenance.js';
import { openStore } from '../../src/store/index.js';
import { CORPORA } from '../support/cli.js';
import { DEFAULT, runFile } from '../support/pipeline.js';

const dir = mkdtempSync(join(tmpdir(), 'planlens-kinds-'));
const store = openStore(join(dir, 'kinds.db'));
afterAll(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Column {
  name: string;
  notnull: number;
  dflt_value: unknown;
  pk: number;
}
const columnsOf = (table: string) => store.db.prepare(`PRAGMA table_info(${table})`).all() as Column[];

/** Written by the store for every kind, beside the kind's own columns: the document and the provenance (records/provenance.ts). */
const common = (kind: RecordKindSpec) => ['document_id', ...provenanceColumns(kind).map((c) => c.name)];

describe('record kinds match their tables and the pipeline', async () => {
  const state = await runFile(join(CORPORA, 'lianyungang-ip-city-pilot-2024-2026.txt'));
  const provided = DEFAULT.steps.flatMap((s) => s.stage.provides);

  it.each([...RECORD_SPECS.values()].map((kind) => ({ type: kind.type, kind })))('$type', ({ kind }) => {
    expect(provided).toContain(kind.stateKey);
    const records = (state[kind.stateKey] ?? []) as StoredRecord[];
    expect(records.length, `the sample plan has ${kind.stateKey}`).toBeGreaterThan(0);
    const written = [...common(kind), ...(kind.indexed ? ['idx'] : []), ...Object.keys(kind.columns(records[0]!))];
    const table = columnsOf(kind.table);
    expect(written.filter((name) => !table.some((c) => c.name === name))).toEqual([]);
    const required = table.filter((c) => c.notnull && c.dflt_value === null && !c.pk).map((c) => c.name);
    expect(required.filter((name) => !written.includes(name))).toEqual([]);
    // Fields a reviewer sets are columns of the row or its name lists.
    const stored = [...table.map((c) => c.name), ...(kind.nameLists?.roles ?? [])];
    expect([...kind.fields, ...kind.derived].filter((name) => !stored.includes(name))).toEqual([]);
    if (kind.nameLists) expect(columnsOf(kind.nameLists.table).map((c) => c.name)).toContain(kind.nameLists.key);
  });
});
