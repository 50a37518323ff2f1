import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSeed } from '../../seed/load.ts';
import { loadConfig } from '../../server/config.ts';
import { createDriver } from '../../server/db/driver.ts';
import { CLIENT_GRACE_MS, Executor } from '../../server/db/executor.ts';
import { ensureSchema } from '../../server/db/schemaSetup.ts';
import { createLogger } from '../../server/logger.ts';
import { KADCYLA_SEED } from '../integration/api/fixture.ts';
import { type Api, startApi } from '../integration/api/harness.ts';
import { type GraphState, graphState } from '../integration/hardening/graphState.ts';
import { type OwnNeo4j, ownNeo4j } from './support.ts';

/*
 * The API serving traffic while its Neo4j is stopped, killed or frozen, for real (test/integration/api/
 * unavailable.test.ts cuts a TCP relay; here the database process itself goes away, on the same store and port):
 * requests fail fast with SERVICE_UNAVAILABLE, bounded by the configured timeouts; /ready answers 503; once Neo4j is
 * back the same server answers again within seconds, without a restart; and no committed data is lost.
 */

/** The API's settings in this test, as an operator would set them: NEO4J_QUERY_TIMEOUT_MS, NEO4J_CONNECT_TIMEOUT_MS. */
const QUERY_TIMEOUT_MS = 10_000;
const CONNECT_TIMEOUT_MS = 1_000;
/** The longest any request may take while the database is gone: the executor's own deadline plus HTTP slack. */
const FAIL_BOUND_MS = QUERY_TIMEOUT_MS + CLIENT_GRACE_MS + 1_000;
/** How soon after Neo4j is ready again the API must answer again. */
const RECOVERY_BOUND_MS = 15_000;
const CLIENTS = 4;
/** After the first answers, every request must succeed from this long on. */
const STABLE_MS = 5_000;

const QUERIES = [
  '{ drug(id: "kadcyla") { name payload { name } } }',
  '{ search(text: "kadc", first: 5) { id } }',
  '{ partnerships(where: {company: "ImmunoGen"}) { totalCount nodes { milestones { amount { amount } } } } }',
  '{ graph(ids: ["kadcyla"], depth: 2) { truncated nodes { id } } }',
  '{ stats { totalNodes } }',
];

interface Sample {
  at: number;
  ms: number;
  status: number;
  code?: string;
}

let neo4j: OwnNeo4j;
let api: Api;
let apiDriver: ReturnType<typeof createDriver>;
let before: GraphState;
const figures: string[] = [];

/** CLIENTS loops sending the mixed queries until stopped; every answer is recorded. */
function traffic() {
  const samples: Sample[] = [];
  let running = true;
  const started = performance.now();
  const client = async (offset: number) => {
    for (let i = offset; running; i++) {
      const at = performance.now() - started;
      const t = performance.now();
      const result = await api.post(QUERIES[i % QUERIES.length] as string).catch(() => undefined);
      samples.push({
        at,
        ms: performance.now() - t,
        status: result?.status ?? 0,
        code: result?.errors?.[0]?.extensions?.code,
      });
    }
  };
  const loops = Array.from({ length: CLIENTS }, (_, i) => client(i));
  return {
    samples,
    now: () => performance.now() - started,
    async stop() {
      running = false;
      await Promise.all(loops);
    },
  };
}

const ready = async () => (await fetch(`${api.url}/ready`)).status;

beforeAll(async () => {
  neo4j = await ownNeo4j('faults');
  await ensureSchema(neo4j.executor);
  await loadSeed({ executor: neo4j.executor, files: [KADCYLA_SEED] });
  before = await graphState(neo4j.executor);
  const config = loadConfig({
    NODE_ENV: 'test',
    NEO4J_URI: neo4j.uri,
    NEO4J_QUERY_TIMEOUT_MS: String(QUERY_TIMEOUT_MS),
    NEO4J_CONNECT_TIMEOUT_MS: String(CONNECT_TIMEOUT_MS),
  });
  const logger = createLogger('silent', false);
  apiDriver = createDriver({
    uri: neo4j.uri,
    user: 'neo4j',
    password: '',
    connectTimeoutMs: CONNECT_TIMEOUT_MS,
  });
  const executor = new Executor(apiDriver, { timeoutMs: QUERY_TIMEOUT_MS, logger });
  api = await startApi({ config, executor, logger });
  // Warm: plans cached, so that slowness below is the fault's, not the planner's.
  for (const query of QUERIES) expect((await api.post(query)).errors).toBeUndefined();
});

afterAll(async () => {
  console.log(`[resilience] database faults: ${figures.join('; ')}`);
  await api?.stop();
  await apiDriver?.close();
  await neo4j?.close();
});

/**
 * Runs traffic through a fault: `fail` takes the database away, `restore` brings it back. Checks the failures
 * are fast and clear, /ready, and the recovery; returns the figures.
 */
async function survive(name: string, fail: () => Promise<void> | void, restore: () => Promise<void> | void) {
  const load = traffic();
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  await fail();
  // From here on the database cannot answer: every request that starts now must fail.
  const failedAt = load.now();
  // Give in-flight requests time to notice, then watch the outage.
  await new Promise((resolve) => setTimeout(resolve, FAIL_BOUND_MS));
  const readyStarted = performance.now();
  expect(await ready()).toBe(503);
  const readyMs = performance.now() - readyStarted;
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  const restoreAt = load.now();
  await restore();
  const backAt = load.now();
  let recoveredAt: number | undefined;
  while (load.now() - backAt < RECOVERY_BOUND_MS + 5_000) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const ok = load.samples.filter((s) => s.at > backAt && s.status === 200 && !s.code);
    if (ok.length >= CLIENTS * 2) {
      recoveredAt = Math.min(...ok.map((s) => s.at));
      break;
    }
  }
  // Stay a while after the recovery: the answers must keep coming.
  await new Promise((resolve) => setTimeout(resolve, STABLE_MS + 1_000));
  await load.stop();
  expect(await ready()).toBe(200);

  const during = load.samples.filter((s) => s.at > failedAt && s.at + s.ms < restoreAt);
  const failures = load.samples.filter((s) => s.status !== 200 || s.code);
  const served = load.samples.filter((s) => s.status === 200 && !s.code);
  // While the database is away every request fails, quickly and clearly.
  expect(during.length).toBeGreaterThan(0);
  for (const sample of during) {
    expect(sample.code, JSON.stringify(sample)).toBe('SERVICE_UNAVAILABLE');
    expect(sample.status).toBe(503);
  }
  // Every failure is bounded and clear. A restarted Neo4j plans every statement again (about a second each on a
  // busy 2-core machine), so the first queries after it is back may hit the query timeout: TIMEOUT, never a hang.
  for (const sample of failures) {
    const codes =
      sample.at + sample.ms > restoreAt ? ['SERVICE_UNAVAILABLE', 'TIMEOUT'] : ['SERVICE_UNAVAILABLE'];
    expect(codes, JSON.stringify(sample)).toContain(sample.code);
    expect(sample.ms, JSON.stringify(sample)).toBeLessThan(FAIL_BOUND_MS);
  }
  expect(recoveredAt, `no answers within ${RECOVERY_BOUND_MS} ms of Neo4j being back`).toBeDefined();
  const recoveryMs = (recoveredAt ?? 0) - backAt;
  expect(recoveryMs).toBeLessThan(RECOVERY_BOUND_MS);
  // Once it has recovered, everything is answered again.
  const stable = load.samples.filter((s) => s.at > (recoveredAt ?? 0) + STABLE_MS - 2_000);
  expect(stable.length).toBeGreaterThan(0);
  expect(stable.filter((s) => s.status !== 200 || s.code)).toEqual([]);
  const timeouts = failures.filter((s) => s.code === 'TIMEOUT').length;

  const slowest = Math.max(...failures.map((s) => s.ms));
  figures.push(
    `${name}: ${failures.length} requests refused (${timeouts} of them TIMEOUT on cold plans after the restart; slowest ${Math.round(slowest)} ms), ` +
      `${served.length} served, /ready 503 in ${Math.round(readyMs)} ms, answering ${Math.round(recoveryMs)} ms after Neo4j was back`,
  );
}

describe('Neo4j goes away while the API serves traffic', () => {
  it('stopped cleanly, then started again on the same store', async () => {
    await survive(
      'stop',
      () => neo4j.stop(),
      () => neo4j.start(),
    );
  });

  it('killed with SIGKILL, then started again: nothing committed is lost', async () => {
    await survive(
      'SIGKILL',
      () => neo4j.kill(),
      () => neo4j.start(),
    );
    expect(await graphState(neo4j.executor)).toEqual(before);
  });

  it('frozen (SIGSTOP: connections open, no answers), then thawed', async () => {
    await survive(
      'frozen',
      () => {
        neo4j.freeze();
      },
      () => {
        neo4j.thaw();
      },
    );
    expect(await graphState(neo4j.executor)).toEqual(before);
  });
});
