import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { connectTestDatabase } from '../support/database.ts';
import { cspViolations, loadKadcyla, openExplorer } from '../support/explorer.ts';
import { type RunningServer, startTestServer } from '../support/server.ts';

/*
 * History and provenance in the explorer, in real Chromium, on the four Kadcyla releases (2012-11-06 to
 * 2013-11-20) loaded into a real Neo4j: "as of" and "changes since" answered by the server, the source reader,
 * clickable edges, an entity's history.
 */

const EU_MILESTONE = 'kadcyla-eu-approval-milestone';
const EU_RELEASE = 'immunogen-kadcyla-2013-11-20-eu-approval';
const SHOTS = 'test-results';
const WAIT = { timeout: 20_000 };

const db = connectTestDatabase();
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  const executor = await loadKadcyla(db);
  [server, browser] = await Promise.all([startTestServer({ ...db, executor }), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await db.close();
});

const open = (path: string) => openExplorer(browser, `${server.url}${path}`);

const oneLine = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

async function settle(page: Page) {
  await page.waitForTimeout(600);
  await page.waitForFunction("!document.querySelector('#overlay:not([hidden]).loading')", undefined, WAIT);
}

const euMilestonePill = (page: Page) =>
  page.locator(`#panel .milestone[data-milestone-id="${EU_MILESTONE}"] .pill`).first();

describe('as of a day, the server answers', () => {
  it('shows the EU milestone pending on 2013-10-01 and triggered on 2013-12-01', async () => {
    const page = await open('/?view=partnerships&asOf=2013-10-01');
    await expect.poll(() => euMilestonePill(page).textContent(), WAIT).toBe('Pending');
    expect(await page.locator('#as-of').inputValue()).toBe('2013-10-01');
    const edgeLabel = () =>
      page.evaluate(
        `window.__atlas.cy.edges('[type = "HAS_MILESTONE"]').filter((e) => e.target().id() === '${EU_MILESTONE}').map((e) => e.data('label'))`,
      ) as Promise<string[]>;
    expect(await edgeLabel()).toEqual(['$5M · pending']);
    await page.screenshot({ path: `${SHOTS}/as-of-2013-10-01.png` });

    await page.fill('#as-of', '2013-12-01');
    await expect.poll(() => euMilestonePill(page).textContent(), WAIT).toBe('Triggered');
    expect(await edgeLabel()).toEqual(['$5M · triggered']);
    expect(page.url()).toContain('asOf=2013-12-01');
    await page.close();
  });

  it('leaves out what no document had named yet, and says so when nothing was known', async () => {
    // On 2013-10-01 the EU milestone's own panel shows it pending: the release of 2013-11-20 was not out yet.
    const page = await open(`/?ids=${EU_MILESTONE}&sel=${EU_MILESTONE}&asOf=2013-10-01`);
    await expect.poll(() => page.locator('#panel .properties').textContent(), WAIT).toMatch(/PENDING/);
    // Then only the release of 2013-09-20 had stated it.
    expect(await page.locator('#panel .as-of-note').textContent()).toBe(
      'Stated by 1 document, 2013-09-20 · as of 2013-10-01',
    );

    await page.goto(`${server.url}/?ids=kadcyla&asOf=2012-01-01`);
    await page.evaluate('window.__atlas.ready');
    await expect
      .poll(() => page.locator('#overlay-text').textContent(), WAIT)
      .toBe('Nothing was known about these entities on 2012-01-01. Clear “As of” or pick a later day.');
    expect(await page.evaluate('window.__atlas.cy.nodes().length')).toBe(0);

    // The list views say the same on their canvas and in their panel.
    for (const [view, text] of [
      ['landscape', 'No drug was known'],
      ['partnerships', 'No partnership was known'],
    ]) {
      await page.goto(`${server.url}/?view=${view}&asOf=2012-01-01`);
      await page.evaluate('window.__atlas.ready');
      const said = `${text} on 2012-01-01. Clear “As of” or pick a later day.`;
      await expect.poll(() => page.locator('#overlay-text').textContent(), WAIT).toBe(said);
      expect(await page.locator('#panel p.muted').first().textContent()).toBe(said);
    }
    await page.close();
  });
});

describe('the source reader', () => {
  it('opens a citation’s document with that sentence highlighted and in view; Esc closes it', async () => {
    const page = await open('/?ids=kadcyla&sel=kadcyla');
    await expect.poll(() => page.locator('#panel h2').first().textContent(), WAIT).toBe('Kadcyla');
    const citation = page.locator('#panel .citation-open').first();
    await citation.waitFor(WAIT);
    const sentence = oneLine(await citation.textContent()).replace(/^“|”$/g, '');
    const sentenceId = await citation.getAttribute('data-sentence-id');
    await citation.click();

    const reader = page.locator('#reader');
    await expect.poll(() => reader.getAttribute('open'), WAIT).toBe('');
    const current = reader.locator('mark.current');
    await current.waitFor(WAIT);
    expect(await current.count()).toBe(1);
    expect(oneLine(await current.textContent())).toBe(sentence);
    expect(await current.getAttribute('data-sentence-id')).toBe(sentenceId);
    expect(await reader.locator('mark.cited:not(.current)').count()).toBeGreaterThan(0);
    expect(await reader.locator('.reader-title').textContent()).toMatch(/ImmunoGen/);
    expect(await reader.locator('.reader-meta').textContent()).toMatch(/^\d{4}-\d{2}-\d{2} · ImmunoGen/);
    // Scrolled into view: the sentence lies inside the text's visible box.
    const [box, view] = await Promise.all([
      current.boundingBox(),
      reader.locator('.reader-text').boundingBox(),
    ]);
    expect(box && view && box.y >= view.y && box.y + Math.min(box.height, 40) <= view.y + view.height).toBe(
      true,
    );
    expect(await reader.locator('.reader-facts .entity-link').count()).toBeGreaterThan(3);
    await page.screenshot({ path: `${SHOTS}/reader.png` });

    await page.keyboard.press('Escape');
    await expect.poll(() => reader.getAttribute('open'), WAIT).toBeNull();
    expect(await page.evaluate('document.activeElement?.classList.contains("citation-open")')).toBe(true);
    expect(await cspViolations(page)).toEqual([]);
    await page.close();
  });

  it('lists the facts the document states, each selecting its entity', async () => {
    const page = await open('/?ids=kadcyla&sel=kadcyla');
    await page.locator('#panel .citation-open').first().click();
    // Any entity the document states other than Kadcyla: a link that selects it on the canvas.
    const fact = page
      .locator('#reader .reader-entities .entity-link:not([data-entity-id="kadcyla"])')
      .first();
    await fact.waitFor(WAIT);
    const id = await fact.getAttribute('data-entity-id');
    const name = await fact.locator('.entity-link-name').textContent();
    await fact.click();
    expect(await page.locator('#reader').getAttribute('open')).toBeNull();
    await expect.poll(() => page.locator('#panel h2').first().textContent(), WAIT).toBe(name);
    expect(await page.evaluate("window.__atlas.cy.$(':selected').map((n) => n.id())")).toEqual([id]);
    await page.close();
  });
});

describe('edges and history', () => {
  it('shows an edge’s own properties, citations and history when it is clicked', async () => {
    const page = await open('/?ids=kadcyla');
    await expect.poll(() => page.evaluate('window.__atlas.cy.edges().length'), WAIT).toBeGreaterThan(3);
    await settle(page);
    // An edge whose middle is clear of nodes and of the boxes over the canvas.
    const box = await page.locator('#graph').boundingBox();
    if (!box) throw new Error('no canvas');
    const target = (await page.evaluate(
      `(() => {
        const cy = window.__atlas.cy;
        const nodes = cy.nodes().map((n) => n.renderedPosition());
        for (const edge of cy.edges()) {
          const m = edge.renderedMidpoint();
          if (nodes.some((p) => Math.hypot(p.x - m.x, p.y - m.y) < 40)) continue;
          const at = document.elementFromPoint(${box.x} + m.x, ${box.y} + m.y);
          if (!at || !document.getElementById('graph').contains(at)) continue;
          return { id: edge.id(), x: m.x, y: m.y, type: edge.data('type') };
        }
        return null;
      })()`,
    )) as { id: string; x: number; y: number; type: string } | null;
    expect(target).not.toBeNull();
    if (!target) return;
    await page.mouse.click(box.x + target.x, box.y + target.y);
    const panel = page.locator('#panel');
    await expect.poll(() => panel.locator('.edge-details').count(), WAIT).toBe(1);
    await expect.poll(() => panel.locator('.citation').count(), WAIT).toBeGreaterThan(0);
    expect(await panel.locator('.kind-badge').first().textContent()).toMatch(/Relationship/);
    expect(await panel.locator('.history h3').textContent()).toMatch(/History \(\d+ statements?\)/);
    expect(await panel.locator('.edge-ends .entity-link').count()).toBe(2);
    await page.screenshot({ path: `${SHOTS}/edge-details.png` });
    await page.close();
  });

  it('lists the EU milestone’s two statements with their dates, what changed, and their sources', async () => {
    const page = await open(`/?ids=${EU_MILESTONE}&sel=${EU_MILESTONE}`);
    const statements = page.locator('#panel .history .statement');
    await expect.poll(() => statements.count(), WAIT).toBe(2);
    expect(await page.locator('#panel .history h3').textContent()).toBe('History (2 statements)');
    expect(await page.locator('#panel .history .statement-date').allTextContents()).toEqual([
      '2013-09-20',
      '2013-11-20',
    ]);
    expect(await statements.nth(1).locator('.statement-value.changed').allTextContents()).toContain(
      'status: PENDING → TRIGGERED',
    );
    await page.screenshot({ path: `${SHOTS}/history-eu-milestone.png` });
    // Each statement's citations open the reader on that statement's document.
    await statements.nth(1).locator('.citation-open').first().click();
    await expect
      .poll(() => page.locator('#reader .reader-title').textContent(), WAIT)
      .toMatch(/European Union/);
    expect(await page.locator('#reader mark.current').getAttribute('data-sentence-id')).toMatch(
      new RegExp(`^${EU_RELEASE}#`),
    );
    await page.keyboard.press('Escape');
    await page.close();
  });
});

describe('changes since a day', () => {
  it('lists the server’s changes, marks them on the canvas, and selects an entity from the list', async () => {
    const page = await open('/?ids=kadcyla&since=2013-10-01&asOf=2013-12-01');
    const changes = page.locator('#changes');
    await expect.poll(() => changes.isVisible(), WAIT).toBe(true);
    await expect.poll(() => changes.locator('.change').count(), WAIT).toBeGreaterThan(0);
    expect(await changes.locator('.changes-summary').textContent()).toMatch(
      /changes? after 2013-10-01, up to 2013-12-01/,
    );
    const milestone = changes.locator(`.change[data-entity-id="${EU_MILESTONE}"]`, {
      hasText: 'status: PENDING → TRIGGERED',
    });
    expect(await milestone.count()).toBe(1);
    // Nothing stated before 2013-10-01 is listed.
    const dates = await changes.locator('.change-date').allTextContents();
    expect(dates.every((d) => d > '2013-10-01' && d <= '2013-12-01')).toBe(true);
    await expect
      .poll(() => page.evaluate("window.__atlas.cy.elements('.changed').length"), WAIT)
      .toBeGreaterThan(0);
    await settle(page);
    await page.screenshot({ path: `${SHOTS}/changes-since.png` });

    await milestone.locator('.entity-link').click();
    await expect.poll(() => page.locator('#panel h2').first().textContent(), WAIT).toMatch(/European/);
    expect(page.url()).toContain(`sel=${EU_MILESTONE}`);

    // The change's source opens the reader on the release of 2013-11-20.
    await milestone.locator('.change-source').click();
    await expect
      .poll(() => page.locator('#reader .reader-title').textContent(), WAIT)
      .toMatch(/European Union/);
    await page.keyboard.press('Escape');

    // Clearing "changes since" hides the list and the marks, and leaves the link.
    await changes.getByRole('button', { name: 'Clear' }).click();
    await expect.poll(() => changes.isHidden(), WAIT).toBe(true);
    expect(await page.evaluate("window.__atlas.cy.elements('.changed').length")).toBe(0);
    expect(page.url()).not.toContain('since=');
    expect(await cspViolations(page)).toEqual([]);
    await page.close();
  });

  it('marks the changed events in the timeline', async () => {
    const page = await open('/?view=timeline&since=2013-10-01');
    await expect.poll(() => page.locator('.timeline-row.changed').count(), WAIT).toBeGreaterThan(0);
    // The EC's decision, expected until the release of 2013-11-20 said it was made, is among them.
    expect(await page.locator('.timeline-row.changed').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringMatching(/European Commission/)]),
    );
    expect(await page.locator('.timeline-head').textContent()).toMatch(/highlighted \(\d+\)/);
    await page.close();
  });
});
