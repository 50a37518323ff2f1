import { readFileSync } from 'node:fs';
import { buildSchema, GraphQLEnumType, type GraphQLObjectType, isInterfaceType, isObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { SCHEMA_PATH } from '../../../server/app.ts';
import { DRUG_REFS } from '../../../server/features/drugs/drugs.cypher.ts';
import { pagedQuery, relatedQuery } from '../../../server/features/entities/entities.cypher.ts';
import { REL } from '../../../server/features/entities/relations.ts';
import { rootQuery } from '../../../server/features/entities/rootQuery.ts';
import { EDGE_LABELS } from '../../../server/features/graph/edgeLabels.ts';
import { GRAPH_BY_DEPTH, PATH_BY_LENGTH, WALKED_TYPES } from '../../../server/features/graph/graph.cypher.ts';
import { NODE_KINDS, RELATIONSHIP_TYPES } from '../../../server/model/kinds.ts';

const schema = buildSchema(readFileSync(SCHEMA_PATH, 'utf8'));

describe('the contract', () => {
  it('describes every type, field, argument and enum value', () => {
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name))
        continue;
      if (!type.description) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of field.args)
            if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
      if (type instanceof GraphQLEnumType) {
        for (const value of type.getValues())
          if (!value.description) missing.push(`${type.name}.${value.name}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('lists exactly the allowlisted kinds and relationship types', () => {
    const kinds = (schema.getType('EntityKind') as GraphQLEnumType).getValues().map((value) => value.name);
    expect(kinds).toEqual(NODE_KINDS.filter((kind) => kind !== 'Sentence'));
    const types = (schema.getType('RelationshipType') as GraphQLEnumType)
      .getValues()
      .map((value) => value.name);
    expect(types).toEqual([...RELATIONSHIP_TYPES]);
    for (const kind of kinds) {
      const type = schema.getType(kind) as GraphQLObjectType;
      expect(
        type.getInterfaces().map((i) => i.name),
        kind,
      ).toContain('Node');
    }
    for (const type of RELATIONSHIP_TYPES) expect(EDGE_LABELS[type], type).toBeTruthy();
  });
});

describe('Cypher building', () => {
  it('takes labels and types from the allowlist only, and values as parameters', () => {
    const allowed = new Set<string>([...NODE_KINDS, ...RELATIONSHIP_TYPES, 'Entity']);
    for (const spec of Object.values(REL)) {
      for (const text of [relatedQuery(spec).text, pagedQuery(spec).text]) {
        for (const [, name] of text.matchAll(/[:|]([A-Z][A-Za-z_]+)/g))
          expect(allowed.has(name as string), name).toBe(true);
      }
    }
    expect(WALKED_TYPES).not.toContain('IN_DOCUMENT');
    // One text per depth, each with that many bounded levels.
    expect(
      GRAPH_BY_DEPTH.map((cypher) => cypher.text.match(/LIMIT toInteger\(\$limit\) \+ 1/g)?.length ?? 0),
    ).toEqual([0, 1, 2, 3]);
    expect(PATH_BY_LENGTH.map((cypher) => cypher.text.match(/\*\.\.(\d+)/)?.[1])).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
    ]);
  });

  it('anchors a filtered list on its first entity filter, through the index', () => {
    const cypher = rootQuery({
      name: 'drugs.list',
      kind: 'Drug',
      refs: [DRUG_REFS.payload, DRUG_REFS.target],
      conditions: [],
      order: 'name',
    });
    expect(cypher.name).toBe('drugs.list[payload,target]');
    expect(cypher.text).toMatch(/MATCH \(ref:Entity \{id: \$payload\}\)/);
    expect(cypher.text).toContain("db.index.fulltext.queryNodes('entity_search', $payloadPhrase");
    expect(cypher.text).toContain('MATCH (m:Drug)-[rel:HAS_PAYLOAD]->(anchor)');
    expect(cypher.text).toContain('EXISTS { MATCH (m)-[rel:TARGETS]->(ref:Target)');
    expect(
      rootQuery({
        name: 'drugs.list',
        kind: 'Drug',
        refs: [DRUG_REFS.payload, DRUG_REFS.target],
        conditions: [],
        order: 'name',
      }),
    ).toBe(cypher);
  });
});
