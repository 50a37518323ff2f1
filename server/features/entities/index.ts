export { entitiesQuery, entityTypes } from './entities.resolvers.ts';
export { LIMITS } from './limits.ts';
