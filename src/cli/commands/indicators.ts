/** planlens indicators — the canonical indicators, how many plans use each, and names needing an alias. */
import { EXIT, type CliCommand } from '../command.js';
import { openExistingStore, parsePositiveInt, withDbOption } from '../options.js';
import { resolveAnalystFormat, withAnalystFormatOption, writeAnalystRows } from './analyst-output.js';

interface IndicatorsOptions {
  db: string;
  format?: string;
  unlinked?: boolean;
  groups?: boolean;
  limit?: number;
}

export const indicatorsCommand: CliCommand = (program, cli) => {
  const command = program
    .command('indicators')
    .description('canonical indicators (rules/indicators/) with how many plans use each; --unlinked: names linked to none, most needed alias first')
    .option('--unlinked', 'list the indicator names plans use that link to no canonical indicator')
    .option(
      '--groups',
      'cluster the unlinked names into proposed indicators (same object under other verbs, scopes or wordings), largest first; accept one with `planlens review promote --group N --id ID`',
    )
    .option('--limit <n>', 'with --unlinked: at most this many names (default 30); with --groups: at most this many groups', parsePositiveInt('--limit'));
  withDbOption(command);
  withAnalystFormatOption(command);
  command.addHelpText(
    'after',
    '\nExamples:\n  planlens indicators\n  planlens indicators --unlinked --limit 10\n  planlens indicators --groups --format csv > groups.csv',
  );
  command.action(async (options: IndicatorsOptions) => {
    const format = resolveAnalystFormat(options.format, cli.stdout);
    const { indicatorUsage, unlinkedNames } = await import('../../analyst/index.js');
    const store = await openExistingStore(options.db);
    try {
      if (options.groups) {
        const { indicatorGroups } = await import('../../analyst/indicator-groups.js');
        const groups = indicatorGroups(store.db, { limit: options.limit });
        // Machine formats keep the members as records; a table or a spreadsheet cell lists them as text.
        const rows = groups.map((g) =>
          format === 'json'
            ? g
            : {
                ...g,
                members: g.members.map((m) => `${m.name}×${m.records}`).join('、'),
                plan_titles: g.plan_titles.join('；'),
                qualifiers: g.qualifiers.join('、'),
              },
        );
        await writeAnalystRows(
          cli,
          rows as never,
          format,
          ['group', 'name', 'plans', 'records', 'unit', 'members'],
          ['group', 'name', 'plans', 'records', 'unit', 'qualifiers', 'members', 'plan_titles', 'keys'],
        );
      } else if (options.unlinked) {
        const rows = unlinkedNames(store.db, options.limit ?? 30);
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
                .join('\n')}\nnames that count one thing, grouped into proposed indicators: planlens indicators --groups\n`,
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
