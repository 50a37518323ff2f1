import type { Core } from 'cytoscape';

/** Never zoom in past this when fitting: a few nodes should not fill the screen. */
export const MAX_FIT_ZOOM = 1.3;

interface Point {
  x: number;
  y: number;
}

/**
 * Sets the viewport to show every given position (plus a margin) without measuring elements: cy.fit() would
 * measure every label and edge first, which costs seconds at 5,000 nodes.
 */
export function frame(cy: Core, points: Iterable<Point | undefined>) {
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const p of points) {
    if (!p) continue;
    minX = Math.min(minX, p.x);
    maxX = Math.max(maxX, p.x);
    minY = Math.min(minY, p.y);
    maxY = Math.max(maxY, p.y);
  }
  if (!Number.isFinite(minX)) return;
  const margin = 60;
  const width = Math.max(cy.width(), 1);
  const height = Math.max(cy.height(), 1);
  const zoom = Math.min(
    MAX_FIT_ZOOM,
    width / (maxX - minX + 2 * margin),
    height / (maxY - minY + 2 * margin),
  );
  cy.viewport({
    zoom,
    pan: { x: width / 2 - (zoom * (minX + maxX)) / 2, y: height / 2 - (zoom * (minY + maxY)) / 2 },
  });
}

/** Fits everything, but never zooms in past MAX_FIT_ZOOM. */
export function fitCapped(cy: Core) {
  cy.fit(undefined, 40);
  if (cy.zoom() > MAX_FIT_ZOOM) {
    cy.zoom(MAX_FIT_ZOOM);
    cy.center();
  }
}
