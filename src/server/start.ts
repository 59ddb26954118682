/** Starting and stopping the web app's HTTP server (tests and `planlens serve` both use this). */
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { createApp, type AppOptions } from './app.js';

export interface StartOptions {
  host: string;
  /** 0 picks a free port. */
  port: number;
  app: AppOptions;
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export function startServer(options: StartOptions): Promise<RunningServer> {
  const app = createApp(options.app);
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      reject(
        new Error(
          error.code === 'EADDRINUSE'
            ? `port ${options.port} on ${options.host} is already in use (try --port 0 for any free port)`
            : `cannot listen on ${options.host}:${options.port}: ${error.message}`,
        ),
      );
    };
    const server: ServerType = serve({ fetch: app.fetch, hostname: options.host, port: options.port }, (info: AddressInfo) => {
      server.off('error', onError);
      const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${host}:${info.port}`,
        port: info.port,
        close: () =>
          new Promise<void>((done) => {
            // Keep-alive connections would hold close() open.
            if ('closeAllConnections' in server) server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
    server.once('error', onError);
  });
}
