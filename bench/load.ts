/**
 * Loading: the synthetic graph of one scale written twice into fresh, empty stores with the same schema:
 * once by the seed loader (seed/load.ts, in a child process so that its peak RSS is its own) and once by the
 * leanest driver code (batched UNWIND … CREATE, one transaction per batch): the baseline.
 *
 * Run as `node --import tsx bench/load.ts --child <seed dir> <bolt uri>`, this file is that child.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { expandSeedPaths, type LoadProgress, loadSeed } from '../seed/load.ts';
import { planHistory } from '../seed/plan.ts';
import { generateSynthetic } from '../seed/synthetic/generate.ts';
import { validateSeedFiles } from '../seed/validate.ts';
import { byDocument, seedBatches } from '../seed/write.ts';
import { createDriver } from '../server/db/driver.ts';
import { Executor } from '../server/db/executor.ts';
import { findFreePort, type LocalNeo4j, startLocalNeo4j } from '../server/db/localNeo4j.ts';
import { ensureSchema } from '../server/db/schemaSetup.ts';
import { createLogger } from '../server/logger.ts';
import { finished, peakRssMb, REPO_ROOT, spawnTs } from './proc.ts';

/** Where generated graphs and the bench's Neo4j stores live (git-ignored). */
export const WORK_DIR = path.join(REPO_ROOT, '.data', 'bench');
/**
 * The embedded Neo4j's own defaults (server/db/localNeo4j.ts: full tiered JIT, serial GC, heap bounded at 2 GB),
 * stated here so that the table says what was measured.
 */
export const NEO4J_JAVA_ARGS = ['-Xmx2g'];
const LOAD_TIMEOUT_MS = 30 * 60 * 1000;
const BASELINE_BATCH_ROWS = 5_000;

export interface Neo4jRun {
  neo4j: LocalNeo4j;
  driver: Driver;
  executor: Executor;
  close(): Promise<void>;
}

/**
 * A fresh, empty store with the app's schema (constraints, full-text and range indexes). The folder is this
 * process's own, so two benches in one working tree do not delete each other's stores.
 */
export async function freshNeo4j(name: string): Promise<Neo4jRun> {
  const dataDir = path.join(WORK_DIR, 'neo4j', `${name}-${process.pid}`);
  await rm(dataDir, { recursive: true, force: true });
  const neo4jServer = await startLocalNeo4j({
    port: await findFreePort(),
    dataDir,
    javaArgs: NEO4J_JAVA_ARGS,
    log: () => {},
  });
  const driver = createDriver({
    uri: neo4jServer.uri,
    user: 'neo4j',
    password: '',
    connectTimeoutMs: 10_000,
  });
  const executor = new Executor(driver, { timeoutMs: LOAD_TIMEOUT_MS, logger: createLogger('warn', false) });
  await ensureSchema(executor);
  return {
    neo4j: neo4jServer,
    driver,
    executor,
    close: async () => {
      await driver.close();
      await neo4jServer.stop();
    },
  };
}

/**
 * The synthetic seed files of a scale, generated once and reused (same scale, seed and generator, same bytes): the
 * folder's marker holds a digest of the generator's source, so a changed generator writes them again.
 */
export async function syntheticSeed(scale: number, seed = 1): Promise<string> {
  const dir = path.join(WORK_DIR, `synthetic-${scale}-${seed}`);
  const marker = path.join(dir, '.complete');
  const generator = await generatorDigest();
  const made = existsSync(marker) ? (await readFile(marker, 'utf8')).trim() : '';
  if (made !== generator) {
    // Written aside and then renamed, so that another bench never reads a half-written folder.
    const aside = `${dir}.${process.pid}`;
    await generateSynthetic({ scale, seed, outDir: aside });
    await writeFile(path.join(aside, '.complete'), `${generator}\n`);
    await rm(dir, { recursive: true, force: true });
    await rename(aside, dir);
  }
  return dir;
}

/** A digest of seed/synthetic/*.ts. */
async function generatorDigest(): Promise<string> {
  const folder = path.join(REPO_ROOT, 'seed', 'synthetic');
  const hash = createHash('sha256');
  for (const name of (await readdir(folder)).filter((file) => file.endsWith('.ts')).sort()) {
    hash.update(name).update(await readFile(path.join(folder, name)));
  }
  return hash.digest('hex');
}

export interface LoadResult {
  elements: number;
  seconds: number;
  elementsPerSecond: number;
  mode?: string;
  /** Seconds per phase of the loader (validate, write, finish, …). */
  phases?: Record<string, number>;
  /** Peak RSS of the loader process, MB. */
  loaderPeakRssMb?: number;
  /** CPU seconds of the loader process (user + system). */
  loaderCpuSeconds?: number;
  /** Peak RSS of Neo4j while loading, MB. */
  neo4jPeakRssMb: number;
}

/** The seed loader, as `npm run seed` runs it, in its own process. */
export async function runLoader(dir: string, run: Neo4jRun): Promise<LoadResult> {
  const child = spawnTs(path.join(REPO_ROOT, 'bench', 'load.ts'), ['--child', dir, run.neo4j.uri]);
  const out = await finished(child);
  const result = JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as Omit<LoadResult, 'neo4jPeakRssMb'>;
  return { ...result, neo4jPeakRssMb: peakRssMb(run.neo4j.pid) };
}

/** The baseline: the same rows, each batch one `UNWIND $rows AS row CREATE …` transaction; only writing is timed. */
export async function runBaseline(dir: string, run: Neo4jRun): Promise<LoadResult> {
  const files = await expandSeedPaths([dir]);
  const session = run.driver.session();
  let elements = 0;
  let writeMs = 0;
  try {
    // The same rows the loader writes, history folded as it folds it (planning is not timed).
    const validation = await validateSeedFiles(files);
    const plan = await planHistory(async () => [], {
      files,
      documents: new Set(validation.documents.keys()),
      subjects: validation.subjects,
      history: validation.history,
      warnings: validation.warnings,
      empty: true,
    });
    for await (const batch of seedBatches(files, BASELINE_BATCH_ROWS, plan)) {
      // Sentences are created with their IN_DOCUMENT relationship, grouped by document, as the loader does.
      const isSentences = batch.kind === 'nodes' && batch.label === 'Sentence';
      const text = isSentences
        ? `UNWIND $documents AS document MATCH (d:Entity {id: document.id})
UNWIND document.rows AS row CREATE (n:Entity:Sentence)-[r:IN_DOCUMENT]->(d) SET n = row.props, r = document.link`
        : batch.kind === 'nodes'
          ? `UNWIND $rows AS row CREATE (n:Entity:${batch.label}) SET n = row.props`
          : batch.kind === 'relationships'
            ? `UNWIND $rows AS row MATCH (a:Entity {id: row.from}) MATCH (b:Entity {id: row.to})
CREATE (a)-[r:${batch.type}]->(b) SET r = row.props`
            : 'UNWIND $rows AS row CREATE (n:Statement) SET n = row.props';
      const started = performance.now();
      if (!(batch.kind === 'relationships' && batch.type === 'IN_DOCUMENT')) {
        const params = isSentences ? { documents: byDocument(batch.rows) } : { rows: batch.rows };
        await session.executeWrite((tx) => tx.run(text, params));
      }
      writeMs += performance.now() - started;
      // Elements as the loader counts them: history statements are written (and timed) but not counted.
      if (batch.kind !== 'statements') elements += batch.rows.length;
    }
  } finally {
    await session.close();
  }
  const seconds = writeMs / 1000;
  return {
    elements,
    seconds,
    elementsPerSecond: elements / seconds,
    neo4jPeakRssMb: peakRssMb(run.neo4j.pid),
  };
}

async function child(dir: string, uri: string): Promise<void> {
  const driver = createDriver({ uri, user: 'neo4j', password: '', connectTimeoutMs: 10_000 });
  const executor = new Executor(driver, { timeoutMs: LOAD_TIMEOUT_MS, logger: createLogger('warn', false) });
  const phases: Record<string, number> = {};
  let phase = 'start';
  let phaseStarted = performance.now();
  const onProgress = (progress: LoadProgress) => {
    if (progress.phase === phase) return;
    phases[phase] = (phases[phase] ?? 0) + (performance.now() - phaseStarted) / 1000;
    phase = progress.phase;
    phaseStarted = performance.now();
  };
  try {
    const summary = await loadSeed({ executor, files: [dir], onProgress });
    onProgress({ phase: 'done' as LoadProgress['phase'], done: 0, total: 0 });
    delete phases.start;
    const seconds = summary.elapsedMs / 1000;
    const result: Omit<LoadResult, 'neo4jPeakRssMb'> = {
      elements: summary.validation.elements,
      seconds,
      elementsPerSecond: summary.validation.elements / seconds,
      mode: summary.mode,
      phases,
      loaderPeakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      loaderCpuSeconds: (process.cpuUsage().user + process.cpuUsage().system) / 1e6,
    };
    console.log(JSON.stringify(result));
  } finally {
    await driver.close();
  }
}

if (process.argv[2] === '--child') {
  const [dir, uri] = process.argv.slice(3);
  if (!dir || !uri) throw new Error('usage: bench/load.ts --child <seed dir> <bolt uri>');
  await child(dir, uri);
}
