import type { SeedRecord } from '../../format.ts';
import { slug } from '../../ingest/registry.ts';
import { antibodyOf, type InnStem, innWords, stemOf } from '../../ingest/vocabulary.ts';
import { nameKey } from '../../names.ts';
import { antibodySentenceKey, STEM_TABLE_ID, stemSentenceKey } from '../stemTable.ts';
import { type MapContext, RecordList, resolveEntity, unique } from './context.ts';
import { type Lines, oneLine } from './document.ts';
import { type ArmGroupType, testRoleOf } from './enums.ts';
import type { ArmGroup, Intervention } from './layout.ts';

/** Interventions that are drugs: drug and biological ones (and any ADC, whatever its type). */
const DRUG_TYPES = new Set(['DRUG', 'BIOLOGICAL']);
const PLACEBO = /\bplacebos?\b/i;
const ADC_WORDS = /\bantibody[- ]drug[- ]conjugates?\b/i;

/** A stem-table sentence, cited from a study record. */
const stemTableCite = (key: string): string => `${STEM_TABLE_ID}#${key}`;

/** What an intervention's names say about it being an ADC. */
export interface AdcReading {
  /** The name that is an ADC INN ("trastuzumab emtansine"), and its linker–payload stem. */
  inn?: string;
  stem?: InnStem;
  /** The antibody INN: the word before the stem ("trastuzumab"), when it is one (…mab). */
  antibody?: string;
  /** "antibody-drug conjugate" in the name or the description. */
  saysAdc: 'name' | 'description' | undefined;
}

/** Whether an intervention is an ADC: a name with a linker–payload INN stem, or the words "antibody-drug conjugate". */
export function readAdc(names: readonly string[], description: string | undefined): AdcReading {
  let reading: AdcReading = { saysAdc: undefined };
  for (const name of names) {
    const stem = stemOf(name);
    if (!stem) continue;
    const words = innWords(name);
    const before = words[words.lastIndexOf(stem.stem) - 1];
    const antibody = before && (/^[a-z]+mab$/.test(before) || antibodyOf(before)) ? before : undefined;
    reading = { inn: antibody ? `${antibody} ${stem.stem}` : name, stem, antibody, saysAdc: undefined };
    break;
  }
  if (names.some((name) => ADC_WORDS.test(name))) reading.saysAdc = 'name';
  else if (description && ADC_WORDS.test(description)) reading.saysAdc = 'description';
  return reading;
}

export interface MappedInterventions {
  drugs: SeedRecord[];
  antibodies: SeedRecord[];
  tests: { ref: string; role?: string; cite: string[] }[];
  /** Whether any intervention is an ADC. */
  adc: boolean;
}

/**
 * The drug and biological interventions: each a drug (resolved by any of its names, else new under its registry
 * name with its other names as aliases), tested by the trial in the role its arm groups give. An ADC (an INN with
 * a linker–payload stem) gets modality ADC and its antibody, payload, linker and targets, citing the INN stem
 * table and its intervention line.
 */
export function mapInterventions(
  interventions: readonly (Intervention | null | undefined)[] | null | undefined,
  armGroups: readonly (ArmGroup | null | undefined)[] | null | undefined,
  lines: Lines,
  context: MapContext,
): MappedInterventions {
  const drugs = new RecordList();
  const antibodies = new RecordList();
  const tests = new Map<string, { cite: string[]; armTypes: ArmGroupType[] }>();
  let adc = false;
  let n = 0;
  for (const intervention of interventions ?? []) {
    const name = oneLine(intervention?.name ?? '');
    if (!intervention || name === '' || PLACEBO.test(name)) continue;
    const otherNames = unique(
      (intervention.otherNames ?? []).map(oneLine).filter((other) => other !== '' && other !== name),
    );
    const description = intervention.description ? oneLine(intervention.description) : undefined;
    const reading = readAdc([name, ...otherNames], description);
    const isAdc = reading.stem !== undefined || reading.saysAdc !== undefined;
    if (!DRUG_TYPES.has(intervention.type ?? '') && !isAdc) continue;
    adc ||= isAdc;
    n += 1;

    const armTypes = armTypesOf(intervention, name, armGroups);
    const details = [
      intervention.type,
      otherNames.length > 0 ? `also ${otherNames.join(', ')}` : undefined,
      armTypes.length > 0 ? `${armTypes.length === 1 ? 'arm' : 'arms'} ${armTypes.join(', ')}` : undefined,
    ].filter((part) => part !== undefined);
    const line = lines.add(
      `intervention${n}`,
      'intervention',
      details.length > 0 ? `${name} (${details.join('; ')})` : name,
    );
    const descriptionLine =
      !reading.stem && reading.saysAdc === 'description' && description
        ? lines.add(`interventionDescription${n}`, 'intervention description', description)
        : undefined;

    const names = unique([name, ...otherNames, ...(reading.inn ? [reading.inn] : [])]);
    const { id, isNew } = resolveEntity(context, 'Drug', names, slug(name));
    const drug: SeedRecord = { id, cite: [line] };
    if (isNew) {
      drug.name = name;
      const seen = new Set([nameKey(name)]);
      const aliases = names.filter((other) => !seen.has(nameKey(other)) && Boolean(seen.add(nameKey(other))));
      if (aliases.length > 0) drug.aliases = aliases;
      if (reading.antibody && reading.stem) drug.genericName = reading.inn;
    }
    if (reading.stem) {
      const stemCite = stemTableCite(stemSentenceKey(reading.stem.stem));
      const cite = [stemCite, line];
      drug.modality = 'ADC';
      drug.cite = [line, stemCite];
      if (reading.antibody) {
        const antibody = mapAntibody(reading.antibody, line, context);
        if (antibody.record) antibodies.add(antibody.record);
        drug.antibody = { ref: antibody.id, cite };
        const targets = antibodyOf(reading.antibody)?.targets ?? [];
        if (targets.length > 0) {
          const targetCite = [stemTableCite(antibodySentenceKey(reading.antibody)), line];
          drug.targets = targets.map((target) => ({ ref: target, cite: targetCite }));
        }
      }
      if (reading.stem.payload) drug.payload = { ref: reading.stem.payload, cite };
      if (reading.stem.linker) drug.linker = { ref: reading.stem.linker, cite };
    } else if (reading.saysAdc) {
      drug.modality = 'ADC';
      if (descriptionLine) drug.cite = [line, descriptionLine];
    }
    if (isNew || drug.modality) drugs.add(drug);

    const test = tests.get(id);
    if (test) {
      test.cite.push(line);
      test.armTypes.push(...armTypes);
    } else tests.set(id, { cite: [line], armTypes: [...armTypes] });
  }
  return {
    drugs: drugs.values(),
    antibodies: antibodies.values(),
    tests: [...tests].map(([ref, { cite, armTypes }]) => {
      const role = testRoleOf(armTypes);
      return role ? { ref, role, cite } : { ref, cite };
    }),
    adc,
  };
}

/**
 * The antibody of an ADC INN: the vocabulary's (stated by the INN stem table, so only referred to here), one the
 * run or the graph knows, or a new one named by the INN's word.
 */
function mapAntibody(word: string, line: string, context: MapContext): { id: string; record?: SeedRecord } {
  if (antibodyOf(word)) return { id: context.resolve('Antibody', [word]) ?? slug(word) };
  const { id, isNew } = resolveEntity(context, 'Antibody', [word], slug(word));
  return isNew ? { id, record: { id, name: word, cite: [line] } } : { id };
}

/**
 * The types of the arm groups that receive an intervention: those its `armGroupLabels` name, and those whose
 * `interventionNames` list it ("Drug: Trastuzumab Emtansine"). Each type once, in the registry's order of arms.
 */
function armTypesOf(
  intervention: Intervention,
  name: string,
  armGroups: readonly (ArmGroup | null | undefined)[] | null | undefined,
): ArmGroupType[] {
  const labels = new Set((intervention.armGroupLabels ?? []).map((label) => oneLine(label).toLowerCase()));
  const wanted = name.toLowerCase();
  const types: ArmGroupType[] = [];
  for (const arm of armGroups ?? []) {
    if (!arm?.type) continue;
    const byLabel =
      arm.label !== undefined && arm.label !== null && labels.has(oneLine(arm.label).toLowerCase());
    const byName = (arm.interventionNames ?? []).some(
      (listed) => oneLine(listed.replace(/^[^:]*:\s*/, '')).toLowerCase() === wanted,
    );
    if ((byLabel || byName) && !types.includes(arm.type)) types.push(arm.type);
  }
  return types;
}
