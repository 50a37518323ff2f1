export { curationMutation, draftFact } from './curation.resolvers.ts';
