import { normalizeText } from '../search/searchQuery.ts';

/*
 * Filters that name an entity ("payload: DM1", "company: immunogen") accept its id, its name, its generic name
 * or one of its aliases, case-insensitively. The name is looked up through the full-text index (a phrase query),
 * then checked exactly, so no filter scans a whole label.
 */

/** The Cypher parameters of an entity reference called `name`. */
export function refParams(name: string, value: string | undefined): Record<string, string | null> {
  return {
    [name]: value ?? null,
    [`${name}Lower`]: value?.toLowerCase() ?? null,
    [`${name}Phrase`]: value === undefined ? null : phraseQuery(value),
  };
}

/** A Lucene phrase query for the whole text: quotes and backslashes escaped, nothing else to interpret. */
export function phraseQuery(value: string): string {
  const folded = normalizeText(value);
  return `"${folded.replace(/["\\]/g, (char) => `\\${char}`)}"`;
}

/** Whether `variable` is the entity the reference `name` names. */
export function refMatches(variable: string, name: string): string {
  return `(${variable}.id = $${name} OR toLower(${variable}.name) = $${name}Lower
    OR toLower(coalesce(${variable}.genericName, '')) = $${name}Lower
    OR any(alias IN coalesce(${variable}.aliases, []) WHERE toLower(alias) = $${name}Lower))`;
}

/** Binds `variable` to every entity of `kind` the reference `name` names (by id through the index, by name through full text). */
export function refAnchor(variable: string, name: string, kind: string): string {
  // By id first; the full-text lookup of names and aliases only runs when no entity has that id.
  return `OPTIONAL MATCH (ref:Entity {id: $${name}})
CALL (ref) {
  WITH ref WHERE ref IS NOT NULL
  RETURN ref AS found
  UNION
  WITH ref WHERE ref IS NULL
  CALL db.index.fulltext.queryNodes('entity_search', $${name}Phrase, {limit: 100}) YIELD node AS named
  WITH named WHERE ${refMatches('named', name)}
  RETURN named AS found
}
WITH found AS ${variable} WHERE ${variable}:${kind}`;
}
