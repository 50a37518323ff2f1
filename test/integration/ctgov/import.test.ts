import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ImportSummary, importStudies } from '../../../seed/ctgov/import.ts';
import { defaultSeedFiles, loadSeed } from '../../../seed/load.ts';
import { ensureSchema } from '../../../server/db/schemaSetup.ts';
import { clearDatabase, connectTestDatabase, type TestDatabase } from '../../support/database.ts';
import { loadExecutor } from '../seed/graph.ts';

/**
 * A study record of the Kadcyla story, in the registry's v2 layout (written for this test), imported into the
 * graph the four Kadcyla releases built: its sponsors, its drug and its ADC parts land on what the graph holds.
 */
function kadcylaStudy(version: string, overallStatus: string) {
  return {
    protocolSection: {
      identificationModule: {
        nctId: 'NCT08000001',
        briefTitle: 'A Study of Trastuzumab Emtansine Versus Capecitabine Plus Lapatinib',
        officialTitle: 'A Randomized, Open-Label Phase III Study of Trastuzumab Emtansine',
        acronym: 'KATLA',
      },
      statusModule: {
        overallStatus,
        startDateStruct: { date: '2009-02', type: 'ACTUAL' },
        primaryCompletionDateStruct: { date: '2012-01-14', type: 'ACTUAL' },
        lastUpdatePostDateStruct: { date: version, type: 'ACTUAL' },
      },
      sponsorCollaboratorsModule: {
        leadSponsor: { name: 'Hoffmann-La Roche', class: 'INDUSTRY' },
        collaborators: [{ name: 'Genentech, Inc.', class: 'INDUSTRY' }],
      },
      conditionsModule: { conditions: ['HER2-positive Metastatic Breast Cancer'] },
      designModule: {
        studyType: 'INTERVENTIONAL',
        phases: ['PHASE3'],
        enrollmentInfo: { count: 991, type: 'ACTUAL' },
      },
      armsInterventionsModule: {
        armGroups: [
          { label: 'T-DM1', type: 'EXPERIMENTAL', interventionNames: ['Biological: Trastuzumab emtansine'] },
          { label: 'Control', type: 'ACTIVE_COMPARATOR', interventionNames: ['Drug: Capecitabine'] },
        ],
        interventions: [
          {
            type: 'BIOLOGICAL',
            name: 'Trastuzumab emtansine',
            otherNames: ['T-DM1', 'Kadcyla'],
            armGroupLabels: ['T-DM1'],
          },
          { type: 'DRUG', name: 'Capecitabine', armGroupLabels: ['Control'] },
        ],
      },
      contactsLocationsModule: {
        locations: [{ facility: 'Site', city: 'Boston', country: 'United States' }],
      },
    },
    hasResults: true,
  };
}

let db: TestDatabase;
let dir: string;
let first: ImportSummary;
const read = (text: string, params: Record<string, unknown> = {}) =>
  db.executor.read({ name: 'test.ctgov', text }, params);

async function importFile(name: string, content: unknown): Promise<ImportSummary> {
  const file = join(dir, name);
  await writeFile(file, JSON.stringify(content));
  return importStudies({ paths: [file], executor: loadExecutor(db) });
}

beforeAll(async () => {
  db = connectTestDatabase();
  await clearDatabase(db);
  await ensureSchema(db.executor);
  await loadSeed({ executor: loadExecutor(db), files: await defaultSeedFiles() });
  dir = await mkdtemp(join(tmpdir(), 'ctgov-import-test-'));
  first = await importFile('v1.json', kadcylaStudy('2019-05-07', 'ACTIVE_NOT_RECRUITING'));
}, 120_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await db?.close();
});

describe('importing a ClinicalTrials.gov record', () => {
  it('counts it new and loads its trial with the registry fields', async () => {
    expect(first).toMatchObject({
      read: 1,
      kept: 1,
      new: 1,
      updated: 0,
      unchanged: 0,
      failed: 0,
      issueCount: 0,
    });
    const [trial] = await read(
      `MATCH (t:Trial {nctId: 'NCT08000001'}) RETURN t.id AS id, t.registryStatus AS status, t.enrollment AS enrollment`,
    );
    expect(trial).toMatchObject({ status: 'ACTIVE_NOT_RECRUITING' });
    expect(Number(trial?.enrollment)).toBe(991);
  });

  it('lands the sponsors and the drug on the companies and the drug the releases named', async () => {
    const rows = await read(
      `MATCH (t:Trial {nctId: 'NCT08000001'})
OPTIONAL MATCH (c:Company)-[:CONDUCTS]->(t)
OPTIONAL MATCH (t)-[r:TESTS]->(d:Drug)
RETURN collect(DISTINCT c.id) AS sponsors, collect(DISTINCT [d.id, r.role]) AS drugs`,
    );
    expect(rows[0]?.sponsors).toEqual(expect.arrayContaining(['roche', 'genentech']));
    expect(rows[0]?.drugs).toContainEqual(['kadcyla', 'INVESTIGATIONAL']);
    const [kadcyla] = await read(`MATCH (d:Drug {id: 'kadcyla'}) RETURN d.name AS name`);
    expect(kadcyla?.name).toBe('Kadcyla');
  });

  it('cites the stem table for an ADC part read from the INN', async () => {
    const rows = await read(
      `MATCH (:Drug {id: 'kadcyla'})-[r:HAS_PAYLOAD]->(p) RETURN p.id AS payload, r.citedIn AS citedIn`,
    );
    const cited = rows.flatMap((row) => row.citedIn as string[]);
    expect(cited.some((id) => id.startsWith('inn-stem-table#'))).toBe(true);
  });

  it('leaves the same version alone, and takes a newer one as an update that keeps the older for as-of', async () => {
    const again = await importFile('v1-again.json', kadcylaStudy('2019-05-07', 'ACTIVE_NOT_RECRUITING'));
    expect(again).toMatchObject({ kept: 1, new: 0, updated: 0, unchanged: 1 });
    const newer = await importFile('v2.json', kadcylaStudy('2021-02-01', 'COMPLETED'));
    expect(newer).toMatchObject({ kept: 1, new: 0, updated: 1, unchanged: 0 });
    const [trial] = await read(
      `MATCH (t:Trial {nctId: 'NCT08000001'}) RETURN t.id AS id, t.registryStatus AS status`,
    );
    expect(trial?.status).toBe('COMPLETED');
    const statements = await read(
      `MATCH (s:Statement {_subject: $id}) RETURN s._document AS document, s.registryStatus AS status ORDER BY s._date`,
      { id: trial?.id },
    );
    expect(statements.map((s) => s.status)).toEqual(['ACTIVE_NOT_RECRUITING', 'COMPLETED']);
  });

  it('reports a record it cannot use, and still imports the others', async () => {
    const bad = { ...kadcylaStudy('2019-05-07', 'COMPLETED') };
    bad.protocolSection = { ...bad.protocolSection, identificationModule: { briefTitle: 'No id' } as never };
    const page = { studies: [bad, { ...kadcylaStudy('2022-03-03', 'COMPLETED') }] };
    const summary = await importFile('page.json', page);
    expect(summary).toMatchObject({ read: 2, kept: 1, updated: 1 });
    expect(summary.issues.map((issue) => issue.message).join(' ')).toMatch(/no NCT id/);
  });

  it('finds in the graph, by name, what the run forgot between batches: no second sponsor or drug', async () => {
    const study = (nctId: string, sponsor: string) => {
      const record = kadcylaStudy('2020-01-01', 'RECRUITING');
      const section = record.protocolSection;
      section.identificationModule = { ...section.identificationModule, nctId, acronym: '' };
      section.sponsorCollaboratorsModule = {
        leadSponsor: { name: sponsor, class: 'INDUSTRY' },
        collaborators: [],
      };
      section.armsInterventionsModule.interventions[1] = {
        type: 'DRUG',
        name: 'Zolbetuximab',
        armGroupLabels: ['Control'],
      };
      return record;
    };
    const file = join(dir, 'forgetful.json');
    await writeFile(
      file,
      JSON.stringify({
        studies: [study('NCT08000011', 'Acme Oncology'), study('NCT08000012', 'Acme Oncology')],
      }),
    );
    const summary = await importStudies({
      paths: [file],
      executor: loadExecutor(db),
      batchStudies: 1,
      registryLimit: 0,
    });
    expect(summary).toMatchObject({ kept: 2, new: 2, failed: 0 });
    const rows = await read(
      `MATCH (t:Trial) WHERE t.nctId IN ['NCT08000011', 'NCT08000012']
MATCH (c:Company)-[:CONDUCTS]->(t)
MATCH (t)-[:TESTS]->(d:Drug {name: 'Zolbetuximab'})
RETURN collect(DISTINCT c.id) AS sponsors, collect(DISTINCT d.id) AS drugs, count(DISTINCT t) AS trials`,
    );
    expect(rows[0]).toMatchObject({ sponsors: ['acme-oncology'], drugs: ['zolbetuximab'] });
    expect(Number(rows[0]?.trials)).toBe(2);
  });

  it('takes two versions of a study in consecutive batches (the second prepared while the first is written)', async () => {
    const version = (date: string, status: string) => {
      const record = kadcylaStudy(date, status);
      record.protocolSection.identificationModule = {
        ...record.protocolSection.identificationModule,
        nctId: 'NCT08000021',
      };
      return record;
    };
    const file = join(dir, 'two-versions.json');
    await writeFile(
      file,
      JSON.stringify({ studies: [version('2018-01-01', 'RECRUITING'), version('2018-06-01', 'COMPLETED')] }),
    );
    const summary = await importStudies({ paths: [file], executor: loadExecutor(db), batchStudies: 1 });
    expect(summary).toMatchObject({ kept: 2, new: 1, updated: 1, failed: 0, issueCount: 0 });
    const [trial] = await read(
      `MATCH (t:Trial {nctId: 'NCT08000021'}) RETURN t.id AS id, t.registryStatus AS status`,
    );
    expect(trial?.status).toBe('COMPLETED');
    const statements = await read(
      `MATCH (s:Statement {_subject: $id}) RETURN s.registryStatus AS status ORDER BY s._date`,
      { id: trial?.id },
    );
    expect(statements.map((s) => s.status)).toEqual(['RECRUITING', 'COMPLETED']);
  });
});
