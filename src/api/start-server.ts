import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import type { ApiConfig } from '../domain/config.js';
import { PolicyWatchError } from '../domain/errors.js';
import type { Db } from '../store/open-database.js';
import { createApp, type AppOptions } from './create-app.js';

export type ServerOptions = Omit<AppOptions, 'token' | 'publicUrl'>;

export interface RunningServer {
  /** Where it listens, e.g. http://127.0.0.1:8787 (the real port when asked for port 0). */
  url: string;
  /** Stops listening and closes open connections. */
  close(): Promise<void>;
}

/** Serves the app on `apiConfig.host` (127.0.0.1 unless configured) and `apiConfig.port` (0: any free port). */
export async function startServer(db: Db, apiConfig: ApiConfig, options: ServerOptions = {}): Promise<RunningServer> {
  const host = apiConfig.host || '127.0.0.1';
  let url = '';
  const app = createApp(db, {
    ...options,
    token: apiConfig.token,
    // A configured public URL wins, unless it still names port 0 (tests, `demo`).
    publicUrl: () => (apiConfig.publicUrl && !/:0\/?$/.test(apiConfig.publicUrl) ? apiConfig.publicUrl : url),
  });
  const server = createAdaptorServer({ fetch: app.fetch }) as Server;
  await new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      reject(new PolicyWatchError('api-listen', `cannot serve the API on ${host}:${apiConfig.port}: ${
        error.code === 'EADDRINUSE' ? 'the port is in use; set api.port to another one' : error.message}`, { cause: error }));
    };
    server.once('error', onError);
    server.listen(apiConfig.port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    url,
    close: () => new Promise<void>((resolve, reject) => {
      server.close((error) => (error ? reject(error) : resolve()));
      server.closeAllConnections();
    }),
  };
}
