import { checkRange, LIMITS } from '../../core/index.ts';
import type { QueryResolvers, SourceDocumentResolvers } from '../../generated/graphql.ts';

export const documentsQuery: Pick<QueryResolvers, 'document'> = {
  document: async (_parent, { id }, { loaders }) => {
    if (id.length > LIMITS.maxTextLength) return null;
    const entity = await loaders.node(id);
    return entity?.kind === 'SourceDocument' ? entity : null;
  },
};

/** The fields of a source document that read its text and what it states (loaded only when asked for). */
export const documentFields: Pick<SourceDocumentResolvers, 'text' | 'sentences' | 'facts'> = {
  text: (document, _args, { loaders }) =>
    typeof document.text === 'string' ? document.text : loaders.documents.text.load(document.id),
  sentences: (document, { first }, { loaders }) =>
    loaders.documents.sentences.load({
      id: document.id,
      first: checkRange('first', first, 1, LIMITS.maxDocumentSentences),
    }),
  facts: (document, { first }, { loaders }) =>
    loaders.documents.facts.load({
      id: document.id,
      first: checkRange('first', first, 1, LIMITS.maxDocumentFacts),
    }),
};
