import { describe, expect, inject, it } from 'vitest';
import { loadConfig } from '../../../server/config.ts';
import { connectDatabase } from '../../../server/db/connect.ts';
import { createLogger } from '../../../server/logger.ts';
import { connectTestDatabase } from '../../support/database.ts';

describe('connectDatabase without NEO4J_URI', () => {
  it('uses the embedded Neo4j already listening on NEO4J_BOLT_PORT and leaves it running on close', async () => {
    const port = new URL(inject('neo4jUri')).port;
    const config = loadConfig({ NEO4J_BOLT_PORT: port, NEO4J_DATA_DIR: '/nonexistent/never-used' });
    const database = await connectDatabase(config, createLogger('silent', false));
    expect(database.uri).toBe(`bolt://127.0.0.1:${port}`);
    await database.executor.ping();
    await database.close();

    const shared = connectTestDatabase();
    await expect(shared.executor.ping()).resolves.toBeUndefined();
    await shared.close();
  });
});
