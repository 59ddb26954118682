/**
 * `export --format json`: the analyst tables as JSON, one file per table
 * (or the one --table names), each an array of row objects — what
 * pandas.read_json and jq take directly. Numbers stay numbers, missing
 * values are null, flags stay a JSON list.
 */
import { writeFileSync } from 'node:fs';
import { hasDocuments, readAnalystTable, selectTables } from '../compare/index.js';
import { tableFilePath, summaryLine } from './analyst-files.js';
import type { ExportResult, Exporter } from './types.js';

/** Columns stored as JSON text in the database, written as JSON values. */
const JSON_COLUMNS = new Set(['flags']);

export const jsonExporter: Exporter = {
  name: 'json',
  description: 'analyst tables as JSON arrays of rows, one file per table',
  run(db, { outDir, tables, chineseHeaders }): ExportResult {
    if (!hasDocuments(db)) return { files: [], problems: [] };
    const selected = selectTables(tables);
    const result: ExportResult = { files: [], problems: [] };
    const counts: Array<{ name: string; rows: number }> = [];
    for (const table of selected) {
      const rows = readAnalystTable(db, table.name).map((row) =>
        Object.fromEntries(
          table.columns.map((c) => {
            const value = row[c.key] ?? null;
            const parsed = JSON_COLUMNS.has(c.key) && typeof value === 'string' ? JSON.parse(value) : value;
            return [chineseHeaders ? c.chinese : c.key, parsed];
          }),
        ),
      );
      const path = tableFilePath(outDir, table.name, 'json', selected.length === 1 && tables !== undefined);
      writeFileSync(path, JSON.stringify(rows, null, 2) + '\n');
      result.files.push(path);
      counts.push({ name: table.name, rows: rows.length });
    }
    result.summary = summaryLine('json', counts, outDir);
    return result;
  },
};
