/**
 * `npm run bench [-- --quick] [--scales 10000,100000] [--rounds N] [--no-web] [--web-only] [--ingest-only]`: times
 * the ingester on its corpus (releases per second), generates synthetic graphs, loads
 * each with the seed loader and with a lean baseline, asks seven questions of today's graph and two about its past
 * (as of a day, changes over a year) of the API, of hand-written Cypher and of an @neo4j/graphql peer (today's
 * only), measures throughput, memory and the web explorer, and prints a table with a pass or miss per target (JSON
 * in bench/results/). Every figure that matters is a ratio to a baseline measured in the same run.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../server/config.ts';
import { findFreePort } from '../server/db/localNeo4j.ts';
import { benchCtgov } from './ctgov.ts';
import { measureIngest } from './ingest.ts';
import {
  freshNeo4j,
  NEO4J_JAVA_ARGS,
  type Neo4jRun,
  runBaseline,
  runLoader,
  syntheticSeed,
  WORK_DIR,
} from './load.ts';
import { peakRssMb, REPO_ROOT, spawnTs, stopChild, waitForHttp } from './proc.ts';
import {
  measureQuestions,
  measureThroughput,
  pickFixture,
  profileQuestions,
  type QuestionResult,
} from './queries.ts';
import { type BenchResults, formatReport, judge, type ScaleResult } from './report.ts';
import { measureWeb, type WebResult } from './web.ts';

const RESULTS_DIR = path.join(REPO_ROOT, 'bench', 'results');
const FULL_SCALES = [10_000, 100_000, 1_000_000];
const QUICK_SCALES = [10_000];
const WEB_SIZES = [500, 5_000];
/** Registry records imported: the 100,000, and the whole registry's 500,000 (`--ctgov-records` to choose). */
const CTGOV_RECORDS = [100_000, 500_000];
const CTGOV_QUICK_RECORDS = [2_000, 10_000];

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    scales: { type: 'string' },
    rounds: { type: 'string' },
    'no-web': { type: 'boolean', default: false },
    'web-only': { type: 'boolean', default: false },
    'ingest-only': { type: 'boolean', default: false },
    'ctgov-only': { type: 'boolean', default: false },
    'ctgov-records': { type: 'string' },
  },
});
const quick = Boolean(values.quick);
const scales = values.scales
  ? values.scales.split(',').map((s) => Number(s.replace(/_/g, '')))
  : quick
    ? QUICK_SCALES
    : FULL_SCALES;
const rounds = Number(values.rounds ?? (quick ? 40 : 100));
const warmup = Math.max(5, Math.round(rounds / 5));
const throughputSeconds = quick ? 5 : 10;

const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

async function benchScale(
  scale: number,
  web: boolean,
): Promise<{ result: ScaleResult; web: WebResult[] | null }> {
  let started = performance.now();
  const dir = await syntheticSeed(scale);
  const generateSeconds = (performance.now() - started) / 1000;
  log(`${scale}: synthetic graph in ${dir} (${generateSeconds.toFixed(1)} s)`);

  let run: Neo4jRun | undefined = await freshNeo4j(`baseline-${scale}`);
  let baseline: ScaleResult['baseline'];
  try {
    baseline = await runBaseline(dir, run);
  } finally {
    await run.close();
    await rm(run.neo4j.dataDir, { recursive: true, force: true });
  }
  log(`${scale}: baseline ${baseline.elements} elements in ${baseline.seconds.toFixed(1)} s`);

  run = await freshNeo4j(`loader-${scale}`);
  let server: ChildProcess | undefined;
  let peer: ChildProcess | undefined;
  try {
    const loader = await runLoader(dir, run);
    log(`${scale}: loader ${loader.elements} elements in ${loader.seconds.toFixed(1)} s (${loader.mode})`);

    const fixture = await pickFixture(run.driver);
    const [apiPort, peerPort] = [await findFreePort(), await findFreePort()];
    server = spawnTs(path.join(REPO_ROOT, 'server', 'main.ts'), [], {
      NEO4J_URI: run.neo4j.uri,
      HOST: '127.0.0.1',
      PORT: String(apiPort),
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      SEED_ON_EMPTY: 'false',
    });
    peer = spawnTs(path.join(REPO_ROOT, 'bench', 'peer.ts'), [run.neo4j.uri, String(peerPort)]);
    const apiUrl = `http://127.0.0.1:${apiPort}/graphql`;
    const peerUrl = `http://127.0.0.1:${peerPort}/graphql`;
    await Promise.all([waitForHttp(apiUrl, server), waitForHttp(peerUrl, peer)]);

    started = performance.now();
    const timings = await measureQuestions({ apiUrl, peerUrl, driver: run.driver, fixture, warmup, rounds });
    const profiles = await profileQuestions(
      run.driver,
      fixture,
      loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent' }),
    );
    const questions: QuestionResult[] = timings.map((t, i) => ({
      ...t,
      ...(profiles[i] ?? { floorDbHits: 0, apiDbHits: 0, apiStatements: 0 }),
    }));
    log(`${scale}: questions in ${((performance.now() - started) / 1000).toFixed(0)} s`);

    const throughput = {
      api: await measureThroughput(apiUrl, fixture, 'api', throughputSeconds),
      peer: await measureThroughput(peerUrl, fixture, 'peer', throughputSeconds),
    };
    const memory = {
      serverPeakRssMb: peakRssMb(server.pid),
      peerPeakRssMb: peakRssMb(peer.pid),
      neo4jPeakRssMb: peakRssMb(run.neo4j.pid),
    };
    let webResults: WebResult[] | null = null;
    if (web) {
      log('web: building the explorer and drawing in Chromium');
      webResults = await measureWeb(apiUrl, path.join(RESULTS_DIR, 'web-dist'), WEB_SIZES);
    }
    return {
      result: {
        scale,
        generateSeconds,
        baseline,
        loader,
        fixture: { ...fixture },
        questions,
        throughput,
        memory,
      },
      web: webResults,
    };
  } finally {
    await stopChild(server);
    await stopChild(peer);
    await run.close();
    await rm(run.neo4j.dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  await mkdir(RESULTS_DIR, { recursive: true });
  await mkdir(WORK_DIR, { recursive: true });
  const cpus = os.cpus();
  const partial: Omit<BenchResults, 'targets'> = {
    date: new Date().toISOString(),
    mode: quick ? 'quick' : 'full',
    machine: {
      cpus: cpus.length,
      cpuModel: cpus[0]?.model.trim() ?? 'unknown',
      memoryGb: Math.round(os.totalmem() / 2 ** 30),
      loadAverage: os.loadavg(),
      node: process.version,
    },
    neo4jJavaArgs: NEO4J_JAVA_ARGS,
    rounds,
    scales: [],
    web: null,
    ingest: null,
    ctgov: [],
  };
  if (!values['ctgov-only']) {
    log('ingest: drafting the corpus');
    partial.ingest = await measureIngest(quick ? 10 : 30);
  }
  if (!values['ingest-only'] && !values['web-only']) {
    const counts = values['ctgov-records']
      ? values['ctgov-records'].split(',').map((n) => Number(n.replace(/_/g, '')))
      : quick
        ? CTGOV_QUICK_RECORDS
        : CTGOV_RECORDS;
    for (const records of counts) partial.ctgov.push(await benchCtgov(records, log));
  }
  if (values['web-only']) {
    // No database: the explorer's first view fails to load (and says so); drawing does not need the API.
    partial.web = await measureWeb(
      'http://127.0.0.1:9/graphql',
      path.join(RESULTS_DIR, 'web-dist'),
      WEB_SIZES,
    );
  }
  const onlyOne = values['web-only'] || values['ingest-only'] || values['ctgov-only'];
  for (const [index, scale] of (onlyOne ? [] : scales).entries()) {
    const { result, web } = await benchScale(scale, index === 0 && !values['no-web']);
    partial.scales.push(result);
    if (web) partial.web = web;
    // Kept after every scale, so a failure at 1M does not lose the smaller scales.
    await writeFile(path.join(RESULTS_DIR, 'partial.json'), `${JSON.stringify(partial, null, 2)}\n`);
  }
  const results: BenchResults = { ...partial, targets: judge(partial) };
  const file = path.join(RESULTS_DIR, `bench-${results.mode}-${results.date.replace(/[:.]/g, '-')}.json`);
  await writeFile(file, `${JSON.stringify(results, null, 2)}\n`);
  await writeFile(
    path.join(RESULTS_DIR, `latest-${results.mode}.json`),
    `${JSON.stringify(results, null, 2)}\n`,
  );
  console.log(formatReport(results));
  console.log(`\nJSON: ${path.relative(process.cwd(), file)}`);
}

await main();
