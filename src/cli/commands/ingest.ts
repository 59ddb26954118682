/** planlens ingest PATH… — read files and folders into the database. */
import { resolve } from 'node:path';
import { Option } from 'commander';
import type { IngestSummary, ProgressEvent } from '../../batch/index.js';
import { printable } from '../../core/printable.js';
import { DEFAULT_JOBS } from '../choices.js';
import { EXIT, type CliCommand, type CliContext } from '../command.js';
import { loadRulesAndPipeline, openOrCreateStore, parsePositiveInt, withDbOption, withPipelineOption, withRulesOption } from '../options.js';

interface IngestCommandOptions {
  db: string;
  force?: boolean;
  jobs?: number;
  /** The old name of --jobs (it overlapped file reading only); kept so scripts keep working. */
  concurrency?: number;
  rules: string;
  pipeline: string;
  quiet?: boolean;
}

export const ingestCommand: CliCommand = (program, cli) => {
  const command = program
    .command('ingest')
    .description('read plan documents (.txt/.docx/.pdf, folders recursively) into the database')
    .argument('<paths...>', 'files or folders')
    .option('--force', 're-process files whose content is already stored')
    .option(
      '--jobs <n>',
      `worker threads running the pipeline (default: one per core but one, which reads and stores, at most 8; here ${DEFAULT_JOBS}); 1 runs it in the main thread`,
      parsePositiveInt('--jobs'),
    )
    .addOption(new Option('--concurrency <n>', 'old name of --jobs').argParser(parsePositiveInt('--concurrency')).hideHelp())
    .option('--quiet', 'print only failures and the summary');
  withDbOption(command);
  withRulesOption(command);
  withPipelineOption(command);
  command.addHelpText(
    'after',
    `
Examples:
  planlens ingest corpora/
  planlens ingest plans/*.pdf --db output/test.db --force

The main thread reads files and writes the database, one document per
transaction, in the order the files were found; --jobs worker threads run
the pipeline. A file whose worker crashes or runs out of memory fails alone.

Same content under another name is recorded as another path of the stored
document and skipped. A file that fails gets a one-line error and the batch
goes on; the exit status is 1 if any file failed.`,
  );
  command.action(async (paths: string[], options: IngestCommandOptions) => {
    const { rules, pipeline } = await loadRulesAndPipeline(options);
    const [{ ingestPaths }, { primaryTotals }, { default: cliProgress }] = await Promise.all([
      import('../../batch/index.js'),
      import('../../store/index.js'),
      import('cli-progress'),
    ]);
    const store = await openOrCreateStore(options.db);
    try {
      const reporter = progressReporter(cli, options.quiet ?? false, cliProgress);
      const summary = await ingestPaths(paths, {
        db: store.db,
        pipeline,
        rules,
        force: options.force ?? false,
        jobs: options.jobs ?? options.concurrency ?? DEFAULT_JOBS,
        args: { paths: paths.map((p) => resolve(p)), force: options.force ?? false },
        onProgress: reporter.event,
      });
      reporter.stop();
      cli.stdout.write(formatSummary(summary, primaryTotals(store.db), options.db));
      cli.done(summary.failed > 0 ? EXIT.failed : EXIT.ok);
    } finally {
      store.close();
    }
  });
};

/** A progress bar on a terminal; plain lines otherwise (logs, CI, tests). Failures always go to stderr. */
function progressReporter(cli: CliContext, quiet: boolean, cliProgress: typeof import('cli-progress')) {
  const bar =
    cli.stderr.isTTY && !quiet
      ? new cliProgress.SingleBar(
          { format: 'ingest [{bar}] {value}/{total} {file}', stream: cli.stderr, hideCursor: true, clearOnComplete: true },
          cliProgress.Presets.shades_classic,
        )
      : null;
  let done = 0;
  let found = 0;
  const event = (e: ProgressEvent) => {
    if (e.kind === 'found') {
      found = e.found;
      if (bar) found === 1 ? bar.start(1, 0, { file: '' }) : bar.setTotal(found);
      return;
    }
    done++;
    if (e.kind === 'failed') {
      // Clear the bar's line first so the error stands on its own line; the bar redraws below it.
      cli.stderr.write(`${bar ? '\r\x1b[K' : ''}${printable(e.error)}\n`);
    } else if (!bar && !quiet) {
      const what =
        e.kind === 'skipped'
          ? `skipped (${e.reason})`
          : `${e.replaced ? 're-stored' : 'stored'} as document ${e.documentId}, plan ${e.planId}${e.joinedPlan ? ' (another rendering)' : ''}`;
      cli.stdout.write(`${printable(e.path)}: ${what}\n`);
    }
    const file = printable(e.path);
    bar?.update(done, { file: file.length > 40 ? '…' + file.slice(-39) : file });
  };
  return { event, stop: () => bar?.stop() };
}

function formatSummary(s: IngestSummary, totals: ReturnType<typeof import('../../store/index.js').primaryTotals>, dbPath: string): string {
  // A run that stored nothing has no rate worth printing ("0.0 documents/s" reads as a fault).
  const rate = s.stored > 0 && s.seconds > 0 ? `${(s.stored / s.seconds).toFixed(1)} documents/s` : null;
  const lines = [
    '',
    `Ingested ${s.found} file(s) in ${s.seconds.toFixed(1)} s: ${s.stored} stored, ${s.skipped} skipped (already stored), ${s.failed} failed${rate ? `  (${rate})` : ''}`,
    `  this run:  ${s.pages} PDF pages, ${s.characters} characters, ${s.sentences} sentences, ${s.tables} tables; ` +
      `extracted ${s.targets} target and ${s.actuals} actual records`,
    `  database:  ${totals.plans} plan(s) from ${totals.documents} document(s) in ${printable(dbPath)}`,
    // Each plan once (its primary rendering), and each fact once (is_fact): the numbers a comparison uses.
    // The flagged count is the review queue's, counted once per plan like everything on this line
    // (the run line above counts every rendering, so it names no flagged count to disagree with).
    `  per plan:  ${totals.sentences} sentences, ${totals.tables} tables, ${totals.targets} targets, ${totals.actuals} actuals ` +
      `(one fact per indicator and year), ${totals.flagged} records flagged for review (planlens review list)`,
  ];
  if (s.failures.length) lines.push('  failed:', ...s.failures.map((f) => `    ${printable(f.error)}`));
  if (s.failed > s.failures.length)
    lines.push(`    … and ${s.failed - s.failures.length} more (SELECT path, text FROM messages WHERE run_id = ${s.runId} AND severity = 'fatal')`);
  return lines.join('\n') + '\n';
}
