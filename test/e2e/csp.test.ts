import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRODUCTION_CONFIG, withFixtureApi } from '../integration/api/fixture.ts';
import { launchChromium } from '../support/browser.ts';
import { cspViolations, watchCsp } from '../support/explorer.ts';

/* The built explorer runs under its Content-Security-Policy (server/graphql/securityHeaders.ts) with no violation. */

const fixture = withFixtureApi(PRODUCTION_CONFIG);

/** A page that records every CSP violation, reported as an event or on the console; `violations()` lists them. */
async function watchedPage(browser: Browser): Promise<{ page: Page; violations: () => Promise<string[]> }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  const logged: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) logged.push(message.text());
  });
  await watchCsp(page);
  const violations = async () => [...(await cspViolations(page)), ...logged];
  return { page, violations };
}

describe('the explorer under its CSP, in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  it('draws Kadcyla and exports the graph with no CSP violation', async () => {
    const { page, violations } = await watchedPage(browser);
    await page.goto(`${fixture.api.url}/?ids=kadcyla`);
    await page.waitForFunction('window.__atlas !== undefined', undefined, { timeout: 20_000 });
    await page.evaluate('window.__atlas.ready');
    await expect
      .poll(() => page.evaluate('window.__atlas.cy.nodes().map((n) => n.id())') as Promise<string[]>, {
        timeout: 20_000,
      })
      .toEqual(expect.arrayContaining(['kadcyla', 'dm1']));
    // Cytoscape's injected stylesheet applies (allowed by its hash).
    expect(
      await page.evaluate(
        "document.getElementById('__________cytoscape_stylesheet')?.sheet?.cssRules.length",
      ),
    ).toBe(1);
    const download = page.waitForEvent('download', { timeout: 20_000 });
    await page.click('#export-png');
    expect((await download).suggestedFilename()).toMatch(/\.png$/);
    await page.waitForTimeout(500);
    expect(await violations()).toEqual([]);
    await page.close();
  });

  it('opens the source reader, the history and the changes list with no CSP violation', async () => {
    const { page, violations } = await watchedPage(browser);
    await page.goto(`${fixture.api.url}/?ids=kadcyla&sel=kadcyla&since=2013-01-01`);
    await page.waitForFunction('window.__atlas !== undefined', undefined, { timeout: 20_000 });
    await page.evaluate('window.__atlas.ready');
    await page.locator('#changes .change').first().waitFor({ timeout: 20_000 });
    await page.locator('#panel .history .statement').first().waitFor({ timeout: 20_000 });
    await page.locator('#panel .citation-open').first().click();
    await page.locator('#reader mark.current').waitFor({ timeout: 20_000 });
    await page.keyboard.press('Escape');
    await page.waitForTimeout(300);
    expect(await violations()).toEqual([]);
    await page.close();
  });
});
