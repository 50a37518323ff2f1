/** Which layout runs when: pure choices, so the plan for large graphs is tested without a browser. */

export const LAYOUT_NAMES = ['fcose', 'concentric', 'breadthfirst', 'grid'] as const;
export type LayoutName = (typeof LAYOUT_NAMES)[number];

export const LAYOUT_TITLES: Readonly<Record<LayoutName, string>> = {
  fcose: 'Force-directed (fcose)',
  concentric: 'Concentric (by connections)',
  breadthfirst: 'Hierarchy (breadth-first)',
  grid: 'Grid',
};

export function isLayoutName(value: unknown): value is LayoutName {
  return typeof value === 'string' && (LAYOUT_NAMES as readonly string[]).includes(value);
}

/** Up to this many nodes fcose runs at its default quality, animated. */
export const FCOSE_PROOF_MAX_NODES = 250;
/** Up to this many nodes fcose runs in draft quality; above it the fast layout (in a worker) places the nodes. */
export const FCOSE_DRAFT_MAX_NODES = 600;

export type LayoutPlan =
  | { kind: 'cytoscape'; options: Record<string, unknown> }
  /** Positions come from `fastLayout` (in a Web Worker), then a preset layout. */
  | { kind: 'fast' };

export interface PlanInput {
  name: LayoutName;
  nodeCount: number;
  /** Nodes to keep where they are (an expansion): only the others move. */
  fixed?: readonly { nodeId: string; position: { x: number; y: number } }[];
  /** Whether to animate (never for large graphs). */
  animate?: boolean;
  /** Root ids for the hierarchy layout. */
  roots?: readonly string[];
}

const PADDING = 40;

export function planLayout(input: PlanInput): LayoutPlan {
  const { name, nodeCount } = input;
  const animate = (input.animate ?? true) && nodeCount <= FCOSE_PROOF_MAX_NODES;
  const common = { fit: true, padding: PADDING, animate, animationDuration: 400 };
  switch (name) {
    case 'fcose': {
      const fixed = input.fixed ?? [];
      if (nodeCount > FCOSE_DRAFT_MAX_NODES && fixed.length === 0) return { kind: 'fast' };
      const incremental = fixed.length > 0;
      return {
        kind: 'cytoscape',
        options: {
          name: 'fcose',
          ...common,
          // fcose starts from given positions only at proof quality; draft is for fresh layouts.
          quality: incremental ? 'proof' : nodeCount <= FCOSE_PROOF_MAX_NODES ? 'default' : 'draft',
          // An expansion starts from the current positions and moves only the new nodes.
          randomize: !incremental,
          fit: !incremental,
          nodeDimensionsIncludeLabels: nodeCount <= FCOSE_PROOF_MAX_NODES,
          idealEdgeLength: 110,
          nodeRepulsion: 9000,
          nodeSeparation: 80,
          packComponents: true,
          numIter: nodeCount <= FCOSE_PROOF_MAX_NODES ? 2500 : 800,
          ...(incremental
            ? { fixedNodeConstraint: fixed.map((f) => ({ nodeId: f.nodeId, position: { ...f.position } })) }
            : {}),
        },
      };
    }
    case 'concentric':
      return {
        kind: 'cytoscape',
        options: {
          name: 'concentric',
          ...common,
          minNodeSpacing: 30,
          avoidOverlap: nodeCount <= 2000,
          spacingFactor: 1,
        },
      };
    case 'breadthfirst':
      return {
        kind: 'cytoscape',
        options: {
          name: 'breadthfirst',
          ...common,
          directed: true,
          spacingFactor: 1.1,
          avoidOverlap: nodeCount <= 2000,
          ...(input.roots?.length ? { roots: [...input.roots] } : {}),
        },
      };
    case 'grid':
      return { kind: 'cytoscape', options: { name: 'grid', ...common, avoidOverlap: true, condense: true } };
  }
}

/**
 * Where to put new nodes before an incremental layout: on a ring around the node they were expanded from, so
 * fcose starts them close to home and never moves the others.
 */
export function ringPositions(
  center: { x: number; y: number },
  count: number,
  radius = 140,
): { x: number; y: number }[] {
  const ring = Math.max(radius, (count * 46) / (2 * Math.PI));
  return Array.from({ length: count }, (_, i) => {
    const angle = (2 * Math.PI * i) / Math.max(count, 1) - Math.PI / 2;
    return { x: center.x + ring * Math.cos(angle), y: center.y + ring * Math.sin(angle) };
  });
}
