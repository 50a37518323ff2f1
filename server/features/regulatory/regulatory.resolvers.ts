import { type Condition, filterText, type RefFilter, refParams, runRootQuery } from '../../core/index.ts';
import { badInput } from '../../errors.ts';
import type { QueryResolvers } from '../../generated/graphql.ts';
import { EVENT_CONDITIONS, EVENT_REFS } from './regulatory.cypher.ts';

export const regulatoryRoot: Pick<QueryResolvers, 'regulatoryEvents'> = {
  regulatoryEvents: (_parent, { where, first, after, order, asOf }, context, info) => {
    const drug = filterText('where.drug', where?.drug);
    const region = filterText('where.region', where?.region);
    const agency = filterText('where.agency', where?.agency);
    const eventType = filterText('where.eventType', where?.eventType);
    const status = filterText('where.status', where?.status);
    if (where?.from && where.to && where.from > where.to)
      throw badInput('"where.from" must not be after "where.to".');
    const refs: RefFilter[] = [];
    if (drug) refs.push(EVENT_REFS.drug);
    if (region) refs.push(EVENT_REFS.region);
    const conditions: Condition[] = [];
    if (agency) conditions.push(EVENT_CONDITIONS.agency);
    if (eventType) conditions.push(EVENT_CONDITIONS.eventType);
    if (status) conditions.push(EVENT_CONDITIONS.status);
    if (where?.from) conditions.push(EVENT_CONDITIONS.from);
    if (where?.to) conditions.push(EVENT_CONDITIONS.to);
    return runRootQuery(
      context,
      {
        name: 'regulatory.timeline',
        kind: 'RegulatoryEvent',
        refs,
        conditions,
        order: 'date',
        descending: order === 'DESC',
      },
      {
        ...refParams('drug', drug),
        ...refParams('region', region),
        agency: agency?.toLowerCase() ?? null,
        eventType: eventType?.toUpperCase() ?? null,
        status: status?.toUpperCase() ?? null,
        from: where?.from ?? null,
        to: where?.to ?? null,
      },
      { first, after, asOf },
      info,
    );
  },
};
