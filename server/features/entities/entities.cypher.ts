import type { Cypher } from '../../db/executor.ts';
import { LIMITS } from './limits.ts';
import type { Prefetch, RelationSpec } from './relations.ts';

/*
 * Cypher for entities and their relationship lists. Labels and types come from the specs in relations.ts (which
 * take them from the allowlist), never from user input; every value is a parameter. Every lookup starts from the
 * unique index on Entity.id.
 */

export const NODES_BY_ID: Cypher = {
  name: 'entities.byId',
  text: `
UNWIND $ids AS id
MATCH (n:Entity {id: id})
WHERE NOT n:Sentence
RETURN id, ${nodeMap('n')} AS n`,
};

export const CITATIONS_BY_SENTENCE_ID: Cypher = {
  name: 'entities.citations',
  text: `
UNWIND $ids AS id
MATCH (s:Entity {id: id}) WHERE s:Sentence
OPTIONAL MATCH (s)-[:IN_DOCUMENT]->(d:SourceDocument)
RETURN id, s.text AS sentence, s.index AS index, ${nodeMap('d')} AS document`,
};

/** `(from)-[rel:A|B]->(to)` or `(from)<-[rel:A|B]-(to)`. */
export function pattern(spec: RelationSpec, from: string, rel: string, to: string): string {
  const types = spec.types.join('|');
  return spec.direction === 'out'
    ? `(${from})-[${rel}:${types}]->(${to})`
    : `(${from})<-[${rel}:${types}]-(${to})`;
}

/** The kinds the other end must have, as a predicate. */
export function targetCondition(spec: RelationSpec, to: string): string {
  return spec.targets?.length
    ? `(${spec.targets.map((kind) => `${to}:${kind}`).join(' OR ')})`
    : `NOT ${to}:Sentence`;
}

/** The sort key of an entity as a string, so cursors compare the same way whatever the order. */
export function sortKey(order: 'name' | 'date', variable: string): string {
  return order === 'date'
    ? `coalesce(toString(${variable}.sortDate), '9999-12-31')`
    : `toLower(coalesce(${variable}.name, ${variable}.id))`;
}

/** Keyset condition: strictly after the cursor in the given direction. */
export function afterCondition(key: string, variable: string, descending = false): string {
  const op = descending ? '<' : '>';
  return `($afterKey IS NULL OR ${key} ${op} $afterKey OR (${key} = $afterKey AND ${variable}.id ${op} $afterId))`;
}

/**
 * An entity as a map: every property, or, when `projected`, only the properties `$fields` lists for its kind (see
 * projection.ts) as [name, value] pairs, which toEntity turns back into properties. `kind` names the kind when
 * only one is possible; otherwise it is read from the node's labels.
 */
export function nodeMap(variable: string, projected = false, kind?: string): string {
  if (!projected) return `${variable} {.*, labels: labels(${variable})}`;
  const fields = kind
    ? `$fields.${kind}`
    : `$fields[[label IN labels(${variable}) WHERE label <> 'Entity'][0]]`;
  return `${variable} {.id, .name, labels: labels(${variable}), pairs: [property IN coalesce(${fields}, []) | [property, ${variable}[property]]]}`;
}

/**
 * A COLLECT subquery that lists an entity's links of one spec as maps {type, properties, node, links}, ordered and
 * capped; `links` holds the children's lists, keyed by spec key. `projected`: nodes carry only the properties
 * `$fields` lists.
 */
export function linksCollect(
  spec: RelationSpec,
  from: string,
  children: readonly Prefetch[] = [],
  depth = 0,
  projected = false,
): string {
  const rel = `r${depth}`;
  const to = `x${depth}`;
  const nested = children.map(
    (child) => `\`${child.spec.key}\`: ${linksCollect(child.spec, to, child.children, depth + 1, projected)}`,
  );
  return `COLLECT {
  MATCH ${pattern(spec, from, rel, to)}
  WHERE ${targetCondition(spec, to)}
  WITH ${rel}, ${to} ORDER BY ${sortKey(spec.order, to)}, ${to}.id LIMIT ${LIMITS.maxListSize}
  RETURN {type: type(${rel}), properties: properties(${rel}), node: ${nodeMap(to, projected, spec.targets?.length === 1 ? spec.targets[0] : undefined)}, links: {${nested.join(', ')}}}
}`;
}

const related = new Map<string, Cypher>();

/** Each id's links of one spec, in one round trip for a whole batch of ids. */
export function relatedQuery(spec: RelationSpec): Cypher {
  let cypher = related.get(spec.key);
  if (!cypher) {
    cypher = {
      name: `entities.related:${spec.key}`,
      text: `
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN id, ${linksCollect(spec, 'n')} AS links`,
    };
    related.set(spec.key, cypher);
  }
  return cypher;
}

const paged = new Map<string, Cypher>();

/** One page of each id's related entities of one spec (distinct, keyset-paginated) and their total count. */
export function pagedQuery(spec: RelationSpec): Cypher {
  let cypher = paged.get(spec.key);
  if (!cypher) {
    const key = sortKey(spec.order, 'x');
    cypher = {
      name: `entities.page:${spec.key}`,
      text: `
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN id,
  COUNT { MATCH ${pattern(spec, 'n', '', 'x')} WHERE ${targetCondition(spec, 'x')} RETURN DISTINCT x } AS total,
  COLLECT {
    MATCH ${pattern(spec, 'n', '', 'x')}
    WHERE ${targetCondition(spec, 'x')}
    WITH DISTINCT x
    WITH x, ${key} AS key
    WHERE ${afterCondition('key', 'x')}
    ORDER BY key, x.id LIMIT toInteger($limit)
    RETURN {node: ${nodeMap('x')}, key: key}
  } AS page`,
    };
    paged.set(spec.key, cypher);
  }
  return cypher;
}
