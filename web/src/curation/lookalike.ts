import { LIMITS } from '../../../server/core/limits.ts';
import type { SearchHit } from '../api/types.ts';
import type { EntityKind } from '../generated/graphql.ts';
import type { DraftFact } from './api.ts';

/** Words that say what kind of company a name is, not which: "Halvard Pharma AG" is "Halvard Pharma". */
const LEGAL_FORMS = new Set(
  'ag bv co corp corporation gmbh group holding holdings inc incorporated kk limited llc ltd nv plc sa se spa'.split(
    ' ',
  ),
);

/** A name's words, lower-case, without punctuation and legal forms. */
export function nameWords(name: string): string[] {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((word) => word && !LEGAL_FORMS.has(word));
}

/** Whether two names are one, up to legal forms, punctuation and case, or one begins with all of the other. */
export function looksAlike(a: string, b: string): boolean {
  const [short, long] = [nameWords(a), nameWords(b)].sort((x, y) => x.length - y.length) as [
    string[],
    string[],
  ];
  return short.length > 0 && short.every((word, index) => long[index] === word);
}

/**
 * An entity of the graph a new one looks like: of the same kind, found by the explorer's search for the first
 * word of its name (the search wants every word it is given), with a name that looks alike. Null when none does.
 */
export async function lookalikeOf(
  fact: Pick<DraftFact, 'id' | 'kind' | 'name'>,
  search: (text: string, kind: EntityKind) => Promise<SearchHit[]>,
): Promise<SearchHit | null> {
  const [first] = nameWords(fact.name);
  if (!first) return null;
  const hits = await search(first.slice(0, LIMITS.maxTextLength), fact.kind);
  const alike = (hit: SearchHit) =>
    hit.kind === fact.kind && hit.id !== fact.id && looksAlike(hit.name, fact.name);
  return hits.find(alike) ?? null;
}
