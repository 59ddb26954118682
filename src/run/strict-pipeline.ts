/**
 * runPipeline turns every exception inside a stage into a fatal message on
 * the document, which is right for a bad document and wrong for a broken
 * rule file: a rule file a stage loads lazily would then fail every document
 * of the batch one by one instead of stopping the run at once with its name.
 * This wrapper lets ConfigErrors through: stages are wrapped so the error is
 * remembered, runPipeline records it as usual, and it is rethrown here.
 */
import { runPipeline, type Pipeline } from '../core/pipeline.js';
import { ConfigError, type StageContext } from '../core/stage.js';
import type { DocumentState } from '../core/state.js';

export async function runPipelineStrict(
  pipeline: Pipeline,
  initial: DocumentState,
  context: StageContext,
  untilStage?: string,
): Promise<DocumentState> {
  let configError: ConfigError | null = null;
  const watched: Pipeline = {
    name: pipeline.name,
    steps: pipeline.steps.map(({ stage, options }) => ({
      options,
      stage: {
        ...stage,
        async run(state, opts, ctx) {
          try {
            return await stage.run(state, opts, ctx);
          } catch (error) {
            if (error instanceof ConfigError) configError = error;
            throw error;
          }
        },
      },
    })),
  };
  const state = await runPipeline(watched, initial, context, untilStage);
  if (configError) throw configError;
  return state;
}
