import { propertyOf } from '../entities/asOf.ts';
import type { Prefetch } from '../entities/relations.ts';
import { REL } from '../entities/relations.ts';
import type { Condition, RefFilter } from '../entities/rootQuery.ts';

/** Fetched with every event of a timeline page: its drug, regions and the milestones it triggers. */
export const EVENT_CONTEXT: readonly Prefetch[] = [
  { spec: REL.eventDrug },
  { spec: REL.eventRegions },
  { spec: REL.eventOpensMarkets },
];

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
