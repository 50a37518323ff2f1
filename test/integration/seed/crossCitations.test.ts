import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SeedValidationError } from '../../../seed/issues.ts';
import { loadSeed } from '../../../seed/load.ts';
import type { Executor } from '../../../server/db/executor.ts';
import { ensureSchema } from '../../../server/db/schemaSetup.ts';
import { clearDatabase, connectTestDatabase, type TestDatabase } from '../../support/database.ts';
import { seedYaml, VALID_BODY, writeSeedFiles } from '../../unit/seed/helpers.ts';
import { graphChecksum, loadExecutor, sentenceTexts } from './graph.ts';

let db: TestDatabase;
let loader: Executor;

beforeAll(async () => {
  db = connectTestDatabase();
  loader = loadExecutor(db);
  await ensureSchema(db.executor);
});
afterAll(() => db?.close());
beforeEach(() => clearDatabase(db));

/** A second document: a trial of Zumab whose `tests` link cites doc-a's sentence that Acme Bio develops Zumab. */
const citing = (cite: string, id = 'doc-b') => `document:
  id: ${id}
  title: Test document ${id}
  date: 2020-03-01
  sourceFile: sources/${id}.txt
sentences:
  targets: Zumab targets HER2.
trials:
  - id: zumab-101
    name: Zumab 101
    tests: [{ ref: zumab, cite: [targets, ${cite}] }]
    cite: [targets]
`;

async function citationsOfTests(): Promise<string[]> {
  const rows = await db.executor.read({
    name: 'test.testsCitations',
    text: "MATCH (:Trial {id: 'zumab-101'})-[r:TESTS]->(:Drug {id: 'zumab'}) RETURN r.citedIn AS citedIn",
  });
  expect(rows).toHaveLength(1);
  return rows[0]?.citedIn as string[];
}

describe('citations of another document', () => {
  it('loads a second file citing a sentence of the first, in the same load', async () => {
    const files = await writeSeedFiles({ a: seedYaml('doc-a', VALID_BODY), b: citing('doc-a#develops') });
    await loadSeed({ executor: loader, files });
    const citedIn = await citationsOfTests();
    expect(citedIn).toEqual(['doc-b#targets', 'doc-a#develops']);
    expect(await sentenceTexts(db.executor, citedIn)).toEqual([
      'Acme Bio develops Zumab.',
      'Zumab targets HER2.',
    ]);
  });

  it('loads a file citing a sentence only the graph holds', async () => {
    await loadSeed({ executor: loader, files: await writeSeedFiles({ a: seedYaml('doc-a', VALID_BODY) }) });
    await loadSeed({ executor: loader, files: await writeSeedFiles({ b: citing('doc-a#develops') }) });
    expect(await citationsOfTests()).toEqual(['doc-b#targets', 'doc-a#develops']);
  });

  it('refuses a sentence no file states and the graph does not hold, writing nothing', async () => {
    await loadSeed({ executor: loader, files: await writeSeedFiles({ a: seedYaml('doc-a', VALID_BODY) }) });
    const before = await graphChecksum(db.executor);
    const files = await writeSeedFiles({ b: citing('doc-a#missing'), c: citing('doc-z#develops', 'doc-c') });
    const error = await loadSeed({ executor: loader, files }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SeedValidationError);
    const lines = (error as SeedValidationError).issues.kept.map(
      (issue) => `${issue.file === files[0] ? 'b' : 'c'} ${issue.record}, ${issue.field}: ${issue.message}`,
    );
    expect(lines).toContain(
      'b Trial zumab-101, tests[0].cite: unknown sentence "doc-a#missing": no file of this load states document doc-a, and the graph holds no such sentence',
    );
    expect(lines).toContain(
      'c Trial zumab-101, tests[0].cite: unknown sentence "doc-z#develops": no file of this load states document doc-z, and the graph holds no such sentence',
    );
    expect(await graphChecksum(db.executor)).toEqual(before);
  });
});
