export { curationMutation, draftFact, publishResult } from './curation.resolvers.ts';
export { Ingester } from './ingester.ts';
