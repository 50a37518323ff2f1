import { graphLookup } from '../../../seed/graphLookup.ts';
import type { DraftFactResolvers, MutationResolvers } from '../../generated/graphql.ts';
import { draftSource } from './draft.ts';

export const curationMutation: Pick<MutationResolvers, 'draftSource'> = {
  draftSource: (_parent, { source }, context) => draftSource(source, graphLookup(context.executor)),
};

export const draftFact: Pick<DraftFactResolvers, 'match'> = {
  match: (fact, _args, { loaders }) => (fact.resolution === 'GRAPH' ? loaders.node(fact.id) : null),
};
