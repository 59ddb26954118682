/**
 * The real default pipeline (pipelines/plans.yaml) for tests: on a file, or on
 * a passage of plan text written to a scratch .txt file. Nothing is mocked.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_PIPELINE, loadPipeline, runPipeline, type Pipeline } from '../../src/core/pipeline.js';
import type { DocumentState, StateKey } from '../../src/core/state.js';
import { openSource } from '../../src/ingest/index.js';
import { RECORD_SPECS, type StoredRecord } from '../../src/records/index.js';
import { RuleSet } from '../../src/rules/index.js';
import { ruleIdParts } from '../../src/rules/entries.js';
import { STAGES } from '../../src/stages.js';

export const rules = new RuleSet();
export const DEFAULT = loadPipeline(DEFAULT_PIPELINE, STAGES);

/** The default pipeline less some stages: a stage folder's tests skip what they do not exercise (quantities, for the role extractions). */
export function pipelineWithout(...names: string[]): Pipeline {
  return { name: `${DEFAULT.name} without ${names.join(', ')}`, steps: DEFAULT.steps.filter((s) => !names.includes(s.stage.name)) };
}

/** A file through the pipeline (the default one, with the default rules), up to and including `until` when given. */
export async function runFile(path: string, options: { pipeline?: Pipeline; until?: string; rules?: RuleSet } = {}): Promise<DocumentState> {
  return runPipeline(options.pipeline ?? DEFAULT, await openSource(path), { rules: options.rules ?? rules }, options.until);
}

let scratch: string | null = null;
let n = 0;

/** The default pipeline with options set on one stage (parsed options: the stage's defaults are in them already). */
export function pipelineWithOptions(stageName: string, options: Record<string, unknown>): Pipeline {
  return {
    name: `${DEFAULT.name} with ${stageName} ${JSON.stringify(options)}`,
    steps: DEFAULT.steps.map((s) => (s.stage.name === stageName ? { ...s, options: { ...(s.options as object), ...options } } : s)),
  };
}

/** A passage of plan text as a .txt document (with the default pipeline and rules unless given others). */
export async function runText(text: string, ruleSet: RuleSet = rules, pipeline: Pipeline = DEFAULT): Promise<DocumentState> {
  scratch ??= mkdtempSync(join(tmpdir(), 'planlens-text-'));
  const file = join(scratch, `passage-${n++}.txt`);
  writeFileSync(file, text);
  return runFile(file, { rules: ruleSet, pipeline });
}

/** The rule id every record of the state stores, with the kind's state key. */
export function storedRuleIds(state: DocumentState): Array<{ key: StateKey; rule: string }> {
  return [...RECORD_SPECS.values()].flatMap((kind) =>
    ((state[kind.stateKey] ?? []) as StoredRecord[]).map((r) => ({ key: kind.stateKey, rule: r.provenance.rule })),
  );
}

/** The rule entries that fired on the state: each part of each stored id. */
export function firedRules(state: DocumentState): Set<string> {
  return new Set(storedRuleIds(state).flatMap(({ rule }) => ruleIdParts(rule)));
}
