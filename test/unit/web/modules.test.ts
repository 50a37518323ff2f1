import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/* The explorer's modules, each saying one thing: none imports, however indirectly, a module that imports it. */

const WEB = join(import.meta.dirname, '../../../web/src');
/** Value imports (`import type` is erased and may go both ways). */
const IMPORT = /^\s*(?:import|export)\s+(?!type\b)[^;]*?from\s+'(\.[^']+)'/gm;

async function sources(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await sources(path)));
    else if (entry.name.endsWith('.ts')) out.push(path);
  }
  return out;
}

/** Each cycle of value imports among `graph`'s modules, as the paths around it. */
function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const found: string[][] = [];
  const done = new Set<string>();
  const walk = (file: string, path: string[]) => {
    const at = path.indexOf(file);
    if (at >= 0) return void found.push([...path.slice(at), file]);
    if (done.has(file)) return;
    for (const next of graph.get(file) ?? []) walk(next, [...path, file]);
    done.add(file);
  };
  for (const file of graph.keys()) walk(file, []);
  return found;
}

describe('the explorer’s modules', () => {
  it('import one another without cycles', async () => {
    const graph = new Map<string, string[]>();
    for (const file of await sources(WEB)) {
      const text = await readFile(file, 'utf8');
      const imports = [...text.matchAll(IMPORT)].map((m) => resolve(dirname(file), m[1] as string));
      graph.set(
        file,
        imports.filter((target) => target.startsWith(WEB)),
      );
    }
    expect(graph.size).toBeGreaterThan(20);
    expect(cycles(graph).map((cycle) => cycle.map((file) => relative(WEB, file)).join(' → '))).toEqual([]);
  });
});
