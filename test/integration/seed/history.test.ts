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
    expect(String(error)).toMatch(
      /Drug zumab would lack name: no document that states it \(doc-b\) gives it/,
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

  it('warns when a document disagrees with one of the same date already in the graph, naming both', async () => {
    const phase = (value: string) =>
      `drugs:\n  - id: zumab\n    highestPhase: ${value}\n    cite: [targets]\n`;
    const [a, b, c] = await writeSeedFiles({
      a: seedYaml('doc-a', VALID_BODY),
      b: seedYaml('doc-b', phase('PHASE_2')),
      c: seedYaml('doc-c', phase('PHASE_3')),
    });
    await loadSeed({ executor: loader, files: [a as string, b as string] });
    const summary = await loadSeed({ executor: loader, files: [c as string] });
    expect(summary.validation.warnings.kept.map((w) => `${w.record}, ${w.field}: ${w.message}`)).toEqual([
      expect.stringMatching(
        /^Drug zumab, highestPhase: "PHASE_2" \(doc-b, citing doc-b#targets\) and "PHASE_3" \(doc-c, citing doc-c#targets\) are stated on the same day/,
      ),
    ]);
    const [row] = await db.executor.read({
      name: 'test.phase',
      text: "MATCH (d:Drug {id: 'zumab'}) RETURN d.highestPhase AS phase",
    });
    expect(row?.phase).toBe('PHASE_3');
  });

  it('drops the sentences a new version of a document no longer has', async () => {
    const [a] = await writeSeedFiles({ a: seedYaml('doc-a', VALID_BODY) });
    await loadSeed({ executor: loader, files: [a as string] });
    const fewer = seedYaml('doc-a', VALID_BODY).replace('  develops: Acme Bio develops Zumab.\n', '');
    const [a2] = await writeSeedFiles({
      a: fewer.replaceAll('cite: [develops]', 'cite: [licensed]').replace(/\[develops\]/g, '[licensed]'),
    });
    await loadSeed({ executor: loader, files: [a2 as string] });
    const afterReload = await graphChecksum(db.executor);
    await clearDatabase(db);
    await loadSeed({ executor: loader, files: [a2 as string] });
    expect(afterReload).toEqual(await graphChecksum(db.executor));
  });

  it('refuses a removal or reload that would strand what another document states', async () => {
    const person = (doc: string) =>
      `people:\n  - id: pat\n    name: Pat\n    quotedIn: [${doc}]\n    cite: [develops]\n`;
    const [a, b] = await writeSeedFiles({
      a: seedYaml('doc-a', VALID_BODY),
      b: seedYaml('doc-b', person('doc-a')),
    });
    await loadSeed({ executor: loader, files: [a as string, b as string] });
    const before = await graphChecksum(db.executor);
    const error = await removeDocuments(loader, ['doc-a']).catch((e: unknown) => e);
    expect(String(error)).toMatch(
      /doc-a would no longer be stated by any document, but its QUOTED_IN relationship with pat \(stated by doc-b\)/,
    );
    expect(await graphChecksum(db.executor)).toEqual(before);
    const [b2] = await writeSeedFiles({
      b: seedYaml('doc-b', 'drugs:\n  - id: zumab\n    cite: [develops]\n'),
    });
    await loadSeed({ executor: loader, files: [b2 as string] });
    const partyless = seedYaml('doc-a', VALID_BODY).replace(/ {4}parties: .*\n/, '');
    const [a2] = await writeSeedFiles({ a: partyless });
    const reload = await loadSeed({ executor: loader, files: [a2 as string] }).catch((e: unknown) => e);
    expect(String(reload)).toMatch(/Partnership acme-beta-zumab would lack parties/);
  });

  it('refuses an id that the graph holds as another kind, even with a history', async () => {
    const [a, b] = await writeSeedFiles({
      a: seedYaml('doc-a', VALID_BODY),
      b: seedYaml('doc-b', 'drugs:\n  - id: zumab\n    highestPhase: PHASE_2\n    cite: [targets]\n'),
    });
    await loadSeed({ executor: loader, files: [a as string, b as string] });
    const [c] = await writeSeedFiles({
      c: seedYaml('doc-c', 'targets:\n  - id: zumab\n    name: Z\n    cite: [targets]\n'),
    });
    const error = await loadSeed({ executor: loader, files: [c as string] }).catch((e: unknown) => e);
    expect(String(error)).toMatch(/"zumab" is a Drug in doc-a and a Target in doc-c|zumab.*another kind/);
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
