/**
 * Options every command spells the same way, and what they turn into:
 * --db (an open database, with a clear error when it does not exist yet),
 * --format, --rules (a RuleSet), --pipeline (a loaded pipeline definition).
 *
 * The library behind them (SQLite, the pipeline stages) is imported when an
 * action asks for it, not when the command is described: `planlens --help`
 * and `planlens docs` must not pay for loading every stage.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import type { Pipeline } from '../core/pipeline.js';
import type { RuleSet } from '../rules/index.js';
import type { Store } from '../store/index.js';
import { DEFAULT_PIPELINE, DEFAULT_RULES_DIR } from './choices.js';
import { CliError, UsageError } from './command.js';
import { OUTPUT_FORMATS } from './output.js';

export const DEFAULT_DB = 'output/planlens.db';

export function withDbOption(command: Command): Command {
  return command.option('--db <path>', 'SQLite database file', DEFAULT_DB);
}

export function withFormatOption(command: Command): Command {
  return command.addOption(new Option('--format <format>', 'output format (default: table on a terminal, json when piped)').choices(OUTPUT_FORMATS));
}

export function withRulesOption(command: Command): Command {
  return command.option('--rules <dir>', 'rules directory', DEFAULT_RULES_DIR);
}

export function withPipelineOption(command: Command): Command {
  return command.option('--pipeline <file>', 'pipeline definition (YAML)', DEFAULT_PIPELINE);
}

/** Opens an existing database for reading; a missing file is the user's problem, said in one line. */
export async function openExistingStore(path: string): Promise<Store> {
  if (!existsSync(path)) throw new CliError(`${path}: database not found (run \`planlens ingest PATH…\` first, or pass --db)`);
  const { openStore } = await import('../store/index.js');
  return openStore(path);
}

/** Opens the database, creating it when missing (ingest, serve). */
export async function openOrCreateStore(path: string): Promise<Store> {
  const { openStore } = await import('../store/index.js');
  return openStore(path);
}

/** A RuleSet over --rules; a missing or broken directory is a ConfigError (exit 2). */
export async function loadRules(dir: string): Promise<RuleSet> {
  const { RuleSet } = await import('../rules/index.js');
  return new RuleSet(resolve(dir));
}

/** Rules and pipeline as given on the command line; problems are ConfigErrors (exit 2). */
export async function loadRulesAndPipeline(options: {
  rules: string;
  pipeline: string;
}): Promise<{ rules: RuleSet; pipeline: Pipeline; pipelinePath: string }> {
  if (!existsSync(options.pipeline)) throw new UsageError(`--pipeline: ${options.pipeline}: file not found`);
  const rules = await loadRules(options.rules);
  const [{ loadPipeline }, { STAGES }] = await Promise.all([import('../core/pipeline.js'), import('../stages.js')]);
  const pipeline = loadPipeline(options.pipeline, STAGES);
  return { rules, pipeline, pipelinePath: options.pipeline };
}

export function parsePositiveInt(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`${name} must be a positive whole number`);
    return n;
  };
}
