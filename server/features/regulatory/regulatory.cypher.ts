import type { Prefetch } from '../entities/relations.ts';
import { REL } from '../entities/relations.ts';
import type { RefFilter } from '../entities/rootQuery.ts';

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

export const EVENT_CONDITIONS = {
  agency: 'toLower(m.agency) = $agency',
  eventType: 'toUpper(m.eventType) = $eventType',
  status: 'toUpper(m.status) = $status',
  from: 'm.sortDate >= date($from)',
  to: 'm.sortDate <= date($to)',
} as const;
