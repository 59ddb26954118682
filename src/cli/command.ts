/**
 * The contract between `main` and each command module. A command adds itself
 * to the commander program and reports its outcome as an exit code through
 * `cli.done`, so main can turn it into the process exit status without any
 * command calling process.exit (tests call main directly).
 */
import type { Command } from 'commander';

/** Exit statuses used by every command. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

export interface CliContext {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  /** Record the command's exit status (the highest one wins). */
  done(code: number): void;
}

/** A command module: `export const fooCommand: CliCommand = (program, cli) => { program.command('foo')… }`. */
export type CliCommand = (program: Command, cli: CliContext) => void;

/** A problem the user can fix by changing the arguments: exit status 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Something failed (a file, a lookup): exit status 1, message printed as one line. */
export class CliError extends Error {
  override name = 'CliError';
  /** Lines printed after the one-line message, indented (the candidates a refused look-up offers). */
  constructor(
    message: string,
    readonly details: string[] = [],
  ) {
    super(message);
  }
}
