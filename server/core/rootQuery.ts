import type { Cypher } from '../db/executor.ts';
import type { NodeKind } from '../model/kinds.ts';
import { existsAsOf, whereAsOf } from './asOf.ts';
import { afterCondition, nodeMap, pattern, prefetchedField, sortKey, statementCache } from './cypher.ts';
import type { Prefetch, RelationSpec } from './relations.ts';

/**
 * A predicate as a fixed fragment of Cypher, or as one that reads values as of `$asOf` in the as-of text (see
 * asOf.ts) and as stored in today's.
 */
export type Condition = string | ((asOf: boolean) => string);

const conditionText = (condition: Condition, asOf: boolean) =>
  typeof condition === 'string' ? condition : condition(asOf);

/** A filter that names a related entity: `spec` goes from the listed entity to it. */
export interface RefFilter {
  /** The parameter name (the filter's field name). */
  readonly name: string;
  readonly spec: RelationSpec;
  /** The kind the reference must name. */
  readonly kind: NodeKind;
  /** A predicate on the relationship, bound as `rel` (e.g. the role of a party). */
  readonly relCondition?: Condition;
}

export interface RootQuery {
  /** Cypher name prefix (transaction metadata). */
  readonly name: string;
  /** The label listed. */
  readonly kind: NodeKind;
  /** The reference filters given, the first one anchors the match. */
  readonly refs: readonly RefFilter[];
  /** Other predicates on `m`, chosen from fixed fragments by which filters are given. */
  readonly conditions: readonly Condition[];
  readonly order: 'name' | 'date';
  readonly descending?: boolean;
}

/**
 * A root connection query: the matching entities (anchored on the first reference filter, so it starts from an
 * index rather than a label scan), their total, and one keyset page with the relations its selection reads
 * (`prefetch`, see selection.ts). The text is assembled only from fixed fragments and the selection's shape, and
 * cached here and in Neo4j's query cache; every value is a parameter (`$limit`, `$afterKey`, `$afterId`, `$pages`,
 * filter values). `asOf`: the as-of text (see asOf.ts), which answers for the day `$asOf`: every element it walks,
 * from the anchor to the prefetched links, must have been known then, and values are that day's.
 */
export function rootQuery(query: RootQuery, prefetch: readonly Prefetch[] = [], asOf = false): Cypher {
  const conditionTexts = query.conditions.map((condition) => conditionText(condition, asOf));
  const signature = JSON.stringify([
    query.name,
    query.refs.map((ref) => ref.name),
    conditionTexts,
    query.descending,
    shapeOf(prefetch),
    asOf,
  ]);
  return cached(signature, () => buildRootQuery(query, conditionTexts, prefetch, asOf));
}

function buildRootQuery(
  query: RootQuery,
  conditionTexts: string[],
  prefetch: readonly Prefetch[],
  asOf: boolean,
): Cypher {
  const [anchor, ...others] = query.refs;
  const lines: string[] = [];
  const relCondition = (ref: RefFilter) => (ref.relCondition ? [conditionText(ref.relCondition, asOf)] : []);
  if (anchor) {
    lines.push(
      `${refAnchor('anchor', anchor.name, anchor.kind)}${asOf ? ` AND ${existsAsOf('anchor')}` : ''}`,
    );
    lines.push(`MATCH ${pattern(anchor.spec, `m:${query.kind}`, 'rel', 'anchor')}`);
    const where = whereAsOf(asOf, ['rel'], relCondition(anchor));
    if (where) lines.push(`WHERE ${where}`);
  } else {
    lines.push(`MATCH (m:${query.kind})`);
  }
  const conditions = [
    ...(asOf ? [existsAsOf('m')] : []),
    ...others.map(
      (ref) =>
        `EXISTS { MATCH ${pattern(ref.spec, 'm', 'rel', `ref:${ref.kind}`)} WHERE ${whereAsOf(asOf, ['rel', 'ref'], [refMatches('ref', ref.name), ...relCondition(ref)])} }`,
    ),
    ...conditionTexts,
  ];
  lines.push('WITH DISTINCT m');
  if (conditions.length) lines.push(`WHERE ${conditions.join('\n  AND ')}`);
  const key = sortKey(query.order, 'm', asOf);
  const direction = query.descending ? ' DESC' : '';
  const prefetched = linksMap(prefetch, asOf);
  lines.push(`WITH collect(m) AS matches
RETURN size(matches) AS total, COLLECT {
  UNWIND matches AS m
  WITH m, ${key} AS key
  WHERE ${afterCondition('key', 'm', query.descending)}
  ORDER BY key${direction}, m.id${direction} LIMIT toInteger($limit)
  RETURN {node: ${nodeMap('m', true, query.kind, asOf)}, key: key, links: ${prefetched}}
} AS page`);

  const name = `${query.name}[${query.refs.map((ref) => ref.name).join(',')}]${asOf ? '@asOf' : ''}`;
  return { name, text: lines.join('\n') };
}

/** The prefetched fields of the entity `m`, as a map keyed by spec key (see prefetchedField). */
const linksMap = (prefetch: readonly Prefetch[], asOf: boolean) =>
  `{${prefetch.map((item) => `\`${item.spec.key}\`: ${prefetchedField(item, 'm', 1, true, asOf)}`).join(', ')}}`;

/** What a prefetch's statement text depends on: its relations and which are paged (page sizes are parameters). */
const shapeOf = (prefetch: readonly Prefetch[]): unknown[] =>
  prefetch.map((item) => [item.spec.key, item.page !== undefined, shapeOf(item.children ?? [])]);

const cached = statementCache();

/**
 * One entity of a kind by id (known on `$asOf` when `asOf`) with the relations its selection reads, nested, in
 * the same statement (see selection.ts): `node`, and `links` as a root page's items carry them. The text depends
 * only on the selection's shape; page sizes are `$pages`, the properties read `$fields`.
 */
export function nodeQuery(kind: NodeKind, prefetch: readonly Prefetch[], asOf = false): Cypher {
  return cached(JSON.stringify(['node', kind, shapeOf(prefetch), asOf]), () => ({
    name: `entities.node:${kind}${asOf ? '@asOf' : ''}`,
    text: `MATCH (m:Entity {id: $id})
WHERE m:${kind}${asOf ? ` AND ${existsAsOf('m')}` : ''}
RETURN ${nodeMap('m', true, kind, asOf)} AS node, ${linksMap(prefetch, asOf)} AS links`,
  }));
}

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

/** Lower case, without accents (NFKD, combining marks removed). */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** A Lucene phrase query for the whole text: quotes and backslashes escaped, nothing else to interpret. */
export function phraseQuery(value: string): string {
  const folded = normalizeText(value);
  return `"${folded.replace(/["\\]/g, (char) => `\\${char}`)}"`;
}

/** Whether `variable` is the entity the reference `name` names. */
function refMatches(variable: string, name: string): string {
  return `(${variable}.id = $${name} OR toLower(${variable}.name) = $${name}Lower
    OR toLower(coalesce(${variable}.genericName, '')) = $${name}Lower
    OR any(alias IN coalesce(${variable}.aliases, []) WHERE toLower(alias) = $${name}Lower))`;
}

/** Binds `variable` to every entity of `kind` the reference `name` names (by id through the index, by name through full text). */
function refAnchor(variable: string, name: string, kind: string): string {
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
