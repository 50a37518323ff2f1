export { searchHit, searchQuery } from './search.resolvers.ts';
export { buildSearchQuery, normalizeText, searchTerms } from './searchQuery.ts';
