import { checkRange, LIMITS, projectionOf, requireEntity, type SearchHitModel } from '../../core/index.ts';
import { badInput } from '../../errors.ts';
import type { QueryResolvers, SearchHitResolvers } from '../../generated/graphql.ts';
import { SEARCH } from './search.cypher.ts';
import { buildSearchQuery } from './searchQuery.ts';

export const searchQuery: Pick<QueryResolvers, 'search'> = {
  search: async (_parent, { text, kinds, first }, { executor }, info) => {
    const limit = checkRange('first', first, 1, LIMITS.maxSearchHits, 10);
    if (text.length > LIMITS.maxTextLength)
      throw badInput(`"text" must be at most ${LIMITS.maxTextLength} characters.`);
    const query = buildSearchQuery(text);
    if (!query) return [];
    const rows = await executor.read(SEARCH, {
      query,
      text: text.trim().toLowerCase(),
      kinds: kinds?.length ? kinds : null,
      candidates: limit * LIMITS.searchCandidatesPerHit * (kinds?.length ? 5 : 1),
      first: limit,
      fields: projectionOf(info),
    });
    return rows.map((row): SearchHitModel => ({ node: requireEntity(row.node), score: Number(row.score) }));
  },
};

export const searchHit: SearchHitResolvers = {
  id: (hit) => hit.node.id,
  kind: (hit) => hit.node.kind,
  name: (hit) => hit.node.name,
};
