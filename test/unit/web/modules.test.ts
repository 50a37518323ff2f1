import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { typeScriptFiles, valueImports } from '../../support/sources.ts';

/* The explorer's modules, each saying one thing: none imports, however indirectly, a module that imports it. */

const WEB = join(import.meta.dirname, '../../../web/src');
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
    for (const file of await typeScriptFiles(WEB)) {
      const imports = (await valueImports(file))
        .filter((spec) => spec.startsWith('.'))
        .map((spec) => resolve(dirname(file), spec));
      graph.set(
        file,
        imports.filter((target) => target.startsWith(WEB)),
      );
    }
    expect(graph.size).toBeGreaterThan(20);
    expect(cycles(graph).map((cycle) => cycle.map((file) => relative(WEB, file)).join(' → '))).toEqual([]);
  });
});
