/**
 * The planlens command line: a thin shell over the library in src/. Every
 * command lives in ./commands and is listed in ./commands/index.ts.
 *
 * Exit status: 0 ok, 1 something failed (a file, a lookup), 2 bad usage or a
 * broken configuration (unknown option, bad --rules/--pipeline, broken rule file).
 */
import { Command, CommanderError } from 'commander';
import { ConfigError } from '../core/errors.js';
import { printable } from '../core/printable.js';
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
    .configureOutput({
      writeOut: (text) => stdout.write(text),
      writeErr: (text) => stderr.write(text),
      // Usage errors are printed by reportError, as one line naming the command.
      outputError: () => {},
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
    return Math.max(status, reportError(error, stderr, commandPath(program, argv)));
  }
  return status;
}

function reportError(error: unknown, stderr: NodeJS.WriteStream, path: string): number {
  if (error instanceof CommanderError) {
    // Help and --version are not failures; `planlens` alone printed the help and is bad usage.
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return EXIT.ok;
    if (error.code !== 'commander.help') stderr.write(`${printable(usageLine(error.message, path))}\n`);
    return EXIT.usage;
  }
  stderr.write(`planlens: ${printable(messageOf(error).split('\n')[0]!)}\n`);
  if (error instanceof CliError) for (const line of error.details) stderr.write(`  ${printable(line)}\n`);
  if (error instanceof UsageError || error instanceof ConfigError) return EXIT.usage;
  if (!(error instanceof CliError) && process.env.PLANLENS_DEBUG) stderr.write(`${(error as Error).stack}\n`);
  return EXIT.failed;
}

/**
 * Commander's message ("error: unknown option '--formt'\n(Did you mean
 * --format?)") as the house's one line, naming the command and where its
 * usage is.
 */
function usageLine(message: string, path: string): string {
  const text = message
    .replace(/^error:\s*/, '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .join(' ');
  return `planlens${path ? ` ${path}` : ''}: ${text} (see \`planlens${path ? ` ${path}` : ''} --help\`)`;
}

/** The (sub)command the arguments name, e.g. "review edit", for messages; '' for the program itself. */
function commandPath(program: Command, argv: string[]): string {
  const names: string[] = [];
  let command = program;
  for (const arg of argv) {
    if (arg === '--') break;
    if (arg.startsWith('-') || command.commands.length === 0) continue;
    const sub = command.commands.find((c) => c.name() === arg || c.aliases().includes(arg));
    if (!sub) break;
    names.push(sub.name());
    command = sub;
  }
  return names.join(' ');
}

/**
 * A Node file-system error says "ENOTDIR: not a directory, mkdir '/x/y'";
 * the house style puts the file first: "/x/y: not a directory (mkdir)".
 */
function messageOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const { code, path, syscall } = error as NodeJS.ErrnoException;
  if (typeof code !== 'string' || typeof path !== 'string' || typeof syscall !== 'string') return error.message;
  const what = error.message.replace(/^[A-Z]+:\s*/, '').replace(new RegExp(`,\\s*${syscall}\\b.*$`, 's'), '');
  return `${path}: ${what} (${syscall})`;
}
