import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphLookup } from '../../../seed/graphLookup.ts';
import { writeDraft } from '../../../seed/ingest/emit.ts';
import { type DraftOutcome, ingestFiles } from '../../../seed/ingest/ingest.ts';
import { defaultSeedFiles, loadSeed, SEED_DIR } from '../../../seed/load.ts';
import { ensureSchema } from '../../../server/db/schemaSetup.ts';
import { clearDatabase, connectTestDatabase, type TestDatabase } from '../../support/database.ts';
import { loadExecutor } from '../seed/graph.ts';

/** Drafting against a graph that already holds the Kadcyla story: names found there keep their ids. */

let db: TestDatabase;
let dir: string;
let kadcyla: DraftOutcome;
let velora: DraftOutcome;

beforeAll(async () => {
  db = connectTestDatabase();
  await clearDatabase(db);
  await ensureSchema(db.executor);
  await loadSeed({ executor: loadExecutor(db), files: await defaultSeedFiles() });
  dir = await mkdtemp(join(tmpdir(), 'ingest-graph-'));
  [kadcyla, velora] = (await ingestFiles(
    [
      join(SEED_DIR, 'sources', 'immunogen-kadcyla-2013-11-20-eu-approval.txt'),
      join(SEED_DIR, 'ingest', 'corpus', 'inputs', 'a-01.txt'),
    ],
    { graph: graphLookup(db.executor) },
  )) as [DraftOutcome, DraftOutcome];
}, 120_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await db?.close();
});

const seedOf = (outcome: DraftOutcome) => {
  if (!outcome.ok) throw new Error(`refused: ${outcome.reason}`);
  return outcome;
};

describe('drafting against the graph', () => {
  it('gives entities the graph holds their graph ids, with no new name', () => {
    const { seed, report } = seedOf(kadcyla);
    const drug = seed.drugs?.find((d) => d.id === 'kadcyla');
    expect(drug).toBeDefined();
    expect(drug?.name).toBeUndefined();
    const companies = (seed.companies ?? []).map((c) => c.id);
    expect(companies).toEqual(expect.arrayContaining(['immunogen', 'roche']));
    expect(seed.document.publisher).toMatchObject({ ref: 'immunogen' });
    expect(report.resolved.graph).toBeGreaterThanOrEqual(3);
  });

  it('keeps new what the graph does not hold', () => {
    const { seed, report } = seedOf(velora);
    expect(seed.companies?.find((c) => c.id === 'velora-therapeutics')?.name).toBe(
      'Velora Therapeutics, Inc.',
    );
    expect(report.resolved.new).toBeGreaterThan(5);
  });

  it('loads the drafts into the same graph (the re-read release replacing its hand-made seed) without renaming what it held', async () => {
    const files = [];
    for (const outcome of [kadcyla, velora]) {
      const { seed, source } = seedOf(outcome);
      files.push((await writeDraft(dir, seed, source.text, source.file)).seedFile);
    }
    await loadSeed({ executor: loadExecutor(db), files });
    const rows = await db.executor.read({
      name: 'test.ingest.names',
      text: `MATCH (d:Drug {id: 'kadcyla'}) MATCH (c:Company {id: 'velora-therapeutics'})
RETURN d.name AS drug, d.statedIn AS documents, c.name AS company`,
    });
    expect(rows[0]).toMatchObject({ drug: 'Kadcyla', company: 'Velora Therapeutics, Inc.' });
    // Still the four Kadcyla releases: the drafted one replaced what its hand-made seed stated.
    expect(rows[0]?.documents).toHaveLength(4);
    expect(rows[0]?.documents).toContain('immunogen-kadcyla-2013-11-20-eu-approval');
  });
});
