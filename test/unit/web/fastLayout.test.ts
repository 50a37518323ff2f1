import { describe, expect, it } from 'vitest';
import { fastLayout, toLayoutGraph } from '../../../web/src/graph/fastLayout.ts';

function randomGraph(n: number, m: number) {
  const ids = Array.from({ length: n }, (_, i) => `n${i}`);
  let s = 1;
  const r = () => {
    s = (s * 16807) % 2147483647;
    return s / 2147483647;
  };
  const edges: [string, string][] = [];
  for (let i = 1; i < n; i++) edges.push([`n${i}`, `n${Math.floor(r() * i)}`]);
  while (edges.length < m) edges.push([`n${Math.floor(r() * n)}`, `n${Math.floor(r() * n)}`]);
  return { ids, edges };
}

const distance = (p: Float64Array, a: number, b: number) =>
  Math.hypot(p[a * 2]! - p[b * 2]!, p[a * 2 + 1]! - p[b * 2 + 1]!);

describe('fastLayout', () => {
  it('maps ids to indices and drops self-loops and unknown ends', () => {
    const g = toLayoutGraph(
      ['a', 'b', 'c'],
      [
        ['a', 'b'],
        ['b', 'b'],
        ['c', 'zz'],
        ['c', 'a'],
      ],
    );
    expect(g.nodeCount).toBe(3);
    expect([...g.edges]).toEqual([0, 1, 2, 0]);
  });

  it('gives every node a finite position, the same each time', () => {
    const { ids, edges } = randomGraph(300, 600);
    const a = fastLayout(toLayoutGraph(ids, edges));
    const b = fastLayout(toLayoutGraph(ids, edges));
    expect(a).toHaveLength(600);
    expect([...a].every(Number.isFinite)).toBe(true);
    expect([...a]).toEqual([...b]);
  });

  it('puts connected nodes closer than unconnected ones, and nodes apart', () => {
    const { ids, edges } = randomGraph(400, 500);
    const graph = toLayoutGraph(ids, edges);
    const p = fastLayout(graph, { edgeLength: 100 });
    let linked = 0;
    for (let e = 0; e < graph.edges.length; e += 2)
      linked += distance(p, graph.edges[e]!, graph.edges[e + 1]!);
    linked /= graph.edges.length / 2;
    let any = 0;
    for (let i = 0; i < 400; i++) any += distance(p, i, (i * 7 + 13) % 400);
    any /= 400;
    expect(linked).toBeLessThan(any);
    let overlapping = 0;
    for (let i = 0; i < 400; i++) for (let j = i + 1; j < 400; j++) if (distance(p, i, j) < 5) overlapping++;
    expect(overlapping).toBeLessThan(4);
  });

  it('lays disconnected pieces side by side, not on top of each other', () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'lonely'];
    const p = fastLayout(
      toLayoutGraph(ids, [
        ['a', 'b'],
        ['b', 'c'],
        ['c', 'a'],
        ['d', 'e'],
        ['e', 'f'],
      ]),
    );
    for (let i = 0; i < ids.length; i++)
      for (let j = i + 1; j < ids.length; j++) expect(distance(p, i, j)).toBeGreaterThan(10);
  });

  it('lays out 5,000 nodes and 10,000 edges in well under fcose time', () => {
    const { ids, edges } = randomGraph(5000, 10000);
    const started = performance.now();
    const p = fastLayout(toLayoutGraph(ids, edges));
    const ms = performance.now() - started;
    expect([...p].every(Number.isFinite)).toBe(true);
    // fcose alone takes several seconds here; the budget is loose because CI machines are shared.
    expect(ms).toBeLessThan(4000);
  });
});
