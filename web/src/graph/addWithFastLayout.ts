import type { Core, ElementDefinition } from 'cytoscape';
import { computeFastPositions } from './runFastLayout.ts';
import type { Element } from './toElements.ts';
import { frame } from './viewport.ts';

/**
 * Adds a large graph and lays it out with the fast layout, the two at once: the worker computes positions while
 * this thread adds the elements and computes their style (otherwise a large part of the first frame's cost).
 * Nothing is drawn until the positions are in, and they are set in the same batch, so no frame shows the nodes
 * piled up at the origin. Ends with the viewport framing the drawing.
 */
export async function addWithFastLayout(
  cy: Core,
  elements: readonly Element[],
): Promise<{ layoutMs: number; addMs: number }> {
  const ids: string[] = [];
  const pairs: [string, string][] = [];
  const nodes: Element[] = [];
  const edges: Element[] = [];
  for (const e of elements) {
    if (e.group === 'nodes') {
      ids.push(e.data.id);
      nodes.push(e);
    } else {
      pairs.push([e.data.source, e.data.target]);
      edges.push(e);
    }
  }
  const layout = computeFastPositions(ids, pairs);
  const addStarted = performance.now();
  // Nodes first, styled while they have no edges yet: each style property set on a node also visits its edges.
  addStyled(cy, nodes);
  addStyled(cy, edges);
  const addMs = performance.now() - addStarted;
  // The renderer draws nothing while a batch is open: hold one until the positions are set.
  cy.startBatch();
  try {
    const { positions, ms } = await layout;
    cy.nodes().positions((node) => positions.get(node.id()) as { x: number; y: number });
    frame(cy, positions.values());
    return { layoutMs: ms, addMs };
  } finally {
    cy.endBatch();
  }
}

/**
 * Adds elements and computes their style right away. Cytoscape marks the style of new elements as due when the
 * add's batch ends and computes it in the first frame; reading it now computes it now, while the worker works.
 * The reads need no batch: it would only collect the elements of the style's notifications, which the renderer
 * does not look at (they only schedule a frame, and none can run before this returns).
 */
function addStyled(cy: Core, elements: readonly Element[]) {
  let added = cy.collection();
  cy.batch(() => {
    added = cy.add(elements as unknown as ElementDefinition[]);
  });
  added.forEach((ele) => {
    ele.style('display');
  });
}
