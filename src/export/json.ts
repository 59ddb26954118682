/**
 * `export --format json`: the analyst tables as JSON, one file per table
 * (or the one --table names), each an array of row objects — what
 * pandas.read_json and jq take directly. Numbers stay numbers, missing
 * values are null, flags stay a JSON list.
 */
import { writeTableFiles } from './analyst-files.js';
import type { Exporter } from './types.js';

/** Columns stored as JSON text in the database, written as JSON values. */
const JSON_COLUMNS = new Set(['flags']);

export const jsonExporter: Exporter = {
  name: 'json',
  description: 'analyst tables as JSON arrays of rows, one file per table',
  run: (db, { outDir, tables, chineseHeaders }) =>
    writeTableFiles(db, { outDir, tables }, 'json', (table, rows) => {
      const objects = rows.map((row) =>
        Object.fromEntries(
          table.columns.map((c) => {
            const value = row[c.key] ?? null;
            const parsed = JSON_COLUMNS.has(c.key) && typeof value === 'string' ? JSON.parse(value) : value;
            return [chineseHeaders ? c.chinese : c.key, parsed];
          }),
        ),
      );
      return JSON.stringify(objects, null, 2) + '\n';
    }),
};
