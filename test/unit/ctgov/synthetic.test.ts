import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import {
  ARM_GROUP_TYPES,
  INTERVENTION_TYPES,
  PHASES,
  SPONSOR_CLASSES,
  STUDY_TYPES,
} from '../../../seed/ctgov/map/enums.ts';
import { readStudies } from '../../../seed/ctgov/read.ts';
import {
  hasLaterVersion,
  REFERENCE_DATE,
  SPONSORS,
  syntheticNctId,
  syntheticStudy,
  updatePath,
  writeSyntheticRegistry,
  ZipWriter,
} from '../../../seed/ctgov/synthetic.ts';
import { vocabulary } from '../../../seed/ingest/vocabulary.ts';

// biome-ignore lint/suspicious/noExplicitAny: study records are untyped JSON, read field by field here
type Json = any;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ctgov-synthetic-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function studiesIn(path: string): Promise<{ source: string; study: Json }[]> {
  const studies: { source: string; study: Json }[] = [];
  for await (const item of readStudies([path])) {
    if ('issue' in item) throw new Error(`unexpected issue: ${item.issue.message}`);
    studies.push({ source: item.source, study: item.study });
  }
  return studies;
}

/** The registry statuses the generator draws from (a subset of OVERALL_STATUSES). */
const STATUSES = [
  'NOT_YET_RECRUITING',
  'RECRUITING',
  'ENROLLING_BY_INVITATION',
  'ACTIVE_NOT_RECRUITING',
  'SUSPENDED',
  'TERMINATED',
  'COMPLETED',
  'WITHDRAWN',
  'UNKNOWN',
];
const LOOSE_DATE = /^\d{4}-\d{2}(-\d{2})?$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

const stems = new Set(vocabulary().stems.map((stem) => stem.stem));
const adcInterventions = (study: Json): string[] =>
  (study.protocolSection.armsInterventionsModule?.interventions ?? [])
    .map((intervention: Json) =>
      intervention.name
        .toLowerCase()
        .replace(/ \(.*\)$/, '')
        .split(' '),
    )
    .filter((words: string[]) => words.length === 2 && stems.has(words[1] as string))
    .map((words: string[]) => words.join(' '));

describe('syntheticStudy: the registry layout', () => {
  const studies = Array.from(
    { length: 1500 },
    (_, index) => syntheticStudy(index, { seed: 3, adcShare: 0.1 }) as Json,
  );

  it('has the API v2 sections, modules and fields, with the registry enum values', () => {
    for (const study of studies) {
      const { protocolSection: p } = study;
      expect(Object.keys(study).sort()).toEqual(['derivedSection', 'hasResults', 'protocolSection']);
      expect(p.identificationModule.nctId).toMatch(/^NCT\d{8}$/);
      expect(p.identificationModule.orgStudyIdInfo.id).toEqual(expect.any(String));
      expect(SPONSOR_CLASSES).toContain(p.identificationModule.organization.class);
      expect(p.identificationModule.briefTitle).toEqual(expect.any(String));
      expect(STATUSES).toContain(p.statusModule.overallStatus);
      expect(p.statusModule.statusVerifiedDate).toMatch(/^\d{4}-\d{2}$/);
      for (const key of ['startDateStruct', 'primaryCompletionDateStruct', 'completionDateStruct']) {
        expect(p.statusModule[key].date).toMatch(LOOSE_DATE);
        expect(['ACTUAL', 'ESTIMATED']).toContain(p.statusModule[key].type);
        if (p.statusModule[key].type === 'ACTUAL')
          expect(p.statusModule[key].date <= REFERENCE_DATE).toBe(true);
      }
      expect(p.statusModule.studyFirstSubmitDate).toMatch(DAY);
      expect(p.statusModule.lastUpdatePostDateStruct).toEqual({
        date: expect.stringMatching(DAY),
        type: 'ACTUAL',
      });
      expect(p.statusModule.lastUpdatePostDateStruct.date <= REFERENCE_DATE).toBe(true);
      expect(p.statusModule.lastUpdatePostDateStruct.date >= p.statusModule.studyFirstSubmitDate).toBe(true);
      expect(SPONSOR_CLASSES).toContain(p.sponsorCollaboratorsModule.leadSponsor.class);
      for (const collaborator of p.sponsorCollaboratorsModule.collaborators ?? [])
        expect(SPONSOR_CLASSES).toContain(collaborator.class);
      expect(p.conditionsModule.conditions.length).toBeGreaterThan(0);
      expect(STUDY_TYPES).toContain(p.designModule.studyType);
      if (p.designModule.studyType === 'INTERVENTIONAL') {
        expect(p.designModule.phases.length).toBeGreaterThan(0);
        for (const phase of p.designModule.phases) expect(PHASES).toContain(phase);
      } else expect(p.designModule.phases).toBeUndefined();
      if (p.designModule.enrollmentInfo) {
        expect(Number.isInteger(p.designModule.enrollmentInfo.count)).toBe(true);
        expect(['ACTUAL', 'ESTIMATED']).toContain(p.designModule.enrollmentInfo.type);
      }
      const arms = p.armsInterventionsModule;
      for (const arm of arms?.armGroups ?? []) {
        if (arm.type !== undefined) expect(ARM_GROUP_TYPES).toContain(arm.type);
        for (const name of arm.interventionNames) expect(name).toMatch(/^(Drug|Biological|Other): /);
      }
      for (const intervention of arms?.interventions ?? []) {
        expect(INTERVENTION_TYPES).toContain(intervention.type);
        for (const label of intervention.armGroupLabels)
          expect(arms.armGroups.map((arm: Json) => arm.label)).toContain(label);
      }
      for (const location of p.contactsLocationsModule?.locations ?? [])
        expect(location).toEqual(
          expect.objectContaining({
            facility: expect.any(String),
            city: expect.any(String),
            country: expect.any(String),
          }),
        );
      expect(study.derivedSection.miscInfoModule.versionHolder).toBe(REFERENCE_DATE);
      expect(typeof study.hasResults).toBe('boolean');
    }
  });

  it('varies: statuses, study types, phases, date precision, comparator arms, sponsors and their variants', () => {
    const seen = (pick: (study: Json) => unknown) => new Set(studies.map(pick));
    expect(seen((s) => s.protocolSection.statusModule.overallStatus).size).toBe(STATUSES.length);
    expect(seen((s) => s.protocolSection.designModule.studyType).size).toBe(3);
    expect(seen((s) => s.protocolSection.statusModule.startDateStruct.date.length)).toEqual(new Set([7, 10]));
    expect(seen((s) => s.protocolSection.statusModule.completionDateStruct.type)).toEqual(
      new Set(['ACTUAL', 'ESTIMATED']),
    );
    const armTypes = new Set(
      studies.flatMap((s) =>
        (s.protocolSection.armsInterventionsModule?.armGroups ?? []).map((arm: Json) => arm.type),
      ),
    );
    expect(armTypes).toEqual(new Set(['EXPERIMENTAL', 'ACTIVE_COMPARATOR', 'PLACEBO_COMPARATOR', undefined]));
    const sponsors = seen((s) => s.protocolSection.sponsorCollaboratorsModule.leadSponsor.name);
    for (const name of [
      'Hoffmann-La Roche',
      'Genentech, Inc.',
      'Daiichi Sankyo Co., Ltd.',
      'National Cancer Institute (NCI)',
    ])
      expect(sponsors).toContain(name);
    expect(SPONSORS.filter((sponsor) => sponsor.name.startsWith('Daiichi Sankyo')).length).toBeGreaterThan(1);
    expect(
      studies.some((s) => (s.protocolSection.sponsorCollaboratorsModule.collaborators ?? []).length > 1),
    ).toBe(true);
    const ids = studies.map((s) => s.protocolSection.identificationModule.nctId);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });

  it('has an ADC intervention, named by a real INN stem, in about the share asked', () => {
    const withAdc = studies.filter((study) => adcInterventions(study).length > 0);
    expect(withAdc.length / studies.length).toBeGreaterThan(0.07);
    expect(withAdc.length / studies.length).toBeLessThan(0.13);
    const none = Array.from({ length: 300 }, (_, index) => syntheticStudy(index, { seed: 3, adcShare: 0 }));
    expect(none.filter((study) => adcInterventions(study).length > 0)).toEqual([]);
    const all = Array.from({ length: 100 }, (_, index) => syntheticStudy(index, { seed: 3, adcShare: 1 }));
    expect(all.every((study) => adcInterventions(study).length > 0)).toBe(true);
    // Real INNs from the vocabulary's examples and made-up antibodies on real stems, e.g. "zanotuzumab deruxtecan".
    const examples = new Set(vocabulary().stems.flatMap((stem) => stem.examples));
    const names = all.flatMap(adcInterventions);
    expect(names.some((name) => examples.has(name))).toBe(true);
    expect(names.some((name) => !examples.has(name))).toBe(true);
  });

  it('is deterministic: study i depends on the seed and i only', () => {
    expect(syntheticStudy(42, { seed: 5, adcShare: 0.05 })).toEqual(
      syntheticStudy(42, { seed: 5, adcShare: 0.05 }),
    );
    expect(syntheticStudy(42, { seed: 5, adcShare: 0.05 })).not.toEqual(
      syntheticStudy(42, { seed: 6, adcShare: 0.05 }),
    );
    expect(syntheticNctId(5, 42)).toBe(
      (syntheticStudy(42, { seed: 5, adcShare: 0.05 }) as Json).protocolSection.identificationModule.nctId,
    );
  });
});

describe('writeSyntheticRegistry', () => {
  it('writes the same bytes for the same seed and count, other bytes for another seed', async () => {
    const [a, b, c] = ['a.zip', 'b.zip', 'c.zip'].map((name) => join(dir, name)) as [string, string, string];
    await writeSyntheticRegistry({ count: 300, seed: 7, out: a });
    await writeSyntheticRegistry({ count: 300, seed: 7, out: b });
    await writeSyntheticRegistry({ count: 300, seed: 8, out: c });
    expect((await readFile(a)).equals(await readFile(b))).toBe(true);
    expect((await readFile(a)).equals(await readFile(c))).toBe(false);
  });

  it('writes NCT########.json entries, in a folder, that the reader reads back', async () => {
    const out = join(dir, 'registry.zip');
    const result = await writeSyntheticRegistry({ count: 250, seed: 2, adcShare: 0.2, out });
    const studies = await studiesIn(out);
    expect(studies).toHaveLength(250);
    expect(result).toMatchObject({ out, studies: 250 });
    expect(result.adcStudies).toBe(studies.filter(({ study }) => adcInterventions(study).length > 0).length);
    for (const { source, study } of studies) {
      const nctId = study.protocolSection.identificationModule.nctId;
      expect(source).toBe(`${out}!${nctId.slice(0, 7)}xxxx/${nctId}.json`);
    }
    expect(studies[10]?.study).toEqual(syntheticStudy(10, { seed: 2, adcShare: 0.2 }));
  });

  it('with versions: a second archive holds a later version of every tenth study', async () => {
    const out = join(dir, 'versioned.zip');
    const result = await writeSyntheticRegistry({ count: 600, seed: 4, versions: true, out });
    expect(result.update).toMatchObject({ out: updatePath(out), studies: 60 });
    expect(updatePath(out)).toBe(join(dir, 'versioned.update.zip'));
    const first = new Map(
      (await studiesIn(out)).map(({ study }) => [study.protocolSection.identificationModule.nctId, study]),
    );
    const later = await studiesIn(updatePath(out));
    expect(later).toHaveLength(60);
    const moved = later.filter(({ study }) => {
      const nctId = study.protocolSection.identificationModule.nctId;
      const earlier = first.get(nctId);
      expect(earlier).toBeDefined();
      expect(
        study.protocolSection.statusModule.lastUpdatePostDateStruct.date >
          earlier.protocolSection.statusModule.lastUpdatePostDateStruct.date,
      ).toBe(true);
      expect(study.protocolSection.identificationModule).toEqual(
        earlier.protocolSection.identificationModule,
      );
      return (
        study.protocolSection.statusModule.overallStatus !==
        earlier.protocolSection.statusModule.overallStatus
      );
    });
    expect(moved.length).toBeGreaterThan(0);
    expect(Array.from({ length: 200 }, (_, index) => index).filter(hasLaterVersion)).toHaveLength(20);
  });

  it('the command line writes the archive and says what it wrote', async () => {
    const out = join(dir, 'cli', 'registry.zip');
    const { stdout } = await promisify(execFile)(
      'npx',
      [
        'tsx',
        'seed/ctgov/syntheticCli.ts',
        '--count',
        '40',
        '--seed',
        '9',
        '--adc-share',
        '0.5',
        '--versions',
        '--out',
        out,
      ],
      { cwd: join(import.meta.dirname, '../../..') },
    );
    expect(stdout).toMatch(new RegExp(`^wrote 40 studies \\(\\d+ with an ADC\\) to ${out}, `));
    expect(stdout).toContain(`wrote 4 later versions to ${updatePath(out)}`);
    expect(await studiesIn(out)).toHaveLength(40);
  }, 30_000);
});

describe('ZipWriter', () => {
  it('writes ZIP64 end records past 65,535 entries, which yauzl reads', async () => {
    const out = join(dir, 'many.zip');
    const zip = new ZipWriter(out);
    const date = new Date('2020-01-01T00:00:00Z');
    for (let index = 0; index < 70_000; index += 1)
      await zip.add(`f${index}.json`, Buffer.from(`{"i":${index}}`), date);
    await zip.close();
    const count = await new Promise<number>((resolve, reject) => {
      yauzl.open(out, { lazyEntries: true }, (error, file) => {
        if (error || !file) return reject(error);
        let entries = 0;
        file.on('entry', () => {
          entries += 1;
          file.readEntry();
        });
        file.on('end', () => resolve(entries));
        file.on('error', reject);
        file.readEntry();
      });
    });
    expect(count).toBe(70_000);
  }, 60_000);
});

describe('memory', () => {
  it('generating and reading 20,000 records keeps the RSS growth small', async () => {
    const out = join(dir, 'large.zip');
    const before = process.memoryUsage().rss;
    let peak = before;
    const sample = () => {
      peak = Math.max(peak, process.memoryUsage().rss);
    };
    const timer = setInterval(sample, 20);
    const result = await writeSyntheticRegistry({ count: 20_000, seed: 11, out, onProgress: sample });
    let studies = 0;
    for await (const item of readStudies([out])) {
      if ('study' in item) studies += 1;
      if (studies % 1000 === 0) sample();
    }
    clearInterval(timer);
    sample();
    expect(studies).toBe(20_000);
    // Held whole, 20,000 records (≈ 70 MB of JSON text, several times that parsed) would far exceed this.
    expect(result.bytes).toBeGreaterThan(15 * 1024 * 1024);
    expect((peak - before) / 1024 / 1024).toBeLessThan(150);
  }, 120_000);
});
