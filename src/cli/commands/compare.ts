/** planlens compare INDICATOR — one indicator across regions and plans. */
import { Option } from 'commander';
import { EXIT, type CliCommand } from '../command.js';
import { openExistingStore, withDbOption } from '../options.js';
import { resolveAnalystFormat, resolveIndicatorArg, resolveRegionArg, withAnalystFormatOption, writeAnalystRows } from './analyst-output.js';
import { LEVELS, parseYear } from './query.js';

interface CompareOptions {
  db: string;
  format?: string;
  kind: 'target' | 'actual';
  quote?: boolean;
  region?: string;
  level?: string;
  year?: number;
}

const TABLE_COLUMNS = ['region', 'level', 'plan', 'indicator_as_written', 'measure', 'figure', 'year', 'value_base', 'unit_base'];
const ALL_COLUMNS = [
  'region',
  'region_code',
  'level',
  'plan_id',
  'plan',
  'plan_type',
  'issued',
  'indicator_id',
  'indicator_name',
  'indicator_as_written',
  'measure',
  'measure_word',
  'qualifiers',
  'value',
  'value_max',
  'unit',
  'comparator',
  'year',
  'value_base',
  'unit_base',
  'figure',
  'cumulative',
  'per_year',
  'qualitative',
  'status',
  'section_path',
  'page',
  'document_path',
];

export const compareCommand: CliCommand = (program, cli) => {
  const command = program
    .command('compare')
    .description(
      'one indicator across regions and plans: one row per region, plan and year, in the raw and the base unit, each with its measure (stock, flow = 新增, cumulative = 累计, share, rate, growth)',
    )
    .argument(
      '<indicator>',
      'indicator id, name or alias, or the object counted (5G基站 finds 新增5G基站 and 累计建成开通5G基站); a part of a name or a near miss also works, a fragment is refused; stderr says what matched',
    )
    .addOption(new Option('--kind <kind>', 'compare targets or reported actuals').choices(['target', 'actual']).default('target'))
    .option('--quote', 'add the source: the sentence, or for a table cell its whole row')
    .option('--region <name>', 'only this region (a part of a name matches every region containing it)')
    .addOption(new Option('--level <level>', 'only regions of this level').choices(LEVELS))
    .option('--year <year>', 'only this year', parseYear);
  withDbOption(command);
  withAnalystFormatOption(command);
  command.addHelpText(
    'after',
    `
Examples:
  planlens compare 万人高价值发明专利拥有量
  planlens compare 高新技术企业 --quote
  planlens compare 质押融资 --quote --format csv > pledge-financing.csv
  planlens compare ip.pct-applications --kind actual --level city`,
  );
  command.action(async (indicator: string, options: CompareOptions) => {
    const format = resolveAnalystFormat(options.format, cli.stdout);
    const { queryQuantities, withMeasures } = await import('../../analyst/index.js');
    const { loadNameAnalyser } = await import('../../text/indicator-names/rules.js');
    const { formatRecordFigure } = await import('../../records/plan-scale.js');
    const store = await openExistingStore(options.db);
    try {
      const db = store.db;
      const match = await resolveIndicatorArg(db, cli, indicator, 'indicator');
      const regions = options.region !== undefined ? await resolveRegionArg(db, cli, options.region) : undefined;
      const found = queryQuantities(db, { indicatorKeys: match.keys, kind: options.kind, regions, level: options.level, year: options.year });
      const rows = withMeasures(found, loadNameAnalyser()).map((r) => ({
        ...r,
        level: r.region_level,
        plan: r.plan_title ?? `plan ${r.plan_id}`,
        figure: formatRecordFigure(r),
      }));
      if (found.length === 0) {
        const other = options.kind === 'target' ? 'actual' : 'target';
        const elsewhere = queryQuantities(db, { indicatorKeys: match.keys, kind: other, regions, level: options.level, year: options.year }).length;
        if (elsewhere) cli.stderr.write(`planlens: no ${options.kind}s for it, but ${elsewhere} ${other}(s): --kind ${other}\n`);
      }
      const withQuote = (cols: string[]) => (options.quote ? [...cols, 'quote'] : cols);
      await writeAnalystRows(cli, rows, format, withQuote(TABLE_COLUMNS), withQuote(ALL_COLUMNS));
      cli.done(EXIT.ok);
    } finally {
      store.close();
    }
  });
};
