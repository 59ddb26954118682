/** What every export format provides; the formats are listed in ./index.ts. */
import type { Db } from '../store/index.js';

export interface ExportOptions {
  /** Directory the files are written to (created if missing). */
  outDir: string;
  /** Only these tables (analyst formats csv/json/xlsx; see src/analyst/tables.ts). */
  tables?: string[];
  /** Chinese column headers instead of the column keys (analyst formats). */
  chineseHeaders?: boolean;
  /** gold: only documents and records a reviewer accepted, corrected or added (src/review). */
  reviewed?: boolean;
}

export interface ExportResult {
  files: string[];
  /** Documents that could not be exported, one line each naming the file. */
  problems: string[];
  /** The closing line to print; formats that do not write one file per document say what they wrote. */
  summary?: string;
}

export interface Exporter {
  name: string;
  description: string;
  run(db: Db, options: ExportOptions): ExportResult | Promise<ExportResult>;
}
