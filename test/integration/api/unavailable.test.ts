import { type AddressInfo, connect, createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createDriver } from '../../../server/db/driver.ts';
import { Executor } from '../../../server/db/executor.ts';
import { connectTestDatabase, type TestDatabase } from '../../support/database.ts';
import { loadFixture } from './fixture.ts';
import { type Api, type GraphQLResponse, startApi } from './harness.ts';

/*
 * The API's own driver reaches Neo4j through a TCP relay the test can cut and restore: while it is cut, queries
 * fail fast with SERVICE_UNAVAILABLE (HTTP 503) and /ready says not ready; once it is back, the same server
 * answers again without a restart.
 */

let db: TestDatabase;
let relay: Awaited<ReturnType<typeof startRelay>>;
let api: Api;
let driver: ReturnType<typeof createDriver>;

async function startRelay(target: { host: string; port: number }) {
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  let port = 0;
  const open = async () => {
    server = createServer((client) => {
      const upstream = connectTo(target);
      sockets.add(client).add(upstream);
      client.pipe(upstream).pipe(client);
      const close = () => {
        client.destroy();
        upstream.destroy();
      };
      client.on('error', close).on('close', close);
      upstream.on('error', close).on('close', close);
    });
    await new Promise<void>((resolve) => server?.listen(port, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  };
  const cut = async () => {
    for (const socket of sockets) socket.destroy();
    sockets.clear();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  };
  await open();
  return { port: () => port, open, cut };
}

const connectTo = (target: { host: string; port: number }): Socket => connect(target.port, target.host);

beforeAll(async () => {
  db = connectTestDatabase();
  await loadFixture(db);
  const target = new URL(db.uri.replace(/^(neo4j|bolt)/, 'http'));
  relay = await startRelay({ host: target.hostname, port: Number(target.port) });
  driver = createDriver({
    uri: `bolt://127.0.0.1:${relay.port()}`,
    user: 'neo4j',
    password: '',
    connectTimeoutMs: 1_000,
  });
  const executor = new Executor(driver, { timeoutMs: 5_000, logger: db.logger });
  api = await startApi({ ...db, executor });
});

afterAll(async () => {
  await api?.stop();
  await driver?.close();
  await relay?.cut();
  await db?.close();
});

it('fails fast with SERVICE_UNAVAILABLE while Neo4j is unreachable, and recovers by itself', async () => {
  expect((await api.data('{ drug(id: "kadcyla") { name } }')).drug.name).toBe('Kadcyla');

  await relay.cut();
  const started = performance.now();
  const down = await api.post('{ drugs(where: {payload: "DM1"}) { totalCount } }');
  expect(performance.now() - started).toBeLessThan(15_000);
  expect(down.status).toBe(503);
  expect(down.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
  expect((await fetch(`${api.url}/ready`)).status).toBe(503);
  expect((await fetch(`${api.url}/health`)).status).toBe(200);

  await relay.open();
  let answer: GraphQLResponse | undefined;
  for (let attempt = 0; attempt < 20; attempt++) {
    answer = await api.post('{ drug(id: "kadcyla") { name } }');
    if (!answer.errors) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  expect(answer?.data?.drug.name).toBe('Kadcyla');
  expect((await fetch(`${api.url}/ready`)).status).toBe(200);
});

it('gives SERVICE_UNAVAILABLE for a database that was never there', async () => {
  const closed = createDriver({
    uri: 'bolt://127.0.0.1:1',
    user: 'neo4j',
    password: '',
    connectTimeoutMs: 1_000,
  });
  const nowhere = await startApi({
    ...db,
    executor: new Executor(closed, { timeoutMs: 2_000, logger: db.logger }),
  });
  try {
    const result = await nowhere.post('{ search(text: "kadcyla") { id } }');
    expect(result.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(result.status).toBe(503);
  } finally {
    await nowhere.stop();
    await closed.close();
  }
});
