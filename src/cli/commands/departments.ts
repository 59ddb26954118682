/** planlens departments — each unit with its number of tasks as lead and as support, across documents. */
import { EXIT, type CliCommand } from '../command.js';
import { openExistingStore, withDbOption } from '../options.js';
import { resolveAnalystFormat, resolveRegionArg, withAnalystFormatOption, writeAnalystRows } from './analyst-output.js';

export const departmentsCommand: CliCommand = (program, cli) => {
  const command = program
    .command('departments')
    .description('government units (canonical where linked) with their number of tasks as lead and as support, across plans')
    .option('--region <name>', 'only plans of this region (a part of a name matches every region containing it)');
  withDbOption(command);
  withAnalystFormatOption(command);
  command.addHelpText('after', '\nExamples:\n  planlens departments\n  planlens departments --region 连云港 --format csv');
  command.action(async (options: { db: string; format?: string; region?: string }) => {
    const format = resolveAnalystFormat(options.format, cli.stdout);
    const { departmentSummaries } = await import('../../analyst/index.js');
    const store = await openExistingStore(options.db);
    try {
      const regions = options.region !== undefined ? await resolveRegionArg(store.db, cli, options.region) : undefined;
      const rows = departmentSummaries(store.db, regions);
      await writeAnalystRows(
        cli,
        rows as never,
        format,
        ['department', 'lead', 'support', 'implicit_support', 'mentions', 'documents', 'regions'],
        ['department', 'canonical_id', 'lead', 'support', 'implicit_support', 'mentions', 'documents', 'regions', 'written_as'],
      );
      cli.done(EXIT.ok);
    } finally {
      store.close();
    }
  });
};
