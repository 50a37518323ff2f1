import { randomUUID } from 'node:crypto';
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BEGIN_LOAD } from '../../../seed/cypher.ts';
import { SeedValidationError } from '../../../seed/issues.ts';
import { recoverInterruptedLoads } from '../../../seed/journal.ts';
import { defaultSeedFiles, loadSeed, SEED_DIR } from '../../../seed/load.ts';
import { runBatch, seedBatches, WriteStats } from '../../../seed/write.ts';
import type { Executor } from '../../../server/db/executor.ts';
import { ensureSchema } from '../../../server/db/schemaSetup.ts';
import { clearDatabase, connectTestDatabase, type TestDatabase } from '../../support/database.ts';
import { seedYaml, VALID_BODY, writeSeedFiles } from '../../unit/seed/helpers.ts';
import { graphChecksum, loadExecutor } from './graph.ts';

let db: TestDatabase;
let loader: Executor;
let kadcyla: string[];
const KADCYLA_2013_09 = join(SEED_DIR, 'immunogen-kadcyla-2013-09-20.yaml');

beforeAll(async () => {
  db = connectTestDatabase();
  loader = loadExecutor(db);
  await clearDatabase(db);
  await ensureSchema(db.executor);
  kadcyla = await defaultSeedFiles();
});
afterAll(() => db?.close());
beforeEach(async () => {
  await clearDatabase(db);
  await loadSeed({ executor: loader, files: kadcyla });
});

/** Makes the last record of the small test document unwritable: its id is already a Region in the graph. */
const blockLastRecord = () =>
  db.executor.write({
    name: 't',
    text: "CREATE (:Entity:Region {id: 'acme-beta-zumab', name: 'In the way'})",
  });

/** An edited copy of the Kadcyla seed beside another test file, with its source. */
const kadcylaCopyOf = (beside: string) => join(dirname(beside), 'k.yaml');
async function writeKadcylaCopy(beside: string, text: string): Promise<string> {
  const path = kadcylaCopyOf(beside);
  await writeFile(path, text);
  const source = 'immunogen-kadcyla-2013-09-20.txt';
  await copyFile(join(SEED_DIR, 'sources', source), join(dirname(beside), 'sources', source));
  return path;
}

describe('seed loader', () => {
  it('changes nothing on a second identical load, and says so', async () => {
    const before = await graphChecksum(db.executor);
    const summary = await loadSeed({ executor: loader, files: kadcyla });
    expect(summary.stats.total('created') + summary.stats.total('updated')).toBe(0);
    expect(summary.stats.total('unchanged')).toBe(summary.validation.elements);
    expect(await graphChecksum(db.executor)).toEqual(before);
  });

  it('changes nothing on a second identical journalled load either', async () => {
    const before = await graphChecksum(db.executor);
    const summary = await loadSeed({
      executor: loader,
      files: kadcyla,
      maxTransactionElements: 10,
      batchRows: 7,
    });
    expect(summary.mode).toBe('journalled');
    expect(summary.stats.total('unchanged')).toBe(summary.validation.elements);
    expect(await graphChecksum(db.executor)).toEqual(before);
  });

  it('writes into an empty graph, by CREATE, what it writes into one that holds other entities', async () => {
    const other = { name: 't', text: "CREATE (:Entity:Region {id: 'elsewhere', name: 'Elsewhere'})" };
    const journalled = { maxTransactionElements: 10, batchRows: 7 };
    const graphs = [];
    for (const options of [{}, journalled]) {
      await clearDatabase(db);
      const fresh = await loadSeed({ executor: loader, files: kadcyla, ...options });
      expect(fresh.stats.total('created')).toBe(fresh.validation.elements);
      await db.executor.write(other);
      graphs.push(await graphChecksum(db.executor));

      await clearDatabase(db);
      await db.executor.write(other);
      const upserted = await loadSeed({ executor: loader, files: kadcyla, ...options });
      expect(upserted.stats.total('created')).toBe(upserted.validation.elements);
      graphs.push(await graphChecksum(db.executor));
    }
    expect(new Set(graphs.map((graph) => graph.hash)).size).toBe(1);
  });

  it('updates changed properties and removes properties dropped from the file', async () => {
    const [file] = await writeSeedFiles({ a: seedYaml('doc-a', VALID_BODY) });
    await loadSeed({ executor: loader, files: [...kadcyla, file as string] });
    await writeFile(
      file as string,
      (await readFile(file as string, 'utf8')).replace(
        '    modality: ANTIBODY\n',
        '    modality: ADC\n    aliases: [ZM-1]\n',
      ),
    );
    let summary = await loadSeed({ executor: loader, files: [...kadcyla, file as string] });
    expect(summary.stats.nodes.get('Drug')).toEqual({ created: 0, updated: 1, unchanged: 2 });
    await writeFile(
      file as string,
      (await readFile(file as string, 'utf8')).replace('    aliases: [ZM-1]\n', ''),
    );
    summary = await loadSeed({ executor: loader, files: [...kadcyla, file as string] });
    const [drug] = await db.executor.read({
      name: 't',
      text: "MATCH (d:Drug {id: 'zumab'}) RETURN d {.*} AS d",
    });
    expect(drug?.d).toMatchObject({ id: 'zumab', modality: 'ADC' });
    expect(drug?.d).not.toHaveProperty('aliases');
  });

  it('writes nothing when the last record of a file is invalid', async () => {
    const before = await graphChecksum(db.executor);
    const broken = `${seedYaml('doc-a', VALID_BODY)}regions:\n  - { id: somewhere, name: Somewhere, cite: [nope] }\n`;
    const files = await writeSeedFiles({ a: broken });
    const error = await loadSeed({ executor: loader, files }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SeedValidationError);
    expect((error as Error).message).toMatch(/Region somewhere, field cite: unknown sentence key "nope"/);
    expect(await graphChecksum(db.executor)).toEqual(before);
  });

  it('rolls back everything when the transaction fails after some batches', async () => {
    await blockLastRecord();
    const before = await graphChecksum(db.executor);
    const files = await writeSeedFiles({ a: seedYaml('doc-a', VALID_BODY) });
    const error = await loadSeed({ executor: loader, files, batchRows: 2 }).catch((e: unknown) => e);
    expect(String((error as Error).message)).toMatch(/already exist.*another kind: acme-beta-zumab/);
    expect(await graphChecksum(db.executor)).toEqual(before);
  });

  it('rolls back a journalled load that fails after some committed batches', async () => {
    await blockLastRecord();
    const before = await graphChecksum(db.executor);
    const edited = (await readFile(KADCYLA_2013_09, 'utf8')).replace('modality: ADC', 'modality: ANTIBODY');
    const files = await writeSeedFiles({ a: seedYaml('doc-a', VALID_BODY) });
    await writeKadcylaCopy(files[0] as string, edited);
    const error = await loadSeed({
      executor: db.executor,
      files: [kadcylaCopyOf(files[0] as string), ...files],
      batchRows: 3,
      maxTransactionElements: 10,
    }).catch((e: unknown) => e);
    expect(String((error as Error).message)).toMatch(/already exist.*another kind: acme-beta-zumab/);
    expect(await graphChecksum(db.executor)).toEqual(before);
  });

  it('rolls back a journalled load interrupted before its commit (crash), at the next start', async () => {
    const before = await graphChecksum(db.executor);
    // A load that updates Kadcyla and creates new entities, stopped after its batches, before its commit point.
    const changed = await writeSeedFiles({ a: seedYaml('doc-a', VALID_BODY) });
    const edited = (await readFile(KADCYLA_2013_09, 'utf8')).replace('modality: ADC', 'modality: ANTIBODY');
    const kadcylaCopy = await writeKadcylaCopy(changed[0] as string, edited);
    const load = randomUUID();
    await db.executor.write(BEGIN_LOAD, { load, files: [], reset: false });
    for await (const batch of seedBatches([kadcylaCopy, changed[0] as string], 4)) {
      await db.executor.writeTransaction('test.batch', (tx) => runBatch(tx, batch, new WriteStats(), load));
    }
    const [drug] = await db.executor.read({
      name: 't',
      text: "MATCH (d:Drug {id: 'kadcyla'}) RETURN d.modality AS m",
    });
    expect(drug?.m).toBe('ANTIBODY');
    expect((await graphChecksum(db.executor)).hash).not.toBe(before.hash);

    const recovered = await recoverInterruptedLoads(db.executor);
    expect(recovered).toEqual([expect.objectContaining({ id: load, status: 'RUNNING' })]);
    expect(await graphChecksum(db.executor)).toEqual(before);
  });

  it('--reset leaves exactly the files, in one transaction or journalled', async () => {
    const files = await writeSeedFiles({ a: seedYaml('doc-a', VALID_BODY) });
    await loadSeed({ executor: loader, files, reset: true });
    const only = await graphChecksum(db.executor);
    const [row] = await db.executor.read({
      name: 't',
      text: "MATCH (n:Entity) RETURN count(n) AS n, count{ (:Drug {id: 'kadcyla'}) } AS k",
    });
    expect(row).toEqual({ n: 9, k: 0 });

    await clearDatabase(db);
    await loadSeed({ executor: loader, files: kadcyla });
    const summary = await loadSeed({ executor: loader, files, reset: true, maxTransactionElements: 5 });
    expect(summary.mode).toBe('journalled');
    expect(summary.pruned?.nodes).toBeGreaterThan(50);
    expect(await graphChecksum(db.executor)).toEqual(only);
  });
});
