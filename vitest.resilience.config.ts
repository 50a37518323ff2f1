import { defineConfig } from 'vitest/config';

/*
 * `npm run test:resilience`: the slow tests of issue 7 (database faults with real Neo4j stops and kills, a crash in
 * the middle of a load, 60 s of load, huge seed files, graceful shutdown of the real process). One Neo4j from the
 * usual global setup; the fault tests start their own. Files run one at a time: they measure time and memory.
 */
export default defineConfig({
  test: {
    name: 'resilience',
    include: ['test/resilience/**/*.test.ts'],
    globalSetup: ['test/support/globalSetup.ts'],
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
