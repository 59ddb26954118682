/** planlens departments — each unit with its number of tasks as lead, as support and as one of an unsplit 责任单位 list, across documents. */
import { EXIT, type CliCommand } from '../command.js';
import { openExistingStore, withDbOption } from '../options.js';
import { resolveAnalystFormat, resolveRegionArg, withAnalystFormatOption, writeAnalystRows } from './analyst-output.js';

/** One line over the table: what each count counts (the full text is in --help). */
export const COLUMN_LEGEND =
  'lead / support: tasks it leads (牵头) / supports (配合); listed: tasks in a 责任单位 list that names no lead; implicit_support: documents where it supports every task; mentions: times named; an office with two names (A（B）) is one row (planlens departments --help)';

export const departmentsCommand: CliCommand = (program, cli) => {
  const command = program
    .command('departments')
    .description('government units (canonical where linked) with their number of tasks as lead, as support, and listed without a role, across plans')
    .option('--region <name>', 'only plans of this region (a part of a name matches every region containing it)');
  withDbOption(command);
  withAnalystFormatOption(command);
  command.addHelpText(
    'after',
    [
      '',
      'Columns:',
      '  department        the unit: its canonical name where linked, else as written; an office written with its',
      '                    other name in brackets (市市场监管局（市知识产权局）) is one office, shown with both names,',
      '                    and either name written alone counts for it',
      '  lead              tasks it leads (牵头单位, or named first before 牵头)',
      '  support           tasks it supports (配合单位, 协同, …)',
      '  listed            tasks where it is one of the 责任单位 and the text does not say who leads (no role)',
      '  implicit_support  documents where it supports every task (以下均需…落实)',
      '  mentions          times any document names it',
      '  documents         documents that name it or give it a task',
      '  regions           regions of those documents',
      '  (csv/json also: canonical_id, written_as = the names the documents write it as)',
      '',
      'Examples:',
      '  planlens departments',
      '  planlens departments --region 连云港 --format csv',
    ].join('\n'),
  );
  command.action(async (options: { db: string; format?: string; region?: string }) => {
    const format = resolveAnalystFormat(options.format, cli.stdout);
    const { departmentSummaries } = await import('../../analyst/index.js');
    const store = await openExistingStore(options.db);
    try {
      const regions = options.region !== undefined ? await resolveRegionArg(store.db, cli, options.region) : undefined;
      const rows = departmentSummaries(store.db, regions);
      // A table is read by people: say what its counts count before it (stderr, so stdout stays the table).
      if (format === 'table') cli.stderr.write(`${COLUMN_LEGEND}\n`);
      await writeAnalystRows(
        cli,
        rows as never,
        format,
        ['department', 'lead', 'support', 'listed', 'implicit_support', 'mentions', 'documents', 'regions'],
        ['department', 'canonical_id', 'lead', 'support', 'listed', 'implicit_support', 'mentions', 'documents', 'regions', 'written_as'],
      );
      cli.done(EXIT.ok);
    } finally {
      store.close();
    }
  });
};
