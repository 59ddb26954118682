/**
 * `planlens export --format gold --out DIR`: writes what the database holds
 * in an exchange format. The formats live in src/export (one module each).
 */
import { Option } from 'commander';
import { printable } from '../../core/printable.js';
import { ANALYST_TABLE_NAMES, EXPORT_FORMATS } from '../choices.js';
import { CliError, EXIT, type CliCommand } from '../command.js';
import { openExistingStore, withDbOption } from '../options.js';

interface ExportCliOptions {
  format: string;
  out: string;
  db: string;
  table?: string;
  chineseHeaders?: boolean;
  reviewed?: boolean;
}

export const exportCommand: CliCommand = (program, cli) => {
  const command = program
    .command('export')
    .description(
      'write the database out as files (gold: one .gold.json per document; csv/json: one file per analyst table; xlsx: one workbook, a sheet per table)',
    )
    .addOption(new Option('--format <format>', 'export format').choices(EXPORT_FORMATS).makeOptionMandatory())
    .requiredOption('--out <dir>', 'directory to write to (created if missing); xlsx: a .xlsx file, or a folder for planlens.xlsx')
    .addOption(new Option('--table <name>', 'csv/json/xlsx: only this table (then --out may name the file)').choices(ANALYST_TABLE_NAMES))
    .option('--chinese-headers', 'csv/json/xlsx: Chinese column names (目标值, 地区 …) instead of column keys')
    .option('--reviewed', 'gold: only documents and records a reviewer accepted, corrected or added (`planlens review`)');
  withDbOption(command);
  command.addHelpText(
    'after',
    `
Examples:
  planlens export --format xlsx --out output/planlens.xlsx
  planlens export --format csv --out output/csv --chinese-headers
  planlens export --format csv --table targets --out targets.csv
  planlens export --format gold --reviewed --out gold/     reviewed records as gold annotations`,
  );
  command.action(async (options: ExportCliOptions) => {
    const { EXPORTERS } = await import('../../export/index.js');
    const exporter = EXPORTERS.get(options.format)!;
    const store = await openExistingStore(options.db);
    try {
      const result = await exporter.run(store.db, {
        outDir: options.out,
        tables: options.table === undefined ? undefined : [options.table],
        chineseHeaders: options.chineseHeaders,
        reviewed: options.reviewed,
      });
      if (options.reviewed && result.files.length === 0 && result.problems.length === 0)
        throw new CliError(`${options.db}: no reviewed documents to export (review some with \`planlens review\` first)`);
      if (result.files.length === 0 && result.problems.length === 0)
        throw new CliError(`${options.db}: no documents to export (run \`planlens ingest PATH…\` first)`);
      for (const file of result.files) cli.stdout.write(`${printable(file)}\n`);
      for (const problem of result.problems) cli.stderr.write(`planlens: ${printable(problem)}\n`);
      cli.stdout.write(`${result.summary ?? `exported ${result.files.length} document(s) as ${exporter.name} to ${options.out}`}\n`);
      cli.done(result.problems.length > 0 ? EXIT.failed : EXIT.ok);
    } finally {
      store.close();
    }
  });
};
