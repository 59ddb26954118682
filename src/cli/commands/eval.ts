/**
 * `planlens eval`: scores the pipeline against gold annotations. Every
 * rendering (.txt/.docx/.pdf) of each gold document is run in memory; scores
 * are printed per section, overall and per format. Low scores are a result,
 * not a failure: exit 1 only when a document could not be processed.
 */
import { Option } from 'commander';
import { EXIT, type CliCommand } from '../command.js';
import { loadRulesAndPipeline, parsePositiveInt, withPipelineOption, withRulesOption } from '../options.js';

interface EvalCliOptions {
  gold: string;
  docs: string;
  verbose?: boolean;
  format: 'table' | 'json' | 'markdown';
  baseline?: string;
  rules: string;
  pipeline: string;
  concurrency: number;
}

export const evalCommand: CliCommand = (program, cli) => {
  const command = program
    .command('eval')
    .description('score the pipeline against gold annotations (P/R/F1 per section and per format)')
    .requiredOption('--gold <dir>', 'directory of *.gold.json files (see test/fixtures/gold/FORMAT.md)')
    .requiredOption('--docs <dir>', 'directory holding each gold document as .txt/.docx/.pdf')
    .option('-v, --verbose', 'list every miss and false positive with its quote or sentence')
    // A report, not a listing: table even when piped, so `| tail` shows the summary.
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json', 'markdown']).default('table'))
    .option('--baseline <file>', 'an earlier run saved with --format json: print its figures beside these')
    .option('--concurrency <n>', 'renderings processed at once', parsePositiveInt('--concurrency'), 4);
  withRulesOption(command);
  withPipelineOption(command);
  command.addHelpText(
    'after',
    `
Examples:
  planlens eval --gold test/fixtures/gold --docs corpora
  planlens eval --gold test/fixtures/gold --docs corpora -v | less     every miss and false positive
  planlens eval --gold test/fixtures/gold --docs corpora --format json | jq .
  planlens eval --gold corpora-real/gold --docs corpora-real --baseline corpora-real/first-run.json
  planlens eval --gold corpora-real/gold --docs corpora-real --baseline corpora-real/first-run.json --format markdown

Exit status 1 only when a document could not be processed or a gold file has no document.`,
  );
  command.action(async (options: EvalCliOptions) => {
    const { rules, pipeline } = await loadRulesAndPipeline(options);
    const [{ runEval }, { renderJson, renderMarkdown, renderTable }, { readBaseline }] = await Promise.all([
      import('../../eval/run.js'),
      import('../../eval/report.js'),
      import('../../eval/baseline.js'),
    ]);
    const baseline = options.baseline ? readBaseline(options.baseline) : undefined;
    const run = await runEval({ goldDir: options.gold, docsDir: options.docs, rules, pipeline, concurrency: options.concurrency });
    const verbose = options.verbose ?? false;
    const report =
      options.format === 'json'
        ? renderJson(run, verbose)
        : options.format === 'markdown'
          ? renderMarkdown(run, baseline)
          : renderTable(run, verbose, baseline);
    cli.stdout.write(report + '\n');
    const failed = run.results.some((r) => r.error) || run.unmatchedGold.length > 0;
    cli.done(failed ? EXIT.failed : EXIT.ok);
  });
};
