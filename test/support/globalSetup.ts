import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';
import { findFreePort, startLocalNeo4j } from '../../server/db/localNeo4j.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4jUri: string;
  }
}

/** Once per run: a real Neo4j on a free port with a throwaway store, and a fresh build of the web app. */
export default async function setup(project: TestProject) {
  const dataDir = await mkdtemp(join(tmpdir(), 'pipeline-atlas-test-'));
  const log = (message: string) => console.log(`[neo4j] ${message}`);
  const [neo4j] = await Promise.all([
    startLocalNeo4j({ port: await findFreePort(), dataDir, log }),
    build({ configFile: 'vite.config.ts', logLevel: 'warn' }),
  ]);
  project.provide('neo4jUri', neo4j.uri);
  return async () => {
    await neo4j.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
