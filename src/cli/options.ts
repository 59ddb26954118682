/**
 * Options every command spells the same way, and what they turn into:
 * --db (an open database, with a clear error when it does not exist yet),
 * --format, --rules (a RuleSet), --pipeline (a loaded pipeline definition).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { DEFAULT_PIPELINE, loadPipeline, type Pipeline } from '../core/pipeline.js';
import { DEFAULT_RULES_DIR, RuleSet } from '../rules/index.js';
import { STAGES } from '../stages.js';
import { openStore, type Store } from '../store/index.js';
import { CliError, UsageError } from './command.js';
import { OUTPUT_FORMATS } from './output.js';

export const DEFAULT_DB = 'output/planlens.db';

export function withDbOption(command: Command): Command {
  return command.option('--db <path>', 'SQLite database file', DEFAULT_DB);
}

export function withFormatOption(command: Command): Command {
  return command.addOption(
    new Option('--format <format>', 'output format (default: table on a terminal, json when piped)').choices(OUTPUT_FORMATS),
  );
}

export function withRulesOption(command: Command): Command {
  return command.option('--rules <dir>', 'rules directory', DEFAULT_RULES_DIR);
}

export function withPipelineOption(command: Command): Command {
  return command.option('--pipeline <file>', 'pipeline definition (YAML)', DEFAULT_PIPELINE);
}

/** Opens an existing database for reading; a missing file is the user's problem, said in one line. */
export function openExistingStore(path: string): Store {
  if (!existsSync(path)) throw new CliError(`${path}: database not found (run \`planlens ingest PATH…\` first, or pass --db)`);
  return openStore(path);
}

/** Rules and pipeline as given on the command line; problems are ConfigErrors (exit 2). */
export function loadRulesAndPipeline(options: { rules: string; pipeline: string }): { rules: RuleSet; pipeline: Pipeline; pipelinePath: string } {
  if (!existsSync(options.pipeline)) throw new UsageError(`--pipeline: ${options.pipeline}: file not found`);
  const rules = new RuleSet(resolve(options.rules));
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
