import type { GraphLookup } from '../../../seed/graphLookup.ts';
import { companyNameKey } from '../../../seed/ingest/vocabulary.ts';
import type { NodeKind } from '../../model/kinds.ts';

/** An entity of the graph: its id, kind and name. */
export interface Lookalike {
  readonly id: string;
  readonly kind: NodeKind;
  readonly name: string;
}

/** A name's words as the ingester compares company names: case, accents and the vocabulary's legal forms gone. */
const nameWords = (name: string) => companyNameKey(name).split(' ').filter(Boolean);

/** Whether two names are one up to legal forms, punctuation and case, or one begins with all of the other. */
export function looksAlike(a: string, b: string): boolean {
  const [short, long] = [nameWords(a), nameWords(b)].sort((x, y) => x.length - y.length) as [
    string[],
    string[],
  ];
  return short.length > 0 && short.every((word, index) => long[index] === word);
}

/**
 * An entity of the graph a new one looks like: of the same kind, found by `search` for the first word of its name
 * (the full-text index wants every word it is given), with a name that looks alike. Null when none does.
 */
export async function lookalikeOf(
  fact: Pick<Lookalike, 'id' | 'kind' | 'name'>,
  search: (word: string, kind: NodeKind) => Promise<readonly Lookalike[]>,
): Promise<Lookalike | null> {
  const [first] = nameWords(fact.name);
  if (!first) return null;
  const hits = await search(first, fact.kind);
  const alike = (hit: Lookalike) =>
    hit.kind === fact.kind && hit.id !== fact.id && looksAlike(hit.name, fact.name);
  return hits.find(alike) ?? null;
}

/** Searches the graph for look-alikes through `graph` (the server's, or the ingester thread's messages to it). */
export const graphSearch =
  (graph: GraphLookup) =>
  async (word: string, kind: NodeKind): Promise<Lookalike[]> =>
    (await graph.entitiesWith(kind, word)).map((entity) => ({ ...entity, kind }));
