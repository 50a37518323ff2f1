import { type Condition, propertyOf, REL, type RefFilter } from '../../core/index.ts';

export const EVENT_REFS = {
  drug: { name: 'drug', spec: REL.eventDrug, kind: 'Drug' },
  region: { name: 'region', spec: REL.eventAnyRegion, kind: 'Region' },
} as const satisfies Record<string, RefFilter>;

/** Predicates on the event (its values as of the day in the as-of text). */
export const EVENT_CONDITIONS = {
  agency: (asOf) => `toLower(${propertyOf('m', 'agency', asOf)}) = $agency`,
  eventType: (asOf) => `toUpper(${propertyOf('m', 'eventType', asOf)}) = $eventType`,
  status: (asOf) => `toUpper(${propertyOf('m', 'status', asOf)}) = $status`,
  from: (asOf) => `${propertyOf('m', 'sortDate', asOf)} >= date($from)`,
  to: (asOf) => `${propertyOf('m', 'sortDate', asOf)} <= date($to)`,
} as const satisfies Record<string, Condition>;
