/** planlens progress — targets against the latest actuals: share achieved and on-track status. */
import { EXIT, type CliCommand } from '../command.js';
import { openExistingStore, withDbOption } from '../options.js';
import { resolveAnalystFormat, resolveIndicatorArg, resolveRegionArg, withAnalystFormatOption, writeAnalystRows } from './analyst-output.js';

interface ProgressOptions {
  db: string;
  format?: string;
  region?: string;
  indicator?: string;
  measured?: boolean;
}

const TABLE_COLUMNS = [
  'region',
  'indicator',
  'target',
  'due_year',
  'baseline',
  'actual',
  'actual_years',
  'share',
  'expected',
  'on_track',
  'stated_status',
  'check',
];
const ALL_COLUMNS = [
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
  'target_value',
  'unit',
  'comparator',
  'due_year',
  'target_raw_value',
  'target_raw_unit',
  'baseline_value',
  'baseline_year',
  'measure',
  'actual_value',
  'actual_from_year',
  'actual_year',
  'actual_plan_id',
  'share_achieved',
  'expected_value',
  'on_track',
  'stated_status',
  'stated_verdict',
  'status_conflict',
  'section_path',
  'sentence',
  'quantity_id',
];

export const progressCommand: CliCommand = (program, cli) => {
  const command = program
    .command('progress')
    .description(
      "each target against the latest actual for its region and indicator (a flow such as 新增…: its yearly figures summed): share achieved, whether it is on track by linear pace, and the plan's own verdict beside, marked where they contradict (docs/schema.md)",
    )
    .option('--region <name>', 'only this region (a part of a name matches every region containing it)')
    .option('--indicator <text>', 'only this indicator (id, name, alias or part of a name)')
    .option('--measured', 'only targets some actual has been reported against');
  withDbOption(command);
  withAnalystFormatOption(command);
  command.addHelpText('after', '\nExamples:\n  planlens progress --region 南京市 --measured\n  planlens progress --format csv > progress.csv');
  command.action(async (options: ProgressOptions) => {
    const format = resolveAnalystFormat(options.format, cli.stdout);
    const [{ queryProgress }, { loadProgressWords }, { formatFigure, formatRecordFigure, scaleOfRecord }] = await Promise.all([
      import('../../analyst/index.js'),
      import('../../analyst/progress-rules.js'),
      import('../../records/plan-scale.js'),
    ]);
    const store = await openExistingStore(options.db);
    try {
      const db = store.db;
      const regions = options.region !== undefined ? await resolveRegionArg(db, cli, options.region) : undefined;
      const indicatorKeys = options.indicator !== undefined ? (await resolveIndicatorArg(db, cli, options.indicator)).keys : undefined;
      const rows = queryProgress(db, { regions, indicatorKeys, measuredOnly: options.measured }, loadProgressWords()).map((r) => {
        // On a terminal, figures read in the scale the plan wrote the target in
        // (600亿元, not 60000000000元); the machine formats keep base units.
        const scale = scaleOfRecord({ value: r.target_raw_value, unit: r.target_raw_unit, value_base: r.target_value, unit_base: r.unit });
        const shown = (v: number | null) => (v === null ? null : formatFigure(v, r.unit, { scale }));
        return {
          ...r,
          indicator: r.indicator_name,
          target:
            r.target_value === null
              ? null
              : formatRecordFigure({
                  value: r.target_raw_value,
                  unit: r.target_raw_unit,
                  value_base: r.target_value,
                  unit_base: r.unit,
                  comparator: r.comparator,
                }),
          baseline: r.baseline_value === null ? null : `${shown(r.baseline_value)} (${r.baseline_year})`,
          // A flow's actual is the sum of its yearly figures: 新增 in 2021 and 2022 reads Σ 2021—2022.
          actual: r.actual_value === null ? null : `${r.measure === 'flow' && r.actual_from_year !== null ? 'Σ ' : ''}${shown(r.actual_value)}`,
          actual_years: r.actual_from_year !== null && r.actual_from_year !== r.actual_year ? `${r.actual_from_year}—${r.actual_year}` : r.actual_year,
          share: r.share_achieved === null ? null : `${(r.share_achieved * 100).toFixed(1)}%`,
          expected: shown(r.expected_value),
          check: r.status_conflict ? `≠ plan says ${r.stated_verdict}` : null,
        };
      });
      await writeAnalystRows(cli, rows, format, TABLE_COLUMNS, ALL_COLUMNS);
      cli.done(EXIT.ok);
    } finally {
      store.close();
    }
  });
};
