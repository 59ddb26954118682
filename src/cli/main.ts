/**
 * The planlens command line: a thin shell over the library in src/. Every
 * command lives in ./commands and is listed in ./commands/index.ts.
 *
 * Exit status: 0 ok, 1 something failed (a file, a lookup), 2 bad usage or a
 * broken configuration (unknown option, bad --rules/--pipeline, broken rule file).
 */
import { Command, CommanderError } from 'commander';
import { ConfigError } from '../core/stage.js';
import { CliError, EXIT, UsageError, type CliContext } from './command.js';
import { COMMANDS } from './commands/index.js';

export interface MainIO {
  stdout?: NodeJS.WriteStream;
  stderr?: NodeJS.WriteStream;
}

export async function main(argv: string[], io: MainIO = {}): Promise<number> {
  const stdout = io.stdout ?? process.stdout;
  const stderr = io.stderr ?? process.stderr;
  let status: number = EXIT.ok;
  const cli: CliContext = {
    stdout,
    stderr,
    done: (code) => {
      status = Math.max(status, code);
    },
  };

  const program = new Command('planlens')
    .description('Turn Chinese government plan documents (.txt/.docx/.pdf) into a structured SQLite database.')
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({
      writeOut: (text) => stdout.write(text),
      writeErr: (text) => stderr.write(text),
    })
    // Set before adding commands so every subcommand inherits it: usage errors
    // come back to us as exceptions instead of calling process.exit.
    .exitOverride();
  program.addHelpText(
    'after',
    `
Examples:
  planlens ingest corpora/                 read every .txt/.docx/.pdf under corpora/
  planlens docs                            list plans and their renderings
  planlens show xuanwu                     metadata, sections and renderings of one document
  planlens search 质押融资                  sentences containing a word (jieba-tokenised)
  planlens inspect corpora/x.pdf --stage structure   debug one stage on one file
  planlens eval --gold ../shared/gold --docs corpora  precision/recall/F1 against gold annotations
  planlens compare 知识产权质押融资 --quote         every plan's target for one indicator, with its source
  planlens query --indicator 万人高价值发明专利拥有量 --kind actual
  planlens progress --region 南京市                targets against the latest actuals
  planlens tasks --department 市知识产权局          what a unit leads or supports, with deadlines
  planlens review --reviewer 张三                  work through flagged extractions (interactive)
  planlens export --format xlsx --out output/planlens.xlsx
  planlens serve                                   the web app on http://127.0.0.1:PORT

Every command takes --db PATH (default output/planlens.db); listings take --format table|json|csv.`,
  );
  for (const register of COMMANDS) register(program, cli);

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    return Math.max(status, reportError(error, stderr));
  }
  return status;
}

function reportError(error: unknown, stderr: NodeJS.WriteStream): number {
  if (error instanceof CommanderError) {
    // Commander already printed its message; help and --version are not failures.
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return EXIT.ok;
    return EXIT.usage;
  }
  const message = error instanceof Error ? error.message : String(error);
  stderr.write(`planlens: ${message.split('\n')[0]}\n`);
  if (error instanceof UsageError || error instanceof ConfigError) return EXIT.usage;
  if (!(error instanceof CliError) && process.env.PLANLENS_DEBUG) stderr.write(`${(error as Error).stack}\n`);
  return EXIT.failed;
}
