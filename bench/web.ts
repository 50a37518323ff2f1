/**
 * Web: the explorer (built by Vite, served with the API behind it) and bare Cytoscape.js (bench/web/bare.html,
 * default options) draw the same 500- and 5,000-node graphs in headless Chromium. Measured from navigation start:
 * the first drawn graph and the settled layout; then the frame rate while panning the 5,000-node view with the
 * mouse.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import express from 'express';
import { type Browser, chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/support/chromium.ts';
import { measurePanFps, syntheticElements } from '../test/support/largeGraph.ts';
import { finished, REPO_ROOT } from './proc.ts';

const VIEWPORT = { width: 1280, height: 720 };
const PAN_MS = 2_000;

export interface DrawResult {
  /** Navigation start → first drawn graph, and → settled layout (ms). */
  firstDrawMs: number;
  settledMs: number;
  panFps?: number;
}

export interface WebResult {
  nodes: number;
  edges: number;
  /** `readyMs`: navigation → the app's first view loaded (drawing starts then); `addMs`: adding the elements. */
  app: DrawResult & { plan: string; readyMs: number; layoutMs: number; addMs: number };
  bare: DrawResult;
}

/** Builds the explorer into `outDir` (not dist/web, which the running tests serve). */
async function buildExplorer(outDir: string): Promise<void> {
  const vite = path.join(REPO_ROOT, 'node_modules', '.bin', 'vite');
  await finished(
    spawn(vite, ['build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
}

/** The built explorer and the bare page on one origin, with /graphql passed through to the API under test. */
async function serve(outDir: string, apiUrl: string) {
  const app = express();
  app.get('/bare.html', (_req, res) => res.sendFile(path.join(REPO_ROOT, 'bench', 'web', 'bare.html')));
  app.get('/cytoscape.min.js', (_req, res) =>
    res.sendFile(path.join(REPO_ROOT, 'node_modules', 'cytoscape', 'dist', 'cytoscape.min.js')),
  );
  app.post('/graphql', express.text({ type: '*/*', limit: '1mb' }), async (req, res) => {
    const answer = await fetch(apiUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: req.body,
    });
    res
      .status(answer.status)
      .type('application/json')
      .send(await answer.text());
  });
  app.use(express.static(outDir));
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(resolve)) };
}

async function withElements(browser: Browser, elements: unknown[]): Promise<Page> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  await page.addInitScript(`window.__benchElements = ${JSON.stringify(elements)};`);
  return page;
}

async function drawApp(browser: Browser, base: string, elements: unknown[], pan: boolean) {
  const page = await withElements(browser, elements);
  // The page starts drawing by itself as soon as the app is ready, as the bare page does on load: no round trip
  // from the harness between the two (each one is frames of latency that only the app would pay).
  await page.addInitScript(`window.__benchDraw = new Promise((resolve, reject) => {
    Object.defineProperty(window, '__atlas', {
      configurable: true,
      set(hook) {
        Object.defineProperty(window, '__atlas', { value: hook, writable: true, configurable: true });
        hook.ready
          .then(async () => {
            const startedAt = performance.now();
            const timings = await hook.drawElements(window.__benchElements);
            resolve({ startedAt, ...timings, drawn: hook.cy.nodes().length });
          })
          .catch(reject);
      },
    });
  });`);
  try {
    await page.goto(`${base}/`);
    const t = (await page.evaluate('window.__benchDraw')) as {
      startedAt: number;
      firstDrawMs: number;
      settledMs: number;
      layoutMs: number;
      addMs: number;
      plan: string;
      drawn: number;
    };
    const result = {
      firstDrawMs: t.startedAt + t.firstDrawMs,
      settledMs: t.startedAt + t.settledMs,
      plan: t.plan,
      readyMs: t.startedAt,
      layoutMs: t.layoutMs,
      addMs: t.addMs,
    };
    if (!pan) return result;
    await page.waitForTimeout(1_500);
    return { ...result, panFps: await measurePanFps(page, '#graph', PAN_MS) };
  } finally {
    await page.close();
  }
}

async function drawBare(
  browser: Browser,
  base: string,
  elements: unknown[],
  pan: boolean,
): Promise<DrawResult> {
  const page = await withElements(browser, elements);
  try {
    await page.goto(`${base}/bare.html`);
    const { drawnAt } = (await page.evaluate('window.__bare')) as { drawnAt: number };
    // The default layout (grid) is synchronous: drawn is settled.
    const result = { firstDrawMs: drawnAt, settledMs: drawnAt };
    if (!pan) return result;
    await page.waitForTimeout(1_500);
    return { ...result, panFps: await measurePanFps(page, '#cy', PAN_MS) };
  } finally {
    await page.close();
  }
}

export async function measureWeb(
  apiUrl: string,
  outDir: string,
  sizes: readonly number[],
): Promise<WebResult[]> {
  await buildExplorer(outDir);
  const server = await serve(outDir, apiUrl);
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
  });
  try {
    const results: WebResult[] = [];
    for (const nodes of sizes) {
      const elements = syntheticElements(nodes, nodes * 2);
      const pan = nodes >= 5_000;
      // The baseline first, then the app, so neither always runs on a warmer machine… alternate by size.
      const bare = await drawBare(browser, server.url, elements, pan);
      const app = await drawApp(browser, server.url, elements, pan);
      results.push({ nodes, edges: elements.length - nodes, app, bare });
    }
    return results;
  } finally {
    await browser.close();
    await server.close();
  }
}
