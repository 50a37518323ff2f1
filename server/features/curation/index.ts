export { curationMutation, draftFact, publishResult } from './curation.resolvers.ts';
