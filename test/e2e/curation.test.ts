import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.ts';
import { launchChromium } from '../support/browser.ts';
import { connectTestDatabase } from '../support/database.ts';
import { cspViolations, loadKadcyla, openExplorer } from '../support/explorer.ts';
import { type RunningServer, startTestServer } from '../support/server.ts';

/*
 * Curating in the explorer, in real Chromium against a real Neo4j holding the four Kadcyla releases: a development
 * release of the ingester's corpus pasted, reviewed (accept all, one company re-pointed to the graph's, one fact
 * rejected), previewed, published and withdrawn; requests without the token, with a wrong one, or from another
 * site refused with nothing written; two curators publishing at once.
 */

const TOKEN = 'an-editor-token-for-the-browser-tests-0123456789';
const CORPUS = 'seed/ingest/corpus/inputs';
const WAIT = { timeout: 30_000 };
const SHOTS = 'test-results';
/** Publishes write into a seed folder of the test's own, never into the repository's seed/. */
const SEED_DIR = mkdtempSync(join(tmpdir(), 'atlas-curation-e2e-'));

const db = connectTestDatabase();
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  const executor = await loadKadcyla(db);
  const config = loadConfig({
    NODE_ENV: 'test',
    NEO4J_URI: db.uri,
    LOG_LEVEL: 'silent',
    EDITING: 'true',
    EDITOR_TOKEN: TOKEN,
    SEED_DIR,
  });
  [server, browser] = await Promise.all([
    startTestServer({ config, executor, logger: db.logger }),
    launchChromium(),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await db.close();
});

const open = (origin = server.url) => openExplorer(browser, `${origin}/`, { width: 1400, height: 900 });

async function count(cypher: string, params: Record<string, unknown> = {}): Promise<number> {
  const { records } = await db.driver.executeQuery(`${cypher} RETURN count(*) AS n`, params);
  return Number(records[0]?.get('n'));
}

const documentCount = (id: string) => count('MATCH (:SourceDocument {id: $id})', { id });
const seedFiles = () => readdirSync(SEED_DIR).sort();

/** Pastes a release, drafts it (giving the token when asked) and waits for the review. */
async function draft(page: Page, file: string, token: string | null = TOKEN) {
  await page.locator('#curate-open').click();
  await page.locator('#curate-text').fill(readFileSync(join(CORPUS, file), 'utf8'));
  await page.locator('#curate-file-name').fill(file);
  await page.locator('#curate-draft').click();
  if (token) {
    await page.locator('#token-input').fill(token);
    await page.locator('#token-dialog button[type=submit]').click();
  }
}

const card = (page: Page, id: string) => page.locator(`.fact[data-fact-id="${id}"]`);

async function acceptAll(page: Page) {
  for (const button of await page.locator('.fact-group-head button').all()) await button.click();
}

describe('curating a release in the explorer', () => {
  it('drafts a pasted release, reviews it against its text, previews and publishes it, and withdraws it', async () => {
    const page = await open();
    await draft(page, 'a-01.txt');
    await card(page, 'corvatuzumab-deruxtecan').waitFor(WAIT);
    // Every fact sits beside its sentences: a fact selects its marks, a mark selects its facts.
    expect(await page.locator('#curate-source mark.cited').count()).toBeGreaterThan(5);
    await card(page, 'corvatuzumab-deruxtecan').locator('.fact-name').click();
    expect(await page.locator('#curate-source mark.selected').count()).toBeGreaterThan(0);
    // From the keyboard too: a focused sentence, Enter.
    await page.locator('#curate-source mark.cited').first().focus();
    await page.keyboard.press('Enter');
    expect(await page.locator('.fact.selected').count()).toBeGreaterThan(0);

    await acceptAll(page);
    // Halvard Pharma is new to the graph; the curator says it is Roche, searching as they type.
    const halvard = card(page, 'halvard-pharma');
    await halvard.locator('button', { hasText: 'Re-point' }).click();
    await halvard.locator('input[type=search]').fill('Roch');
    await halvard.locator('.search-option', { hasText: 'Roche' }).first().click();
    await expect
      .poll(() => halvard.locator('.resolution').textContent(), WAIT)
      .toMatch(/Re-pointed to Roche/);
    await card(page, 'tom-reilly').locator('button', { hasText: 'Reject' }).click();
    expect(await card(page, 'tom-reilly').getAttribute('data-decision')).toBe('rejected');
    expect(await page.locator('.fact-issues').count()).toBe(0);

    // The preview draws the draft beside what the graph holds: the drug new, Roche already there.
    await page.locator('#curate-preview').click();
    await expect.poll(() => page.locator('#curate-preview-note').textContent(), WAIT).toMatch(/new/);
    const classesOf = (id: string) =>
      page.evaluate(`window.__atlas.cy.getElementById(${JSON.stringify(id)}).classes()`) as Promise<string[]>;
    expect(await classesOf('corvatuzumab-deruxtecan')).toContain('draft-new');
    expect(await classesOf('roche')).toEqual(
      expect.arrayContaining([expect.stringMatching(/draft-changed|draft-unchanged/)]),
    );
    expect(await page.evaluate(`window.__atlas.cy.getElementById('tom-reilly').length`)).toBe(0);
    await page.screenshot({ path: `${SHOTS}/curation-preview.png` });

    await page.locator('#curate-publish').click();
    await expect.poll(() => page.locator('#status-text').textContent(), WAIT).toMatch(/^Published/);
    // The new drug on the canvas, its panel citing the sentence it was read from.
    await expect
      .poll(() => page.evaluate(`window.__atlas.cy.getElementById('corvatuzumab-deruxtecan').length`), WAIT)
      .toBe(1);
    await expect
      .poll(() => page.locator('#panel .citation-open').allTextContents(), WAIT)
      .toEqual(expect.arrayContaining([expect.stringMatching(/LX-1207|corvatuzumab/)]));
    await page.screenshot({ path: `${SHOTS}/curation-published.png` });

    // Written as `npm run seed` reads it: the re-pointed company is Roche, the rejected person is not there.
    expect(seedFiles()).toEqual(['a-01.yaml', 'sources']);
    const yaml = readFileSync(join(SEED_DIR, 'a-01.yaml'), 'utf8');
    expect(yaml).toMatch(/ref: roche|- roche/);
    expect(yaml).not.toMatch(/(?:id: |ref: |- )(?:halvard-pharma|tom-reilly)$/m);
    expect(await count('MATCH (:Person {id: "tom-reilly"})')).toBe(0);
    expect(await count('MATCH (:Company {id: "halvard-pharma"})')).toBe(0);
    expect(await count('MATCH (:Drug {id: "corvatuzumab-deruxtecan"})')).toBe(1);

    // Withdrawn from its source view: the drug leaves the graph and the files the seed folder.
    await page.locator('#panel .citation-open', { hasText: 'corvatuzumab' }).first().click();
    await page.locator('#reader-withdraw').click();
    await page.locator('#reader-withdraw-confirm').click();
    await expect.poll(() => page.locator('#status-text').textContent(), WAIT).toMatch(/^Withdrawn: a-01/);
    expect(await count('MATCH (:Drug {id: "corvatuzumab-deruxtecan"})')).toBe(0);
    expect(await documentCount('a-01')).toBe(0);
    expect(existsSync(join(SEED_DIR, 'a-01.yaml'))).toBe(false);
    expect(await count('MATCH (:Company {id: "roche"})')).toBe(1);
    // All of it under the explorer's Content Security Policy.
    expect(await cspViolations(page)).toEqual([]);
    await page.close();
  });
});

describe('reviewing in detail', () => {
  const LOOKALIKE_RELEASE = [
    'ImmunoGen Europe Ltd. and Velmora Bio Enter License Agreement for VB-101',
    '',
    'LONDON, March 3, 2025 /PRNewswire/ -- ImmunoGen Europe Ltd. today announced that it has entered into an exclusive license agreement with Velmora Bio, Inc. for VB-101, a HER2-directed antibody-drug conjugate.',
    '',
    'Under the agreement, ImmunoGen Europe Ltd. will pay Velmora Bio $50 million upfront.',
  ].join('\n');

  it('flags a new company that looks like the graph’s, checks an edit with the seed format’s words, reads a file', async () => {
    const page = await open();
    await page.locator('#curate-open').click();
    await page.locator('#curate-text').fill(LOOKALIKE_RELEASE);
    await page.locator('#curate-file-name').fill('immunogen-europe-2025.txt');
    await page.locator('#curate-draft').click();
    await page.locator('#token-input').fill(TOKEN);
    await page.locator('#token-dialog button[type=submit]').click();
    const europe = card(page, 'immunogen-europe');
    await expect.poll(() => europe.locator('.lookalike').textContent(), WAIT).toMatch(/Looks like ImmunoGen/);
    await europe.locator('button', { hasText: /^Use ImmunoGen/ }).click();
    expect(await europe.locator('.resolution').textContent()).toMatch(/Re-pointed to ImmunoGen/);

    // An edit the format refuses says why, in the loader's words, and changes nothing until it is right.
    const drug = card(page, 'vb-101');
    await drug.locator('button', { hasText: 'Edit' }).click();
    await drug.locator('#edit-vb-101-name').fill('VB-101 (velmotuzumab)');
    await drug.locator('textarea#edit-vb-101-cite').fill('["s1"');
    await drug.locator('button', { hasText: 'Save' }).click();
    expect(await drug.locator('.fact-form .fact-issues').textContent()).toMatch(/^cite: expected JSON/);
    await drug.locator('textarea#edit-vb-101-cite').fill('[]');
    await drug.locator('button', { hasText: 'Save' }).click();
    expect(await drug.locator('.fact-form .fact-issues').textContent()).toBe(
      'cite: expected at least one sentence key',
    );
    expect(await drug.locator('.fact-name').textContent()).toBe('VB-101');
    await drug.locator('textarea#edit-vb-101-cite').fill('["s1"]');
    // A field the draft did not have, from the fields the format allows.
    await drug.locator('#edit-vb-101-add').selectOption('genericName');
    await drug.locator('#edit-vb-101-genericName').fill('velmotuzumab vedotin');
    await drug.locator('button', { hasText: 'Save' }).click();
    await expect.poll(() => drug.locator('.fact-name').textContent(), WAIT).toBe('VB-101 (velmotuzumab)');
    expect(await drug.locator('.fact-form').count()).toBe(0);
    await drug.locator('button', { hasText: 'Edit' }).click();
    expect(await drug.locator('#edit-vb-101-genericName').inputValue()).toBe('velmotuzumab vedotin');
    await drug.locator('button', { hasText: 'Cancel' }).click();

    // A file chosen instead of pasted text: the HTML release of the corpus, read as the ingester reads it.
    // Starting over discards the decisions made: the explorer asks first.
    page.once('dialog', (dialog) => void dialog.accept());
    await page.locator('#curate-restart').click();
    await page.locator('#curate-file').setInputFiles(join(CORPUS, 'a-07.html'));
    await page.locator('.fact').first().waitFor(WAIT);
    expect(await page.locator('.curate-document').textContent()).toMatch(/published as a-07/);
    expect(await page.locator('#curate-source mark.cited').count()).toBeGreaterThan(3);
    await page.close();
  });
});

describe('who may write', () => {
  it('asks again for a refused token and writes nothing when the curator gives up', async () => {
    const page = await open();
    await draft(page, 'a-02.txt', 'a-wrong-token-of-more-than-thirty-two-characters');
    await expect.poll(() => page.locator('#token-dialog .error-text').textContent(), WAIT).toMatch(/refused/);
    await page.locator('#token-dialog button', { hasText: 'Cancel' }).click();
    expect(await page.locator('.fact').count()).toBe(0);
    expect(await page.evaluate(`sessionStorage.length`)).toBe(0);
    await page.close();
  });

  it('refuses a request without the token, and one from another site even with it, writing nothing', async () => {
    const page = await open();
    const before = await count('MATCH (n)');
    const body = JSON.stringify({
      query: 'mutation { withdrawDocument(id: "immunogen-kadcyla-2013-09-20") { removed } }',
    });
    const status = await page.evaluate(
      async (body) =>
        (
          await fetch('/graphql/edit', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body,
          })
        ).status,
      body,
    );
    expect(status).toBe(401);
    // Another origin (localhost is not 127.0.0.1): a form-like post the browser sends without asking first.
    const other = await open(server.url.replace('127.0.0.1', 'localhost'));
    await other.evaluate(
      async ({ url, body, token }) => {
        await fetch(`${url}/graphql/edit`, {
          method: 'POST',
          mode: 'no-cors',
          headers: { 'content-type': 'text/plain', authorization: `Bearer ${token}` },
          body,
        }).catch(() => undefined);
      },
      { url: server.url, body, token: TOKEN },
    );
    expect(await count('MATCH (n)')).toBe(before);
    expect(await documentCount('immunogen-kadcyla-2013-09-20')).toBe(1);
    await Promise.all([page.close(), other.close()]);
  });
});

describe('two curators at once', () => {
  it('publishes both of two releases published at the same moment, graph and seed folder consistent', async () => {
    const pages = await Promise.all([open(), open()]);
    const files = ['a-02.txt', 'b-01.txt'];
    for (const [index, page] of pages.entries()) {
      await draft(page, files[index] as string);
      await page.locator('.fact').first().waitFor(WAIT);
      await acceptAll(page);
    }
    await Promise.all(pages.map((page) => page.locator('#curate-publish').click()));
    for (const page of pages)
      await expect.poll(() => page.locator('#status-text').textContent(), WAIT).toMatch(/^Published/);
    expect(await documentCount('a-02')).toBe(1);
    expect(await documentCount('b-01')).toBe(1);
    expect(seedFiles()).toEqual(['a-02.yaml', 'b-01.yaml', 'sources']);
    expect(readdirSync(join(SEED_DIR, 'sources')).sort()).toEqual(['a-02.txt', 'b-01.txt']);
    await Promise.all(pages.map((page) => page.close()));
  });
});
