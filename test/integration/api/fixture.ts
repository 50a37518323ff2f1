import { afterAll, beforeAll } from 'vitest';
import { loadSeed } from '../../../seed/load.ts';
import type { Config } from '../../../server/config.ts';
import { Executor } from '../../../server/db/executor.ts';
import { ensureSchema } from '../../../server/db/schemaSetup.ts';
import { connectTestDatabase, type TestDatabase } from '../../support/database.ts';
import { type Api, startApi } from './harness.ts';

/*
 * The API tests' data: the Kadcyla release loaded with the seed loader, plus a small synthetic set written with
 * Cypher: 30 ADCs on DM1 by one company (pagination) and an accented company name (search).
 */

/** Loading is not what these tests measure: on a busy machine a first load may take longer than a query may. */
const LOAD_TIMEOUT_MS = 180_000;

export const KADCYLA_SEED = 'seed/immunogen-kadcyla-2013-09-20.yaml';

/** The four ImmunoGen releases on Kadcyla, 2012-11-06 to 2013-11-20: the history the as-of tests ask about. */
export const KADCYLA_HISTORY_SEEDS = [
  'seed/immunogen-kadcyla-2012-11-06-priority-review.yaml',
  'seed/immunogen-kadcyla-2013-02-22-fda-approval.yaml',
  KADCYLA_SEED,
  'seed/immunogen-kadcyla-2013-11-20-eu-approval.yaml',
];
export const SYNTHETIC_DRUGS = 30;

const SYNTHETIC: { name: string; text: string } = {
  name: 'test.synthetic',
  text: `
MATCH (dm1:Entity {id: 'dm1'})
CREATE (company:Entity:Company {id: 'synth-bio', name: 'Synthétique Biologics', aliases: [], companyType: 'BIOTECH', citedIn: []})
CREATE (:Entity:Company {id: 'zeta-pharma', name: 'Zeta Pharma', aliases: ['Zeta'], companyType: 'PHARMA', citedIn: []})
WITH dm1, company
UNWIND range(1, $count) AS i
WITH dm1, company, right('0' + toString(i), 2) AS n
CREATE (drug:Entity:Drug {id: 'synth-adc-' + n, name: 'SYN-' + n, aliases: ['SYN' + n], modality: 'ADC', citedIn: []})
CREATE (drug)-[:HAS_PAYLOAD {citedIn: []}]->(dm1)
CREATE (company)-[:DEVELOPS {citedIn: []}]->(drug)`,
};

/** Empties the database, then loads seed files with the seed loader. */
export async function loadSeedFiles(db: TestDatabase, files: readonly string[]): Promise<Executor> {
  const executor = new Executor(db.driver, { timeoutMs: LOAD_TIMEOUT_MS, logger: db.logger });
  await executor.write({ name: 'test.clear', text: 'MATCH (n) DETACH DELETE n' });
  await ensureSchema(executor);
  await loadSeed({ executor, files: [...files] });
  return executor;
}

/** Empties the database, then loads the Kadcyla seed and the synthetic set. */
export async function loadFixture(db: TestDatabase): Promise<void> {
  const executor = await loadSeedFiles(db, [KADCYLA_SEED]);
  await executor.write(SYNTHETIC, { count: SYNTHETIC_DRUGS });
}

/** Empties the database, then loads the four Kadcyla releases (the graph with a history). */
export async function loadHistoryFixture(db: TestDatabase): Promise<void> {
  await loadSeedFiles(db, KADCYLA_HISTORY_SEEDS);
}

/** What production runs with: errors masked, no introspection, no landing page. */
export const PRODUCTION_CONFIG = { NODE_ENV: 'production', GRAPHQL_INTROSPECTION: false } as const;

/**
 * For one test file: the fixture loaded (`load`, the API fixture by default) and the app serving it (with `config`
 * over the test settings) before its tests, both stopped after them.
 */
export function withFixtureApi(
  config: Partial<Config> = {},
  load: (db: TestDatabase) => Promise<void> = loadFixture,
): {
  readonly db: TestDatabase;
  readonly api: Api;
} {
  const started = {} as { db: TestDatabase; api: Api };
  beforeAll(async () => {
    started.db = connectTestDatabase();
    await load(started.db);
    started.api = await startApi({ ...started.db, config: { ...started.db.config, ...config } });
  });
  afterAll(async () => {
    await started.api?.stop();
    await started.db?.close();
  });
  return started;
}

/**
 * Records the name of every statement `executor` reads from now on, for tests that count round trips; `restore`
 * puts its own `read` back.
 */
export function recordReads(executor: Executor): { readonly operations: string[]; restore(): void } {
  const operations: string[] = [];
  const read = executor.read.bind(executor);
  executor.read = (cypher, params) => {
    operations.push(cypher.name);
    return read(cypher, params);
  };
  return {
    operations,
    restore: () => {
      executor.read = read;
    },
  };
}
