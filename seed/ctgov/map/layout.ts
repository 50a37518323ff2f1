import { z } from 'zod';
import type { ImportIssue } from '../issues.ts';
import {
  ARM_GROUP_TYPES,
  DATE_TYPES,
  INTERVENTION_TYPES,
  OVERALL_STATUSES,
  PHASES,
  SPONSOR_CLASSES,
  STUDY_TYPES,
} from './enums.ts';

/*
 * The part of the ClinicalTrials.gov API v2 study record the mapper reads (protocolSection; the registry's
 * data-structure documentation names every field), checked with zod. A field that fails is reported and left out,
 * and the rest is checked again: one bad value costs that value, not the study.
 */

const expected = (what: string) => ({
  error: (issue: { input?: unknown }) => `expected ${what}, got ${JSON.stringify(issue.input)}`,
});
const text = z.string(expected('text')).nullish();
const enumOf = <T extends string>(values: readonly T[]) =>
  z.enum(values as readonly [T, ...T[]], expected(`one of ${values.join(', ')}`));
const oneOf = <T extends string>(values: readonly T[]) => enumOf(values).nullish();
const list = <T extends z.ZodType>(item: T) => z.array(item, expected('a list')).nullish();
const object = <T extends z.ZodRawShape>(shape: T) => z.object(shape, expected('an object')).nullish();

const DateStruct = object({ date: text, type: oneOf(DATE_TYPES) });
const Sponsor = object({ name: text, class: oneOf(SPONSOR_CLASSES) });

const StudyLayout = z.object(
  {
    protocolSection: object({
      identificationModule: object({
        nctId: text,
        briefTitle: text,
        officialTitle: text,
        acronym: text,
      }),
      statusModule: object({
        overallStatus: oneOf(OVERALL_STATUSES),
        startDateStruct: DateStruct,
        primaryCompletionDateStruct: DateStruct,
        completionDateStruct: DateStruct,
        lastUpdateSubmitDate: text,
        lastUpdatePostDateStruct: DateStruct,
      }),
      sponsorCollaboratorsModule: object({ leadSponsor: Sponsor, collaborators: list(Sponsor) }),
      conditionsModule: object({ conditions: list(z.string(expected('text'))) }),
      designModule: object({
        studyType: oneOf(STUDY_TYPES),
        phases: list(enumOf(PHASES)),
        enrollmentInfo: object({
          count: z.number(expected('a whole number')).int(expected('a whole number')).min(0).nullish(),
          type: oneOf(DATE_TYPES),
        }),
      }),
      armsInterventionsModule: object({
        armGroups: list(
          object({
            label: text,
            type: oneOf(ARM_GROUP_TYPES),
            interventionNames: list(z.string(expected('text'))),
          }),
        ),
        interventions: list(
          object({
            type: oneOf(INTERVENTION_TYPES),
            name: text,
            description: text,
            armGroupLabels: list(z.string(expected('text'))),
            otherNames: list(z.string(expected('text'))),
          }),
        ),
      }),
      contactsLocationsModule: object({ locations: list(object({ country: text })) }),
    }),
  },
  expected('a study record (an object with protocolSection)'),
);

export type Study = z.output<typeof StudyLayout>;
type Protocol = NonNullable<Study['protocolSection']>;
export type DateStructValue = z.output<typeof DateStruct>;
export type Intervention = NonNullable<
  NonNullable<NonNullable<Protocol['armsInterventionsModule']>['interventions']>[number]
>;
export type ArmGroup = NonNullable<
  NonNullable<NonNullable<Protocol['armsInterventionsModule']>['armGroups']>[number]
>;

/** Lists whose values only mean something together: one bad value drops the list. */
const WHOLE_LISTS = new Set(['phases']);

/** `statusModule.overallStatus`, `armsInterventionsModule.interventions[2].type`: the path a user finds it by. */
export function fieldName(path: readonly PropertyKey[]): string {
  let name = '';
  for (const part of path) {
    if (typeof part === 'number') name += `[${part}]`;
    else name += name === '' ? String(part) : `.${String(part)}`;
  }
  return name.replace(/^protocolSection\.?/, '') || '(record)';
}

/** The NCT id, if the raw record has a usable one: issues name it even when other fields are wrong. */
export function rawNctId(study: unknown): string | undefined {
  const id = (study as { protocolSection?: { identificationModule?: { nctId?: unknown } } } | null)
    ?.protocolSection?.identificationModule?.nctId;
  return typeof id === 'string' && /^NCT\d{8}$/.test(id.trim()) ? id.trim() : undefined;
}

/**
 * The record as far as the mapper reads it: each field that is not as the layout says is reported and left out
 * (an item of a list of values is dropped, except phases, which go as a whole). `undefined` when the record is
 * not an object at all.
 */
export function readLayout(
  source: string,
  study: unknown,
): { study: Study | undefined; issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  const nctId = rawNctId(study);
  let value: unknown = study;
  let copied = false;
  for (let round = 0; round < 20; round += 1) {
    const result = StudyLayout.safeParse(value);
    if (result.success) return { study: result.data, issues };
    if (!copied) {
      value = structuredClone(value);
      copied = true;
    }
    let dropped = false;
    const emptied = new Set<unknown[]>();
    for (const issue of result.error.issues) {
      issues.push({ source, nctId, field: fieldName(issue.path), message: issue.message });
      if (issue.path.length === 0) return { study: undefined, issues };
      dropped = drop(value, issue.path, emptied) || dropped;
    }
    for (const array of emptied) {
      for (let i = array.length - 1; i >= 0; i -= 1) if (array[i] === DROPPED) array.splice(i, 1);
    }
    if (!dropped) break;
  }
  return { study: undefined, issues };
}

const DROPPED = Symbol('dropped');

function drop(root: unknown, path: readonly PropertyKey[], emptied: Set<unknown[]>): boolean {
  let parent = root as Record<PropertyKey, unknown>;
  for (let i = 0; i < path.length - 1; i += 1) {
    const next = parent?.[path[i] as PropertyKey];
    if (typeof next !== 'object' || next === null) return false;
    const last = path[i + 1];
    // An item of a list of values: drop it (or the whole list, for lists read as a whole).
    if (i === path.length - 2 && Array.isArray(next) && typeof last === 'number') {
      if (WHOLE_LISTS.has(String(path[i]))) {
        delete parent[path[i] as PropertyKey];
        return true;
      }
      (next as unknown[])[last] = DROPPED;
      emptied.add(next as unknown[]);
      return true;
    }
    parent = next as Record<PropertyKey, unknown>;
  }
  const key = path[path.length - 1] as PropertyKey;
  if (!(key in parent)) return false;
  delete parent[key];
  return true;
}
