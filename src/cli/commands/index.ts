/**
 * Every command the CLI offers, in the order `planlens --help` lists them.
 * To add one: write src/cli/commands/<name>.ts exporting a CliCommand
 * (see ../command.ts and docs.ts for a small example) and add it here.
 */
import type { CliCommand } from '../command.js';
import { ingestCommand } from './ingest.js';
import { docsCommand } from './docs.js';
import { showCommand } from './show.js';
import { searchCommand } from './search.js';
import { inspectCommand } from './inspect.js';
import { evalCommand } from './eval.js';
import { exportCommand } from './export.js';
import { queryCommand } from './query.js';
import { compareCommand } from './compare.js';
import { progressCommand } from './progress.js';
import { indicatorsCommand } from './indicators.js';
import { departmentsCommand } from './departments.js';
import { tasksCommand } from './tasks.js';
import { reviewCommand } from './review.js';
import { serveCommand } from './serve.js';

export const COMMANDS: CliCommand[] = [
  ingestCommand,
  docsCommand,
  showCommand,
  searchCommand,
  inspectCommand,
  evalCommand,
  exportCommand,
  queryCommand,
  compareCommand,
  progressCommand,
  indicatorsCommand,
  departmentsCommand,
  tasksCommand,
  reviewCommand,
  serveCommand,
];
