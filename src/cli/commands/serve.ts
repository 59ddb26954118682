/** planlens serve — the local web app over the same database and library. */
import { resolve, dirname, join } from 'node:path';
import { printable } from '../../core/printable.js';
import { InvalidArgumentError } from 'commander';
import { DEFAULT_MAX_UPLOAD_BYTES } from '../choices.js';
import { CliError, EXIT, type CliCommand } from '../command.js';
import { loadRulesAndPipeline, openOrCreateStore, parsePositiveInt, withDbOption, withPipelineOption, withRulesOption } from '../options.js';

interface ServeOptions {
  db: string;
  port: number;
  host: string;
  rules: string;
  pipeline: string;
  uploads?: string;
  maxUploadMb: number;
  reviewer?: string;
}

function parsePort(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('--port must be 0–65535 (0 = any free port)');
  return n;
}

export const serveCommand: CliCommand = (program, cli) => {
  const command = program
    .command('serve')
    .description('open the web app (documents, compare, progress, review, upload) on http://127.0.0.1')
    .option('--port <n>', 'port to listen on (0 = any free port)', parsePort, 8737)
    .option('--host <host>', 'interface to bind; anything but loopback requires the printed access token', '127.0.0.1')
    .option('--uploads <dir>', 'folder uploaded files are kept in (default: uploads/ beside the database)')
    .option('--max-upload-mb <n>', 'largest upload accepted, in MB', parsePositiveInt('--max-upload-mb'), DEFAULT_MAX_UPLOAD_BYTES / 1024 / 1024)
    .option('--reviewer <name>', 'name review corrections are recorded under (default: $USER)');
  withDbOption(command);
  withRulesOption(command);
  withPipelineOption(command);
  command.addHelpText(
    'after',
    `
Examples:
  planlens serve                               http://127.0.0.1:8737 over output/planlens.db
  planlens serve --db /tmp/w.db --port 0       any free port
  planlens serve --host 0.0.0.0                other machines too: prints a token every request must carry

The JSON API is described in README.md ("Web app and JSON API").`,
  );
  command.action(async (options: ServeOptions) => {
    const { rules, pipeline } = await loadRulesAndPipeline(options);
    const [{ isLoopback, newToken }, { startServer }] = await Promise.all([import('../../server/auth.js'), import('../../server/start.js')]);
    const store = await openOrCreateStore(options.db);
    const token = isLoopback(options.host) ? null : newToken();
    const server = await startServer({
      host: options.host,
      port: options.port,
      app: {
        db: store.db,
        rules,
        pipeline,
        uploadDir: resolve(options.uploads ?? join(dirname(resolve(options.db)), 'uploads')),
        token,
        maxUploadBytes: options.maxUploadMb * 1024 * 1024,
        reviewer: options.reviewer ?? process.env.USER ?? 'web',
      },
    }).catch((error: unknown) => {
      store.close();
      throw new CliError((error as Error).message);
    });
    cli.stdout.write(
      [
        `planlens web app on ${server.url}${token ? `/?token=${token}` : '/'} (database ${printable(options.db)})`,
        ...(token ? [`access token (bound to ${options.host}, so every request must carry it): ${token}`] : []),
        'press Ctrl+C to stop',
      ].join('\n') + '\n',
    );
    await new Promise<void>((done) => {
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        void server.close().then(done);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    store.close();
    cli.done(EXIT.ok);
  });
};
