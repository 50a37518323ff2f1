export { searchHit, searchQuery } from './search.resolvers.ts';
