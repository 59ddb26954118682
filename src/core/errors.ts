/**
 * The errors every layer may throw or catch. They live at the bottom so the
 * rule loader, the stages and the CLI share them without importing each other.
 */

/** Thrown inside a stage when the document cannot go further. */
export class DocumentError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'DocumentError';
  }
}

/** Thrown for configuration problems (rule files, pipeline files, options): the run stops. */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
    this.name = 'ConfigError';
  }
}
