import { readFileSync } from 'node:fs';
import { buildSchema, GraphQLEnumType, type GraphQLObjectType, isInterfaceType, isObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { SCHEMA_PATH } from '../../../server/app.ts';
import { STATEMENTS_AS_OF } from '../../../server/core/asOf.ts';
import { NODES_BY_ID, NODES_BY_ID_AS_OF, pagedQuery, relatedQuery } from '../../../server/core/cypher.ts';
import { LIMITS } from '../../../server/core/limits.ts';
import { REL } from '../../../server/core/relations.ts';
import { rootQuery } from '../../../server/core/rootQuery.ts';
import {
  MILESTONE_TOTALS,
  MILESTONE_TOTALS_AS_OF,
} from '../../../server/features/companies/companies.cypher.ts';
import {
  DOCUMENT_FACTS,
  DOCUMENT_SENTENCES,
  DOCUMENT_TEXTS,
} from '../../../server/features/documents/documents.cypher.ts';
import { DRUG_CONDITIONS, DRUG_REFS } from '../../../server/features/drugs/drugs.cypher.ts';
import { EDGE_LABELS } from '../../../server/features/graph/edgeLabels.ts';
import {
  type GraphShape,
  graphStatement,
  pathStatement,
  WALKED_TYPES,
} from '../../../server/features/graph/graph.cypher.ts';
import {
  ELEMENTS_BY_SUBJECT,
  STATEMENTS_IN_WINDOW,
} from '../../../server/features/history/changes.cypher.ts';
import { NODE_HISTORY, RELATIONSHIP_HISTORY } from '../../../server/features/history/history.cypher.ts';
import {
  PARTNERSHIP_CONDITIONS,
  PARTNERSHIP_REFS,
} from '../../../server/features/partnerships/partnerships.cypher.ts';
import { EVENT_CONDITIONS } from '../../../server/features/regulatory/regulatory.cypher.ts';
import { NODE_KINDS, RELATIONSHIP_TYPES } from '../../../server/model/kinds.ts';
import { STATEMENT_LABEL } from '../../../server/model/subjects.ts';

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

const FULL: GraphShape = { nodeProperties: true, edgeProperties: true };
const SHAPES: GraphShape[] = [true, false].flatMap((nodeProperties) =>
  [true, false].map((edgeProperties) => ({ nodeProperties, edgeProperties })),
);
const DEPTHS = Array.from({ length: LIMITS.maxGraphDepth + 1 }, (_, depth) => depth);
const LENGTHS = Array.from({ length: LIMITS.maxPathLength }, (_, index) => index + 1);

describe('Cypher building', () => {
  it('takes labels and types from the allowlist only, and values as parameters', () => {
    const allowed = new Set<string>([...NODE_KINDS, ...RELATIONSHIP_TYPES, 'Entity', STATEMENT_LABEL]);
    const texts = [
      ...Object.values(REL).flatMap((spec) =>
        [false, true].flatMap((asOf) => [relatedQuery(spec, asOf).text, pagedQuery(spec, asOf).text]),
      ),
      ...[NODES_BY_ID, NODES_BY_ID_AS_OF, MILESTONE_TOTALS, MILESTONE_TOTALS_AS_OF].map(
        (cypher) => cypher.text,
      ),
      ...SHAPES.flatMap((shape) => [
        ...DEPTHS.flatMap((depth) => [false, true].map((asOf) => graphStatement(depth, asOf, shape).text)),
        ...LENGTHS.map((length) => pathStatement(length, shape).text),
      ]),
      ...[
        NODE_HISTORY,
        RELATIONSHIP_HISTORY,
        STATEMENTS_IN_WINDOW,
        ELEMENTS_BY_SUBJECT,
        STATEMENTS_AS_OF,
      ].map((cypher) => cypher.text),
      ...[DOCUMENT_TEXTS, DOCUMENT_SENTENCES, DOCUMENT_FACTS].map((cypher) => cypher.text),
    ];
    for (const text of texts) {
      for (const [, name] of text.matchAll(/[:|]([A-Z][A-Za-z_]+)/g))
        expect(allowed.has(name as string), name).toBe(true);
      // The day asked about is a parameter, never part of the text (undated items sort last, after 9999-12-31).
      expect(text.replaceAll("'9999-12-31'", '')).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    }
    expect(WALKED_TYPES).not.toContain('IN_DOCUMENT');
    // One text per depth, each with that many bounded levels.
    expect(
      DEPTHS.map(
        (depth) =>
          graphStatement(depth, false, FULL).text.match(/LIMIT toInteger\(\$limit\) \+ 1/g)?.length ?? 0,
      ),
    ).toEqual([0, 1, 2, 3]);
    expect(graphStatement(2, false, FULL)).toBe(graphStatement(2, false, { ...FULL }));
    // Without `properties`, only what labels and citations read.
    const lean = graphStatement(2, false, { nodeProperties: false, edgeProperties: false }).text;
    expect(lean).toContain('n {.id, .name, .citedIn, labels: labels(n)}');
    expect(lean).toContain('properties: r {.role, .title, .citedIn}');
    expect(lean).not.toMatch(/properties\(|\.\*/);
    expect(LENGTHS.map((length) => pathStatement(length, FULL).text.match(/\*\.\.(\d+)/)?.[1])).toEqual([
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

  it('answers as of a day from its own text, and today from the text it always had', () => {
    const query = {
      name: 'partnerships.list',
      kind: 'Partnership',
      refs: [PARTNERSHIP_REFS.company],
      conditions: [PARTNERSHIP_CONDITIONS.milestoneStatus],
      order: 'name',
    } as const;
    const today = rootQuery(query);
    const asOf = rootQuery(query, [], true);
    expect(asOf).not.toBe(today);
    expect(rootQuery(query, [], true)).toBe(asOf);
    expect(asOf.name).toBe('partnerships.list[company]@asOf');
    // Today's text knows nothing of days and statements.
    for (const text of [
      today.text,
      relatedQuery(REL.partnershipMilestones).text,
      graphStatement(2, false, FULL).text,
    ]) {
      expect(text).not.toContain('$asOf');
      expect(text).not.toContain(STATEMENT_LABEL);
    }
    expect(today.text).toContain('milestone.status = $milestoneStatus');
    // As of a day: the anchor, the relationship walked and the entity listed must have been known then, and the
    // filter reads the value of that day.
    expect(asOf.text).toContain('anchor.since <= date($asOf)');
    expect(asOf.text).toContain('rel.since <= date($asOf)');
    expect(asOf.text).toContain('m.since <= date($asOf)');
    expect(asOf.text).toMatch(/CASE WHEN milestone\.lastStated > date\(\$asOf\) THEN COLLECT \{/);
    expect(EVENT_CONDITIONS.status(false)).toBe('toUpper(m.status) = $status');
    expect(DRUG_CONDITIONS.modality(true)).toContain('statement.modality IS NOT NULL');
    expect(graphStatement(1, true, FULL).text).toContain('r.since <= date($asOf) AND m.since <= date($asOf)');
  });
});

describe('what as-of answers do not fold, the schema says', () => {
  it('names today-valued name filters and orders, and coarser sort dates, where they apply', () => {
    const query = schema.getQueryType() as GraphQLObjectType;
    for (const field of ['partnerships', 'drugs', 'regulatoryEvents']) {
      const asOf = query.getFields()[field]?.args.find((arg) => arg.name === 'asOf');
      expect(asOf?.description, field).toMatch(/today's names and aliases/);
    }
    const where = schema.getType('RegulatoryEventWhere') as unknown as {
      getFields(): Record<string, { description?: string | null }>;
    };
    expect(where.getFields().from?.description).toMatch(/coarser form/);
  });
});
