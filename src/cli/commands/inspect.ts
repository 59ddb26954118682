/**
 * planlens inspect FILE --stage NAME — run the pipeline on one file up to a
 * stage and print what that stage added, for debugging rules. Nothing is
 * written to the database.
 */
import type { Pipeline } from '../../core/pipeline.js';
import type { DocumentState } from '../../core/state.js';
import { CliError, EXIT, UsageError, type CliCommand } from '../command.js';
import { loadRulesAndPipeline, withPipelineOption, withRulesOption } from '../options.js';
import { formatRows, resolveFormat, truncateCells } from '../output.js';
import { withFormatOption } from '../options.js';

export const inspectCommand: CliCommand = (program, cli) => {
  const command = program
    .command('inspect')
    .description("run the pipeline on one file up to a stage and print that stage's output (nothing is stored)")
    .argument('<file>', 'a .txt/.docx/.pdf file')
    .requiredOption('--stage <name>', 'stage whose output to print (see the pipeline file)');
  withFormatOption(command);
  withRulesOption(command);
  withPipelineOption(command);
  command.addHelpText(
    'after',
    '\nExamples:\n  planlens inspect corpora/xuanwu-ip-14fyp-plan.pdf --stage structure\n  planlens inspect plan.docx --stage extract-quantities --format json | jq .quantities',
  );
  command.action(async (file: string, options: { stage: string; format?: string; rules: string; pipeline: string }) => {
    const format = resolveFormat(options.format, cli.stdout);
    const { rules, pipeline } = await loadRulesAndPipeline(options);
    const [{ runPipeline }, { openSource }] = await Promise.all([import('../../core/pipeline.js'), import('../../ingest/index.js')]);
    const at = pipeline.steps.findIndex((s) => s.stage.name === options.stage);
    if (at < 0) {
      throw new UsageError(`--stage: '${options.stage}' is not in pipeline ${pipeline.name} (stages: ${pipeline.steps.map((s) => s.stage.name).join(', ')})`);
    }
    let state: DocumentState;
    try {
      state = await openSource(file);
    } catch (error) {
      throw new CliError(`${file}: ${(error as Error).message}`);
    }
    // Run up to the stage before, then the stage alone, to see exactly what it changed.
    const before = at === 0 ? state : await runPipeline(slice(pipeline, 0, at), state, { rules });
    const failedBefore = before.messages.find((m) => m.severity === 'fatal');
    if (failedBefore) throw new CliError(`${file}: ${failedBefore.stage}: ${failedBefore.text}`);
    const after = await runPipeline(slice(pipeline, at, at + 1), before, { rules });
    const changed = (Object.keys(after) as Array<keyof DocumentState>).filter((k) => k !== 'messages' && after[k] !== before[k]);
    const output: Record<string, unknown> = Object.fromEntries(changed.map((k) => [k, after[k]]));
    const newMessages = after.messages.slice(before.messages.length);
    output.messages = newMessages;

    if (format === 'json') cli.stdout.write(JSON.stringify(output, jsonReplacer, 2) + '\n');
    else cli.stdout.write(summarise(output, format));
    const fatal = newMessages.find((m) => m.severity === 'fatal');
    if (fatal) throw new CliError(`${file}: ${fatal.stage}: ${fatal.text}`);
    cli.done(EXIT.ok);
  });
};

function slice(pipeline: Pipeline, from: number, to: number): Pipeline {
  return { name: pipeline.name, steps: pipeline.steps.slice(from, to) };
}

/** Class instances (OffsetMap) and Buffers are internal bookkeeping: name them instead of dumping them. */
function jsonReplacer(this: unknown, _key: string, value: unknown): unknown {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    if (Buffer.isBuffer(value) || (value as { type?: string }).type === 'Buffer') return `[${(value as Buffer).length ?? '?'} bytes]`;
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return `[${proto.constructor?.name ?? 'object'}]`;
  }
  return value;
}

/** A readable digest of a stage's output: counts, then the first rows of each list. */
function summarise(output: Record<string, unknown>, format: 'table' | 'csv'): string {
  const out: string[] = [];
  const SHOW = 40;
  const visit = (name: string, value: unknown, depth: number) => {
    const indent = '  '.repeat(depth);
    if (Array.isArray(value)) {
      out.push(`${indent}${name}: ${value.length}`);
      if (value.length === 0) return;
      const rows = value.slice(0, SHOW).map((item) => flatten(item));
      const text = formatRows(rows, format === 'csv' ? 'csv' : 'table');
      out.push(
        ...text
          .trimEnd()
          .split('\n')
          .map((l) => indent + '  ' + l),
      );
      if (value.length > SHOW) out.push(`${indent}  … ${value.length - SHOW} more (--format json for all)`);
    } else if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
      out.push(`${indent}${name}:`);
      for (const [k, v] of Object.entries(value)) visit(k, v, depth + 1);
    } else if (typeof value === 'string' && value.length > 200) {
      out.push(`${indent}${name}: ${value.length} characters: ${truncateCells(value.replace(/\n/g, '⏎'), 200)}`);
    } else {
      out.push(`${indent}${name}: ${typeof value === 'object' && value !== null ? jsonReplacer.call(null, '', value) : JSON.stringify(value)}`);
    }
  };
  for (const [k, v] of Object.entries(output)) visit(k, v, 0);
  return out.join('\n') + '\n';
}

/** One table row per item: nested objects become dotted columns, long lists their length. */
function flatten(item: unknown, prefix = '', row: Record<string, unknown> = {}): Record<string, unknown> {
  if (item === null || typeof item !== 'object') {
    row[prefix || 'value'] = item;
    return row;
  }
  if (Array.isArray(item)) {
    row[prefix] = item.every((x) => typeof x !== 'object') ? item.join(' ') : `[${item.length}]`;
    return row;
  }
  for (const [k, v] of Object.entries(item)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === 'object' && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype) flatten(v, key, row);
    else if (Array.isArray(v)) row[key] = v.every((x) => typeof x !== 'object') ? v.join(' ') : `[${v.length}]`;
    else row[key] = v;
  }
  return row;
}
