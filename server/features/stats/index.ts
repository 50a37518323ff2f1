export { statsQuery } from './stats.resolvers.ts';
