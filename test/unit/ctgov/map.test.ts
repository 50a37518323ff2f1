import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { phaseOf, testRoleOf, trialStatusOf } from '../../../seed/ctgov/map/enums.ts';
import { type MapContext, type MappedStudy, mapStudy } from '../../../seed/ctgov/map.ts';
import { STEM_TABLE_ID, stemTable, writeStemTable } from '../../../seed/ctgov/stemTable.ts';
import type { SeedFileData, SeedRecord } from '../../../seed/format.ts';
import { draftYaml, writeDraft } from '../../../seed/ingest/emit.ts';
import { EntityRegistry, matchKey } from '../../../seed/ingest/registry.ts';
import { IssueList } from '../../../seed/issues.ts';
import { defaultSeedFiles } from '../../../seed/load.ts';
import { parseSeedText } from '../../../seed/read.ts';
import { validateSeedFiles } from '../../../seed/validate.ts';
import type { NodeKind } from '../../../server/model/kinds.ts';

const TODAY = '2025-06-01';
const SOURCE = 'studies/NCT00829166.json';

/** A study record in the API v2 layout (protocolSection modules as the registry's data structure names them). */
function emilia(): Record<string, unknown> {
  return {
    protocolSection: {
      identificationModule: {
        nctId: 'NCT00829166',
        orgStudyIdInfo: { id: 'TDM4370g' },
        organization: { fullName: 'Genentech, Inc.', class: 'INDUSTRY' },
        briefTitle:
          'A Study of Trastuzumab Emtansine (T-DM1) Versus Capecitabine + Lapatinib in Patients With HER2-Positive Locally Advanced or Metastatic Breast Cancer',
        officialTitle:
          'A Randomized, Multicenter, Phase III Open-Label Study of the Efficacy and Safety of Trastuzumab-MCC-DM1 vs. Capecitabine + Lapatinib in Patients With HER2-Positive Locally Advanced or Metastatic Breast Cancer',
        acronym: 'EMILIA',
      },
      statusModule: {
        statusVerifiedDate: '2019-05',
        overallStatus: 'COMPLETED',
        startDateStruct: { date: '2009-02-23', type: 'ACTUAL' },
        primaryCompletionDateStruct: { date: '2012-01', type: 'ACTUAL' },
        completionDateStruct: { date: '2015-12-31', type: 'ACTUAL' },
        studyFirstSubmitDate: '2009-01-26',
        lastUpdateSubmitDate: '2019-05-06',
        lastUpdatePostDateStruct: { date: '2019-05-07', type: 'ACTUAL' },
      },
      sponsorCollaboratorsModule: {
        responsibleParty: { type: 'SPONSOR' },
        leadSponsor: { name: 'Hoffmann-La Roche', class: 'INDUSTRY' },
        collaborators: [
          { name: 'Genentech, Inc.', class: 'INDUSTRY' },
          { name: 'Breast Cancer Trials Network', class: 'NETWORK' },
        ],
      },
      conditionsModule: { conditions: ['Breast Cancer', 'breast cancer'], keywords: ['HER2'] },
      designModule: {
        studyType: 'INTERVENTIONAL',
        phases: ['PHASE3'],
        designInfo: { allocation: 'RANDOMIZED', interventionModel: 'PARALLEL' },
        enrollmentInfo: { count: 991, type: 'ACTUAL' },
      },
      armsInterventionsModule: {
        armGroups: [
          {
            label: 'Trastuzumab Emtansine',
            type: 'EXPERIMENTAL',
            interventionNames: ['Drug: Trastuzumab Emtansine'],
          },
          {
            label: 'Capecitabine + Lapatinib',
            type: 'ACTIVE_COMPARATOR',
            interventionNames: ['Drug: Capecitabine', 'Drug: Lapatinib'],
          },
        ],
        interventions: [
          {
            type: 'BIOLOGICAL',
            name: 'Trastuzumab Emtansine',
            description: '3.6 mg/kg intravenously every 3 weeks',
            armGroupLabels: ['Trastuzumab Emtansine'],
            otherNames: ['T-DM1', 'Kadcyla', 'RO5304020'],
          },
          {
            type: 'DRUG',
            name: 'Capecitabine',
            armGroupLabels: ['Capecitabine + Lapatinib'],
            otherNames: ['Xeloda'],
          },
          { type: 'DRUG', name: 'Lapatinib', armGroupLabels: ['Capecitabine + Lapatinib'] },
          { type: 'PROCEDURE', name: 'Tumor biopsy', armGroupLabels: ['Trastuzumab Emtansine'] },
        ],
      },
      contactsLocationsModule: {
        locations: [
          { facility: 'Site 1', city: 'Birmingham', state: 'Alabama', country: 'United States' },
          { facility: 'Site 2', city: 'Boston', state: 'Massachusetts', country: 'United States' },
          { facility: 'Site 3', city: 'Paris', country: 'France' },
          { facility: 'Site 4', city: 'Tokyo', country: 'Japan' },
        ],
      },
    },
    derivedSection: { miscInfoModule: { versionHolder: '2025-05-30' } },
    hasResults: true,
  };
}

/** A study changed by `change(protocolSection)`. */
function studyWith(change: (protocol: Record<string, Record<string, unknown>>) => void) {
  const study = emilia();
  change(study.protocolSection as Record<string, Record<string, unknown>>);
  return study;
}

/** A context that knows `entities` (label → id → names) and introduces new ones as proposed. */
function contextOf(entities: Partial<Record<NodeKind, Record<string, string[]>>> = {}): MapContext {
  return {
    today: TODAY,
    resolve(label, names) {
      const keys = new Set(names.map((name) => matchKey(label, name)));
      for (const [id, known] of Object.entries(entities[label] ?? {})) {
        if (known.some((name) => keys.has(matchKey(label, name)))) return id;
      }
      return undefined;
    },
  };
}

/** What the Kadcyla seed files hold (ids and some names), as the graph would. */
const KADCYLA_GRAPH = contextOf({
  Company: { roche: ['Roche', 'Roche Group'], genentech: ['Genentech'] },
  Drug: { kadcyla: ['Kadcyla', 'T-DM1', 'ado-trastuzumab emtansine'] },
  Region: { us: ['United States', 'US'], japan: ['Japan'] },
});

function mapped(result: MappedStudy) {
  if (result.kind !== 'mapped') throw new Error(`skipped: ${result.reason}`);
  return result;
}

const list = (seed: SeedFileData, name: keyof SeedFileData) => (seed[name] ?? []) as SeedRecord[];
const byId = (seed: SeedFileData, name: keyof SeedFileData, id: string) =>
  list(seed, name).find((record) => record.id === id);
/** The record's trial fields, in the order its text gives them: the lines the trial cites. */
const TRIAL_LINES = [
  'nctId',
  'briefTitle',
  'officialTitle',
  'acronym',
  'studyType',
  'phases',
  'overallStatus',
  'startDate',
  'primaryCompletionDate',
  'completionDate',
  'enrollment',
  'lastUpdate',
];

const trialOf = (seed: SeedFileData) => list(seed, 'trials')[0] as SeedRecord;

/** Every citation in a seed file (records and links), with where it is. */
function citations(seed: SeedFileData): string[] {
  const found: string[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        if (key === 'cite') found.push(...(inner as string[]));
        else visit(inner);
      }
    }
  };
  const { sentences: _sentences, ...rest } = seed;
  visit(rest);
  return found;
}

describe('mapStudy: fields', () => {
  const result = mapped(mapStudy(SOURCE, emilia(), KADCYLA_GRAPH));
  const { seed } = result;

  it('makes the record a source document named by NCT id and version', () => {
    expect(result.nctId).toBe('NCT00829166');
    expect(result.version).toBe('2019-05-07');
    expect(result.issues).toEqual([]);
    expect(seed.document).toEqual({
      id: 'nct00829166-v2019-05-07',
      title: 'ClinicalTrials.gov NCT00829166',
      distributor: 'ClinicalTrials.gov',
      date: '2019-05-07',
      url: 'https://clinicaltrials.gov/study/NCT00829166',
      sourceFile: 'sources/nct00829166-v2019-05-07.txt',
      cite: ['nctId', 'lastUpdate'],
    });
  });

  it('maps the trial: ids, titles, phases, status, dates with their type, enrollment, last update', () => {
    const trial = trialOf(seed);
    expect(trial).toMatchObject({
      id: 'nct00829166',
      name: expect.stringMatching(/^A Study of Trastuzumab Emtansine/),
      aliases: ['NCT00829166', 'EMILIA'],
      nctId: 'NCT00829166',
      officialTitle: expect.stringMatching(/^A Randomized, Multicenter, Phase III/),
      acronym: 'EMILIA',
      studyType: 'INTERVENTIONAL',
      phases: ['PHASE3'],
      phase: 'PHASE_3',
      registryStatus: 'COMPLETED',
      status: 'COMPLETED',
      startDate: '2009-02-23',
      startDateType: 'ACTUAL',
      primaryCompletionDate: '2012-01',
      primaryCompletionDateType: 'ACTUAL',
      completionDate: '2015-12-31',
      completionDateType: 'ACTUAL',
      enrollment: 991,
      enrollmentType: 'ACTUAL',
      lastUpdate: '2019-05-07',
    });
    expect(trial.cite).toEqual(TRIAL_LINES);
  });

  it('renders one line per field used, in a stable order, as the design spells them', () => {
    expect(result.text.split('\n')).toEqual([
      'NCT id: NCT00829166',
      expect.stringMatching(/^brief title: A Study of Trastuzumab Emtansine \(T-DM1\) Versus/),
      expect.stringMatching(/^official title: A Randomized/),
      'acronym: EMILIA',
      'study type: INTERVENTIONAL',
      'phases: PHASE3',
      'overall status: COMPLETED',
      'start date: 2009-02-23 (ACTUAL)',
      'primary completion date: 2012-01 (ACTUAL)',
      'completion date: 2015-12-31 (ACTUAL)',
      'enrollment: 991 (ACTUAL)',
      'last update posted: 2019-05-07',
      'lead sponsor: Hoffmann-La Roche (INDUSTRY)',
      'collaborator: Genentech, Inc. (INDUSTRY)',
      'collaborator: Breast Cancer Trials Network (NETWORK)',
      'condition: Breast Cancer',
      'intervention: Trastuzumab Emtansine (BIOLOGICAL; also T-DM1, Kadcyla, RO5304020; arm EXPERIMENTAL)',
      'intervention: Capecitabine (DRUG; also Xeloda; arm ACTIVE_COMPARATOR)',
      'intervention: Lapatinib (DRUG; arm ACTIVE_COMPARATOR)',
      'location country: United States',
      'location country: France',
      'location country: Japan',
      '',
    ]);
    expect(Object.keys(seed.sentences)).toEqual([
      ...TRIAL_LINES,
      'leadSponsor',
      'collaborator1',
      'collaborator2',
      'condition1',
      'intervention1',
      'intervention2',
      'intervention3',
      'locationCountry1',
      'locationCountry2',
      'locationCountry3',
    ]);
  });

  it('cites only lines of its own text, or sentences of the INN stem table', () => {
    const lines = new Set(result.text.split('\n'));
    for (const sentence of Object.values(seed.sentences)) expect(lines.has(sentence)).toBe(true);
    const table = stemTable().seed.sentences;
    for (const cite of citations(seed)) {
      if (cite.includes('#')) {
        const [document, key] = cite.split('#') as [string, string];
        expect(document).toBe(STEM_TABLE_ID);
        expect(table[key], cite).toBeDefined();
      } else expect(seed.sentences[cite], cite).toBeDefined();
    }
  });

  it('resolves sponsors to the companies the graph knows, with their sponsor class', () => {
    expect(trialOf(seed).conductedBy).toEqual([
      { ref: 'roche', cite: ['leadSponsor'] },
      { ref: 'genentech', cite: ['collaborator1'] },
      { ref: 'breast-cancer-trials-network', cite: ['collaborator2'] },
    ]);
    expect(seed.companies).toEqual([
      { id: 'roche', sponsorClass: 'INDUSTRY', cite: ['leadSponsor'] },
      { id: 'genentech', sponsorClass: 'INDUSTRY', cite: ['collaborator1'] },
      {
        id: 'breast-cancer-trials-network',
        name: 'Breast Cancer Trials Network',
        aliases: ['Breast Cancer Trials Network'],
        sponsorClass: 'NETWORK',
        cite: ['collaborator2'],
      },
    ]);
  });

  it('tests the drug interventions in the role their arms give, resolving known drugs by any name', () => {
    expect(trialOf(seed).tests).toEqual([
      { ref: 'kadcyla', role: 'INVESTIGATIONAL', cite: ['intervention1'] },
      { ref: 'capecitabine', role: 'COMPARATOR', cite: ['intervention2'] },
      { ref: 'lapatinib', role: 'COMPARATOR', cite: ['intervention3'] },
    ]);
    expect(byId(seed, 'drugs', 'capecitabine')).toEqual({
      id: 'capecitabine',
      name: 'Capecitabine',
      aliases: ['Xeloda'],
      cite: ['intervention2'],
    });
  });

  it('reads an ADC from its INN: modality, antibody, payload, linker and targets, citing the stem table', () => {
    expect(result.adc).toBe(true);
    const cite = ['inn-stem-table#emtansine', 'intervention1'];
    expect(byId(seed, 'drugs', 'kadcyla')).toEqual({
      id: 'kadcyla',
      modality: 'ADC',
      cite: ['intervention1', 'inn-stem-table#emtansine'],
      antibody: { ref: 'trastuzumab', cite },
      payload: { ref: 'dm1', cite },
      linker: { ref: 'smcc', cite },
      targets: [{ ref: 'her2', cite: ['inn-stem-table#antibody-trastuzumab', 'intervention1'] }],
    });
    // The vocabulary's antibodies are the stem table's to state.
    expect(seed.antibodies).toBeUndefined();
  });

  it('maps conditions to indications (each once) and countries to regions', () => {
    expect(seed.indications).toEqual([{ id: 'breast-cancer', name: 'Breast Cancer', cite: ['condition1'] }]);
    expect(trialOf(seed).studies).toEqual([{ ref: 'breast-cancer', cite: ['condition1'] }]);
    expect(trialOf(seed).regions).toEqual([
      { ref: 'us', cite: ['locationCountry1'] },
      { ref: 'france', cite: ['locationCountry2'] },
      { ref: 'japan', cite: ['locationCountry3'] },
    ]);
    expect(seed.regions).toEqual([{ id: 'france', name: 'France', cite: ['locationCountry2'] }]);
  });
});

describe('mapStudy: resolution', () => {
  it('puts "Hoffmann-La Roche" on roche and "Genentech, Inc." on genentech from the vocabulary alone', () => {
    const { seed } = mapped(mapStudy(SOURCE, emilia(), contextOf()));
    expect(byId(seed, 'companies', 'roche')).toEqual({
      id: 'roche',
      name: 'Roche',
      aliases: ['Hoffmann-La Roche'],
      sponsorClass: 'INDUSTRY',
      cite: ['leadSponsor'],
    });
    expect(byId(seed, 'companies', 'genentech')).toMatchObject({ name: 'Genentech' });
  });

  it('resolves "F. Hoffmann-La Roche Ltd" and names a new sponsor as the registry spells it', () => {
    const study = studyWith((p) => {
      p.sponsorCollaboratorsModule = {
        leadSponsor: { name: 'F. Hoffmann-La Roche Ltd', class: 'INDUSTRY' },
        collaborators: [{ name: 'Acme Oncology, Inc.', class: 'INDUSTRY' }],
      };
    });
    const { seed } = mapped(mapStudy(SOURCE, study, KADCYLA_GRAPH));
    expect(trialOf(seed).conductedBy).toEqual([
      { ref: 'roche', cite: ['leadSponsor'] },
      { ref: 'acme-oncology', cite: ['collaborator1'] },
    ]);
    expect(byId(seed, 'companies', 'acme-oncology')).toMatchObject({
      name: 'Acme Oncology, Inc.',
      aliases: ['Acme Oncology, Inc.'],
    });
  });

  it('takes the ids the context gives for entities it introduces, and states no name for known ones', () => {
    const introduced: string[] = [];
    const context: MapContext = {
      today: TODAY,
      resolve: (label, names) =>
        label === 'Indication' && names.includes('Breast Cancer') ? 'bc' : undefined,
      introduce: (label, _names, proposed) => {
        introduced.push(`${label}:${proposed}`);
        return `${proposed}-2`;
      },
    };
    const { seed } = mapped(mapStudy(SOURCE, emilia(), context));
    expect(trialOf(seed).id).toBe('nct00829166-2');
    expect(trialOf(seed).name).toBeUndefined();
    expect(trialOf(seed).studies).toEqual([{ ref: 'bc', cite: ['condition1'] }]);
    expect(seed.indications).toBeUndefined();
    expect(introduced).toContain('Company:roche');
    expect(introduced).toContain('Drug:trastuzumab-emtansine');
    expect(introduced).toContain('Region:us');
  });
});

describe('mapStudy: ADC detection', () => {
  const withInterventions = (interventions: unknown[], armGroups: unknown[] = []) =>
    studyWith((p) => {
      p.armsInterventionsModule = { armGroups, interventions };
    });

  it('reads the INN from other names, FDA prefixes and suffixes ignored', () => {
    const study = withInterventions(
      [
        {
          type: 'DRUG',
          name: 'DS-8201a',
          armGroupLabels: ['T-DXd'],
          otherNames: ['fam-trastuzumab deruxtecan-nxki', 'T-DXd'],
        },
      ],
      [{ label: 'T-DXd', type: 'EXPERIMENTAL', interventionNames: ['Drug: DS-8201a'] }],
    );
    const result = mapped(mapStudy(SOURCE, study, contextOf()));
    expect(result.adc).toBe(true);
    const cite = ['inn-stem-table#deruxtecan', 'intervention1'];
    expect(byId(result.seed, 'drugs', 'ds-8201a')).toEqual({
      id: 'ds-8201a',
      name: 'DS-8201a',
      aliases: ['fam-trastuzumab deruxtecan-nxki', 'T-DXd', 'trastuzumab deruxtecan'],
      genericName: 'trastuzumab deruxtecan',
      modality: 'ADC',
      cite: ['intervention1', 'inn-stem-table#deruxtecan'],
      antibody: { ref: 'trastuzumab', cite },
      payload: { ref: 'dxd', cite },
      linker: { ref: 'ggfg', cite },
      targets: [{ ref: 'her2', cite: ['inn-stem-table#antibody-trastuzumab', 'intervention1'] }],
    });
    expect(result.seed.sentences.intervention1).toBe(
      'intervention: DS-8201a (DRUG; also fam-trastuzumab deruxtecan-nxki, T-DXd; arm EXPERIMENTAL)',
    );
  });

  it('links only the parts a stem implies, and introduces an antibody the vocabulary does not know', () => {
    const study = withInterventions([
      { type: 'BIOLOGICAL', name: 'sacituzumab tirumotecan' },
      { type: 'BIOLOGICAL', name: 'Novelizumab Vedotin' },
    ]);
    const { seed } = mapped(mapStudy(SOURCE, study, contextOf()));
    const tirumotecan = byId(seed, 'drugs', 'sacituzumab-tirumotecan');
    expect(tirumotecan).toMatchObject({ modality: 'ADC', payload: { ref: 'kl610023' } });
    expect(tirumotecan?.linker).toBeUndefined();
    // The INN is the name itself: no alias that differs only in case.
    expect(byId(seed, 'drugs', 'novelizumab-vedotin')?.aliases).toBeUndefined();
    expect(tirumotecan?.targets).toEqual([
      { ref: 'trop2', cite: ['inn-stem-table#antibody-sacituzumab', 'intervention1'] },
    ]);
    const novel = byId(seed, 'drugs', 'novelizumab-vedotin');
    expect(novel).toMatchObject({
      antibody: { ref: 'novelizumab' },
      payload: { ref: 'mmae' },
      linker: { ref: 'mc-vc-pabc' },
    });
    expect(novel?.targets).toBeUndefined();
    expect(seed.antibodies).toEqual([{ id: 'novelizumab', name: 'novelizumab', cite: ['intervention2'] }]);
  });

  it('takes "antibody-drug conjugate" in a description for an ADC, citing the description line', () => {
    const study = withInterventions([
      { type: 'OTHER', name: 'XB-1207', description: 'A B7-H3-directed antibody-drug conjugate, IV Q3W' },
    ]);
    const result = mapped(mapStudy(SOURCE, study, contextOf()));
    expect(result.adc).toBe(true);
    expect(byId(result.seed, 'drugs', 'xb-1207')).toEqual({
      id: 'xb-1207',
      name: 'XB-1207',
      modality: 'ADC',
      cite: ['intervention1', 'interventionDescription1'],
    });
    expect(result.seed.sentences.interventionDescription1).toBe(
      'intervention description: A B7-H3-directed antibody-drug conjugate, IV Q3W',
    );
  });

  it('is not an ADC study without such an intervention; placebo and non-drug interventions are left out', () => {
    const study = withInterventions(
      [
        { type: 'DRUG', name: 'Pertuzumab', armGroupLabels: ['A', 'B'] },
        { type: 'DRUG', name: 'Placebo', armGroupLabels: ['B'] },
        { type: 'RADIATION', name: 'Radiotherapy', armGroupLabels: ['A'] },
      ],
      [
        { label: 'A', type: 'EXPERIMENTAL' },
        { label: 'B', type: 'PLACEBO_COMPARATOR' },
      ],
    );
    const result = mapped(mapStudy(SOURCE, study, contextOf()));
    expect(result.adc).toBe(false);
    // pertuzumab is the vocabulary's antibody id (the stem table's): the drug takes its kind after the name.
    expect(trialOf(result.seed).tests).toEqual([{ ref: 'pertuzumab-drug', cite: ['intervention1'] }]);
    expect(result.seed.sentences.intervention1).toBe(
      'intervention: Pertuzumab (DRUG; arms EXPERIMENTAL, PLACEBO_COMPARATOR)',
    );
    expect(Object.keys(result.seed.sentences).filter((key) => key.startsWith('intervention'))).toEqual([
      'intervention1',
    ]);
  });
});

describe('mapStudy: bad input', () => {
  const map = (study: unknown) => mapStudy(SOURCE, study, contextOf());

  it('reports an unknown enum value with the expected values, leaves the field out, maps the rest', () => {
    const result = mapped(
      map(
        studyWith((p) => {
          (p.statusModule as Record<string, unknown>).overallStatus = 'PAUSED';
          (p.designModule as Record<string, unknown>).phases = ['PHASE2', 'PHASE5'];
        }),
      ),
    );
    expect(result.issues).toEqual([
      {
        source: SOURCE,
        nctId: 'NCT00829166',
        field: 'statusModule.overallStatus',
        message: expect.stringContaining('expected one of NOT_YET_RECRUITING, RECRUITING,'),
      },
      {
        source: SOURCE,
        nctId: 'NCT00829166',
        field: 'designModule.phases[1]',
        message: expect.stringContaining('EARLY_PHASE1, PHASE1, PHASE2, PHASE3, PHASE4, NA, got "PHASE5"'),
      },
    ]);
    const trial = trialOf(result.seed);
    expect(trial.registryStatus).toBeUndefined();
    expect(trial.status).toBeUndefined();
    expect(trial.phases).toBeUndefined();
    expect(trial.phase).toBeUndefined();
    expect(result.seed.sentences.overallStatus).toBeUndefined();
    expect(trial.enrollment).toBe(991);
  });

  it('reports unknown sponsor classes, intervention and arm types', () => {
    const result = mapped(
      map(
        studyWith((p) => {
          p.sponsorCollaboratorsModule = { leadSponsor: { name: 'Acme', class: 'PHARMA' } };
          const arms = p.armsInterventionsModule as { armGroups: { type: string }[] };
          (arms.armGroups[0] as { type: string }).type = 'TREATMENT';
        }),
      ),
    );
    expect(result.issues.map((issue) => issue.field)).toEqual([
      'sponsorCollaboratorsModule.leadSponsor.class',
      'armsInterventionsModule.armGroups[0].type',
    ]);
    expect(result.issues[0]?.message).toContain('INDUSTRY, NIH, FED, OTHER_GOV, INDIV, NETWORK, AMBIG');
    expect(byId(result.seed, 'companies', 'acme')).toEqual({
      id: 'acme',
      name: 'Acme',
      aliases: ['Acme'],
      cite: ['leadSponsor'],
    });
    expect(result.seed.sentences.leadSponsor).toBe('lead sponsor: Acme');
    // The experimental arm's type is gone: the ADC has no role left.
    expect((trialOf(result.seed).tests as unknown[])[0]).toEqual({
      ref: 'trastuzumab-emtansine',
      cite: ['intervention1'],
    });
  });

  it('reports absurd dates and leaves them out with their type', () => {
    const result = mapped(
      map(
        studyWith((p) => {
          Object.assign(p.statusModule as object, {
            startDateStruct: { date: '1850-03', type: 'ACTUAL' },
            primaryCompletionDateStruct: { date: '2061-01', type: 'ESTIMATED' },
            completionDateStruct: { date: 'soon', type: 'ESTIMATED' },
          });
        }),
      ),
    );
    expect(result.issues.map((issue) => [issue.field, issue.message])).toEqual([
      [
        'statusModule.startDateStruct.date',
        expect.stringContaining('expected a date from 1900 on, got "1850-03"'),
      ],
      [
        'statusModule.primaryCompletionDateStruct.date',
        expect.stringContaining('at most 30 years ahead (by 2055-06-01), got "2061-01"'),
      ],
      ['statusModule.completionDateStruct.date', expect.stringContaining('expected a date such as 2009-02')],
    ]);
    const trial = trialOf(result.seed);
    for (const field of ['startDate', 'startDateType', 'primaryCompletionDate', 'completionDateType']) {
      expect(trial[field], field).toBeUndefined();
    }
    expect(result.seed.sentences.startDate).toBeUndefined();
  });

  it('reports a day that does not exist and a bad enrollment count', () => {
    const result = mapped(
      map(
        studyWith((p) => {
          (p.statusModule as Record<string, unknown>).startDateStruct = {
            date: '2019-02-30',
            type: 'ACTUAL',
          };
          (p.designModule as Record<string, unknown>).enrollmentInfo = { count: -3, type: 'ACTUAL' };
        }),
      ),
    );
    expect(result.issues.map((issue) => issue.field)).toEqual([
      'designModule.enrollmentInfo.count',
      'statusModule.startDateStruct.date',
    ]);
    expect(trialOf(result.seed).enrollment).toBeUndefined();
    expect(trialOf(result.seed).enrollmentType).toBeUndefined();
  });

  it('skips a record without an NCT id, with a malformed one, without a title or a version date', () => {
    const noId = map(
      studyWith((p) => {
        delete (p.identificationModule as Record<string, unknown>).nctId;
      }),
    );
    expect(noId).toEqual({ kind: 'skipped', reason: 'no NCT id (identificationModule.nctId)', issues: [] });
    const badId = map(
      studyWith((p) => {
        (p.identificationModule as Record<string, unknown>).nctId = 'NCT123';
      }),
    );
    expect(badId).toMatchObject({ kind: 'skipped', reason: expect.stringContaining('"NCT123"') });
    const numberId = map(
      studyWith((p) => {
        (p.identificationModule as Record<string, unknown>).nctId = 829166;
      }),
    );
    expect(numberId).toMatchObject({
      kind: 'skipped',
      issues: [{ field: 'identificationModule.nctId', message: 'expected text, got 829166' }],
    });
    const noTitle = map(
      studyWith((p) => {
        delete (p.identificationModule as Record<string, unknown>).briefTitle;
        delete (p.identificationModule as Record<string, unknown>).officialTitle;
      }),
    );
    expect(noTitle).toMatchObject({
      kind: 'skipped',
      reason: 'NCT00829166: no title (identificationModule.briefTitle)',
    });
    const noVersion = map(
      studyWith((p) => {
        const status = p.statusModule as Record<string, unknown>;
        status.lastUpdatePostDateStruct = { date: '2019-05' };
        delete status.lastUpdateSubmitDate;
      }),
    );
    expect(noVersion).toMatchObject({
      kind: 'skipped',
      reason: expect.stringContaining('no version date'),
      issues: [{ field: 'statusModule.lastUpdatePostDateStruct.date', nctId: 'NCT00829166' }],
    });
  });

  it('names the trial by its official title when it has no brief title', () => {
    const result = mapped(
      map(
        studyWith((p) => {
          delete (p.identificationModule as Record<string, unknown>).briefTitle;
        }),
      ),
    );
    const trial = trialOf(result.seed);
    expect(trial.name).toMatch(/^A Randomized, Multicenter, Phase III/);
    expect(trial.officialTitle).toBe(trial.name);
    expect(result.seed.sentences.briefTitle).toBeUndefined();
    expect(trial.cite).toContain('officialTitle');
  });

  it('falls back to the last update submit date for the version', () => {
    const result = mapped(
      map(
        studyWith((p) => {
          delete (p.statusModule as Record<string, unknown>).lastUpdatePostDateStruct;
        }),
      ),
    );
    expect(result.version).toBe('2019-05-06');
  });

  it('skips what is not a study record', () => {
    for (const value of [42, null, [], 'NCT00829166', { protocolSection: 'x' }]) {
      const result = map(value);
      expect(result.kind, JSON.stringify(value)).toBe('skipped');
      expect(result.issues.length, JSON.stringify(value)).toBeGreaterThan(0);
    }
    expect(map({})).toMatchObject({ kind: 'skipped', issues: [] });
  });

  it('leaves out a malformed module but keeps the rest', () => {
    const result = mapped(
      map(
        studyWith((p) => {
          p.contactsLocationsModule = 'everywhere' as never;
          (p.conditionsModule as Record<string, unknown>).conditions = ['Breast Cancer', 7];
        }),
      ),
    );
    expect(result.issues.map((issue) => issue.field)).toEqual([
      'conditionsModule.conditions[1]',
      'contactsLocationsModule',
    ]);
    expect(trialOf(result.seed).regions).toBeUndefined();
    expect(trialOf(result.seed).studies).toEqual([{ ref: 'breast-cancer', cite: ['condition1'] }]);
  });
});

describe('registry values to ours', () => {
  it('derives our phase', () => {
    expect(phaseOf(['PHASE1', 'PHASE2'])).toBe('PHASE_1_2');
    expect(phaseOf(['PHASE2', 'PHASE3'])).toBe('PHASE_2_3');
    expect(phaseOf(['EARLY_PHASE1'])).toBe('PHASE_1');
    expect(phaseOf(['PHASE4'])).toBe('PHASE_4');
    expect(phaseOf(['NA'])).toBeUndefined();
    expect(phaseOf([])).toBeUndefined();
    expect(phaseOf(['PHASE1', 'PHASE3'])).toBeUndefined();
  });

  it('derives our status', () => {
    expect(trialStatusOf('NOT_YET_RECRUITING')).toBe('PLANNED');
    expect(trialStatusOf('SUSPENDED')).toBe('ONGOING');
    expect(trialStatusOf('WITHDRAWN')).toBe('TERMINATED');
    expect(trialStatusOf('UNKNOWN')).toBeUndefined();
    expect(trialStatusOf('APPROVED_FOR_MARKETING')).toBeUndefined();
  });

  it('derives the test role from arm types', () => {
    expect(testRoleOf(['EXPERIMENTAL'])).toBe('INVESTIGATIONAL');
    expect(testRoleOf(['SHAM_COMPARATOR', 'ACTIVE_COMPARATOR'])).toBe('COMPARATOR');
    expect(testRoleOf(['EXPERIMENTAL', 'ACTIVE_COMPARATOR'])).toBeUndefined();
    expect(testRoleOf(['OTHER'])).toBeUndefined();
  });
});

describe('a mapped study as a seed file', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ctgov-map-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('passes the seed format', () => {
    for (const context of [contextOf(), KADCYLA_GRAPH]) {
      const { seed } = mapped(mapStudy(SOURCE, emilia(), context));
      const issues = new IssueList();
      const read = parseSeedText('study.yaml', draftYaml(seed, SOURCE), issues);
      expect(issues.kept).toEqual([]);
      expect(read?.complete).toBe(true);
    }
  });

  it('validates with the stem table alone, and on top of the Kadcyla seed files', async () => {
    const { seedFile: stemFile } = await writeStemTable(join(dir, 'table'));
    const alone = mapped(mapStudy(SOURCE, emilia(), contextOf()));
    const { seedFile } = await writeDraft(join(dir, 'alone'), alone.seed, alone.text, SOURCE);
    const first = await validateSeedFiles([stemFile, seedFile]);
    expect(first.issues.format()).toBe('');
    expect(first.ok).toBe(true);

    const onTop = mapped(mapStudy(SOURCE, emilia(), KADCYLA_GRAPH));
    const written = await writeDraft(join(dir, 'on-top'), onTop.seed, onTop.text, SOURCE);
    const seedFiles = await defaultSeedFiles();
    const second = await validateSeedFiles([...seedFiles, stemFile, written.seedFile]);
    expect(second.issues.format()).toBe('');
    expect(second.ok).toBe(true);
  });
});

describe('mapStudy on the fixtures (test/fixtures/ctgov)', () => {
  const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'ctgov');
  const fixture = (file: string): unknown => JSON.parse(readFileSync(join(FIXTURES, file), 'utf8'));

  /** A context like the CLI's: the run's registry, knowing the Kadcyla graph's companies. */
  function runContext(): { context: MapContext; document: { id: string } } {
    const registry = new EntityRegistry();
    registry.remember('Company', 'roche', ['Roche', 'Roche Group'], 'graph');
    registry.remember('Company', 'genentech', ['Genentech'], 'graph');
    const document = { id: '' };
    return {
      document,
      context: {
        today: TODAY,
        resolve: (label, names) => registry.find(label, names),
        introduce: (label, names, proposed) => registry.resolve(label, names, proposed, document.id),
      },
    };
  }

  it('maps every study file with an NCT id and skips the one without', () => {
    const { context } = runContext();
    const files = readdirSync(join(FIXTURES, 'studies')).sort();
    const results = files.map((file) => [
      file,
      mapStudy(`studies/${file}`, fixture(`studies/${file}`), context),
    ]);
    for (const [file, result] of results as [string, MappedStudy][]) {
      if (file.startsWith('NCT')) expect(result.kind, file).toBe('mapped');
      else expect(result).toMatchObject({ kind: 'skipped', reason: expect.stringContaining('no NCT id') });
    }
  });

  it('tells ADC studies from others', () => {
    const { context } = runContext();
    const adc = (file: string) => mapped(mapStudy(file, fixture(`studies/${file}`), context)).adc;
    expect(adc('NCT09000001.json')).toBe(true);
    expect(adc('NCT09000002.json')).toBe(true);
    // Observational, about ADCs in routine care: its intervention is "Standard of care".
    expect(adc('NCT09000003.json')).toBe(false);
  });

  it('reports the bad enum value and the absurd dates of the fixtures', () => {
    const { context } = runContext();
    const issues = (file: string) =>
      mapped(mapStudy(file, fixture(`studies/${file}`), context)).issues.map((issue) => issue.field);
    expect(issues('NCT09000004.json')).toEqual(['statusModule.overallStatus']);
    expect(issues('NCT09000005.json')).toEqual([
      'statusModule.startDateStruct.date',
      'statusModule.primaryCompletionDateStruct.date',
      'statusModule.completionDateStruct.date',
    ]);
  });

  it('maps a page of studies; a study of the run is not introduced twice', () => {
    const { context, document } = runContext();
    const page = fixture('page.json') as { studies: unknown[] };
    const results = page.studies.map((study, i) => {
      const result = mapStudy(`page.json#studies[${i}]`, study, context);
      if (result.kind === 'mapped') document.id = result.seed.document.id;
      return result;
    });
    expect(results.every((result) => result.kind === 'mapped')).toBe(true);
    const named = results.flatMap((result) =>
      result.kind === 'mapped'
        ? [...list(result.seed, 'companies'), ...list(result.seed, 'drugs')].filter((record) => record.name)
        : [],
    );
    const ids = named.map((record) => record.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('writes seed files that validate together with the stem table', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ctgov-fixtures-'));
    try {
      const { seedFile: stemFile } = await writeStemTable(join(dir, 'table'));
      const { context, document } = runContext();
      const files: string[] = [];
      for (const file of readdirSync(join(FIXTURES, 'studies')).sort()) {
        const result = mapStudy(file, fixture(`studies/${file}`), context);
        if (result.kind !== 'mapped') continue;
        document.id = result.seed.document.id;
        files.push((await writeDraft(join(dir, 'studies'), result.seed, result.text, file)).seedFile);
      }
      const seedFiles = await defaultSeedFiles();
      const result = await validateSeedFiles([...seedFiles, stemFile, ...files]);
      expect(result.issues.format()).toBe('');
      expect(result.ok).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
