export { partnershipsRoot } from './partnerships.resolvers.ts';
