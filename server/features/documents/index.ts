export { createDocumentLoaders } from './documents.loaders.ts';
export { documentFields, documentsQuery } from './documents.resolvers.ts';
