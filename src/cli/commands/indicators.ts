/** planlens indicators — the canonical indicators, how many plans use each, and names needing an alias. */
import { EXIT, type CliCommand } from '../command.js';
import { openExistingStore, parsePositiveInt, withDbOption } from '../options.js';
import { resolveAnalystFormat, withAnalystFormatOption, writeAnalystRows } from './analyst-output.js';

interface IndicatorsOptions {
  db: string;
  format?: string;
  unlinked?: boolean;
  limit: number;
}

export const indicatorsCommand: CliCommand = (program, cli) => {
  const command = program
    .command('indicators')
    .description('canonical indicators (rules/indicators/) with how many plans use each; --unlinked: names linked to none, most needed alias first')
    .option('--unlinked', 'list the indicator names plans use that link to no canonical indicator')
    .option('--limit <n>', 'with --unlinked: at most this many names', parsePositiveInt('--limit'), 30);
  withDbOption(command);
  withAnalystFormatOption(command);
  command.addHelpText('after', '\nExamples:\n  planlens indicators\n  planlens indicators --unlinked --limit 10');
  command.action(async (options: IndicatorsOptions) => {
    const format = resolveAnalystFormat(options.format, cli.stdout);
    const { indicatorUsage, unlinkedNames } = await import('../../analyst/index.js');
    const store = await openExistingStore(options.db);
    try {
      if (options.unlinked) {
        const rows = unlinkedNames(store.db, options.limit);
        await writeAnalystRows(cli, rows as never, format, ['name', 'plans', 'records', 'nearest_id', 'nearest_name', 'similarity', 'example'], undefined);
      } else {
        const rows = indicatorUsage(store.db).map((r) => ({ ...r, aliases: format === 'table' ? r.aliases.join('、') : r.aliases }));
        await writeAnalystRows(
          cli,
          rows,
          format,
          ['id', 'name', 'category', 'unit', 'plans', 'targets', 'actuals'],
          ['id', 'name', 'category', 'unit', 'aliases', 'plans', 'targets', 'actuals'],
        );
        // The most useful next step for whoever maintains the rules: say it on a terminal only.
        if (format === 'table') {
          const top = unlinkedNames(store.db, 5);
          if (top.length) {
            cli.stderr.write(
              `\nunlinked indicator names most in need of an alias (planlens indicators --unlinked):\n${top
                .map((u) => `  ${u.name}  (${u.plans} plan(s), ${u.records} record(s)${u.nearest_name ? `; nearest: ${u.nearest_name}` : ''})`)
                .join('\n')}\n`,
            );
          }
        }
      }
      cli.done(EXIT.ok);
    } finally {
      store.close();
    }
  });
};
