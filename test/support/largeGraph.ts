import type { Page } from 'playwright-core';

/** A synthetic pipeline-like graph: `nodes` entities of every kind and `edges` relationships, reproducible. */
export function syntheticElements(nodes: number, edges: number, seed = 1) {
  const kinds = [
    'Company',
    'Drug',
    'Antibody',
    'Payload',
    'Linker',
    'Target',
    'Trial',
    'Indication',
    'RegulatoryEvent',
    'Partnership',
    'Milestone',
  ];
  let state = seed;
  const random = () => {
    state = (state * 16807) % 2147483647;
    return state / 2147483647;
  };
  const out: { group: 'nodes' | 'edges'; data: Record<string, unknown> }[] = [];
  for (let i = 0; i < nodes; i++) {
    out.push({
      group: 'nodes',
      data: { id: `n${i}`, kind: kinds[i % kinds.length], label: `Entity ${i}`, properties: {} },
    });
  }
  const seen = new Set<string>();
  let made = 0;
  for (let j = 0; made < edges && j < edges * 3; j++) {
    // A spanning tree first (every node attached to an earlier one), then random links: one connected graph.
    const a = made < nodes - 1 ? made + 1 : Math.floor(random() * nodes);
    const b = made < nodes - 1 ? Math.floor(random() * (made + 1)) : Math.floor(random() * nodes);
    const key = `${a}-${b}`;
    if (a === b || seen.has(key)) continue;
    seen.add(key);
    out.push({
      group: 'edges',
      data: {
        id: `e${made}`,
        source: `n${a}`,
        target: `n${b}`,
        type: 'DEVELOPS',
        label: 'develops',
        properties: {},
      },
    });
    made++;
  }
  return out;
}

const MOVE_INTERVAL_MS = 16;

/**
 * Drags the canvas for `durationMs` with the mouse (as a user pans) and counts animation frames meanwhile:
 * frames per second as the page could paint them.
 */
export async function measurePanFps(
  page: Page,
  selector: string,
  durationMs = 2000,
  warmUpMs = 600,
): Promise<number> {
  const box = await page.locator(selector).boundingBox();
  if (!box) throw new Error(`no ${selector}`);
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  // A short pan first: the first frames of a pan build caches (label and node textures) that later frames reuse.
  if (warmUpMs > 0) {
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    const warmStart = Date.now();
    for (let i = 0; Date.now() - warmStart < warmUpMs; i++) await page.mouse.move(cx + (i % 20) * 5, cy);
    await page.mouse.up();
    await page.waitForTimeout(300);
  }
  // A string, so no bundler helper ends up in the page's code.
  await page.evaluate(`(() => {
    window.__frames = 0;
    window.__counting = true;
    const tick = () => {
      if (!window.__counting) return;
      window.__frames++;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  const started = Date.now();
  let i = 0;
  // One mouse move per display frame (about 60 Hz), as a real mouse delivers them; as fast as the protocol allows
  // would flood the page with hit tests no user can cause.
  while (Date.now() - started < durationMs) {
    const angle = i / 10;
    const moveStarted = Date.now();
    await page.mouse.move(cx + Math.cos(angle) * 150, cy + Math.sin(angle) * 100);
    i++;
    const spare = MOVE_INTERVAL_MS - (Date.now() - moveStarted);
    if (spare > 0) await page.waitForTimeout(spare);
  }
  await page.mouse.up();
  const elapsed = Date.now() - started;
  const frames = (await page.evaluate('window.__counting = false, window.__frames')) as number;
  return (frames * 1000) / elapsed;
}
