import type { SeedRecord } from '../../format.ts';
import { dateProblem } from './dates.ts';
import { type Lines, oneLine } from './document.ts';
import { type OverallStatus, phaseOf, type RegistryPhase, trialStatusOf } from './enums.ts';
import type { DateStructValue, Study } from './layout.ts';

type Protocol = NonNullable<Study['protocolSection']>;

/** The trial's dates: our field, the registry's struct and the line's label. */
const DATES = [
  ['startDate', 'startDateStruct', 'start date'],
  ['primaryCompletionDate', 'primaryCompletionDateStruct', 'primary completion date'],
  ['completionDate', 'completionDateStruct', 'completion date'],
] as const;

export interface TrialInput {
  protocol: Protocol;
  nctId: string;
  title: string;
  version: string;
  /** The trial's id, and whether this study record is the trial's own (its name and aliases are ours to state). */
  id: string;
  own: boolean;
  today: string;
  report: (field: string, message: string) => void;
}

/**
 * The trial's own properties, each from its line: NCT id, titles, acronym, study type, phases (and our phase),
 * overall status (and our status), dates with their type, enrollment with its type, last update. An absurd date is
 * reported and left out, with its type.
 */
export function mapTrial(input: TrialInput, lines: Lines): SeedRecord {
  const { protocol, nctId, title, version, id, own, today, report } = input;
  const identification = protocol.identificationModule;
  const status = protocol.statusModule;
  const design = protocol.designModule;
  const cite: string[] = [];
  const trial: SeedRecord = { id, cite };

  cite.push(lines.add('nctId', 'NCT id', nctId));
  // Without a brief title, the official title names the trial (and its line is cited below).
  if (oneLine(identification?.briefTitle ?? '') !== '')
    cite.push(lines.add('briefTitle', 'brief title', title));
  const officialTitle = oneLine(identification?.officialTitle ?? '');
  const acronym = oneLine(identification?.acronym ?? '');
  if (own) {
    trial.name = title;
    trial.aliases = acronym ? [nctId, acronym] : [nctId];
  }
  trial.nctId = nctId;
  if (officialTitle) {
    trial.officialTitle = officialTitle;
    cite.push(lines.add('officialTitle', 'official title', officialTitle));
  }
  if (acronym) {
    trial.acronym = acronym;
    cite.push(lines.add('acronym', 'acronym', acronym));
  }
  if (design?.studyType) {
    trial.studyType = design.studyType;
    cite.push(lines.add('studyType', 'study type', design.studyType));
  }
  const phases = (design?.phases ?? []) as RegistryPhase[];
  if (phases.length > 0) {
    trial.phases = phases;
    const phase = phaseOf(phases);
    if (phase) trial.phase = phase;
    cite.push(lines.add('phases', 'phases', phases.join(', ')));
  }
  if (status?.overallStatus) {
    trial.registryStatus = status.overallStatus;
    const derived = trialStatusOf(status.overallStatus as OverallStatus);
    if (derived) trial.status = derived;
    cite.push(lines.add('overallStatus', 'overall status', status.overallStatus));
  }
  for (const [field, struct, label] of DATES) {
    const value = status?.[struct] as DateStructValue;
    const date = value?.date?.trim();
    if (!date) continue;
    const problem = dateProblem(date, today);
    if (problem) {
      report(`statusModule.${struct}.date`, `${problem}; ${field} left out`);
      continue;
    }
    trial[field] = date;
    if (value?.type) trial[`${field}Type`] = value.type;
    cite.push(lines.add(field, label, value?.type ? `${date} (${value.type})` : date));
  }
  const enrollment = design?.enrollmentInfo;
  if (typeof enrollment?.count === 'number') {
    trial.enrollment = enrollment.count;
    if (enrollment.type) trial.enrollmentType = enrollment.type;
    cite.push(
      lines.add(
        'enrollment',
        'enrollment',
        enrollment.type ? `${enrollment.count} (${enrollment.type})` : String(enrollment.count),
      ),
    );
  }
  trial.lastUpdate = version;
  cite.push(lines.add('lastUpdate', 'last update posted', version));
  return trial;
}
