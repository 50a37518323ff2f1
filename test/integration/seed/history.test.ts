import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { defaultSeedFiles, loadSeed } from '../../../seed/load.ts';
import { removeDocuments } from '../../../seed/remove.ts';
import type { Executor } from '../../../server/db/executor.ts';
import { ensureSchema } from '../../../server/db/schemaSetup.ts';
import { clearDatabase, connectTestDatabase, type TestDatabase } from '../../support/database.ts';
import { seedYaml, VALID_BODY, writeSeedFiles } from '../../unit/seed/helpers.ts';
import { graphChecksum, loadExecutor } from './graph.ts';

/** The Kadcyla story: four ImmunoGen releases, 2012-11-06 to 2013-11-20, each a seed file adding to the others. */

let db: TestDatabase;
let loader: Executor;
let story: string[];
const EU_APPROVAL = 'immunogen-kadcyla-2013-11-20-eu-approval';

beforeAll(async () => {
  db = connectTestDatabase();
  loader = loadExecutor(db);
  await clearDatabase(db);
  await ensureSchema(db.executor);
  story = await defaultSeedFiles();
});
afterAll(() => db?.close());
beforeEach(() => clearDatabase(db));

const milestone = async (id: string) => {
  const [row] = await db.executor.read(
    {
      name: 'test.milestone',
      text: `MATCH (m:Milestone {id: $id})
RETURN properties(m) AS props, COLLECT { MATCH (s:Statement {_subject: $id}) RETURN s ORDER BY s._date } AS history`,
    },
    { id },
  );
  return row as { props: Record<string, unknown>; history: Record<string, unknown>[] };
};

describe('many documents, one graph', () => {
  it('keeps each document’s statement and shows the latest: the EU milestone pending, then triggered', async () => {
    await loadSeed({ executor: loader, files: story });
    const { props, history } = await milestone('kadcyla-eu-approval-milestone');
    expect(props.status).toBe('TRIGGERED');
    expect(props.statedIn).toEqual(['immunogen-kadcyla-2013-09-20', EU_APPROVAL]);
    expect(props.since).toBe('2013-09-20');
    expect(history.map((s) => [s._document, s._date, s.status])).toEqual([
      ['immunogen-kadcyla-2013-09-20', '2013-09-20', 'PENDING'],
      [EU_APPROVAL, '2013-11-20', 'TRIGGERED'],
    ]);
    expect(history[1]?.citedIn).toEqual(
      expect.arrayContaining([expect.stringMatching(new RegExp(`^${EU_APPROVAL}#`))]),
    );
  });

  it('gives the same graph whatever the order, all at once or one file at a time', async () => {
    await loadSeed({ executor: loader, files: story });
    const inOrder = await graphChecksum(db.executor);
    await clearDatabase(db);
    await loadSeed({ executor: loader, files: [...story].reverse() });
    expect(await graphChecksum(db.executor)).toEqual(inOrder);
    await clearDatabase(db);
    for (const file of [story[2], story[0], story[3], story[1]] as string[]) {
      await loadSeed({ executor: loader, files: [file] });
    }
    expect(await graphChecksum(db.executor)).toEqual(inOrder);
    const again = await loadSeed({ executor: loader, files: story });
    expect(again.stats.total('created') + again.stats.total('updated')).toBe(0);
    expect(await graphChecksum(db.executor)).toEqual(inOrder);
  });

  it('removes exactly what a document contributed: the graph equals a load of the others', async () => {
    const others = story.filter((file) => !file.includes(EU_APPROVAL));
    await loadSeed({ executor: loader, files: others });
    const withoutIt = await graphChecksum(db.executor);
    await clearDatabase(db);
    await loadSeed({ executor: loader, files: story });
    const summary = await removeDocuments(loader, [EU_APPROVAL]);
    expect(summary.removed).toEqual([EU_APPROVAL]);
    expect(await graphChecksum(db.executor)).toEqual(withoutIt);
    expect((await milestone('kadcyla-eu-approval-milestone')).props.status).toBe('PENDING');
    const twice = await removeDocuments(loader, [EU_APPROVAL]);
    expect(twice).toMatchObject({ removed: [], absent: [EU_APPROVAL] });
    expect(await graphChecksum(db.executor)).toEqual(withoutIt);
  });

  it('refuses a removal that would leave an entity no document names, and changes nothing', async () => {
    const [a, b] = await writeSeedFiles({
      a: seedYaml('doc-a', VALID_BODY),
      b: seedYaml('doc-b', 'drugs:\n  - id: zumab\n    highestPhase: PHASE_2\n    cite: [targets]\n'),
    });
    await loadSeed({ executor: loader, files: [a as string, b as string] });
    const before = await graphChecksum(db.executor);
    const error = await removeDocuments(loader, ['doc-a']).catch((e: unknown) => e);
    expect(String((error as Error).cause ?? error)).toMatch(
      /Drug zumab would keep only what doc-b states, which gives no name/,
    );
    expect(await graphChecksum(db.executor)).toEqual(before);
  });

  it('checks a file against the graph: ids it refers to, and names it repeats', async () => {
    const [a] = await writeSeedFiles({ a: seedYaml('doc-a', VALID_BODY) });
    await loadSeed({ executor: loader, files: [a as string] });
    const [b] = await writeSeedFiles({
      b: seedYaml(
        'doc-b',
        'drugs:\n  - id: zumab-bis\n    name: ZUMAB\n    developers: [acme-bio]\n    cite: [develops]\n',
      ),
    });
    const summary = await loadSeed({ executor: loader, files: [b as string] });
    expect(summary.validation.warnings.kept.map((w) => `${w.record}: ${w.message}`)).toEqual([
      expect.stringMatching(
        /^Drug zumab-bis: "ZUMAB" is also the name or an alias of Drug zumab in the graph \("Zumab"\)/,
      ),
    ]);
    const [c] = await writeSeedFiles({
      c: seedYaml('doc-c', 'drugs:\n  - id: zumab\n    developers: [nobody]\n    cite: [develops]\n'),
    });
    const error = await loadSeed({ executor: loader, files: [c as string] }).catch((e: unknown) => e);
    expect(String(error)).toMatch(
      /Drug zumab, field developers\[0\]: unknown id "nobody" \(expected the id of a Company in one of the files or in the graph\)/,
    );
  });

  it('replaces a document’s old contribution when a new version of it is loaded', async () => {
    const [a, b] = await writeSeedFiles({
      a: seedYaml('doc-a', VALID_BODY),
      b: seedYaml('doc-b', 'drugs:\n  - id: zumab\n    highestPhase: PHASE_2\n    cite: [targets]\n'),
    });
    await loadSeed({ executor: loader, files: [a as string, b as string] });
    const [b2] = await writeSeedFiles({
      b: seedYaml('doc-b', 'companies:\n  - id: acme-bio\n    ticker: ACME\n    cite: [develops]\n'),
    });
    await loadSeed({ executor: loader, files: [b2 as string] });
    const [zumab] = await db.executor.read({
      name: 'test.zumab',
      text: `MATCH (d:Drug {id: 'zumab'}), (c:Company {id: 'acme-bio'})
RETURN d.highestPhase AS phase, d.statedIn AS drugDocs, c.ticker AS ticker,
  COUNT { MATCH (s:Statement {_subject: 'zumab'}) } AS drugStatements`,
    });
    expect(zumab).toEqual({ phase: null, drugDocs: ['doc-a'], ticker: 'ACME', drugStatements: 0 });
  });
});
