import { type Condition, filterText, type RefFilter, refParams, runRootQuery } from '../../core/index.ts';
import type { QueryResolvers } from '../../generated/graphql.ts';
import { PARTNERSHIP_CONDITIONS, PARTNERSHIP_REFS, partnershipsQuery } from './partnerships.cypher.ts';

export const partnershipsRoot: Pick<QueryResolvers, 'partnerships'> = {
  partnerships: (_parent, { where, first, after, asOf }, context, info) => {
    const company = filterText('where.company', where?.company);
    const drug = filterText('where.drug', where?.drug);
    const technology = filterText('where.technology', where?.technology);
    const refs: RefFilter[] = [];
    if (company) refs.push(PARTNERSHIP_REFS.company);
    if (drug) refs.push(PARTNERSHIP_REFS.drug);
    if (technology) refs.push(PARTNERSHIP_REFS.technology);
    const conditions: Condition[] = [];
    if (where?.role && !company) conditions.push(PARTNERSHIP_CONDITIONS.roleOnly);
    if (where?.milestoneStatus) conditions.push(PARTNERSHIP_CONDITIONS.milestoneStatus);
    return runRootQuery(
      context,
      partnershipsQuery(refs, conditions),
      {
        ...refParams('company', company),
        ...refParams('drug', drug),
        ...refParams('technology', technology),
        role: where?.role ?? null,
        milestoneStatus: where?.milestoneStatus ?? null,
      },
      { first, after, asOf },
      info,
    );
  },
};
