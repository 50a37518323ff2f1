export { regulatoryRoot } from './regulatory.resolvers.ts';
