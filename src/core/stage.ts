import type { z } from 'zod';
import type { DocumentState, Message } from './state.js';
import type { RuleSet } from '../rules/index.js';

/** What every stage may use besides the document: rules, loaded once. */
export interface StageContext {
  rules: RuleSet;
}

/**
 * A stage is a function from one document state to the next. Its options are
 * validated by its zod schema when the pipeline definition is loaded, so a bad
 * option is a configuration error that stops the run before any document.
 */
export interface Stage<Schema extends z.ZodType = z.ZodType> {
  name: string;
  description: string;
  options: Schema;
  run(state: DocumentState, options: z.infer<Schema>, context: StageContext): Promise<DocumentState> | DocumentState;
}

export function withMessage(state: DocumentState, message: Message): DocumentState {
  return { ...state, messages: [...state.messages, message] };
}
