import cytoscape, {
  type CollectionReturnValue,
  type Core,
  type EdgeSingular,
  type ElementDefinition,
  type EventObject,
  type LayoutOptions,
  type NodeSingular,
} from 'cytoscape';
import fcose from 'cytoscape-fcose';
import svg from 'cytoscape-svg';
import { type ChangedElements, edgeKey } from '../history/index.ts';
import { addWithFastLayout } from './addWithFastLayout.ts';
import { type LayoutName, planLayout, ringPositions } from './layout.ts';
import { computeFastPositions, warmUpFastLayout } from './runFastLayout.ts';
import { buildStylesheet, LABEL_MIN_ZOOM, LARGE_GRAPH_NODES } from './stylesheet.ts';
import type { EdgeData, Element } from './toElements.ts';
import { fitCapped, frame } from './viewport.ts';

cytoscape.use(fcose);
cytoscape.use(svg);

export interface CanvasHandlers {
  /** A node was clicked (null: the background). */
  onSelect(id: string | null): void;
  /** An edge was clicked: its data as drawn. */
  onSelectEdge(edge: EdgeData): void;
  /** A node was double-clicked. */
  onExpand(id: string): void;
}

/** How long drawing took, for the status line, the tests and the benchmark. */
export interface DrawTimings {
  nodes: number;
  edges: number;
  /** Computing positions (the fast layout's worker, or a Cytoscape layout). */
  layoutMs: number;
  /** From the call until the elements were first painted. */
  firstDrawMs: number;
  /** From the call until the layout had settled and was painted. */
  settledMs: number;
  /** Adding the elements to Cytoscape (style included). */
  addMs: number;
  plan: 'fast' | 'cytoscape' | 'preset';
}

interface RendererFlags {
  textureOnViewport: boolean;
  hideEdgesOnViewport: boolean;
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/** The one owner of the Cytoscape instance: everything that changes the canvas goes through here. */
export class Canvas {
  readonly cy: Core;
  #large = false;
  #labels = true;
  #hoverEnabled = true;
  #zoomTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(container: HTMLElement, handlers: CanvasHandlers) {
    this.cy = cytoscape({
      container,
      style: buildStylesheet() as unknown as cytoscape.StylesheetJson,
      minZoom: 0.03,
      maxZoom: 5,
      boxSelectionEnabled: false,
      selectionType: 'single',
      motionBlur: false,
      textureOnViewport: false,
      hideEdgesOnViewport: false,
    });
    warmUpFastLayout();
    this.cy.on('tap', 'node', (event: EventObject) => {
      const node = event.target as NodeSingular;
      if (node.hasClass('group')) return;
      handlers.onSelect(node.id());
    });
    this.cy.on('tap', 'edge', (event: EventObject) => {
      handlers.onSelectEdge({ ...((event.target as EdgeSingular).data() as EdgeData) });
    });
    this.cy.on('tap', (event: EventObject) => {
      if (event.target === this.cy) handlers.onSelect(null);
    });
    this.cy.on('dbltap', 'node', (event: EventObject) => {
      const node = event.target as NodeSingular;
      if (!node.hasClass('group')) handlers.onExpand(node.id());
    });
    this.cy.on('mouseover', 'node', (event: EventObject) => this.#highlight(event.target as NodeSingular));
    this.cy.on('mouseout', 'node', () => this.#clearHighlight());
    this.cy.on('zoom', () => {
      if (!this.#large || this.#zoomTimer) return;
      this.#zoomTimer = setTimeout(() => {
        this.#zoomTimer = null;
        this.#updateLabels();
      }, 150);
    });
  }

  /** Large graphs: node labels only once zoomed in far enough to read them. */
  #updateLabels() {
    const labels = !this.#large || this.cy.zoom() >= LABEL_MIN_ZOOM;
    if (labels === this.#labels) return;
    this.#labels = labels;
    this.cy.style(buildStylesheet({ large: this.#large, labels }) as unknown as cytoscape.StylesheetJson);
  }

  get nodeCount() {
    return this.cy.nodes().length;
  }

  /** Cheap drawing from LARGE_GRAPH_NODES nodes on: straight edges without labels, a texture while panning. */
  #setLarge(nodeCount: number) {
    const large = nodeCount >= LARGE_GRAPH_NODES;
    if (large === this.#large) return;
    this.#large = large;
    this.#hoverEnabled = !large;
    // A large graph starts zoomed out to show everything: without labels (see #updateLabels).
    this.#labels = !large;
    this.cy.style(buildStylesheet({ large, labels: this.#labels }) as unknown as cytoscape.StylesheetJson);
    // The renderer reads these on every frame; Cytoscape only takes them at construction, so set them here.
    const renderer = (this.cy as unknown as { renderer(): RendererFlags }).renderer();
    renderer.textureOnViewport = large;
    renderer.hideEdgesOnViewport = large;
  }

  #highlight(node: NodeSingular) {
    if (!this.#hoverEnabled) return;
    const near = node.closedNeighborhood();
    this.cy.batch(() => {
      this.cy.elements().not(near).addClass('faded');
      near.addClass('highlighted');
    });
  }

  #clearHighlight() {
    if (!this.#hoverEnabled) return;
    this.cy.batch(() => {
      this.cy.elements('.faded, .highlighted').removeClass('faded highlighted');
    });
  }

  async #painted() {
    await nextFrame();
    await nextFrame();
  }

  /** Adds elements in one batch; returns how long that took. */
  #add(elements: readonly Element[]): number {
    const started = performance.now();
    this.cy.batch(() => {
      this.cy.add(elements as unknown as ElementDefinition[]);
    });
    return performance.now() - started;
  }

  async #runLayout(options: Record<string, unknown>, eles?: CollectionReturnValue): Promise<number> {
    const started = performance.now();
    const layout = (eles ?? this.cy.elements()).layout(options as unknown as LayoutOptions);
    const done = new Promise<void>((resolve) => layout.one('layoutstop', () => resolve()));
    layout.run();
    await done;
    return performance.now() - started;
  }

  /**
   * Replaces everything on the canvas and lays it out. Elements that carry positions are drawn where they say
   * (no layout); otherwise the plan for their size decides (fcose for small graphs, the fast layout in a worker
   * for large ones).
   */
  async replace(
    elements: readonly Element[],
    layoutName: LayoutName,
    roots: readonly string[] = [],
  ): Promise<DrawTimings> {
    const started = performance.now();
    const nodeCount = elements.reduce((n, e) => n + (e.group === 'nodes' ? 1 : 0), 0);
    const edgeCount = elements.length - nodeCount;
    this.cy.stop();
    this.cy.elements().remove();
    this.#setLarge(nodeCount);
    const preset = elements.some((e) => e.group === 'nodes' && e.position);
    const plan = preset ? null : planLayout({ name: layoutName, nodeCount, roots });
    if (plan?.kind !== 'cytoscape') {
      let layoutMs = 0;
      let addMs: number;
      if (plan) ({ layoutMs, addMs } = await addWithFastLayout(this.cy, elements));
      else {
        addMs = this.#add(elements);
        frame(
          this.cy,
          elements.map((e) => (e.group === 'nodes' ? e.position : undefined)),
        );
      }
      this.#updateLabels();
      await this.#painted();
      const drawn = performance.now() - started;
      return {
        nodes: nodeCount,
        edges: edgeCount,
        layoutMs,
        addMs,
        firstDrawMs: drawn,
        settledMs: drawn,
        plan: plan ? 'fast' : 'preset',
      };
    }
    const addMs = this.#add(elements);
    // Small graphs: draw on a grid first so something is on screen at once, then lay out.
    this.cy.layout({ name: 'grid', fit: true, padding: 40 } as LayoutOptions).run();
    await this.#painted();
    const firstDrawMs = performance.now() - started;
    const layoutMs = await this.#runLayout({ ...plan.options, animate: false });
    fitCapped(this.cy);
    await this.#painted();
    return {
      nodes: nodeCount,
      edges: edgeCount,
      layoutMs,
      addMs,
      firstDrawMs,
      settledMs: performance.now() - started,
      plan: 'cytoscape',
    };
  }

  /**
   * Adds elements around `anchorId` (an expansion): existing nodes stay exactly where they are; new nodes start
   * on a ring around the anchor and an incremental fcose (existing nodes fixed) spreads them out.
   * Returns the ids of what was added, for undo.
   */
  async addAround(
    elements: readonly Element[],
    anchorId: string | null,
    layoutName: LayoutName,
  ): Promise<string[]> {
    const fresh = elements.filter((e) => this.cy.getElementById(e.data.id).empty());
    if (!fresh.length) return [];
    const anchor = anchorId ? this.cy.getElementById(anchorId) : null;
    const center = anchor?.nonempty()
      ? anchor.position()
      : { x: this.cy.width() / 2, y: this.cy.height() / 2 };
    const newNodes = fresh.filter((e) => e.group === 'nodes');
    const ring = ringPositions(center, newNodes.length);
    const fixed = this.cy.nodes().map((n) => ({ nodeId: n.id(), position: { ...n.position() } }));
    let i = 0;
    const defs = fresh.map((e) =>
      e.group === 'nodes' ? { ...e, position: ring[i++] } : e,
    ) as unknown as ElementDefinition[];
    let added: CollectionReturnValue | null = null;
    this.cy.batch(() => {
      added = this.cy.add(defs);
    });
    this.#setLarge(this.cy.nodes().length);
    const total = this.cy.nodes().length;
    if (layoutName === 'fcose' && total <= 600 && fixed.length > 0) {
      const plan = planLayout({ name: 'fcose', nodeCount: total, fixed, animate: false });
      if (plan.kind === 'cytoscape') await this.#runLayout(plan.options);
      // fcose keeps fixed nodes where they are relative to each other but may shift the whole drawing: undo
      // the shift so that nothing already on screen moves at all.
      let dx = 0;
      let dy = 0;
      for (const f of fixed) {
        const p = this.cy.getElementById(f.nodeId).position();
        dx += p.x - f.position.x;
        dy += p.y - f.position.y;
      }
      dx /= fixed.length;
      dy /= fixed.length;
      const freshIds = new Set(newNodes.map((e) => e.data.id));
      this.cy.batch(() => {
        for (const f of fixed) this.cy.getElementById(f.nodeId).position(f.position);
        this.cy.nodes().forEach((n) => {
          if (!freshIds.has(n.id())) return;
          const p = n.position();
          n.position({ x: p.x - dx, y: p.y - dy });
        });
      });
    }
    const addedNodes = (added as unknown as CollectionReturnValue).nodes();
    if (anchor?.nonempty())
      this.cy.animate({ fit: { eles: anchor.union(addedNodes), padding: 60 } } as never, { duration: 300 });
    return fresh.map((e) => e.data.id);
  }

  async relayout(layoutName: LayoutName, roots: readonly string[] = []): Promise<number> {
    const visible = this.cy.elements(':visible');
    const plan = planLayout({ name: layoutName, nodeCount: visible.nodes().length, roots });
    if (plan.kind === 'fast') {
      const nodes = visible.nodes();
      const { positions, ms } = await computeFastPositions(
        nodes.map((n) => n.id()),
        visible.edges().map((e) => [e.source().id(), e.target().id()] as [string, string]),
      );
      this.cy.batch(() => {
        for (const n of nodes) {
          const p = positions.get(n.id());
          if (p) n.position(p);
        }
      });
      frame(this.cy, positions.values());
      return ms;
    }
    return this.#runLayout(plan.options, visible);
  }

  /** Hides the given kinds; marks what the server says changed (edges by id, or by type and ends). */
  applyFilters(hiddenKinds: ReadonlySet<string>, changed: Readonly<ChangedElements>) {
    this.cy.batch(() => {
      this.cy.nodes().forEach((node) => {
        node.toggleClass('filtered', hiddenKinds.has(node.data('kind') as string));
        // The landscape's stand-ins say which entity they stand for.
        const entityId = (node.data('properties') as { entityId?: string } | undefined)?.entityId;
        node.toggleClass('changed', changed.nodes.has(entityId ?? node.id()));
      });
      this.cy.edges().forEach((edge) => {
        const data = edge.data() as EdgeData;
        edge.toggleClass('changed', changed.edgeIds.has(data.id) || changed.edgeKeys.has(edgeKey(data)));
      });
    });
  }

  /** The label an element has on the canvas; undefined when it is not there. */
  labelOf(id: string): string | undefined {
    const element = this.cy.getElementById(id);
    return element.nonempty() ? (element.data('label') as string) : undefined;
  }

  /** Selects a node and brings it into view; false when it is not on the canvas. */
  focus(id: string): boolean {
    const node = this.cy.getElementById(id);
    if (node.empty()) return false;
    this.cy.$(':selected').unselect();
    node.select();
    this.cy.animate({ center: { eles: node }, zoom: Math.max(this.cy.zoom(), 0.9) } as never, {
      duration: 250,
    });
    return true;
  }

  select(id: string | null) {
    this.cy.$(':selected').unselect();
    if (id) this.cy.getElementById(id).select();
  }

  markPath(ids: ReadonlySet<string>) {
    this.cy.batch(() => {
      this.cy.elements().forEach((e) => {
        e.toggleClass('path', ids.has(e.id()));
      });
    });
  }

  fit() {
    this.cy.animate({ fit: { eles: this.cy.elements(':visible'), padding: 40 } } as never, { duration: 250 });
  }

  zoomBy(factor: number) {
    const zoom = this.cy.zoom() * factor;
    this.cy.zoom({ level: zoom, renderedPosition: { x: this.cy.width() / 2, y: this.cy.height() / 2 } });
  }

  /** Centres on the selection, or on everything. */
  centre() {
    const selected = this.cy.$(':selected');
    this.cy.animate(
      { center: { eles: selected.nonempty() ? selected : this.cy.elements(':visible') } } as never,
      { duration: 250 },
    );
  }

  #collect(ids: readonly string[]): CollectionReturnValue {
    let out = this.cy.collection();
    for (const id of ids) out = out.union(this.cy.getElementById(id));
    return out;
  }

  /** Hides nodes (and their edges) until `showHidden`; returns the ids hidden. */
  hide(ids: readonly string[]): string[] {
    const nodes = this.#collect(ids);
    nodes.addClass('hidden');
    return nodes.map((n) => n.id());
  }

  unhide(ids: readonly string[]) {
    for (const id of ids) this.cy.getElementById(id).removeClass('hidden');
  }

  showHidden(): string[] {
    const hidden = this.cy.nodes('.hidden');
    hidden.removeClass('hidden');
    return hidden.map((n) => n.id());
  }

  /** Removes elements; returns them so that `restore` can put them back. */
  remove(ids: readonly string[]): CollectionReturnValue {
    const eles = this.#collect(ids);
    return eles.union(eles.connectedEdges()).remove();
  }

  restore(eles: CollectionReturnValue) {
    eles.restore();
  }

  removeIds(ids: readonly string[]) {
    this.remove(ids);
  }

  clear() {
    this.cy.elements().remove();
  }

  png(): Blob {
    return this.cy.png({
      output: 'blob',
      full: true,
      scale: 2,
      bg: '#ffffff',
      maxWidth: 8000,
      maxHeight: 8000,
    }) as unknown as Blob;
  }

  svg(): string {
    return (this.cy as unknown as { svg(options: object): string }).svg({
      full: true,
      scale: 1,
      bg: '#ffffff',
    });
  }

  json(): string {
    return JSON.stringify(this.cy.json(), null, 2);
  }
}
