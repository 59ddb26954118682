/**
 * The body of an extraction worker thread: runs the pipeline on one opened
 * file and returns what the store needs. The rules and the pipeline load once
 * per worker, at its first file (jieba's dictionaries at its first cut), and
 * serve every file after it.
 */
import { Buffer } from 'node:buffer';
import { workerData } from 'node:worker_threads';
import { ConfigError } from '../core/errors.js';
import { loadPipeline, runPipeline, type Pipeline } from '../core/pipeline.js';
import { RuleSet } from '../rules/index.js';
import { STAGES } from '../stages.js';
import { storableState } from './storable-state.js';
import type { WorkerResult, WorkerSetup, WorkerTask } from './worker-protocol.js';

let loaded: { rules: RuleSet; pipeline: Pipeline } | null = null;

function load({ rulesDir, pipelinePath }: WorkerSetup): { rules: RuleSet; pipeline: Pipeline } {
  return { rules: new RuleSet(rulesDir), pipeline: loadPipeline(pipelinePath, STAGES) };
}

export default async function extractInWorker(task: WorkerTask): Promise<WorkerResult> {
  try {
    loaded ??= load(workerData as WorkerSetup);
    const content = task.content && Buffer.from(task.content.buffer, task.content.byteOffset, task.content.byteLength);
    const state = await runPipeline(loaded.pipeline, { ...task, content }, { rules: loaded.rules });
    return { kind: 'done', state: storableState(state) };
  } catch (error) {
    // ConfigError's message starts with its file; the batch builds the error again from both parts.
    if (error instanceof ConfigError) return { kind: 'config-error', file: error.file, problem: error.message.slice(error.file.length + 2) };
    throw error;
  }
}
