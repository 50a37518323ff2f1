import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clearDatabase, connectTestDatabase } from '../support/database.ts';
import { launchChromium } from '../support/browser.ts';
import { type RunningServer, startTestServer } from '../support/server.ts';

const db = connectTestDatabase();
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  await clearDatabase(db);
  await db.executor.write({
    name: 'test.e2e.fixture',
    text: `CREATE (:Entity:Company {id: 'acme', name: 'Acme'})-[:DEVELOPS]->(:Entity:Drug {id: 'x1', name: 'X-1'})`,
  });
  [server, browser] = await Promise.all([startTestServer(db), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await db.close();
});

describe('the served explorer', () => {
  it('draws on its canvas what the database holds', async () => {
    const page = await browser.newPage();
    await page.goto(server.url);
    await expect.poll(() => page.locator('#status').textContent()).toMatch(/2 entities/);
    expect(await page.title()).toBe('Pipeline Atlas');
    expect(await page.locator('#graph canvas').count()).toBeGreaterThan(0);
    await page.screenshot({ path: 'test-results/foundation.png' });
  });
});
