/**
 * Pipeline definitions are data (pipelines/*.yaml): an ordered list of stage
 * names with options. Loading validates every option against its stage's zod
 * schema, and the stage order against what each stage requires and provides,
 * so a bad definition fails before any document is touched.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { withMessage, type Stage, type StageContext } from './stage.js';
import { ConfigError, DocumentError } from './errors.js';
import { checkStageOrder } from './stage-order.js';
import type { DocumentState } from './state.js';
import { parseYamlCached } from '../rules/yaml-cache.js';

export const DEFAULT_PIPELINE = resolve(import.meta.dirname, '../../pipelines/plans.yaml');

const PipelineFile = z.object({
  name: z.string().min(1),
  description: z.string().optional(),
  stages: z
    .array(
      z.object({
        stage: z.string().min(1),
        options: z.record(z.string(), z.unknown()).optional(),
      }),
    )
    .min(1),
});

export interface PipelineStep {
  stage: Stage;
  options: unknown;
}

export interface Pipeline {
  name: string;
  steps: PipelineStep[];
  /** The definition file it was loaded from: a worker thread loads the same pipeline from it (stages are code, not data to send). */
  source?: string;
}

export function loadPipeline(path: string, registry: ReadonlyMap<string, Stage>): Pipeline {
  let data: unknown;
  try {
    data = parseYamlCached(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ConfigError(path, `cannot read pipeline definition: ${(error as Error).message.split('\n')[0]}`);
  }
  const parsed = PipelineFile.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(path, `${issue.path.join('.') || '(top level)'}: ${issue.message}`);
  }
  const steps = parsed.data.stages.map((step, i) => {
    const stage = registry.get(step.stage);
    if (!stage) {
      throw new ConfigError(path, `stages[${i}].stage: unknown stage '${step.stage}' (known: ${[...registry.keys()].join(', ')})`);
    }
    const options = stage.options.safeParse(step.options ?? {});
    if (!options.success) {
      const issue = options.error.issues[0]!;
      throw new ConfigError(path, `stages[${i}] (${step.stage}).options.${issue.path.join('.')}: ${issue.message}`);
    }
    return { stage, options: options.data };
  });
  checkStageOrder(
    path,
    steps.map((step) => step.stage),
  );
  return { name: parsed.data.name, steps, source: resolve(path) };
}

/**
 * Runs the steps in order. Stops after `untilStage` when given (for
 * `planlens inspect`), or as soon as a stage adds a fatal message.
 */
export async function runPipeline(pipeline: Pipeline, initial: DocumentState, context: StageContext, untilStage?: string): Promise<DocumentState> {
  let state = initial;
  for (const { stage, options } of pipeline.steps) {
    try {
      state = await stage.run(state, options, context);
    } catch (error) {
      // A broken rule file or option is the run's problem, not this document's: stop.
      if (error instanceof ConfigError) throw error;
      // One bad document never stops a batch: the failure becomes a message on it.
      const known = error instanceof DocumentError;
      state = withMessage(state, {
        severity: 'fatal',
        stage: stage.name,
        code: known ? error.code : 'internal-error',
        text: known ? error.message : `${stage.name} failed: ${(error as Error).message}`,
      });
    }
    if (state.messages.some((m) => m.severity === 'fatal')) break;
    if (stage.name === untilStage) break;
  }
  return state;
}
