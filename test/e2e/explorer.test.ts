import { mkdir } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSeed } from '../../seed/load.ts';
import { createApp } from '../../server/app.ts';
import { ensureSchema } from '../../server/db/schemaSetup.ts';
import { launchChromium } from '../support/browser.ts';
import { clearDatabase, connectTestDatabase } from '../support/database.ts';
import { type RunningServer, startTestServer } from '../support/server.ts';

/*
 * The explorer in real Chromium, served by the whole app in-process, on the Kadcyla seed in a real Neo4j.
 * Screenshots go to test-results/ (git-ignored).
 */

const KADCYLA_SEED = 'seed/immunogen-kadcyla-2013-09-20.yaml';
const HOSTILE_NAME = '<img src=x onerror=alert(1)>';
const SHOTS = 'test-results';
const WAIT = { timeout: 20_000 };

const db = connectTestDatabase();
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  await clearDatabase(db);
  await ensureSchema(db.executor);
  await loadSeed({ executor: db.executor, files: [KADCYLA_SEED] });
  await db.executor.write(
    {
      name: 'test.e2e.hostile',
      text: `MATCH (k:Entity {id: 'kadcyla'})
           CREATE (:Entity:Company {id: 'hostile-co', name: $name, aliases: [], citedIn: []})-[:DEVELOPS {citedIn: []}]->(k)`,
    },
    { name: HOSTILE_NAME },
  );
  await mkdir(SHOTS, { recursive: true });
  [server, browser] = await Promise.all([startTestServer(db), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await db.close();
});

async function open(path = '/', base = server.url): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto(`${base}${path}`);
  await page.waitForFunction('window.__atlas !== undefined', undefined, WAIT);
  await page.evaluate('window.__atlas.ready');
  return page;
}

const nodeIds = (page: Page) =>
  page.evaluate('window.__atlas.cy.nodes().map((n) => n.id()).sort()') as Promise<string[]>;

/** Where a node is drawn, in page coordinates, once it has stopped moving (a layout may still be animating). */
async function nodeOnScreen(page: Page, id: string) {
  const box = await page.locator('#graph').boundingBox();
  const position = () =>
    page.evaluate(
      `JSON.stringify(window.__atlas.cy.getElementById(${JSON.stringify(id)}).renderedPosition())`,
    );
  let last = '';
  await expect
    .poll(
      async () => {
        const now = String(await position());
        const still = now === last;
        last = now;
        return still;
      },
      { ...WAIT, interval: 250 },
    )
    .toBe(true);
  const p = JSON.parse(last) as { x: number; y: number };
  if (!box) throw new Error('no canvas');
  return { x: box.x + p.x, y: box.y + p.y };
}

async function settle(page: Page) {
  // Layout animations and the panel's request.
  await page.waitForTimeout(600);
  await page.waitForFunction("!document.querySelector('#overlay:not([hidden]).loading')", undefined, WAIT);
}

describe('the explorer', () => {
  it('opens with a title, a favicon, the graph size and a hint to search', async () => {
    const page = await open();
    expect(await page.title()).toMatch(/Pipeline Atlas/);
    expect(await page.locator('link[rel=icon]').getAttribute('href')).toBe('/favicon.svg');
    await expect
      .poll(() => page.locator('#status-text').textContent(), WAIT)
      .toMatch(/\d+ entities and \d+ relationships/);
    expect(await page.locator('#overlay-text').textContent()).toMatch(/Kadcyla/);
    await page.close();
  });

  it('finds Kadcyla by search, keyboard only, and draws it with its antibody, payload and linker', async () => {
    const page = await open();
    await page.keyboard.press('/');
    await page.keyboard.type('Kadcyla');
    const first = page.locator('#search-list [role=option]').first();
    await first.waitFor(WAIT);
    expect(await page.locator('#search-input').getAttribute('aria-expanded')).toBe('true');
    expect(await first.locator('.search-kind').textContent()).toBe('Drug');
    expect(await page.locator('#search-input').getAttribute('aria-activedescendant')).toBe('search-list-0');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => nodeIds(page), WAIT)
      .toEqual(expect.arrayContaining(['kadcyla', 'trastuzumab', 'dm1', 'immunogen-linker']));
    const kinds = (await page.evaluate(
      "['trastuzumab', 'dm1', 'immunogen-linker'].map((id) => window.__atlas.cy.getElementById(id).data('kind'))",
    )) as string[];
    expect(kinds).toEqual(['Antibody', 'Payload', 'Linker']);
    expect(page.url()).toContain('ids=kadcyla');
    await settle(page);
    await page.screenshot({ path: `${SHOTS}/explore-kadcyla.png` });
    await page.close();
  });

  it('shows Kadcyla in the panel with the EMILIA trial and a cited sentence when clicked', async () => {
    const page = await open('/?ids=kadcyla');
    await expect.poll(() => nodeIds(page), WAIT).toContain('kadcyla');
    await settle(page);
    const at = await nodeOnScreen(page, 'kadcyla');
    await page.mouse.click(at.x, at.y);
    await expect.poll(() => page.locator('#panel h2').first().textContent(), WAIT).toBe('Kadcyla');
    await expect.poll(() => page.locator('#panel .relationships').textContent(), WAIT).toContain('EMILIA');
    const citation = page.locator('#panel .citation blockquote').first();
    await citation.waitFor(WAIT);
    expect((await citation.textContent())?.length).toBeGreaterThan(20);
    expect(await page.locator('#panel .citation-source').first().textContent()).toMatch(/ImmunoGen.*2013/);
    expect(page.url()).toContain('sel=kadcyla');
    await page.screenshot({ path: `${SHOTS}/panel-kadcyla.png` });

    // A relationship is a link that focuses that entity.
    await page.locator('#panel .entity-link', { hasText: 'EMILIA' }).first().click();
    await expect.poll(() => page.locator('#panel h2').first().textContent(), WAIT).toBe('EMILIA');
    await page.close();
  });

  it('shows ImmunoGen–Roche in the partnerships view, with the $5M payments and their triggers', async () => {
    const page = await open('/?ids=kadcyla');
    await page.getByRole('button', { name: 'Partnerships', exact: true }).click();
    await expect
      .poll(() => page.locator('#status-text').textContent(), WAIT)
      .toMatch(/partnerships? between/);
    const panel = page.locator('#panel');
    await expect.poll(() => panel.textContent(), WAIT).toMatch(/Roche/);
    const text = (await panel.textContent()) ?? '';
    expect(text).toMatch(/ImmunoGen, Inc\.[\s\S]*Receives: \$5M triggered, \$5M pending/);
    expect(text).toMatch(/Roche[\s\S]*Pays: \$5M triggered, \$5M pending/);
    expect(text).toMatch(/Triggered by/);
    const triggers = (await page.evaluate(
      "window.__atlas.cy.edges('[type = \"TRIGGERS\"]').map((e) => e.data('label'))",
    )) as string[];
    expect(triggers).toEqual(['triggers $5M', 'triggers $5M']);
    const parties = (await page.evaluate(
      "window.__atlas.cy.edges('[type = \"PARTY_TO\"]').filter((e) => e.target().id() === 'roche-immunogen-kadcyla').map((e) => e.source().id()).sort()",
    )) as string[];
    expect(parties).toEqual(['immunogen', 'roche']);
    expect(page.url()).toContain('view=partnerships');
    await settle(page);
    await page.screenshot({ path: `${SHOTS}/partnerships.png` });

    // The deal's own terms, on click.
    const deal = await nodeOnScreen(page, 'roche-immunogen-kadcyla');
    await page.mouse.click(deal.x, deal.y);
    await expect.poll(() => panel.locator('.milestone').count(), WAIT).toBe(2);
    expect(await panel.locator('.milestone .pill').allTextContents()).toEqual(
      expect.arrayContaining(['Triggered', 'Pending']),
    );
    await page.close();
  });

  it('expands a node on double-click without moving the others, and undoes it', async () => {
    const page = await open('/?ids=dm1');
    await expect.poll(() => nodeIds(page), WAIT).toContain('kadcyla');
    await settle(page);
    const before = await nodeIds(page);
    const positionOf = (id: string) =>
      page.evaluate(`window.__atlas.cy.getElementById(${JSON.stringify(id)}).position()`) as Promise<{
        x: number;
        y: number;
      }>;
    const dm1Before = await positionOf('dm1');
    const at = await nodeOnScreen(page, 'kadcyla');
    await page.mouse.dblclick(at.x, at.y);
    await expect.poll(async () => (await nodeIds(page)).length, WAIT).toBeGreaterThan(before.length);
    const after = await nodeIds(page);
    expect(after).toEqual(expect.arrayContaining([...before, 'emilia', 'roche']));
    const dm1After = await positionOf('dm1');
    expect(Math.hypot(dm1After.x - dm1Before.x, dm1After.y - dm1Before.y)).toBeLessThan(1);
    expect(page.url()).toMatch(/ids=dm1,kadcyla/);
    await settle(page);
    await page.screenshot({ path: `${SHOTS}/expanded.png` });
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => nodeIds(page), WAIT).toEqual(before);
    await page.close();
  });

  it('reopens the same view from a deep link', async () => {
    const page = await open('/?ids=kadcyla');
    await expect.poll(() => nodeIds(page), WAIT).toContain('kadcyla');
    await settle(page);
    await page.selectOption('#layout', 'concentric');
    await page.locator('#legend [data-kind="Indication"]').click();
    const at = await nodeOnScreen(page, 'emilia');
    await page.mouse.click(at.x, at.y);
    await expect.poll(() => page.locator('#panel h2').first().textContent(), WAIT).toBe('EMILIA');
    const link = page.url();
    expect(link).toMatch(/layout=concentric/);
    expect(link).toMatch(/hide=Indication/);
    expect(link).toMatch(/sel=emilia/);
    const shown = (await page.evaluate(
      "window.__atlas.cy.nodes(':visible').map((n) => n.id()).sort()",
    )) as string[];

    const again = await open(link.slice(server.url.length));
    await expect
      .poll(() => again.evaluate("window.__atlas.cy.nodes(':visible').map((n) => n.id()).sort()"), WAIT)
      .toEqual(shown);
    expect(await again.locator('#layout').inputValue()).toBe('concentric');
    expect(await again.locator('#legend [data-kind="Indication"]').getAttribute('aria-pressed')).toBe(
      'false',
    );
    await expect.poll(() => again.locator('#panel h2').first().textContent(), WAIT).toBe('EMILIA');
    await again.close();
    await page.close();
  });

  it('shows the timeline, landscape and path views', async () => {
    const page = await open('/?view=timeline');
    await expect.poll(() => page.locator('.event-card').count(), WAIT).toBeGreaterThan(2);
    expect(await page.locator('.timeline').textContent()).toMatch(/European Commission/);
    await page.screenshot({ path: `${SHOTS}/timeline.png` });
    await page.goto(`${server.url}/?view=landscape`);
    await page.evaluate('window.__atlas.ready');
    await expect.poll(() => page.locator('#panel').textContent(), WAIT).toMatch(/HER2[\s\S]*Kadcyla/);
    await page.screenshot({ path: `${SHOTS}/landscape.png` });
    await page.goto(`${server.url}/?view=path&from=immunogen&to=her2`);
    await page.evaluate('window.__atlas.ready');
    await expect.poll(() => page.locator('#panel h2').first().textContent(), WAIT).toMatch(/Path: \d steps?/);
    await page.screenshot({ path: `${SHOTS}/path.png` });
    await page.close();
  });

  it('shows a hostile name as text and runs nothing', async () => {
    const page = await open('/?ids=hostile-co&sel=hostile-co');
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await expect.poll(() => page.locator('#panel h2').first().textContent(), WAIT).toBe(HOSTILE_NAME);
    expect(await page.evaluate("window.__atlas.cy.getElementById('hostile-co').data('label')")).toBe(
      HOSTILE_NAME,
    );
    // In the search list, too.
    await page.fill('#search-input', 'Kadcyla');
    await page.locator('#search-list [role=option]').first().waitFor(WAIT);
    await page.getByRole('button', { name: 'Partnerships', exact: true }).click();
    await page.evaluate('window.__atlas.ready');
    await page.waitForTimeout(500);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(dialogs).toEqual([]);
    await page.close();
  });
});

describe('when the API or its database is unreachable', () => {
  it('says so with a Retry that recovers once the API is back', async () => {
    // A second app instance that the test stops and starts again on the same port.
    const first = await createApp(db);
    const listening = first.http.listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => listening.once('listening', () => resolve()));
    const { port } = listening.address() as AddressInfo;
    const base = `http://127.0.0.1:${port}`;
    const page = await open('/?ids=kadcyla', base);
    await expect.poll(() => nodeIds(page), WAIT).toContain('kadcyla');

    listening.closeAllConnections();
    await new Promise<void>((resolve) => listening.close(() => resolve()));
    await first.stop();
    await page.getByRole('button', { name: 'Timeline', exact: true }).click();
    const overlay = page.locator('#overlay');
    await expect.poll(() => overlay.textContent(), WAIT).toMatch(/cannot be reached/);
    expect(await page.locator('#status').getAttribute('class')).toContain('error');
    expect(await page.locator('#overlay-retry').isVisible()).toBe(true);
    expect(await page.locator('.topbar').isVisible()).toBe(true);
    await page.screenshot({ path: `${SHOTS}/api-unreachable.png` });

    const second = await createApp(db);
    const again = second.http.listen(port, '127.0.0.1');
    await new Promise<void>((resolve) => again.once('listening', () => resolve()));
    try {
      await page.locator('#overlay-retry').click();
      await expect.poll(() => page.locator('.event-card').count(), WAIT).toBeGreaterThan(0);
      expect(await page.locator('#overlay').isHidden()).toBe(true);
    } finally {
      again.closeAllConnections();
      await new Promise<void>((resolve) => again.close(() => resolve()));
      await second.stop();
      await page.close();
    }
  });

  it('says the database is not answering when the API reports it', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.route('**/graphql', (route) =>
      route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify({
          errors: [
            { message: 'The graph database is unreachable.', extensions: { code: 'SERVICE_UNAVAILABLE' } },
          ],
        }),
      }),
    );
    await page.goto(`${server.url}/?view=partnerships`);
    await page.waitForFunction('window.__atlas !== undefined', undefined, WAIT);
    await page.evaluate('window.__atlas.ready');
    expect(await page.locator('#overlay-text').textContent()).toMatch(/database is not answering/);
    await page.unroute('**/graphql');
    await page.locator('#overlay-retry').click();
    await expect
      .poll(() => page.locator('#status-text').textContent(), WAIT)
      .toMatch(/partnerships? between/);
    await page.close();
  });
});
