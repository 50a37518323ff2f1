import { badInput } from '../errors.ts';

/**
 * Every cap the API enforces on arguments and on what curators send, and how long a curator's change may wait, in
 * one place (the explorer imports it). The GraphQL-level caps live in server/graphql/armor.ts.
 */
export const LIMITS = Object.freeze({
  /** Page size of every connection. */
  maxPageSize: 100,
  /** Items in a relationship list that is not paginated (a safety net: such lists are small in practice). */
  maxListSize: 200,
  /** Ids in one `nodes` or `graph` call. */
  maxIds: 100,
  /** `graph` seeds. */
  maxGraphSeeds: 50,
  /** `graph` depth. */
  maxGraphDepth: 3,
  /** `graph` nodes. */
  maxGraphLimit: 2000,
  /** `path` length. */
  maxPathLength: 6,
  /** `changes` page size. */
  maxChangesPage: 100,
  /**
   * Statements one `changes` request may read: the window's (document, subject) pairs and the earlier statements
   * of those subjects. A window holding more is refused, to be narrowed.
   */
  maxChangesStatements: 20_000,
  /** Statements in one element's `history`. */
  maxHistory: 500,
  /** Sentences of one document (`document.sentences`). */
  maxDocumentSentences: 2000,
  /** What one document states, resolved (`document.facts`). */
  maxDocumentFacts: 2000,
  /** `search` hits. */
  maxSearchHits: 50,
  /** `search` text, and any filter string. */
  maxTextLength: 200,
  /** Lucene candidates read per hit asked for, before ranking (and five times as many for a kinds filter). */
  searchCandidatesPerHit: 5,
  /** Bytes of one source a curator drafts from (`draftSource`, `publishDraft`). */
  maxSourceBytes: 10 * 1024 * 1024,
  /** How long a publish or withdrawal waits for another seed writer (a load, a publish) before CONFLICT. */
  curationWaitMs: 120_000,
  /** How long a source may wait for and take the ingester (a 10 MB release takes about 35 s on two cores). */
  ingestTimeLimitMs: 120_000,
});

/**
 * Checks an integer argument against its range; out of range is the client's mistake, not something to clamp
 * silently. Without `fallback`, the schema's default is relied on and an explicit null is refused.
 */
export function checkRange(
  name: string,
  value: number | null | undefined,
  min: number,
  max: number,
  fallback?: number,
): number {
  const actual = value ?? fallback ?? null;
  if (actual === null || !Number.isInteger(actual) || actual < min || actual > max) {
    throw badInput(`"${name}" must be an integer from ${min} to ${max}; got ${actual}.`);
  }
  return actual;
}

/** `first` of a connection. */
export const pageSize = (first: number | null | undefined) =>
  checkRange('first', first, 1, LIMITS.maxPageSize, 20);

/** `first` of an element's `history` (the schema's default applies when it is not given). */
export const historySize = (first: number | null | undefined) =>
  checkRange('first', first, 1, LIMITS.maxHistory);

/** A filter string: trimmed, non-empty, bounded; undefined when absent. */
export function filterText(name: string, value: string | null | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  const trimmed = value.trim();
  if (!trimmed) throw badInput(`"${name}" must not be empty.`);
  if (trimmed.length > LIMITS.maxTextLength)
    throw badInput(`"${name}" must be at most ${LIMITS.maxTextLength} characters.`);
  if (trimmed.includes('\u0000')) throw badInput(`"${name}" must not contain NUL characters.`);
  return trimmed;
}

/** A list of ids: bounded, each one a bounded string. */
export function idList(name: string, ids: readonly string[], max: number): string[] {
  if (ids.length > max) throw badInput(`"${name}" takes at most ${max} ids; got ${ids.length}.`);
  for (const id of ids) {
    if (id.length > LIMITS.maxTextLength)
      throw badInput(`"${name}" holds an id longer than ${LIMITS.maxTextLength} characters.`);
  }
  return [...new Set(ids)];
}
