import type { Browser, Page } from 'playwright-core';
import { defaultSeedFiles, loadSeed } from '../../seed/load.ts';
import { Executor } from '../../server/db/executor.ts';
import { ensureSchema } from '../../server/db/schemaSetup.ts';
import { clearDatabase, type TestDatabase } from './database.ts';

/** Loading four documents is not what the browser tests measure; on a busy machine it may outlast a query's timeout. */
const LOAD_TIMEOUT_MS = 180_000;
const READY = { timeout: 20_000 };

/** A fresh graph holding the four Kadcyla releases (2012-11-06 to 2013-11-20); returns a patient executor on it. */
export async function loadKadcyla(db: TestDatabase): Promise<Executor> {
  await clearDatabase(db);
  const executor = new Executor(db.driver, { timeoutMs: LOAD_TIMEOUT_MS, logger: db.logger });
  await ensureSchema(executor);
  const files = (await defaultSeedFiles()).filter((file) => /immunogen-kadcyla-/.test(file));
  if (files.length < 4) throw new Error(`expected the four Kadcyla seed files, found ${files.length}`);
  await loadSeed({ executor, files });
  return executor;
}

/** Collects every CSP violation the page meets in `window.__csp` (read with `cspViolations`). */
export async function watchCsp(page: Page) {
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const holder = window as unknown as { __csp?: string[] };
      holder.__csp = [...(holder.__csp ?? []), `${event.violatedDirective} ${event.blockedURI}`];
    });
  });
}

export const cspViolations = (page: Page) => page.evaluate('window.__csp ?? []') as Promise<string[]>;

/** A page of the explorer at `url`, its CSP violations watched, once its first view has loaded. */
export async function openExplorer(
  browser: Browser,
  url: string,
  viewport = { width: 1280, height: 800 },
): Promise<Page> {
  const page = await browser.newPage({ viewport });
  await watchCsp(page);
  await page.goto(url);
  await page.waitForFunction('window.__atlas !== undefined', undefined, READY);
  await page.evaluate('window.__atlas.ready');
  return page;
}
