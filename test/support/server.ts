import type { AddressInfo } from 'node:net';
import { type App, createApp } from '../../server/app.ts';
import type { Config } from '../../server/config.ts';
import type { Executor } from '../../server/db/executor.ts';
import type { Logger } from '../../server/logger.ts';

export interface RunningServer {
  app: App;
  url: string;
  close(): Promise<void>;
}

/** The whole HTTP app, in-process, on a free port: what `npm start` serves, minus the process around it. */
export async function startTestServer(deps: {
  config: Config;
  executor: Executor;
  logger: Logger;
}): Promise<RunningServer> {
  // With EDITING on, curators' changes write with the test database's own executor.
  const app = await createApp({ ...deps, writer: deps.config.EDITING ? deps.executor : undefined });
  const server = app.http.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    app,
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await app.stop();
    },
  };
}
