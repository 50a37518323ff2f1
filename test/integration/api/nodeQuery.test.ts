import { describe, expect, it } from 'vitest';
import {
  KADCYLA_HISTORY_SEEDS,
  loadSeedFiles,
  recordReads,
  SYNTHETIC_DRUGS,
  withFixtureApi,
} from './fixture.ts';

/**
 * `company(id)`, `drug(id)` and the root lists fetch the relations their selection reads in their own statement
 * (prefetch.ts): the same answer as the field-by-field loaders give (`node(id)` and `nodes(ids)` still resolve
 * that way), in one round trip.
 */
const fixture = withFixtureApi({}, async (db) => {
  await loadSeedFiles(db, KADCYLA_HISTORY_SEEDS);
  await db.executor.write(
    {
      name: 'test.synthetic',
      text: `MATCH (dm1:Entity {id: 'dm1'}), (roche:Entity {id: 'roche'})
UNWIND range(1, $count) AS i
CREATE (drug:Entity:Drug {id: 'synth-adc-' + right('0' + toString(i), 2), name: 'SYN-' + right('0' + toString(i), 2), aliases: [], citedIn: []})
CREATE (drug)-[:HAS_PAYLOAD {citedIn: []}]->(dm1)
CREATE (roche)-[:DEVELOPS {citedIn: []}]->(drug)`,
    },
    { count: SYNTHETIC_DRUGS },
  );
});

const COMPANY_PAGE = `
  id name
  drugs(relation: DEVELOPS, first: 5) { totalCount pageInfo { hasNextPage endCursor }
    nodes { id name antibody { name } payload { id name } linker { name } targets { name }
      trials(first: 2) { totalCount nodes { id name phase } } } }
  partnerships(first: 3) { totalCount edges { cursor node { id name status
    parties { role company { id name } }
    milestones { name status amount { amount currency } payer { name } payee { name }
      trigger { name status regions { name } } } } } }
  members { id }`;

async function reads(query: string, variables?: Record<string, unknown>) {
  const { operations, restore } = recordReads(fixture.db.executor);
  try {
    return { data: await fixture.api.data(query, variables), operations };
  } finally {
    restore();
  }
}

describe('an entity by id, with what its selection reads', () => {
  it('answers a company page in one statement, as the loaders would field by field', async () => {
    const compiled = await reads(`{ company(id: "roche") { ${COMPANY_PAGE} } }`);
    const loaded = await reads(`{ node(id: "roche") { ... on Company { ${COMPANY_PAGE} } } }`);
    expect(compiled.operations).toEqual(['entities.node:Company']);
    expect(loaded.operations.length).toBeGreaterThan(5);
    expect(compiled.data.company).toEqual(loaded.data.node);
    expect(compiled.data.company.drugs.totalCount).toBe(SYNTHETIC_DRUGS + 1);
    expect(compiled.data.company.drugs.nodes).toHaveLength(5);
    expect(compiled.data.company.partnerships.edges[0].node.milestones.length).toBeGreaterThan(0);
  });

  it('follows the next page from a prefetched cursor through the loaders', async () => {
    const first = await reads(
      `{ company(id: "roche") { drugs(relation: DEVELOPS, first: 5) { nodes { id } pageInfo { endCursor } } } }`,
    );
    const after = first.data.company.drugs.pageInfo.endCursor as string;
    const next = await reads(
      'query Q($after: String) { company(id: "roche") { drugs(relation: DEVELOPS, first: 5, after: $after) { nodes { id } } } }',
      { after },
    );
    const all = await reads(
      '{ company(id: "roche") { drugs(relation: DEVELOPS, first: 10) { nodes { id } } } }',
    );
    expect([...first.data.company.drugs.nodes, ...next.data.company.drugs.nodes]).toEqual(
      all.data.company.drugs.nodes,
    );
    expect(next.operations).toContain('entities.page:Company.drugs.DEVELOPS');
  });

  it('answers as of a day with that day’s relations', async () => {
    const page = `partnerships(first: 5) { totalCount nodes { id milestones { name status trigger { status } } } }
      drugs { totalCount nodes { id regulatoryEvents(first: 5) { nodes { id status } } } }`;
    for (const asOf of ['2012-12-01', '2013-10-01', '2013-12-01']) {
      const compiled = await reads(
        `query Q($asOf: Date) { company(id: "immunogen", asOf: $asOf) { ${page} } }`,
        {
          asOf,
        },
      );
      const loaded = await reads(
        `query Q($asOf: Date) { node(id: "immunogen", asOf: $asOf) { ... on Company { ${page} } } }`,
        { asOf },
      );
      expect(compiled.data.company).toEqual(loaded.data.node);
      expect(compiled.operations[0]).toBe('entities.node:Company@asOf');
    }
  });

  it('answers a drug with its parts, trials and partnerships, and null for an id of another kind', async () => {
    const selection = `id name antibody { name } payload { name } targets { name } companies { relation company { name } }
      trials { totalCount nodes { id } } partnerships { id parties { company { id } } }`;
    const compiled = await reads(
      `{ drug(id: "kadcyla") { ${selection} } notADrug: drug(id: "roche") { ${selection} } }`,
    );
    const loaded = await reads(`{ node(id: "kadcyla") { ... on Drug { ${selection} } } }`);
    expect(compiled.data.drug).toEqual(loaded.data.node);
    expect(compiled.data.drug.payload).toEqual({ name: 'DM1' });
    expect(compiled.data.notADrug).toBeNull();
  });
});

describe('a root list, with what its items’ selection reads', () => {
  it('answers a page of drugs with their own pages and lists in one statement', async () => {
    const item =
      'id name payload { name } companies { relation company { id } } trials(first: 1) { totalCount nodes { id } } partnerships { id }';
    const compiled = await reads(
      `{ drugs(where: {company: "roche"}, first: 4) { totalCount nodes { ${item} } } }`,
    );
    expect(compiled.operations).toEqual(['drugs.list[company]']);
    const ids = compiled.data.drugs.nodes.map((drug: { id: string }) => drug.id);
    expect(ids).toHaveLength(4);
    const loaded = await reads(
      'query Q($ids: [ID!]!) { nodes(ids: $ids) { ... on Drug { ' + item + ' } } }',
      {
        ids,
      },
    );
    expect(compiled.data.drugs.nodes).toEqual(loaded.data.nodes);
    expect(loaded.operations.length).toBeGreaterThan(1);
  });
});
