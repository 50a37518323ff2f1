import { defineConfig } from 'vitest/config';
export default defineConfig({ test: { include: ['test/integration/seed/**/*.test.ts'], globalSetup: ['/tmp/seedwork/globalSetup.ts'], fileParallelism: false, testTimeout: 60_000, hookTimeout: 240_000 } });
