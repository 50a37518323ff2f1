import { describe, expect, it } from 'vitest';
import type { TestDatabase } from '../../support/database.ts';
import { seedYaml, VALID_BODY, writeSeedFiles } from '../../unit/seed/helpers.ts';
import { loadSeedFiles, withFixtureApi } from './fixture.ts';

/*
 * A trial with the ClinicalTrials.gov fields, stated by two versions of its registry record: the API gives them
 * back (dates as fuzzy dates with whether they are actual or estimated), as of either version, and a citation of
 * another document's sentence (the release that says Acme Bio develops Zumab) reads as that document's.
 */

const SOURCE = `Acme Bio develops Zumab. Zumab targets HER2. Beta Pharma licensed Zumab from Acme Bio.
overall status: RECRUITING
lead sponsor: Acme Bio (INDUSTRY)
start date: 2009-02-15 (ACTUAL)
start date: 2009-02 (ACTUAL)
completion date: 2026-12 (ESTIMATED)
completion date: 2026-12-20 (ACTUAL)
enrollment: 400 (ESTIMATED)
enrollment: 991 (ACTUAL)
intervention: Zumab (BIOLOGICAL; arm EXPERIMENTAL)
`;

const record = (version: string, fields: string, sentences: string) => `document:
  id: nct01120184-v${version}
  title: ClinicalTrials.gov NCT01120184
  date: ${version}
  url: https://clinicaltrials.gov/study/NCT01120184
  distributor: ClinicalTrials.gov
  sourceFile: sources/nct01120184-v${version}.txt
sentences:
  leadSponsor: "lead sponsor: Acme Bio (INDUSTRY)"
  intervention1: "intervention: Zumab (BIOLOGICAL; arm EXPERIMENTAL)"
${sentences}
companies:
  - id: acme-bio
    sponsorClass: INDUSTRY
    cite: [leadSponsor]
trials:
  - id: nct01120184
    name: ZUMA-1
    aliases: [NCT01120184]
    nctId: NCT01120184
    officialTitle: A Study of Zumab in HER2-Positive Cancer
    acronym: ZUMA-1
    studyType: INTERVENTIONAL
    phases: [PHASE1, PHASE2]
    phase: PHASE_1_2
    primaryCompletionDate: 2012-11
    primaryCompletionDateType: ACTUAL
    lastUpdate: ${version}
${fields}
    conductedBy: [{ ref: acme-bio, cite: [leadSponsor] }]
    tests: [{ ref: zumab, role: INVESTIGATIONAL, cite: [intervention1, doc-a#develops] }]
    cite: [overallStatus]
`;

const V1 = record(
  '2019-05-07',
  `    registryStatus: RECRUITING
    status: ONGOING
    startDate: 2009-02-15
    startDateType: ACTUAL
    completionDate: 2026-12
    completionDateType: ESTIMATED
    enrollment: 400
    enrollmentType: ESTIMATED`,
  `  overallStatus: "overall status: RECRUITING"`,
);
const V2 = record(
  '2021-03-01',
  `    registryStatus: RECRUITING
    startDate: 2009-02
    startDateType: ACTUAL
    completionDate: 2026-12-20
    completionDateType: ACTUAL
    enrollment: 991
    enrollmentType: ACTUAL`,
  `  overallStatus: "overall status: RECRUITING"`,
);

async function load(db: TestDatabase) {
  const files = await writeSeedFiles({ a: seedYaml('doc-a', VALID_BODY), v1: V1, v2: V2 }, SOURCE);
  await loadSeedFiles(db, files);
}

const fixture = withFixtureApi({}, load);

const TRIAL = `query Q($asOf: Date) {
  node(id: "nct01120184", asOf: $asOf) {
    ... on Trial {
      nctId officialTitle acronym studyType registryStatus status phases phase aliases
      startDate { date precision sortDate } startDateType
      primaryCompletionDate { date precision sortDate } primaryCompletionDateType
      completionDate { date precision sortDate } completionDateType
      enrollment enrollmentType lastUpdate
      sponsors { id sponsorClass }
      drugs { drug { id } role citations { id document { id } } }
    }
  }
}`;

describe('a trial from the registry', () => {
  it('gives its registry fields, a finer start date kept over a later coarser one', async () => {
    const { node } = await fixture.api.data(TRIAL, { asOf: null });
    expect(node).toEqual({
      nctId: 'NCT01120184',
      officialTitle: 'A Study of Zumab in HER2-Positive Cancer',
      acronym: 'ZUMA-1',
      studyType: 'INTERVENTIONAL',
      registryStatus: 'RECRUITING',
      status: 'ONGOING',
      phases: ['PHASE1', 'PHASE2'],
      phase: 'PHASE_1_2',
      aliases: ['NCT01120184'],
      startDate: { date: '2009-02-15', precision: 'DAY', sortDate: '2009-02-15' },
      startDateType: 'ACTUAL',
      primaryCompletionDate: { date: '2012-11', precision: 'MONTH', sortDate: '2012-11-01' },
      primaryCompletionDateType: 'ACTUAL',
      completionDate: { date: '2026-12-20', precision: 'DAY', sortDate: '2026-12-20' },
      completionDateType: 'ACTUAL',
      enrollment: 991,
      enrollmentType: 'ACTUAL',
      lastUpdate: '2021-03-01',
      sponsors: [{ id: 'acme-bio', sponsorClass: 'INDUSTRY' }],
      drugs: [
        {
          drug: { id: 'zumab' },
          role: 'INVESTIGATIONAL',
          citations: [
            { id: 'nct01120184-v2019-05-07#intervention1', document: { id: 'nct01120184-v2019-05-07' } },
            { id: 'doc-a#develops', document: { id: 'doc-a' } },
            { id: 'nct01120184-v2021-03-01#intervention1', document: { id: 'nct01120184-v2021-03-01' } },
          ],
        },
      ],
    });
  });

  it('gives the older version as of a day before the newer', async () => {
    const { node } = await fixture.api.data(TRIAL, { asOf: '2020-01-01' });
    expect(node).toMatchObject({
      completionDate: { date: '2026-12', precision: 'MONTH', sortDate: '2026-12-01' },
      completionDateType: 'ESTIMATED',
      enrollment: 400,
      enrollmentType: 'ESTIMATED',
      lastUpdate: '2019-05-07',
    });
  });
});
