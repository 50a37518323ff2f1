import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NODE_KINDS, RELATIONSHIP_TYPES } from '../../../server/model/kinds.ts';
import { clearDatabase, connectTestDatabase } from '../../support/database.ts';
import { type RunningServer, startTestServer } from '../../support/server.ts';

const db = connectTestDatabase();
let server: RunningServer;

beforeAll(async () => {
  await clearDatabase(db);
  await db.executor.write({
    name: 'test.stats.fixture',
    text: `CREATE (:Entity:Company {id: 'c1'})-[:DEVELOPS]->(:Entity:Drug {id: 'd1'}),
                  (:Entity:Company {id: 'c2'})-[:DEVELOPS]->(:Entity:Drug {id: 'd2'})`,
  });
  server = await startTestServer(db);
});

afterAll(async () => {
  await server.close();
  await clearDatabase(db);
  await db.close();
});

async function post(query: string) {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, body: await response.json() };
}

describe('stats over HTTP, read from Neo4j', () => {
  it('counts entities by kind and relationships by type', async () => {
    const { status, body } = await post(
      '{ stats { totalNodes totalRelationships nodes { kind count } relationships { kind count } } }',
    );
    expect(status).toBe(200);
    const { stats } = body.data;
    expect(stats.totalNodes).toBe(4);
    expect(stats.totalRelationships).toBe(2);
    const nodes = Object.fromEntries(
      stats.nodes.map((entry: { kind: string; count: number }) => [entry.kind, entry.count]),
    );
    expect(nodes).toMatchObject({ Company: 2, Drug: 2, Trial: 0 });
    expect(stats.nodes).toHaveLength(NODE_KINDS.length);
    expect(stats.relationships).toHaveLength(RELATIONSHIP_TYPES.length);
  });

  it('answers /health and /ready', async () => {
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
    const ready = await fetch(`${server.url}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready' });
  });
});
