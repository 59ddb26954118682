/** planlens query — targets and actuals across plans, filtered by indicator, region, year… */
import { InvalidArgumentError, Option } from 'commander';
import type { QuantityFilters } from '../../analyst/index.js';
import { EXIT, UsageError, type CliCommand } from '../command.js';
import { openExistingStore, withDbOption } from '../options.js';
import { resolveAnalystFormat, resolveIndicatorArg, resolveRegionArg, withAnalystFormatOption, writeAnalystRows } from './analyst-output.js';

interface QueryOptions {
  db: string;
  format?: string;
  indicator?: string;
  region?: string;
  level?: string;
  year?: number;
  category?: string;
  kind?: 'target' | 'actual';
  flagged?: boolean;
}

export const LEVELS = ['national', 'province', 'city', 'district', 'county', 'zone'];

export function parseYear(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1900 || n > 2200) throw new InvalidArgumentError('--year must be a four-digit year');
  return n;
}

// A terminal shows each figure in the plan's own scale (≥600亿元) with base units beside; the machine formats keep every raw column.
const TABLE_COLUMNS = ['kind', 'region', 'indicator', 'figure', 'year', 'value_base', 'unit_base', 'plan', 'flags'];
const ALL_COLUMNS = [
  'kind',
  'plan_id',
  'plan_title',
  'plan_type',
  'region',
  'region_code',
  'region_level',
  'indicator_id',
  'indicator_name',
  'indicator_as_written',
  'category',
  'value',
  'value_max',
  'unit',
  'comparator',
  'year',
  'period_start',
  'period_end',
  'value_base',
  'unit_base',
  'figure',
  'cumulative',
  'per_year',
  'qualitative',
  'status',
  'flags',
  'mentions',
  'other_values',
  'section_path',
  'page',
  'quote',
  'sentence',
  'review_status',
  'reviewed_by',
  'document_path',
  'quantity_id',
];

export const queryCommand: CliCommand = (program, cli) => {
  const command = program
    .command('query')
    .description(
      "targets and actuals across plans (primary renderings): one fact per plan, indicator and year (other mentions that disagree are flagged value-conflict), in the plan's scale with base units beside",
    )
    .option('--indicator <text>', 'indicator id, name or alias; a part of a name or a near miss also works (says what it matched)')
    .option('--region <name>', 'region name or code (a part of a name matches every region containing it)')
    .addOption(new Option('--level <level>', 'region level').choices(LEVELS))
    .option('--year <year>', 'due year (targets) or reported year (actuals)', parseYear)
    .option('--category <name>', 'indicator category (创造, 运用, 保护, 管理, 服务, 人才)')
    .addOption(new Option('--kind <kind>', 'only targets or only actuals').choices(['target', 'actual']))
    .option('--flagged', 'only records the extraction flagged for review');
  withDbOption(command);
  withAnalystFormatOption(command);
  command.addHelpText(
    'after',
    `
Examples:
  planlens query --indicator 质押融资 --kind target
  planlens query --region 南京 --year 2022 --kind actual --format csv > nanjing-2022.csv
  planlens query --category 创造 --level district --format tsv`,
  );
  command.action(async (options: QueryOptions) => {
    const format = resolveAnalystFormat(options.format, cli.stdout);
    const [{ flagKinds, knownCategories, queryQuantities }, { formatRecordFigure }] = await Promise.all([
      import('../../analyst/index.js'),
      import('../../records/plan-scale.js'),
    ]);
    const store = await openExistingStore(options.db);
    try {
      const db = store.db;
      const filters: QuantityFilters = {
        level: options.level,
        year: options.year,
        kind: options.kind,
        flagged: options.flagged,
      };
      if (options.category !== undefined) {
        const categories = knownCategories(db);
        if (categories.length && !categories.includes(options.category)) {
          throw new UsageError(`--category '${options.category}': not one of ${categories.join(', ')}`);
        }
        filters.category = options.category;
      }
      if (options.indicator !== undefined) filters.indicatorKeys = (await resolveIndicatorArg(db, cli, options.indicator)).keys;
      if (options.region !== undefined) filters.regions = await resolveRegionArg(db, cli, options.region);
      const rows = queryQuantities(db, filters).map((r) => ({
        ...r,
        plan: r.plan_title ?? `plan ${r.plan_id}`,
        indicator: r.indicator_name,
        figure: formatRecordFigure(r),
        flags: format === 'table' ? flagKinds(r.flags) : JSON.parse(r.flags),
      }));
      await writeAnalystRows(cli, rows, format, TABLE_COLUMNS, ALL_COLUMNS);
      cli.done(EXIT.ok);
    } finally {
      store.close();
    }
  });
};
