import { statsQuery } from './features/stats/index.ts';
import type { Resolvers } from './generated/graphql.ts';

/** Every feature's resolvers, joined into the map Apollo serves. */
export const resolvers: Resolvers = {
  Query: {
    ...statsQuery,
  },
};
