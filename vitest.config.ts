import { existsSync } from 'node:fs';
import { defineConfig } from 'vitest/config';
import { CHROMIUM_INSTALL_HINT, CHROMIUM_PATH } from './test/support/chromium.ts';

/*
 * Three tiers: unit (no I/O), integration (a real Neo4j started once per run by the global setup) and e2e
 * (the served app in headless Chromium). Database tiers run their files one at a time: they share one Neo4j.
 * With CI=true nothing is skipped; without CI a missing Chromium leaves out only the e2e tier, with a notice.
 */
const hasChromium = existsSync(CHROMIUM_PATH);
const skipE2e = !hasChromium && !process.env.CI;
if (skipE2e) console.warn(`\n[notice] e2e tests left out: ${CHROMIUM_INSTALL_HINT}\n`);

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      {
        test: {
          name: 'neo4j',
          include: ['test/integration/**/*.test.ts', ...(skipE2e ? [] : ['test/e2e/**/*.test.ts'])],
          globalSetup: ['test/support/globalSetup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});
