/**
 * Imported first by the CLI and the bench, before any stage module: `natural`
 * (used by extract-quantities) loads dotenv, whose v17 prints "injected env"
 * tips with console.log — on stdout, where they would corrupt `--format json`
 * and csv output. ESM evaluates imports in order, so this runs before them.
 */
process.env.DOTENV_CONFIG_QUIET ??= 'true';
