import type { SeedFileData, SeedRecord } from '../format.ts';
import type { ImportIssue } from './issues.ts';
import { mapConditions } from './map/conditions.ts';
import type { MapContext } from './map/context.ts';
import { dateProblem, todayIso } from './map/dates.ts';
import { documentIdOf, Lines, oneLine, studyDocument } from './map/document.ts';
import { mapInterventions } from './map/interventions.ts';
import { readLayout } from './map/layout.ts';
import { mapLocations } from './map/locations.ts';
import { mapSponsors } from './map/sponsors.ts';
import { mapTrial } from './map/trial.ts';

export type { MapContext } from './map/context.ts';

/** One study version mapped to a seed file and its source text, or why it was skipped. */
export type MappedStudy =
  | {
      kind: 'mapped';
      nctId: string;
      /** The version: the day the registry last posted an update of the record. */
      version: string;
      seed: SeedFileData;
      text: string;
      /** Whether it has an ADC intervention (an INN with a linker–payload stem, or "antibody-drug conjugate"). */
      adc: boolean;
      issues: ImportIssue[];
    }
  | { kind: 'skipped'; reason: string; issues: ImportIssue[] };

const NCT_ID = /^NCT\d{8}$/;

/**
 * Maps one ClinicalTrials.gov API v2 study record (`{protocolSection, …}`) to a seed file: the record is the source
 * document (`nct01234567-v2019-05-07`), its fields rendered one a line are the sentences, and the trial, its
 * sponsors, drugs (ADCs with their parts), indications and regions cite the lines that state them. A field that is
 * not as the registry's layout says (an unknown enum value, an absurd date) is reported and left out; a record
 * without an NCT id, a title or a version date is skipped.
 */
export function mapStudy(source: string, study: unknown, context: MapContext): MappedStudy {
  const { study: record, issues } = readLayout(source, study);
  const skip = (reason: string): MappedStudy => ({ kind: 'skipped', reason, issues });
  const protocol = record?.protocolSection;
  if (!protocol) return skip('not a study record: expected an object with protocolSection');
  const nctId = oneLine(protocol.identificationModule?.nctId ?? '');
  if (!NCT_ID.test(nctId)) {
    return skip(
      nctId === ''
        ? 'no NCT id (identificationModule.nctId)'
        : `NCT id ${JSON.stringify(nctId)} is not "NCT" and 8 digits (identificationModule.nctId)`,
    );
  }
  const report = (field: string, message: string) => issues.push({ source, nctId, field, message });
  const title = oneLine(
    protocol.identificationModule?.briefTitle ?? protocol.identificationModule?.officialTitle ?? '',
  );
  if (title === '') return skip(`${nctId}: no title (identificationModule.briefTitle)`);
  const today = context.today ?? todayIso();
  const version = versionOf(protocol.statusModule, today, report);
  if (!version) {
    return skip(
      `${nctId}: no version date (statusModule.lastUpdatePostDateStruct.date, a day such as 2019-05-07)`,
    );
  }

  const lines = new Lines();
  const ownId = nctId.toLowerCase();
  const trialId = context.resolve('Trial', [nctId]) ?? context.introduce?.('Trial', [nctId], ownId) ?? ownId;
  const trial = mapTrial(
    { protocol, nctId, title, version, id: trialId, own: trialId === ownId, today, report },
    lines,
  );
  const sponsors = mapSponsors(protocol.sponsorCollaboratorsModule, lines, context);
  const conditions = mapConditions(protocol.conditionsModule?.conditions, lines, context);
  const arms = protocol.armsInterventionsModule;
  const interventions = mapInterventions(arms?.interventions, arms?.armGroups, lines, context);
  const locations = mapLocations(protocol.contactsLocationsModule?.locations, lines, context);

  if (sponsors.conductedBy.length > 0) trial.conductedBy = sponsors.conductedBy;
  if (interventions.tests.length > 0) trial.tests = interventions.tests;
  if (conditions.studies.length > 0) trial.studies = conditions.studies;
  if (locations.links.length > 0) trial.regions = locations.links;

  const seed: SeedFileData = {
    document: studyDocument(nctId, version, ['nctId', 'lastUpdate']),
    sentences: lines.sentences,
  };
  if (sponsors.companies.length > 0) seed.companies = sponsors.companies.map(ordered);
  if (locations.regions.length > 0) seed.regions = locations.regions.map(ordered);
  if (interventions.antibodies.length > 0) seed.antibodies = interventions.antibodies.map(ordered);
  if (interventions.drugs.length > 0) seed.drugs = interventions.drugs.map(ordered);
  if (conditions.indications.length > 0) seed.indications = conditions.indications.map(ordered);
  seed.trials = [ordered(trial)];
  return { kind: 'mapped', nctId, version, seed, text: lines.text(), adc: interventions.adc, issues };
}

/** A record's fields as the hand-written seed files order them: id, name, aliases, properties, cite, links. */
function ordered(record: SeedRecord): SeedRecord {
  const { id, name, aliases, cite, ...rest } = record;
  const isLink = (value: unknown) =>
    Array.isArray(value) ? value.some((item) => typeof item === 'object') : typeof value === 'object';
  const fields = Object.entries(rest);
  return {
    id,
    ...(name !== undefined ? { name } : {}),
    ...(aliases !== undefined ? { aliases } : {}),
    ...Object.fromEntries(fields.filter(([, value]) => !isLink(value))),
    cite,
    ...Object.fromEntries(fields.filter(([, value]) => isLink(value))),
  } as SeedRecord;
}

/**
 * The record's version: the day its last update was posted (`lastUpdatePostDateStruct.date`), else the day it was
 * submitted (`lastUpdateSubmitDate`). An absurd one is reported.
 */
function versionOf(
  status:
    | { lastUpdatePostDateStruct?: { date?: string | null } | null; lastUpdateSubmitDate?: string | null }
    | null
    | undefined,
  today: string,
  report: (field: string, message: string) => void,
): string | undefined {
  const candidates = [
    ['statusModule.lastUpdatePostDateStruct.date', status?.lastUpdatePostDateStruct?.date],
    ['statusModule.lastUpdateSubmitDate', status?.lastUpdateSubmitDate],
  ] as const;
  for (const [field, value] of candidates) {
    const date = value?.trim();
    if (!date) continue;
    const problem = dateProblem(date, today, true);
    if (!problem) return date;
    report(field, problem);
  }
  return undefined;
}

export { documentIdOf };
