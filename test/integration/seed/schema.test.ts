import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureSchema, SCHEMA_STATEMENTS } from '../../../server/db/schemaSetup.ts';
import { clearDatabase, connectTestDatabase, type TestDatabase } from '../../support/database.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = connectTestDatabase();
  await clearDatabase(db);
});
afterAll(() => db?.close());

describe('schema setup', () => {
  it('creates constraints and indexes, is idempotent, and waits until they are online', async () => {
    await ensureSchema(db.executor);
    await ensureSchema(db.executor);
    const indexes = await db.executor.read({
      name: 'test.indexes',
      text: 'SHOW INDEXES YIELD name, type, state, options RETURN name, type, state, options',
    });
    const byName = new Map(indexes.map((row) => [row.name as string, row]));
    expect(byName.get('entity_id')).toMatchObject({ type: 'RANGE', state: 'ONLINE' });
    expect(byName.get('entity_search')).toMatchObject({ type: 'FULLTEXT', state: 'ONLINE' });
    const options = byName.get('entity_search')?.options as
      | { indexConfig: Record<string, unknown> }
      | undefined;
    const config = options?.indexConfig ?? {};
    expect(config['fulltext.analyzer']).toBe('standard-folding');
    expect(byName.get('regulatoryevent_sortdate')).toMatchObject({ state: 'ONLINE' });
    expect(indexes.every((row) => row.state === 'ONLINE')).toBe(true);
    expect(SCHEMA_STATEMENTS.length).toBeGreaterThan(8);
  });

  it('refuses a second entity with the same id', async () => {
    await db.executor.write({ name: 't', text: "CREATE (:Entity:Drug {id: 'dup-test'})" });
    await expect(
      db.executor.write({ name: 't', text: "CREATE (:Entity:Company {id: 'dup-test'})" }),
    ).rejects.toThrow();
  });
});
