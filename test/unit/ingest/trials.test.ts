import { describe, expect, it } from 'vitest';
import { abbreviationsIn, findIndications } from '../../../seed/ingest/extract/indications.ts';
import { IngestRun } from '../../../seed/ingest/ingest.ts';
import { draftText, release } from './draftText.ts';

const draft = (body: string) => draftText(release(body));
const refs = (links: unknown) =>
  ((links ?? []) as (string | { ref: string })[]).map((l) => (typeof l === 'string' ? l : l.ref));
const fields = (text: string) => findIndications(text).map(({ start, end, population, ...rest }) => rest);

describe('the indication rules', () => {
  it('reads biomarker, setting and prior therapy of an approval sentence (Kadcyla)', () => {
    expect(
      fields(
        'The proposed indication is for the treatment of people with HER2-positive, unresectable locally advanced or metastatic breast cancer who have received prior treatment with Herceptin® (trastuzumab) and a taxane chemotherapy.',
      ),
    ).toEqual([
      {
        disease: 'breast cancer',
        biomarker: 'HER2-positive',
        setting: 'unresectable locally advanced or metastatic',
        priorTherapy: 'Herceptin (trastuzumab) and a taxane chemotherapy',
        name: 'HER2-positive unresectable locally advanced or metastatic breast cancer after Herceptin and a taxane chemotherapy',
      },
    ]);
  });

  it('reads each of a list, with its line of therapy and a setting written first', () => {
    const found = fields(
      'These include for the first-line treatment of HER2-positive metastatic breast cancer, for early stage HER2-positive breast cancer and for advanced HER2-positive gastric cancer.',
    );
    expect(found.map((f) => [f.disease, f.setting, f.lineOfTherapy])).toEqual([
      ['breast cancer', 'metastatic', 'first line'],
      ['breast cancer', 'early stage', undefined],
      ['gastric cancer', 'advanced', undefined],
    ]);
    expect(found[0]?.name).toBe('First-line HER2-positive metastatic breast cancer');
  });

  it('counts prior lines into a line of therapy and keeps a disease with "or" and an abbreviation', () => {
    const [found] = fields(
      'A trial in patients with EGFR-mutated locally advanced or metastatic gastric or gastroesophageal junction (GEJ) adenocarcinoma whose disease has progressed after at least two prior lines of therapy.',
    );
    expect(found).toMatchObject({
      disease: 'gastric or gastroesophageal junction (GEJ) adenocarcinoma',
      biomarker: 'EGFR-mutated',
      setting: 'locally advanced or metastatic',
      lineOfTherapy: 'third line or later',
    });
  });

  it('leaves out diseases no one is treated for in the sentence, and bare "solid tumors"', () => {
    expect(fields('B7-H4 is a protein overexpressed in ovarian, endometrial and breast cancers.')).toEqual(
      [],
    );
    expect(fields('Activity has been observed in small cell lung cancer.')).toEqual([]);
    expect(fields('A company developing ADCs for patients with solid tumors.')).toEqual([]);
    expect(fields('Approval in Japan for HER2-Low Breast Cancer')[0]).toMatchObject({
      biomarker: 'HER2-low',
      disease: 'breast cancer',
    });
  });
});

describe('indications written with lists and abbreviations', () => {
  const read = (text: string, defined = text) =>
    findIndications(text, abbreviationsIn([defined])).map((f) => [f.disease, f.biomarker, f.setting]);

  it('reads each of a list a drug is evaluated in, abbreviations left out of the disease', () => {
    expect(
      read(
        'The expansion cohorts will evaluate AB-101 in extensive-stage small cell lung cancer (ES-SCLC), metastatic castration-resistant prostate cancer (mCRPC) and esophageal squamous cell carcinoma (ESCC).',
      ),
    ).toEqual([
      ['small cell lung cancer', undefined, 'extensive-stage'],
      ['prostate cancer', undefined, 'metastatic castration-resistant'],
      ['esophageal squamous cell carcinoma', undefined, undefined],
    ]);
  });

  it('spells out a disease written as an abbreviation the release defined, and a narrower one after "including"', () => {
    const defined = 'Results in extensive-stage small cell lung cancer (ES-SCLC) were presented.';
    expect(
      read(
        'It was granted for adults with ES-SCLC whose disease has progressed on or after platinum-based chemotherapy.',
        defined,
      ),
    ).toEqual([['small cell lung cancer', undefined, 'extensive-stage']]);
    expect(read('A study in patients with advanced solid tumors, including ES-SCLC.', defined)).toEqual([
      ['solid tumors', undefined, 'advanced'],
      ['small cell lung cancer', undefined, 'extensive-stage'],
    ]);
    expect(read('A study in patients with ABC whose disease progressed.')).toEqual([]);
  });

  it('spells out an abbreviation inside a disease and reads the line after a first-line therapy', () => {
    const defined = 'Approved in metastatic gastric or gastroesophageal junction (GEJ) adenocarcinoma.';
    const [found] = findIndications(
      'A trial in patients with Claudin 18.2-positive advanced gastric or GEJ adenocarcinoma whose disease progressed after first-line chemotherapy.',
      abbreviationsIn([defined]),
    );
    expect(found).toMatchObject({
      disease: 'gastric or gastroesophageal junction (GEJ) adenocarcinoma',
      biomarker: 'Claudin 18.2-positive',
      setting: 'advanced',
      lineOfTherapy: 'second line',
    });
  });

  it('keeps a list of organs as one disease and names a marker by its short name', () => {
    expect(
      read(
        'Approved for adults with folate receptor alpha (FRα)-positive, platinum-resistant epithelial ovarian, fallopian tube or primary peritoneal cancer.',
      ),
    ).toEqual([
      [
        'epithelial ovarian, fallopian tube or primary peritoneal cancer',
        'FRα-positive',
        'platinum-resistant',
      ],
    ]);
  });

  it('reads "X and Y cancers" as two diseases, but a field of work as none', () => {
    expect(
      read('It is in IND-enabling studies for MUC16-expressing ovarian and endometrial cancers.'),
    ).toEqual([
      ['ovarian cancer', 'MUC16-expressing', undefined],
      ['endometrial cancer', 'MUC16-expressing', undefined],
    ]);
    expect(read('A company developing antibody-drug conjugates for gastrointestinal cancers.')).toEqual([]);
  });
});

describe('the trial rules', () => {
  it('reads a named trial with its NCT id, phase, design, status, drug and indication', async () => {
    const seed = await draft(
      'Acme Therapeutics, Inc. (Nasdaq: ACME) said AC-228 (arcotuzumab tirumotecan) is being evaluated in KESTREL-2 (NCT05894412), an open-label, single-arm Phase 2 trial in patients with CLDN18.2-positive metastatic gastric cancer.',
    );
    const [trial] = seed.trials ?? [];
    expect(trial).toMatchObject({
      name: 'KESTREL-2',
      aliases: ['NCT05894412'],
      phase: 'PHASE_2',
      status: 'ONGOING',
    });
    expect(trial?.design).toBe('open-label, single-arm');
    expect(refs(trial?.tests)).toEqual([seed.drugs?.[0]?.id]);
    expect(refs(trial?.studies)).toEqual([seed.indications?.[0]?.id]);
    expect(refs(seed.drugs?.[0]?.investigatedFor)).toEqual([seed.indications?.[0]?.id]);
    expect(seed.drugs?.[0]?.highestPhase).toBe('PHASE_2');
  });

  it('names an unnamed trial for the drug it tests, with its region (Kadcyla in Japan)', async () => {
    const seed = await draft(
      'The Japanese Ministry of Health, Labor and Welfare (MHLW) has approved Kadcyla® for the treatment of inoperable or recurrent HER2-positive breast cancer based on results from a Japanese Phase II trial and the EMILIA Phase III trial.',
    );
    expect(seed.trials?.map((t) => [t.name, t.phase])).toEqual([
      ['Japanese Phase II trial of Kadcyla', 'PHASE_2'],
      ['EMILIA', 'PHASE_3'],
    ]);
    expect(refs(seed.trials?.[0]?.regions)).toEqual(['japan']);
    // The indication is the approval's: the trials were not said to study it.
    expect(seed.trials?.every((t) => t.studies === undefined)).toBe(true);
  });

  it('tells the comparator from the drug tested and keeps a prior therapy out of the tests', async () => {
    const seed = await draft(
      'Acme Therapeutics, Inc. (Nasdaq: ACME) announced that the EMILIA trial assessed Kadcyla® compared to standard therapy for the treatment of patients with HER2-positive metastatic breast cancer who had previously received Herceptin® (trastuzumab) and a taxane.',
    );
    const [trial] = seed.trials ?? [];
    expect(trial?.comparator).toBe('standard therapy');
    expect(trial?.tests).toEqual([{ ref: 'kadcyla', role: 'INVESTIGATIONAL' }]);
    expect(refs(seed.indications?.[0]?.priorTherapies)).toEqual(['herceptin']);
  });

  it('links a drug to the uses that studies assess, with the sponsor, across "These include"', async () => {
    const seed = await draft(
      'Roche Holding AG (SIX: ROG) is conducting a number of studies assessing Kadcyla® for potential additional uses. These include for early stage HER2-positive breast cancer and for advanced HER2-positive gastric cancer.',
    );
    const [drug] = seed.drugs ?? [];
    const uses = (drug?.investigatedFor ?? []) as { status?: string }[];
    expect(uses).toHaveLength(2);
    expect(uses[0]).toMatchObject({ status: 'ONGOING' });
  });

  it('reads a trial named before its description, and a code with an NCT id as a trial, not a drug', async () => {
    const seed = await draft(
      'Acme Therapeutics, Inc. (Nasdaq: ACME) said the application is supported by ORCA-2, a single-arm Phase 2 trial of AC-310 in patients with metastatic gastric cancer. The first patient was dosed in ABCD-X9 (NCT01234567), a Phase 1 trial of AC-310. Dosing in ABCD-X9 triggers a payment. Results from SOLACE-GC (NCT07654321) are expected.',
    );
    expect(seed.trials?.map((t) => [t.name, t.phase])).toEqual([
      ['ORCA-2', 'PHASE_2'],
      ['ABCD-X9', 'PHASE_1'],
      ['SOLACE-GC', undefined],
    ]);
    expect(seed.drugs?.map((d) => d.name)).toEqual(['AC-310']);
  });

  it('reads who runs a trial from "conducted in X by", a verb of running it and "the two companies"', async () => {
    const seed = await draft(
      'Acme Therapeutics, Inc. (Nasdaq: ACME) today announced a license agreement with Borealis Pharma AG (SIX: BORX) for AC-310. The designation was based on the Phase 1 trial of AC-310 conducted in Japan by Borealis Pharma AG. Acme expects to start a first-in-human study of AC-410 in 2026. The two companies will jointly run ORCA-3, a global Phase 3 trial of AC-310.',
    );
    const sponsors = Object.fromEntries((seed.trials ?? []).map((t) => [t.name, refs(t.conductedBy)]));
    expect(sponsors).toEqual({
      'Phase 1 trial of AC-310 in Japan': ['borealis-pharma'],
      'First-in-human study of AC-410': ['acme-therapeutics'],
      'ORCA-3': ['acme-therapeutics', 'borealis-pharma'],
    });
  });

  it('takes the speaker\'s company for "we" and names the trial for the sponsor\'s own code of the drug', async () => {
    const seed = await draft(
      'Acme Therapeutics, Inc. (Nasdaq: ACME) today announced a license agreement with Borealis Pharma AG (SIX: BORX) for BX-1207. Acme will develop the program under the code name ACM-207.\n\n"BX-1207 is a great fit for us," said Jane Doe, Chief Executive Officer of Acme. "We intend to move quickly into a global Phase 1/2 study in 2025."',
    );
    const [trial] = seed.trials ?? [];
    expect(trial?.name).toBe('Global Phase 1/2 study of ACM-207');
    expect(refs(trial?.conductedBy)).toEqual(['acme-therapeutics']);
  });

  it('names an unnamed trial for a drug an earlier release named, and one trial across releases', async () => {
    const run = new IngestRun();
    await draftText(
      release(
        'Acme Therapeutics, Inc. (Nasdaq: ACME) today announced a license agreement with Suzhou Borealis Pharma Co., Ltd. ("Borealis") for BX-1207. More than 100 patients have been dosed in Borealis\' ongoing Phase 1 trial of BX-1207 in China.',
      ),
      'first.txt',
      run,
    );
    const second = await draftText(
      release(
        'Acme Therapeutics, Inc. (Nasdaq: ACME) today announced news on BX-1207. The designation was based on data from the Phase 1 trial conducted in China by Suzhou Borealis Pharma Co., Ltd.',
      ),
      'second.txt',
      run,
    );
    const [trial] = second.trials ?? [];
    expect(trial?.id).toBe('borealis-s-phase-1-trial-of-bx-1207-in-china');
  });

  it('marks a planned study PLANNED and takes no stage from it', async () => {
    const seed = await draft(
      'Acme Therapeutics, Inc. (Nasdaq: ACME) licensed AC-207 today. "We intend to move AC-207 into a global Phase 1/2 study in 2025, beginning with extensive-stage small cell lung cancer."',
    );
    const [trial] = seed.trials ?? [];
    expect(trial).toMatchObject({ phase: 'PHASE_1_2', status: 'PLANNED' });
    expect(seed.drugs?.[0]?.highestPhase).toBeUndefined();
  });
});
