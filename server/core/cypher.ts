import type { Cypher } from '../db/executor.ts';
import { ELEMENT_DATE_PROPERTIES } from '../model/fold.ts';
import { propertyOf, relationshipSubjectOf, restatedSubject, whereAsOf } from './asOf.ts';
import { LIMITS } from './limits.ts';
import { LINK_PROPERTIES } from './model.ts';
import type { Prefetch, RelationSpec } from './relations.ts';

/*
 * Cypher for entities and their relationship lists. Labels and types come from the specs in relations.ts (which
 * take them from the allowlist), never from user input; every value is a parameter. Every lookup starts from the
 * unique index on Entity.id. Each statement that reads entities has an as-of text (see asOf.ts): it takes `$asOf`,
 * matches only elements known on that day, and flags those stated again after it (`restated`), whose statements
 * statements.ts then reads.
 */

const nodesById = (asOf: boolean): Cypher => ({
  name: asOf ? 'entities.byId@asOf' : 'entities.byId',
  text: `
UNWIND $ids AS id
MATCH (n:Entity {id: id})
WHERE ${whereAsOf(asOf, ['n'], ['NOT n:Sentence'])}
RETURN id, CASE WHEN n:SourceDocument THEN ${documentMap('n')} ELSE ${nodeMap('n', false, undefined, asOf)} END AS n`,
});

export const NODES_BY_ID: Cypher = nodesById(false);
export const NODES_BY_ID_AS_OF: Cypher = nodesById(true);

export const CITATIONS_BY_SENTENCE_ID: Cypher = {
  name: 'entities.citations',
  text: `
UNWIND $ids AS id
MATCH (s:Entity {id: id}) WHERE s:Sentence
OPTIONAL MATCH (s)-[:IN_DOCUMENT]->(d:SourceDocument)
RETURN id, s.text AS sentence, s.index AS index, coalesce(s.since, d.since) AS since, ${documentMap('d')} AS document`,
};

/**
 * A source document without its whole text and fact list (documents come with every citation; `text` and `facts`
 * are read by their own fields, see features/documents).
 */
function documentMap(variable: string): string {
  return `${variable} {.*, text: null, facts: null, labels: labels(${variable})}`;
}

/**
 * A CALL subquery that finds the element a subject key names (`key`, a variable): the entity with that id, or the
 * relationship whose type and endpoints the key starts with and whose whole key is the key (identity included).
 * Returns `node` (a map, documents without their text) or `edge` ({id, source, target, type, properties}).
 */
export function elementOfSubject(key: string): string {
  return `CALL (${key}) {
  WITH ${key} WHERE NOT ${key} CONTAINS ':'
  MATCH (n:Entity {id: ${key}})
  RETURN CASE WHEN n:SourceDocument THEN ${documentMap('n')} ELSE ${nodeMap('n')} END AS node, null AS edge
  UNION
  WITH ${key} WHERE ${key} CONTAINS ':'
  WITH ${key}, split(split(${key}, ':')[1], '>') AS ends
  MATCH (a:Entity {id: ends[0]})-[r]->(b:Entity {id: split(ends[1], '@')[0]})
  WHERE ${relationshipSubjectOf('r', 'a', 'b')} = ${key}
  RETURN null AS node,
    {id: elementId(r), source: a.id, target: b.id, type: type(r), properties: properties(r)} AS edge
}`;
}

/** `(from)-[rel:A|B]->(to)` or `(from)<-[rel:A|B]-(to)`. */
export function pattern(spec: RelationSpec, from: string, rel: string, to: string): string {
  const types = spec.types.join('|');
  return spec.direction === 'out'
    ? `(${from})-[${rel}:${types}]->(${to})`
    : `(${from})<-[${rel}:${types}]-(${to})`;
}

/** The kinds the other end must have, as a predicate. */
function targetCondition(spec: RelationSpec, to: string): string {
  return spec.targets?.length
    ? `(${spec.targets.map((kind) => `${to}:${kind}`).join(' OR ')})`
    : `NOT ${to}:Sentence`;
}

/**
 * The sort key of an entity as a string, so cursors compare the same way whatever the order. As of a day, dates
 * are that day's (an expected decision's deadline, not its later date); names are today's.
 */
export function sortKey(order: 'name' | 'date', variable: string, asOf = false): string {
  return order === 'date'
    ? `coalesce(toString(${propertyOf(variable, 'sortDate', asOf)}), '9999-12-31')`
    : `toLower(coalesce(${variable}.name, ${variable}.id))`;
}

/** Keyset condition: strictly after the cursor in the given direction. */
export function afterCondition(key: string, variable: string, descending = false): string {
  const op = descending ? '<' : '>';
  return `($afterKey IS NULL OR ${key} ${op} $afterKey OR (${key} = $afterKey AND ${variable}.id ${op} $afterId))`;
}

/**
 * An entity as a map: every property; or, when `projected`, only the properties `$fields` lists for its kind (see
 * selection.ts) as [name, value] pairs, which toEntity turns back into properties; or, given a list, only those
 * properties (names from the code, never from a request). `kind` names the kind when only one is possible;
 * otherwise it is read from the node's labels. `asOf`: flagged `restated` (its subject key) when it was stated
 * again after `$asOf` (statements.ts reads its statements, toEntity folds them).
 */
export function nodeMap(
  variable: string,
  projected: boolean | readonly string[] = false,
  kind?: string,
  asOf = false,
): string {
  const restated = asOf ? `, restated: ${restatedSubject(variable, `${variable}.id`)}` : '';
  if (projected === false)
    return `${variable} {${everyProperty(variable)}, labels: labels(${variable})${restated}}`;
  if (projected !== true) {
    const only = ['id', ...projected].map((name) => `.${name}`).join(', ');
    return `${variable} {${only}, labels: labels(${variable})${restated}}`;
  }
  const fields = kind
    ? `$fields.${kind}`
    : `$fields[[label IN labels(${variable}) WHERE label <> 'Entity'][0]]`;
  return `${variable} {.id, .name, labels: labels(${variable}), pairs: [property IN coalesce(${fields}, []) | [property, ${variable}[property]]]${restated}}`;
}

/**
 * Every property of an element, as map projection entries, its dates as `YYYY-MM-DD` strings: the driver decodes a
 * Neo4j date with 64-bit integer arithmetic, the answer's largest cost after the database's own. An element without
 * one of them gets it as null, which toEntity and relationshipProperties leave out.
 */
function everyProperty(variable: string): string {
  return ['.*', ...ELEMENT_DATE_PROPERTIES.map((name) => `${name}: toString(${variable}.${name})`)].join(
    ', ',
  );
}

/**
 * A relationship's properties (all, or only `only`) and, as of a day (`asOf`), its subject key as `restated` when
 * it was stated again after `$asOf` (see nodeMap). `start` and `end` are its end nodes' variables.
 */
export function relationshipFields(
  rel: string,
  start: string,
  end: string,
  asOf: boolean,
  only?: readonly string[],
): string {
  const restated = asOf ? `, restated: ${restatedSubject(rel, relationshipSubjectOf(rel, start, end))}` : '';
  const properties = `${rel} {${only ? only.map((name) => `.${name}`).join(', ') : everyProperty(rel)}}`;
  return `properties: ${properties}${restated}`;
}

/** The start and end variables of a spec's pattern (see `pattern`). */
const endsOf = (spec: RelationSpec, from: string, to: string): [string, string] =>
  spec.direction === 'out' ? [from, to] : [to, from];

/**
 * A COLLECT subquery that lists an entity's links of one spec as maps {type, properties, node, links}, ordered and
 * capped; `links` holds the children's (see prefetchedField), keyed by spec key. `projected`: nodes carry only the
 * properties `$fields` lists. `asOf`: only links known on `$asOf`, flagged where they were stated again after it
 * (nodeMap). `path`: where this list sits among the prefetched fields (see pagesParam).
 */
function linksCollect(
  spec: RelationSpec,
  from: string,
  children: readonly Prefetch[] = [],
  depth = 0,
  projected = false,
  asOf = false,
  path = spec.key,
): string {
  const rel = `r${depth}`;
  const to = `x${depth}`;
  const [start, end] = endsOf(spec, from, to);
  const kind = spec.targets?.length === 1 ? spec.targets[0] : undefined;
  return `COLLECT {
  MATCH ${pattern(spec, from, rel, to)}
  WHERE ${whereAsOf(asOf, [rel, to], [targetCondition(spec, to)])}
  WITH ${rel}, ${to} ORDER BY ${sortKey(spec.order, to, asOf)}, ${to}.id LIMIT ${LIMITS.maxListSize}
  RETURN {type: type(${rel}), ${relationshipFields(rel, start, end, asOf, LINK_PROPERTIES)}, node: ${nodeMap(to, projected, kind, asOf)}, links: {${childFields(children, to, depth, projected, asOf, path)}}}
}`;
}

/**
 * A prefetched field as an expression over `from`: its links (linksCollect), or, for a page, `{total, page}`: the
 * distinct entities at the other end, counted, and the first `$pages[path]` of them in the field's order, each
 * `{node, key, links}` as a root page gives them (paging.ts).
 */
export function prefetchedField(
  item: Prefetch,
  from: string,
  depth: number,
  projected: boolean,
  asOf: boolean,
  parentPath = '',
): string {
  const { spec } = item;
  const path = pathOf(parentPath, spec);
  if (item.page === undefined) return linksCollect(spec, from, item.children, depth, projected, asOf, path);
  const rel = `r${depth}`;
  const to = `x${depth}`;
  const key = `key${depth}`;
  const condition = whereAsOf(asOf, [rel, to], [targetCondition(spec, to)]);
  const kind = spec.targets?.length === 1 ? spec.targets[0] : undefined;
  return `{total: COUNT { MATCH ${pattern(spec, from, rel, to)} WHERE ${condition} RETURN DISTINCT ${to} }, page: COLLECT {
  MATCH ${pattern(spec, from, rel, to)}
  WHERE ${condition}
  WITH DISTINCT ${to}
  WITH ${to}, ${sortKey(spec.order, to, asOf)} AS ${key}
  ORDER BY ${key}, ${to}.id LIMIT toInteger($pages['${path}'])
  RETURN {node: ${nodeMap(to, projected, kind, asOf)}, key: ${key}, links: {${childFields(item.children ?? [], to, depth, projected, asOf, path)}}}
}}`;
}

/** The children of a prefetched field, as the entries of its `links` map. */
function childFields(
  children: readonly Prefetch[],
  from: string,
  depth: number,
  projected: boolean,
  asOf: boolean,
  path: string,
): string {
  return children
    .map(
      (child) => `\`${child.spec.key}\`: ${prefetchedField(child, from, depth + 1, projected, asOf, path)}`,
    )
    .join(', ');
}

/** A prefetched field's place: the spec keys from the root's field down to it (spec keys come from relations.ts). */
const pathOf = (parentPath: string, spec: RelationSpec) =>
  parentPath ? `${parentPath}/${spec.key}` : spec.key;

/** The `$pages` parameter of a prefetch: each paged field's place, and the items to fetch (one more than asked). */
export function pagesParam(prefetch: readonly Prefetch[], parentPath = ''): Record<string, number> {
  const pages: Record<string, number> = {};
  for (const item of prefetch) {
    const path = pathOf(parentPath, item.spec);
    if (item.page !== undefined) pages[path] = item.page + 1;
    Object.assign(pages, pagesParam(item.children ?? [], path));
  }
  return pages;
}

/** Statement texts one cache keeps at most; the oldest is forgotten first (Neo4j's own plan cache is bounded too). */
const MAX_CACHED = 500;

/**
 * Statements built once by key, so that the executor and Neo4j's plan cache see the same text for the same shape;
 * at most MAX_CACHED of them.
 */
export function statementCache(): (key: string, build: () => Cypher) => Cypher {
  const built = new Map<string, Cypher>();
  return (key, build) => {
    let cypher = built.get(key);
    if (!cypher) {
      cypher = build();
      if (built.size >= MAX_CACHED) built.delete(built.keys().next().value as string);
      built.set(key, cypher);
    }
    return cypher;
  };
}

/** A statement builder over a cache: `keyOf` says which arguments make a different text (specs, days, shapes). */
export function cachedStatements<A extends unknown[]>(
  keyOf: (...args: A) => string,
  build: (key: string, ...args: A) => Cypher,
): (...args: A) => Cypher {
  const cached = statementCache();
  return (...args) => {
    const key = keyOf(...args);
    return cached(key, () => build(key, ...args));
  };
}

const specKey = (spec: RelationSpec, asOf = false) => `${spec.key}${asOf ? '@asOf' : ''}`;

/** Each id's links of one spec, in one round trip for a whole batch of ids (as of `$asOf` when `asOf`). */
export const relatedQuery = cachedStatements(specKey, (key, spec: RelationSpec, asOf = false) => ({
  name: `entities.related:${key}`,
  text: `
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN id, ${linksCollect(spec, 'n', [], 0, false, asOf)} AS links`,
}));

/**
 * One page of each id's related entities of one spec (distinct, keyset-paginated) and their total count (as of
 * `$asOf` when `asOf`).
 */
export const pagedQuery = cachedStatements(specKey, (name, spec: RelationSpec, asOf = false) => {
  const key = sortKey(spec.order, 'x', asOf);
  const rel = asOf ? 'r' : '';
  const condition = whereAsOf(asOf, ['r', 'x'], [targetCondition(spec, 'x')]);
  return {
    name: `entities.page:${name}`,
    text: `
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN id,
  COUNT { MATCH ${pattern(spec, 'n', rel, 'x')} WHERE ${condition} RETURN DISTINCT x } AS total,
  COLLECT {
    MATCH ${pattern(spec, 'n', rel, 'x')}
    WHERE ${condition}
    WITH DISTINCT x
    WITH x, ${key} AS key
    WHERE ${afterCondition('key', 'x')}
    ORDER BY key, x.id LIMIT toInteger($limit)
    RETURN {node: ${nodeMap('x', false, undefined, asOf)}, key: key}
  } AS page`,
  };
});
