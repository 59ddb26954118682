/**
 * Export formats, by the name `planlens export --format NAME` takes. Each
 * format is its own module; to add one, write it against ./types.ts and
 * list it here.
 */
import type { Exporter } from './types.js';
import { goldExporter } from './write-gold.js';
import { csvExporter } from './csv.js';
import { jsonExporter } from './json.js';
import { xlsxExporter } from './xlsx.js';

export type { ExportOptions, ExportResult, Exporter } from './types.js';

export const EXPORTERS: ReadonlyMap<string, Exporter> = new Map([goldExporter, csvExporter, jsonExporter, xlsxExporter].map((e) => [e.name, e]));
