import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { typeScriptFiles, valueImports } from '../../support/sources.ts';

/*
 * The explorer imports the server's pure rules (the fold, the limits, the kinds, the seed format a curator's edits
 * are checked against) instead of restating them. What it imports must build for the browser: no Node API, and no
 * package but the seed format's schema library, however deep the server's own imports go.
 */

const BROWSER_PACKAGES = new Set(['zod']);

const ROOT = join(import.meta.dirname, '../../..');
const WEB = join(ROOT, 'web/src');
/** Every server file the explorer reaches through value imports, each with what it imports that is not a file. */
async function serverReach(): Promise<Map<string, string[]>> {
  const reach = new Map<string, string[]>();
  const queue: string[] = [];
  for (const file of await typeScriptFiles(WEB)) {
    for (const spec of await valueImports(file)) {
      const target = resolve(dirname(file), spec);
      if (spec.startsWith('.') && !target.startsWith(join(ROOT, 'web'))) queue.push(target);
    }
  }
  while (queue.length) {
    const file = queue.pop() as string;
    if (reach.has(file)) continue;
    const outside: string[] = [];
    reach.set(file, outside);
    for (const spec of await valueImports(file)) {
      if (spec.startsWith('.')) queue.push(resolve(dirname(file), spec));
      else if (!BROWSER_PACKAGES.has(spec)) outside.push(spec);
    }
  }
  return reach;
}

describe('what the explorer imports from the server', () => {
  it('is pure TypeScript: no Node API and no package but zod, all the way down', async () => {
    const reach = await serverReach();
    expect([...reach.keys()].map((file) => relative(ROOT, file))).toEqual(
      expect.arrayContaining(['server/model/fold.ts', 'server/core/limits.ts', 'seed/format.ts']),
    );
    const impure = [...reach].filter(([, outside]) => outside.length);
    expect(impure.map(([file, outside]) => `${relative(ROOT, file)}: ${outside.join(', ')}`)).toEqual([]);
  });
});
