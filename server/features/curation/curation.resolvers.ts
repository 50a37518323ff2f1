import { graphLookup } from '../../../seed/graphLookup.ts';
import type { Context } from '../../context.ts';
import { AppError, ErrorCode } from '../../errors.ts';
import type {
  DraftFactResolvers,
  MutationResolvers,
  PublishResultResolvers,
} from '../../generated/graphql.ts';
import { publishDraft, withdrawDocument } from './publish.ts';

/**
 * The curation endpoint's writer, seed folder and ingester. Only /graphql/edit has them; /graphql refuses mutations before
 * they run, so this is the last guard, not the usual answer.
 */
function curationOf(context: Context) {
  if (!context.curation)
    throw new AppError(ErrorCode.Forbidden, 'Curation mutations are taken at /graphql/edit only.');
  return context.curation;
}

export const curationMutation: Pick<MutationResolvers, 'draftSource' | 'publishDraft' | 'withdrawDocument'> =
  {
    draftSource: (_parent, { source }, context) =>
      curationOf(context).ingester.draft(source, graphLookup(context.executor)),
    publishDraft: (_parent, { draft }, context) => {
      const { writer, seedDir } = curationOf(context);
      return publishDraft(writer, seedDir, draft);
    },
    withdrawDocument: (_parent, { id }, context) => {
      const { writer, seedDir } = curationOf(context);
      return withdrawDocument(writer, seedDir, id);
    },
  };

export const draftFact: Pick<DraftFactResolvers, 'match' | 'lookalike'> = {
  match: (fact, _args, { loaders }) => (fact.resolution === 'GRAPH' ? loaders.node(fact.id) : null),
  lookalike: (fact, _args, { loaders }) => (fact.lookalike ? loaders.node(fact.lookalike) : null),
};

export const publishResult: Pick<PublishResultResolvers, 'document'> = {
  document: async (result, _args, { loaders }) => {
    const document = await loaders.node(result.documentId);
    if (!document) throw new Error(`published ${result.documentId}, then could not read it`);
    return document;
  },
};
