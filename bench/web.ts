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
import { finished, REPO_ROOT } from './proc.ts';

const VIEWPORT = { width: 1280, height: 720 };
const KINDS = [
  'Company',
  'Drug',
  'Antibody',
  'Payload',
  'Target',
  'Trial',
  'Indication',
  'RegulatoryEvent',
  'Partnership',
  'Milestone',
];
const TYPES = ['DEVELOPS', 'TESTS', 'TARGETS', 'PARTY_TO', 'CONCERNS', 'HAS_MILESTONE'];
const PAN_MS = 2_000;
const FRAME_MS = 16;

/** A reproducible pipeline-like graph: every node attached to an earlier one, then random links (two edges per node). */
export function benchElements(nodes: number, seed = 1) {
  let state = seed;
  const random = () => {
    state = (state * 16807) % 2147483647;
    return state / 2147483647;
  };
  const out: { group: 'nodes' | 'edges'; data: Record<string, unknown> }[] = [];
  for (let i = 0; i < nodes; i++) {
    out.push({
      group: 'nodes',
      data: { id: `n${i}`, kind: KINDS[i % KINDS.length], label: `Entity ${i}`, properties: {} },
    });
  }
  const seen = new Set<string>();
  for (let made = 0; made < nodes * 2; ) {
    const a = made < nodes - 1 ? made + 1 : Math.floor(random() * nodes);
    const b = made < nodes - 1 ? Math.floor(random() * (made + 1)) : Math.floor(random() * nodes);
    if (a === b || seen.has(`${a}-${b}`)) continue;
    seen.add(`${a}-${b}`);
    const type = TYPES[made % TYPES.length] as string;
    out.push({
      group: 'edges',
      data: {
        id: `e${made}`,
        source: `n${a}`,
        target: `n${b}`,
        type,
        label: type.toLowerCase(),
        properties: {},
      },
    });
    made++;
  }
  return out;
}

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

/** Drags the canvas with the mouse, one move per display frame, and counts animation frames meanwhile. */
async function panFps(page: Page, selector: string): Promise<number> {
  const box = await page.locator(selector).boundingBox();
  if (!box) throw new Error(`no ${selector} on the page`);
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  const drag = async (ms: number) => {
    await page.mouse.move(x, y);
    await page.mouse.down();
    const started = Date.now();
    for (let i = 0; Date.now() - started < ms; i++) {
      const moveStarted = Date.now();
      await page.mouse.move(x + Math.cos(i / 10) * 150, y + Math.sin(i / 10) * 100);
      const spare = FRAME_MS - (Date.now() - moveStarted);
      if (spare > 0) await page.waitForTimeout(spare);
    }
    await page.mouse.up();
    return Date.now() - started;
  };
  await drag(600); // warm-up: the first frames of a pan build the caches later frames reuse
  await page.waitForTimeout(300);
  await page.evaluate(`(() => {
    window.__frames = 0; window.__counting = true;
    const tick = () => { if (!window.__counting) return; window.__frames++; requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  })()`);
  const elapsed = await drag(PAN_MS);
  const frames = (await page.evaluate('(window.__counting = false, window.__frames)')) as number;
  return (frames * 1000) / elapsed;
}

async function withElements(browser: Browser, elements: unknown[]): Promise<Page> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  await page.addInitScript(`window.__benchElements = ${JSON.stringify(elements)};`);
  return page;
}

async function drawApp(browser: Browser, base: string, elements: unknown[], pan: boolean) {
  const page = await withElements(browser, elements);
  try {
    await page.goto(`${base}/`);
    await page.waitForFunction('window.__atlas !== undefined');
    await page.evaluate('window.__atlas.ready');
    const t = (await page.evaluate(`(async () => {
      const startedAt = performance.now();
      const timings = await window.__atlas.drawElements(window.__benchElements);
      return { startedAt, ...timings, drawn: window.__atlas.cy.nodes().length };
    })()`)) as {
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
    return { ...result, panFps: await panFps(page, '#graph') };
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
    return { ...result, panFps: await panFps(page, '#cy') };
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
      const elements = benchElements(nodes);
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
