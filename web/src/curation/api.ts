import { LIMITS } from '../../../server/core/limits.ts';
import { ErrorCode } from '../../../server/errors.ts';
import { ApiError, type Endpoint, request } from '../api/client.ts';
import { gql } from '../generated/gql.ts';
import type { DraftSourceMutation, SourceInput } from '../generated/graphql.ts';

/**
 * The curator's requests: drafting, publishing and withdrawing, sent to the curation endpoint with the editor's
 * token. The token is asked for once and kept for the browser tab's session only (sessionStorage): closing the tab
 * forgets it.
 */

export type SourceDraft = DraftSourceMutation['draftSource'];
export type DraftFact = SourceDraft['facts'][number];

const TOKEN_KEY = 'pipeline-atlas.editor-token';

export const editorToken = {
  get: (): string | null => sessionStorage.getItem(TOKEN_KEY),
  set: (token: string) => sessionStorage.setItem(TOKEN_KEY, token),
  forget: () => sessionStorage.removeItem(TOKEN_KEY),
};

/** Whether the server refused the token (a wrong one, or none): the explorer asks for it again. */
export const isTokenRefused = (error: unknown) =>
  error instanceof ApiError && error.code === ErrorCode.Unauthenticated;

/** A publish may wait for another seed writer, and a draft for the ingester, as long as the server lets it. */
const CURATION_TIMEOUT_MS = Math.max(LIMITS.curationWaitMs, LIMITS.ingestTimeLimitMs) + 60_000;

function curation(): Endpoint {
  return { path: '/graphql/edit', token: editorToken.get() ?? '', timeoutMs: CURATION_TIMEOUT_MS };
}

export async function draftSource(source: SourceInput): Promise<SourceDraft> {
  const data = await request(
    gql(`mutation DraftSource($source: SourceInput!) {
      draftSource(source: $source) {
        documentId title text seed likelyMisses
        sentences { key text start end }
        facts { id kind name sentences resolution match { id kind name } lookalike { id kind name } }
      }
    }`),
    { source },
    undefined,
    curation(),
  );
  return data.draftSource;
}

export async function publishDraft(seed: unknown, text: string) {
  const data = await request(
    gql(`mutation PublishDraft($draft: PublishInput!) {
      publishDraft(draft: $draft) { seedFile sourceFile written document { id name } }
    }`),
    { draft: { seed, text } },
    undefined,
    curation(),
  );
  return data.publishDraft;
}

export async function withdrawDocument(id: string) {
  const data = await request(
    gql(`mutation WithdrawDocument($id: ID!) { withdrawDocument(id: $id) { removed files } }`),
    { id },
    undefined,
    curation(),
  );
  return data.withdrawDocument;
}

/** Whether this server takes curators' changes (`EDITING=true`), as its /health says. */
export async function curationOffered(): Promise<boolean> {
  try {
    const health = (await (await fetch('/health')).json()) as { editing?: unknown };
    return health.editing === true;
  } catch {
    return false;
  }
}
