import { describe, expect, it } from 'vitest';
import {
  FCOSE_DRAFT_MAX_NODES,
  isLayoutName,
  planLayout,
  ringPositions,
} from '../../../web/src/graph/layout.ts';

describe('planLayout', () => {
  it('uses animated fcose at default quality for small graphs', () => {
    const plan = planLayout({ name: 'fcose', nodeCount: 40 });
    expect(plan).toMatchObject({
      kind: 'cytoscape',
      options: { name: 'fcose', quality: 'default', animate: true, randomize: true },
    });
  });

  it('drops to draft quality, then to the fast worker layout, as graphs grow', () => {
    expect(planLayout({ name: 'fcose', nodeCount: 500 })).toMatchObject({
      options: { quality: 'draft', animate: false },
    });
    expect(planLayout({ name: 'fcose', nodeCount: FCOSE_DRAFT_MAX_NODES + 1 })).toEqual({ kind: 'fast' });
    expect(planLayout({ name: 'fcose', nodeCount: 5000 })).toEqual({ kind: 'fast' });
  });

  it('keeps existing nodes fixed when expanding', () => {
    const fixed = [{ nodeId: 'a', position: { x: 1, y: 2 } }];
    const plan = planLayout({ name: 'fcose', nodeCount: 30, fixed });
    expect(plan).toMatchObject({
      kind: 'cytoscape',
      options: {
        randomize: false,
        fit: false,
        quality: 'proof',
        fixedNodeConstraint: [{ nodeId: 'a', position: { x: 1, y: 2 } }],
      },
    });
  });

  it('offers concentric, hierarchy (with roots) and grid', () => {
    expect(planLayout({ name: 'concentric', nodeCount: 10 })).toMatchObject({
      options: { name: 'concentric' },
    });
    expect(planLayout({ name: 'breadthfirst', nodeCount: 10, roots: ['x'] })).toMatchObject({
      options: { name: 'breadthfirst', roots: ['x'], directed: true },
    });
    expect(planLayout({ name: 'grid', nodeCount: 10 })).toMatchObject({ options: { name: 'grid' } });
    expect(isLayoutName('dagre')).toBe(false);
    expect(isLayoutName('concentric')).toBe(true);
  });
});

describe('ringPositions', () => {
  it('spreads new nodes evenly around the anchor, wider for more nodes', () => {
    const ring = ringPositions({ x: 100, y: 100 }, 4, 50);
    expect(ring).toHaveLength(4);
    for (const p of ring) expect(Math.hypot(p.x - 100, p.y - 100)).toBeCloseTo(50);
    const big = ringPositions({ x: 0, y: 0 }, 100, 50);
    expect(Math.hypot(big[0]!.x, big[0]!.y)).toBeGreaterThan(500);
  });
});
