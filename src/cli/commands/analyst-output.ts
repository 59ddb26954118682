/**
 * Output shared by the analyst commands (query, compare, progress,
 * indicators, departments, tasks): the house table/json/csv plus tsv, and
 * the --indicator/--region look-ups that say on stderr what they matched.
 * Not a command itself, so it is not listed in ./index.ts.
 */
import { Option, type Command } from 'commander';
import type { IndicatorMatch } from '../../analyst/index.js';
import type { Db } from '../../store/index.js';
import { CliError, type CliContext } from '../command.js';
import { formatRows, resolveFormat, type Row } from '../output.js';

export type AnalystFormat = 'table' | 'json' | 'csv' | 'tsv';
const FORMATS: AnalystFormat[] = ['table', 'json', 'csv', 'tsv'];

export function withAnalystFormatOption(command: Command): Command {
  return command.addOption(new Option('--format <format>', 'output format (default: table on a terminal, json when piped)').choices(FORMATS));
}

export function resolveAnalystFormat(option: string | undefined, stream: NodeJS.WriteStream): AnalystFormat {
  return option === 'tsv' ? 'tsv' : resolveFormat(option, stream);
}

/**
 * Writes rows; `tableColumns` is the short set a terminal can show, the
 * machine formats get `allColumns` (everything, provenance included).
 */
export async function writeAnalystRows(cli: CliContext, rows: Row[], format: AnalystFormat, tableColumns: string[], allColumns?: string[]): Promise<void> {
  const columns = format === 'table' ? tableColumns : (allColumns ?? tableColumns);
  if (format === 'tsv') {
    const { formatTsv } = await import('../../analyst/tsv.js');
    cli.stdout.write(formatTsv(rows, columns));
  }
  // CSV goes to a file an analyst opens in Excel, which reads BOM-less UTF-8
  // as the local code page and garbles Chinese; pandas skips the BOM.
  else if (format === 'csv') {
    const { UTF8_BOM } = await import('../../export/csv.js');
    cli.stdout.write(UTF8_BOM + formatRows(rows, format, columns));
  } else cli.stdout.write(formatRows(rows, format, columns));
}

/**
 * --indicator: the match, said on stderr; no match is a failure naming the
 * argument, and a refused one (only fragments of the name are stored) lists
 * the closest names under that line.
 */
export async function resolveIndicatorArg(db: Db, cli: CliContext, text: string, argument = '--indicator'): Promise<IndicatorMatch> {
  const { describeMatch, describeRefusal, resolveIndicator } = await import('../../analyst/index.js');
  const { loadNameAnalyser } = await import('../../text/indicator-names/rules.js');
  const { match, refusal } = resolveIndicator(db, text, loadNameAnalyser());
  if (refusal) {
    const { line, candidates } = describeRefusal(text, refusal);
    throw new CliError(line.replace(/^--indicator/, argument), candidates);
  }
  if (!match) throw new CliError(`${argument} '${text}': no indicator matches (run \`planlens indicators\` for the list)`);
  cli.stderr.write(`planlens: ${describeMatch(text, match).replace(/^--indicator/, argument)}\n`);
  return match;
}

/** --region: the stored regions it names; a loose match is said on stderr. */
export async function resolveRegionArg(db: Db, cli: CliContext, text: string): Promise<string[]> {
  const { matchRegions } = await import('../../analyst/index.js');
  const match = matchRegions(db, text);
  if (match.names.length === 0) throw new CliError(`--region '${text}': no stored region matches`);
  if (!match.exact) cli.stderr.write(`planlens: --region '${text}' matched ${match.names.join(', ')}\n`);
  return match.names;
}
