import type { z } from 'zod';
import type { DocumentState, Message, StateKey } from './state.js';
import type { RuleSet } from '../rules/index.js';

/** What every stage may use besides the document: rules, loaded once. */
export interface StageContext {
  rules: RuleSet;
}

/**
 * A stage is a function from one document state to the next. Its options are
 * validated by its zod schema when the pipeline definition is loaded, so a bad
 * option is a configuration error that stops the run before any document.
 *
 * It declares the state keys it reads and writes (as spaCy's components do),
 * so loading a pipeline checks the order before any document runs.
 */
export interface Stage<Schema extends z.ZodType = z.ZodType> {
  name: string;
  description: string;
  options: Schema;
  /** Keys it reads: `openSource` or an earlier stage must provide each. */
  requires: readonly StateKey[];
  /** Keys it writes, each its own: a key has one provider in a pipeline. */
  provides: readonly StateKey[];
  run(state: DocumentState, options: z.infer<Schema>, context: StageContext): Promise<DocumentState> | DocumentState;
}

export function withMessage(state: DocumentState, message: Message): DocumentState {
  return { ...state, messages: [...state.messages, message] };
}
