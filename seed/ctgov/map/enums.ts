import {
  ActualOrEstimated,
  RegistryPhase as RegistryPhaseEnum,
  RegistryStatus,
  SponsorClass,
  StudyType,
} from '../../format.ts';

/**
 * The enumerations of the ClinicalTrials.gov API v2 study record that the mapper reads, as the registry spells
 * them (its data-structure documentation), and what each becomes in our model.
 */

// The registry's own values are the seed format's: defined once, in seed/format.ts.
export const OVERALL_STATUSES = RegistryStatus.options;
export type OverallStatus = (typeof OVERALL_STATUSES)[number];

export const STUDY_TYPES = StudyType.options;
export const PHASES = RegistryPhaseEnum.options;
export type RegistryPhase = (typeof PHASES)[number];
export const DATE_TYPES = ActualOrEstimated.options;
export const SPONSOR_CLASSES = SponsorClass.options;
export const INTERVENTION_TYPES = [
  'BEHAVIORAL',
  'BIOLOGICAL',
  'COMBINATION_PRODUCT',
  'DEVICE',
  'DIAGNOSTIC_TEST',
  'DIETARY_SUPPLEMENT',
  'DRUG',
  'GENETIC',
  'PROCEDURE',
  'RADIATION',
  'OTHER',
] as const;
export type InterventionType = (typeof INTERVENTION_TYPES)[number];
export const ARM_GROUP_TYPES = [
  'EXPERIMENTAL',
  'ACTIVE_COMPARATOR',
  'PLACEBO_COMPARATOR',
  'SHAM_COMPARATOR',
  'NO_INTERVENTION',
  'OTHER',
] as const;
export type ArmGroupType = (typeof ARM_GROUP_TYPES)[number];

/** Our trial status, derived from the registry's overall status (none for expanded access and unknown). */
export function trialStatusOf(status: OverallStatus): string | undefined {
  switch (status) {
    case 'NOT_YET_RECRUITING':
      return 'PLANNED';
    case 'RECRUITING':
    case 'ENROLLING_BY_INVITATION':
    case 'ACTIVE_NOT_RECRUITING':
    case 'SUSPENDED':
      return 'ONGOING';
    case 'COMPLETED':
      return 'COMPLETED';
    case 'TERMINATED':
    case 'WITHDRAWN':
      return 'TERMINATED';
    default:
      return undefined;
  }
}

const PHASE_NUMBER: Record<RegistryPhase, number | undefined> = {
  EARLY_PHASE1: 1,
  PHASE1: 1,
  PHASE2: 2,
  PHASE3: 3,
  PHASE4: 4,
  NA: undefined,
};

/**
 * Our phase from the registry's list: one phase as is (EARLY_PHASE1 is PHASE_1), two adjacent phases combined
 * (PHASE1 + PHASE2 → PHASE_1_2, PHASE2 + PHASE3 → PHASE_2_3); NA, none, or any other combination → none.
 */
export function phaseOf(phases: readonly RegistryPhase[]): string | undefined {
  const numbers = [...new Set(phases.map((phase) => PHASE_NUMBER[phase]))].sort();
  if (numbers.length === 0 || numbers.includes(undefined)) return undefined;
  const [first, second] = numbers as number[];
  if (numbers.length === 1) return `PHASE_${first}`;
  if (numbers.length === 2 && (first === 1 || first === 2) && second === (first as number) + 1) {
    return `PHASE_${first}_${second}`;
  }
  return undefined;
}

/**
 * The role of a drug in a trial, from the types of the arm groups that receive it: only experimental arms →
 * INVESTIGATIONAL; only comparator arms (active, placebo, sham) → COMPARATOR; both, neither, or no arm → none.
 */
export function testRoleOf(armTypes: readonly ArmGroupType[]): 'INVESTIGATIONAL' | 'COMPARATOR' | undefined {
  const experimental = armTypes.includes('EXPERIMENTAL');
  const comparator = armTypes.some((type) => type.endsWith('_COMPARATOR'));
  if (experimental && !comparator) return 'INVESTIGATIONAL';
  if (comparator && !experimental) return 'COMPARATOR';
  return undefined;
}
