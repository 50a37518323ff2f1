import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recoverInterruptedLoads } from '../../seed/journal.ts';
import { loadSeed } from '../../seed/load.ts';
import { ensureSchema } from '../../server/db/schemaSetup.ts';
import { KADCYLA_SEED } from '../integration/api/fixture.ts';
import { type GraphState, graphState } from '../integration/hardening/graphState.ts';
import { type OwnNeo4j, ownNeo4j, runNode, waitUntil } from './support.ts';

/*
 * Neo4j killed (SIGKILL) in the middle of a large load, by the real CLI (`npm run seed`) on synthetic files
 * (`npm run seed:synthetic`): the loader exits non-zero with a clear message; after Neo4j restarts, the graph holds
 * the whole previous state (never a part of the new load) once the journal is recovered, which the server and the
 * loader both do before anything else; and the same command then completes.
 */

/** Elements of the synthetic load: large enough to take several seconds, small enough for CI. */
const SCALE = 40_000;
/** Journalled: one transaction per batch, so a kill leaves committed batches that the journal must undo. */
const JOURNALLED = ['--max-transaction-elements', '5000', '--batch-rows', '1000'];

let neo4j: OwnNeo4j;
let synthetic: string;
let previous: GraphState;
const figures: string[] = [];

/** The state before each load: the Kadcyla seed alone. */
async function resetToKadcyla() {
  for (;;) {
    const [row] = await neo4j.executor.write({
      name: 'test.clear',
      text: 'MATCH (n) WITH n LIMIT 10000 DETACH DELETE n RETURN count(*) AS deleted',
    });
    if (Number(row?.deleted) === 0) break;
  }
  await loadSeed({ executor: neo4j.executor, files: [KADCYLA_SEED] });
  previous = await graphState(neo4j.executor);
}

beforeAll(async () => {
  neo4j = await ownNeo4j('seed-crash');
  await ensureSchema(neo4j.executor);
  synthetic = await mkdtemp(join(tmpdir(), 'pipeline-atlas-synthetic-'));
  const generator = runNode('seed/synthetic/cli.ts', ['--scale', String(SCALE), '--out', synthetic], {});
  expect(await generator.exited).toBe(0);
});

afterAll(async () => {
  console.log(`[resilience] seed crash: ${figures.join('; ')}`);
  await neo4j?.close();
  if (synthetic) await rm(synthetic, { recursive: true, force: true });
});

const seedCommand = (args: string[]) =>
  runNode('seed/cli.ts', [...args, synthetic], { NEO4J_URI: neo4j.uri, LOG_LEVEL: 'warn' });

const countOf = async (label: string) =>
  Number(
    (
      await neo4j.executor.read(
        { name: 't', text: 'MATCH (n) WHERE $label IN labels(n) RETURN count(n) AS n' },
        { label },
      )
    )[0]?.n,
  );

describe('SIGKILL of Neo4j in the middle of a load', () => {
  it('one-transaction load (the default up to 150,000 elements): nothing of it survives, the rerun completes', async () => {
    await resetToKadcyla();
    const loader = seedCommand([]);
    await loader.line(/checking for an interrupted load/);
    // Validation is done; the single write transaction is under way.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    await neo4j.kill();
    const code = await loader.exited;
    const said = loader.stderr.join('\n');
    expect(code, `the load finished before the kill; make it larger\n${said}`).not.toBe(0);
    expect(said).toMatch(/unreachable|unavailable|connect|failed/i);
    expect(said).not.toMatch(/^\s+at /m);

    await neo4j.start();
    expect(await graphState(neo4j.executor)).toEqual(previous);
    expect(await recoverInterruptedLoads(neo4j.executor)).toEqual([]);
    figures.push(`one-transaction load killed 3 s into writing: graph unchanged after restart`);

    const again = seedCommand([]);
    expect(await again.exited, again.stderr.join('\n')).toBe(0);
    expect(again.stdout.join('\n')).toMatch(/one transaction/);
    expect((await graphState(neo4j.executor)).nodes).toBeGreaterThan(previous.nodes + 10_000);
  });

  it('journalled load: loader fails clearly, the graph comes back whole, the same command then completes', async () => {
    await resetToKadcyla();
    const loader = seedCommand(JOURNALLED);
    // Kill once some batches are committed: the journal marker is there and synthetic entities have landed.
    const entitiesBefore = previous.nodes;
    await waitUntil(
      async () =>
        (await countOf('SeedLoad').catch(() => 0)) > 0 &&
        (await countOf('Entity').catch(() => 0)) > entitiesBefore + 2_000,
      120_000,
      'the load to commit some batches',
    );
    const landed = await countOf('Entity');
    await neo4j.kill();
    const killedAt = performance.now();
    const code = await loader.exited;
    const failedAfterMs = performance.now() - killedAt;
    const said = loader.stderr.join('\n');
    expect(code, said).not.toBe(0);
    expect(said).toMatch(/unreachable|unavailable|connect|failed/i);
    expect(said).not.toMatch(/^\s+at /m);
    figures.push(
      `journalled load killed with ${landed - entitiesBefore} new entities committed; loader exited ${code} after ${Math.round(failedAfterMs)} ms`,
    );

    await neo4j.start();
    // What the server (server/main.ts) and the loader (seed/load.ts) do first: finish or roll back a load.
    const recovered = await recoverInterruptedLoads(neo4j.executor);
    expect(recovered).toEqual([expect.objectContaining({ status: 'RUNNING' })]);
    expect(await graphState(neo4j.executor)).toEqual(previous);

    const again = seedCommand(JOURNALLED);
    const againCode = await again.exited;
    expect(againCode, again.stderr.join('\n')).toBe(0);
    expect(again.stdout.join('\n')).toMatch(/journalled batches/);
    expect(await countOf('SeedLoad')).toBe(0);
    expect(await countOf('SeedUndo')).toBe(0);
    const loaded = await graphState(neo4j.executor);
    expect(loaded.nodes).toBeGreaterThan(previous.nodes + 10_000);
    figures.push(
      `rerun loaded ${loaded.nodes - previous.nodes} nodes, ${loaded.relationships - previous.relationships} relationships`,
    );
  });
});
