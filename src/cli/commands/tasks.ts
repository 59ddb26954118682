/** planlens tasks --department NAME — the tasks a unit leads or supports, with deadlines and targets. */
import { CliError, EXIT, type CliCommand } from '../command.js';
import { openExistingStore, withDbOption } from '../options.js';
import { resolveAnalystFormat, resolveRegionArg, withAnalystFormatOption, writeAnalystRows } from './analyst-output.js';

export const tasksCommand: CliCommand = (program, cli) => {
  const command = program
    .command('tasks')
    .description(
      'tasks a unit leads, supports or is listed for (by canonical unit, name or alias), with the deadlines and targets of their section; role listed: one of the 责任单位 where the text does not say who leads',
    )
    .requiredOption('--department <name>', 'unit as written (市知识产权局), canonical name or canonical id')
    .option('--region <name>', 'only plans of this region');
  withDbOption(command);
  withAnalystFormatOption(command);
  command.addHelpText('after', '\nExamples:\n  planlens tasks --department 市知识产权局\n  planlens tasks --department 市科技局 --format csv > tasks.csv');
  command.action(async (options: { db: string; format?: string; department: string; region?: string }) => {
    const format = resolveAnalystFormat(options.format, cli.stdout);
    const { departmentTasks } = await import('../../analyst/index.js');
    const store = await openExistingStore(options.db);
    try {
      const regions = options.region !== undefined ? await resolveRegionArg(store.db, cli, options.region) : undefined;
      const result = departmentTasks(store.db, options.department, regions);
      if (result.matched.length === 0) throw new CliError(`--department '${options.department}': no unit with tasks matches (run \`planlens departments\`)`);
      cli.stderr.write(`planlens: --department '${options.department}' matched ${result.exact ? '' : 'by part of a name: '}${result.matched.join('、')}\n`);
      await writeAnalystRows(
        cli,
        result.tasks as never,
        format,
        ['region', 'task', 'role', 'unit_as_written', 'deadlines', 'targets'],
        ['plan_id', 'plan_title', 'plan_end', 'region', 'task', 'role', 'unit_as_written', 'section_path', 'deadlines', 'targets', 'sentence', 'document_id'],
      );
      cli.done(EXIT.ok);
    } finally {
      store.close();
    }
  });
};
