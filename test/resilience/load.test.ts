import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSeed } from '../../seed/load.ts';
import { Executor } from '../../server/db/executor.ts';
import { findFreePort } from '../../server/db/localNeo4j.ts';
import { ensureSchema } from '../../server/db/schemaSetup.ts';
import { KADCYLA_SEED } from '../integration/api/fixture.ts';
import { clearDatabase, connectTestDatabase, type TestDatabase } from '../support/database.ts';
import { MB, type NodeProcess, runNode, waitUntil, watchMemory } from './support.ts';

/*
 * Load: the real server process (`tsx server/main.ts`, production mode) on loopback, 16 to 64 concurrent clients for 60 s
 * on a mixed workload over the Kadcyla seed and a synthetic pipeline. Zero errors (HTTP and GraphQL), p99 reported,
 * and the server's memory flat: the floor of its resident size (the low point after garbage collection) over the last
 * 20 s is not above that of the first 20 s by more than the allowance. (The heap is inside the process: the RSS
 * of the whole process is what an operator sees.)
 */

/**
 * At the measured concurrency: plans cached, JIT warm, pools and the heap grown to their working size. Measured:
 * the server's RSS climbs for about 40 s under load (189 → 230 MB) and then holds, so the warm-up covers that.
 */
const WARMUP_S = 45;
const DURATION_S = 60;
/**
 * Concurrent clients of the measured run (LOAD_CLIENTS, 16 to 64). 16 by default, so that CI on a busy 2-core
 * machine (which also runs Neo4j and the load generator) stays clear of the 10 s query timeout; 32 and 64 pass on an
 * idle one (64: p99 about 8 s).
 */
const CONNECTIONS = Math.min(64, Math.max(16, Number(process.env.LOAD_CLIENTS ?? 16)));
/** Window compared at the start and end of the run, and the growth allowed between them. */
const WINDOW_S = 20;
const MAX_GROWTH = 0.1;
const SYNTHETIC_SCALE = 20_000;

const graphql = (query: string) => ({
  method: 'POST' as const,
  path: '/graphql',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ query }),
});

/** What the explorer and API users do: autocomplete, entity pages, deal terms, filters, neighbourhoods, paths. */
const WORKLOAD = [
  '{ search(text: "kadc", first: 8) { kind id name score } }',
  '{ drug(id: "kadcyla") { name genericName antibody { name } payload { name } linker { name } companies { relation company { name } } citations { sentence } } }',
  '{ partnerships(where: {company: "ImmunoGen"}, first: 20) { totalCount nodes { name parties { role company { name } } milestones { name status amount { amount currency } trigger { name date { date precision } } } } } }',
  '{ drugs(where: {modality: "ADC"}, first: 50) { totalCount nodes { id name payload { name } } pageInfo { endCursor hasNextPage } } }',
  '{ search(text: "qui", first: 8) { kind id name } }',
  '{ graph(ids: ["kadcyla"], depth: 2, limit: 200) { truncated nodes { id kind label } edges { id source target label } } }',
  '{ companies(first: 50) { totalCount nodes { id name ticker drugs(first: 5) { totalCount } } } }',
  '{ regulatoryEvents(first: 50, order: DESC) { totalCount nodes { name agency date { date precision } drug { name } } } }',
  '{ drug(id: "syn-drug-000002") { name targets { name } trials(first: 10) { totalCount } partnerships { name } } }',
  '{ path(from: "kadcyla", to: "roche", maxLength: 4) { length nodes { id } } }',
  '{ company(id: "syn-co-000004") { name milestoneTotals { side status count total { amount currency } } partnerships(first: 10) { totalCount } } }',
  '{ stats { totalNodes totalRelationships } }',
];

let db: TestDatabase;
let server: NodeProcess;
let url: string;
let synthetic: string;

beforeAll(async () => {
  db = connectTestDatabase();
  const loader = new Executor(db.driver, { timeoutMs: 10 * 60 * 1000, logger: db.logger });
  await clearDatabase(db);
  await ensureSchema(loader);
  synthetic = await mkdtemp(join(tmpdir(), 'pipeline-atlas-load-'));
  const generator = runNode(
    'seed/synthetic/cli.ts',
    ['--scale', String(SYNTHETIC_SCALE), '--out', synthetic],
    {},
  );
  expect(await generator.exited).toBe(0);
  await loadSeed({ executor: loader, files: [KADCYLA_SEED, synthetic] });

  const port = await findFreePort();
  server = runNode('server/main.ts', [], {
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    NEO4J_URI: db.uri,
    LOG_LEVEL: 'warn',
    SEED_ON_EMPTY: 'false',
  });
  url = `http://127.0.0.1:${port}`;
  // LOG_LEVEL=warn hides the start-up banner: wait for the port instead.
  await waitUntil(
    () =>
      fetch(`${url}/health`).then(
        (r) => r.ok,
        () => false,
      ),
    60_000,
    'the server to listen',
  );
}, 300_000);

afterAll(async () => {
  server?.child.kill('SIGINT');
  await server?.exited;
  await db?.close();
  if (synthetic) await rm(synthetic, { recursive: true, force: true });
});

/** autocannon with the workload; counts GraphQL errors in 200 answers too. */
async function run(connections: number, durationS: number) {
  let graphqlErrors = 0;
  let firstError = '';
  const result = await autocannon({
    url,
    connections,
    duration: durationS,
    timeout: 20,
    requests: WORKLOAD.map((query) => ({
      ...graphql(query),
      onResponse: (_status: number, body: string) => {
        if (body.includes('"errors"')) {
          graphqlErrors++;
          firstError ||= body.slice(0, 300);
        }
      },
    })),
  });
  return { result, graphqlErrors, firstError };
}

describe('under load', () => {
  it(`serves ${CONNECTIONS} concurrent clients for ${DURATION_S} s with no error and flat memory`, async () => {
    const warm = await run(CONNECTIONS, WARMUP_S);
    expect(warm.graphqlErrors, warm.firstError).toBe(0);
    expect(warm.result.non2xx + warm.result.errors + warm.result.timeouts).toBe(0);

    const memory = watchMemory(server.pid, 1_000);
    const { result, graphqlErrors, firstError } = await run(CONNECTIONS, DURATION_S);
    memory.stop();

    const window = (from: number, to: number) =>
      memory.samples.filter((s) => s.at >= from * 1000 && s.at < to * 1000).map((s) => s.rss);
    const mean = (from: number, to: number) => {
      const values = window(from, to);
      return values.reduce((sum, rss) => sum + rss, 0) / Math.max(values.length, 1);
    };
    // The floor of each window (after the collector has run): a leak raises it; the sawtooth of garbage does not.
    const floor = (from: number, to: number) => Math.min(...window(from, to));
    const first = floor(0, WINDOW_S);
    const last = floor(DURATION_S - WINDOW_S, DURATION_S + 1);
    const growth = (last - first) / first;
    const series = [0, 10, 20, 30, 40, 50].map((t) => (mean(t, t + 10) / MB).toFixed(0)).join(' → ');
    console.log(
      `[resilience] load: ${CONNECTIONS} clients × ${DURATION_S} s: ${result.requests.total} requests ` +
        `(${Math.round(result.requests.average)}/s), ${result.non2xx} non-2xx, ${result.errors} errors, ` +
        `${result.timeouts} timeouts, ${graphqlErrors} GraphQL errors; latency p50 ${result.latency.p50} ms, ` +
        `p99 ${result.latency.p99} ms, max ${result.latency.max} ms; server RSS floor first ${WINDOW_S} s ` +
        `${(first / MB).toFixed(0)} MB, last ${WINDOW_S} s ${(last / MB).toFixed(0)} MB (${(growth * 100).toFixed(1)}%; by 10 s: ${series} MB)`,
    );
    expect(graphqlErrors, firstError).toBe(0);
    expect(result.non2xx).toBe(0);
    expect(result.errors).toBe(0);
    expect(result.timeouts).toBe(0);
    expect(result.requests.total).toBeGreaterThan(DURATION_S * 10);
    expect(memory.samples.length).toBeGreaterThan(DURATION_S - 5);
    expect(growth).toBeLessThan(MAX_GROWTH);
  }, 240_000);
});
