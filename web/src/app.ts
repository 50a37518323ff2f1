import type { CollectionReturnValue } from 'cytoscape';
import { ApiError } from './api/client.ts';
import {
  fetchDetails,
  fetchDrugs,
  fetchGraph,
  fetchPartnerships,
  fetchPath,
  fetchRegulatoryEvents,
  fetchStats,
  searchEntities,
} from './api/queries.ts';
import type { DrugInfo, PartnershipInfo, RegulatoryEventInfo, SearchHit } from './api/types.ts';
import { Canvas, type DrawTimings } from './graph/canvas.ts';
import type { EntityKind } from './graph/kinds.ts';
import { groupDrugs, landscapeElements } from './graph/landscape.ts';
import { isLayoutName, LAYOUT_NAMES, LAYOUT_TITLES } from './graph/layout.ts';
import { milestoneMoney, partnershipElements } from './graph/partnerships.ts';
import { timeView } from './graph/timeFilter.ts';
import { type Element, toElements } from './graph/toElements.ts';
import { UndoStack } from './state/history.ts';
import { decodeState, encodeState, VIEW_TITLES, VIEWS, type ViewName, type ViewState } from './state/url.ts';
import { byId, clear, download, h } from './ui/dom.ts';
import { renderLegend } from './ui/legend.ts';
import {
  moneyTable,
  type PanelActions,
  partnershipTerms,
  renderDetails,
  renderEmpty,
  renderLandscape,
  renderLoading,
  renderPartnershipsOverview,
} from './ui/panel.ts';
import { Combobox } from './ui/search.ts';
import { renderTimeline } from './views/timeline.ts';

/** Most nodes an explore view asks the API for at once. */
const EXPLORE_LIMIT = 1000;
const EXPAND_LIMIT = 300;

/** The hook that tests and the benchmark use (window.__atlas). */
export interface AtlasHook {
  cy: Canvas['cy'];
  /** Resolves when the first view has loaded (or failed and shows its error). */
  ready: Promise<void>;
  /** Timings of the latest full draw. */
  lastDraw: DrawTimings | null;
  /** Draws the given elements as the app would (layout plan included), for benchmarks. */
  drawElements(elements: Element[]): Promise<DrawTimings>;
  state(): ViewState;
}

function errorMessage(error: unknown): { text: string; retry: boolean } {
  if (error instanceof ApiError) {
    if (error.code === 'NETWORK' || error.code === 'HTTP') {
      return {
        text: 'The Pipeline Atlas server cannot be reached. Check that it is running, then retry.',
        retry: true,
      };
    }
    if (error.code === 'SERVICE_UNAVAILABLE' || error.code === 'TIMEOUT') {
      return {
        text: `The graph database is not answering: ${error.message} Retry in a moment.`,
        retry: true,
      };
    }
    return { text: `The server refused the request: ${error.message}`, retry: true };
  }
  return { text: `Something went wrong: ${(error as Error)?.message ?? String(error)}`, retry: true };
}

export class App {
  state: ViewState;
  readonly canvas: Canvas;
  readonly undo: UndoStack;
  readonly hook: AtlasHook;
  #resolveReady: () => void = () => {};
  #loadToken = 0;
  #partnerships: PartnershipInfo[] | null = null;
  #drugs: DrugInfo[] | null = null;
  #events: RegulatoryEventInfo[] | null = null;
  #hiddenNodes = new Set<string>();
  #pathFrom: Combobox;
  #pathTo: Combobox;
  #search: Combobox;
  #detailsToken = 0;

  readonly #el = {
    status: byId('status'),
    statusText: byId('status-text'),
    statusRetry: byId<HTMLButtonElement>('status-retry'),
    overlay: byId('overlay'),
    overlayText: byId('overlay-text'),
    overlayRetry: byId<HTMLButtonElement>('overlay-retry'),
    graph: byId('graph'),
    timeline: byId('timeline'),
    panel: byId('panel'),
    legend: byId('legend'),
    views: byId('views'),
    layout: byId<HTMLSelectElement>('layout'),
    layoutForm: byId('layout-form'),
    groupForm: byId('group-form'),
    groupBy: byId<HTMLSelectElement>('group-by'),
    pathForm: byId('path-form'),
    editTools: byId('edit-tools'),
    asOf: byId<HTMLInputElement>('as-of'),
    since: byId<HTMLInputElement>('since'),
    undo: byId<HTMLButtonElement>('undo'),
    hide: byId<HTMLButtonElement>('hide'),
    remove: byId<HTMLButtonElement>('remove'),
    showHidden: byId<HTMLButtonElement>('show-hidden'),
  };

  constructor() {
    this.state = decodeState(location.search);
    this.undo = new UndoStack(() => this.#syncButtons());
    this.canvas = new Canvas(this.#el.graph, {
      onSelect: (id) => this.select(id),
      onExpand: (id) => void this.expand(id),
    });
    const ready = new Promise<void>((resolve) => {
      this.#resolveReady = resolve;
    });
    this.hook = {
      cy: this.canvas.cy,
      ready,
      lastDraw: null,
      drawElements: async (elements) => {
        this.#hideOverlay();
        const timings = await this.canvas.replace(elements, this.state.layout);
        this.hook.lastDraw = timings;
        this.#refreshLegend();
        return timings;
      },
      state: () => structuredClone(this.state),
    };
    const search = (text: string, signal: AbortSignal) => searchEntities(text, signal);
    const onError = (error: unknown) => this.#statusError(errorMessage(error).text, null);
    this.#search = new Combobox({
      input: byId<HTMLInputElement>('search-input'),
      list: byId<HTMLUListElement>('search-list'),
      search,
      onError,
      onChoose: (hit) => void this.chooseHit(hit),
    });
    this.#pathFrom = new Combobox({
      input: byId<HTMLInputElement>('path-from'),
      list: byId<HTMLUListElement>('path-from-list'),
      search,
      onError,
      onChoose: (hit) => this.#setState({ from: hit.id }),
    });
    this.#pathTo = new Combobox({
      input: byId<HTMLInputElement>('path-to'),
      list: byId<HTMLUListElement>('path-to-list'),
      search,
      onError,
      onChoose: (hit) => this.#setState({ to: hit.id }),
    });
    this.#buildControls();
    window.addEventListener('popstate', () => {
      this.state = decodeState(location.search);
      void this.load();
    });
  }

  // ---------------------------------------------------------------------------------------------------------
  // State and URL

  #setState(patch: Partial<ViewState>, push = false) {
    this.state = { ...this.state, ...patch };
    const url = `${location.pathname}${encodeState(this.state)}`;
    if (url !== `${location.pathname}${location.search}`) {
      if (push) history.pushState(null, '', url);
      else history.replaceState(null, '', url);
    }
    this.#syncControls();
  }

  #syncControls() {
    const { view } = this.state;
    for (const button of this.#el.views.querySelectorAll('button')) {
      const current = button.getAttribute('data-view') === view;
      if (current) button.setAttribute('aria-current', 'page');
      else button.removeAttribute('aria-current');
    }
    this.#el.layout.value = this.state.layout;
    this.#el.groupBy.value = this.state.groupBy;
    this.#el.asOf.value = this.state.asOf ?? '';
    this.#el.since.value = this.state.since ?? '';
    this.#el.groupForm.hidden = view !== 'landscape';
    this.#el.pathForm.hidden = view !== 'path';
    this.#el.layoutForm.hidden = view === 'landscape' || view === 'timeline';
    this.#el.editTools.hidden = view !== 'explore';
    byId('zoom-tools').hidden = view === 'timeline';
    for (const id of ['export-png', 'export-svg', 'export-json']) byId(id).hidden = view === 'timeline';
    const timeline = view === 'timeline';
    this.#el.timeline.hidden = !timeline;
    this.#el.graph.hidden = timeline;
    this.#el.legend.hidden = timeline;
    document.title = `${VIEW_TITLES[view]} · Pipeline Atlas`;
    this.#syncButtons();
  }

  #syncButtons() {
    const selected =
      this.state.selected !== null && this.canvas.cy.getElementById(this.state.selected).nonempty();
    this.#el.undo.disabled = this.undo.size === 0;
    this.#el.undo.title = this.undo.nextLabel ? `Undo ${this.undo.nextLabel} (Ctrl+Z)` : 'Nothing to undo';
    this.#el.hide.disabled = !selected;
    this.#el.remove.disabled = !selected;
    this.#el.showHidden.disabled = this.#hiddenNodes.size === 0;
  }

  // ---------------------------------------------------------------------------------------------------------
  // Status, overlay

  #statusInfo(text: string) {
    this.#el.status.classList.remove('error');
    this.#el.statusText.textContent = text;
    this.#el.statusRetry.hidden = true;
  }

  #statusError(text: string, retry: (() => void) | null) {
    this.#el.status.classList.add('error');
    this.#el.statusText.textContent = text;
    this.#el.statusRetry.hidden = !retry;
    this.#el.statusRetry.onclick = retry;
  }

  #showOverlay(kind: 'loading' | 'empty' | 'error', text: string, retry: (() => void) | null = null) {
    const { overlay, overlayText, overlayRetry } = this.#el;
    overlay.hidden = false;
    overlay.className = `overlay ${kind}`;
    overlay.setAttribute('aria-busy', kind === 'loading' ? 'true' : 'false');
    overlayText.textContent = text;
    overlayRetry.hidden = !retry;
    overlayRetry.onclick = retry;
  }

  #hideOverlay() {
    this.#el.overlay.hidden = true;
  }

  /** Runs a loading step: spinner while it runs; on failure a clear message and Retry, never a blank page. */
  async #guard<T>(
    what: string,
    token: number,
    run: () => Promise<T>,
    retry: () => void,
  ): Promise<T | undefined> {
    this.#showOverlay('loading', `Loading ${what}…`);
    this.#statusInfo(`Loading ${what}…`);
    try {
      const result = await run();
      if (token === this.#loadToken) this.#hideOverlay();
      return result;
    } catch (error) {
      if (token !== this.#loadToken) return undefined;
      const { text } = errorMessage(error);
      this.#showOverlay('error', text, retry);
      this.#statusError(text, retry);
      return undefined;
    }
  }

  // ---------------------------------------------------------------------------------------------------------
  // Loading the view

  /** Loads whatever the state describes. */
  async load() {
    const token = ++this.#loadToken;
    this.#syncControls();
    this.undo.clear();
    this.#hiddenNodes.clear();
    const retry = () => void this.load();
    try {
      switch (this.state.view) {
        case 'explore':
          await this.#loadExplore(token, retry);
          break;
        case 'partnerships':
          await this.#loadPartnerships(token, retry);
          break;
        case 'landscape':
          await this.#loadLandscape(token, retry);
          break;
        case 'timeline':
          await this.#loadTimeline(token, retry);
          break;
        case 'path':
          await this.#loadPath(token, retry);
          break;
      }
    } finally {
      this.#resolveReady();
    }
  }

  async #draw(elements: Element[], roots: string[] = []) {
    const timings = await this.canvas.replace(elements, this.state.layout, roots);
    this.hook.lastDraw = timings;
    this.#applyFilters();
    return timings;
  }

  async #loadExplore(token: number, retry: () => void) {
    this.#pathFrom.value = '';
    if (!this.state.ids.length) {
      this.canvas.clear();
      this.#refreshLegend();
      renderEmpty(
        this.#el.panel,
        'Start with a search',
        'Type a drug, company, target or trial into the search box, e.g. “Kadcyla”, “ImmunoGen” or “HER2”, and pick a hit: it appears here with everything it is connected to.',
        'Or open Partnerships, Landscape or Timeline above for an overview.',
      );
      this.#showOverlay('empty', 'Nothing on the canvas yet. Search for an entity above — try “Kadcyla”.');
      try {
        const stats = await fetchStats();
        if (token === this.#loadToken) {
          this.#statusInfo(
            stats.totalNodes
              ? `${stats.totalNodes.toLocaleString('en')} entities and ${stats.totalRelationships.toLocaleString('en')} relationships in the graph.`
              : 'The graph is empty: load a seed with “npm run seed”.',
          );
        }
      } catch (error) {
        if (token !== this.#loadToken) return;
        const { text } = errorMessage(error);
        this.#showOverlay('error', text, retry);
        this.#statusError(text, retry);
      }
      return;
    }
    const graph = await this.#guard(
      'the graph',
      token,
      () => fetchGraph(this.state.ids, 1, EXPLORE_LIMIT),
      retry,
    );
    if (!graph || token !== this.#loadToken) return;
    const elements = toElements(graph);
    if (!elements.length) {
      this.canvas.clear();
      this.#showOverlay(
        'empty',
        'None of the entities in this link exist any more. Search for another one above.',
      );
      this.#statusInfo('Nothing to show.');
      return;
    }
    const timings = await this.#draw(elements);
    const removed = this.state.removed.filter((id) => this.canvas.cy.getElementById(id).nonempty());
    if (removed.length) this.canvas.removeIds(removed);
    for (const id of this.state.ids) this.canvas.cy.getElementById(id).addClass('seed');
    this.#refreshLegend();
    this.#statusInfo(
      `${this.canvas.cy.nodes().length} entities, ${this.canvas.cy.edges().length} relationships · drawn in ${Math.round(timings.settledMs)} ms${graph.truncated ? ' · limited: expand nodes to see more' : ''}`,
    );
    if (this.state.selected && this.canvas.cy.getElementById(this.state.selected).nonempty()) {
      this.canvas.select(this.state.selected);
      void this.#showDetails(this.state.selected);
    } else {
      renderEmpty(
        this.#el.panel,
        'Details',
        'Click a node to see its properties, relationships and sources. Double-click to expand it.',
      );
    }
  }

  async #loadPartnerships(token: number, retry: () => void) {
    const data = await this.#guard('partnerships', token, () => fetchPartnerships(), retry);
    if (!data || token !== this.#loadToken) return;
    this.#partnerships = data;
    if (!data.length) {
      this.canvas.clear();
      this.#showOverlay(
        'empty',
        'No partnerships are recorded yet. Load a seed with “npm run seed”, or search for a company above.',
      );
      renderEmpty(this.#el.panel, 'Partnerships', 'No deals recorded.');
      this.#statusInfo('No partnerships.');
      return;
    }
    await this.#draw(partnershipElements(data, this.state.asOf));
    this.#refreshLegend();
    this.#renderPartnershipPanel();
    this.#statusInfo(
      `${data.length} partnership${data.length === 1 ? '' : 's'} between ${new Set(data.flatMap((p) => p.parties.map((x) => x.company.id))).size} companies.`,
    );
  }

  #renderPartnershipPanel() {
    const data = this.#partnerships ?? [];
    const selected = this.state.selected;
    const deal = selected ? data.find((p) => p.id === selected) : undefined;
    if (deal) {
      clear(this.#el.panel);
      this.#el.panel.append(partnershipTerms(deal, this.state.asOf, this.#actions));
      return;
    }
    if (selected) {
      void this.#showDetails(selected);
      return;
    }
    renderPartnershipsOverview(
      this.#el.panel,
      data,
      milestoneMoney(data, this.state.asOf),
      this.state.asOf,
      this.#actions,
    );
  }

  async #loadLandscape(token: number, retry: () => void) {
    const data = await this.#guard('the drug landscape', token, () => fetchDrugs(), retry);
    if (!data || token !== this.#loadToken) return;
    this.#drugs = data;
    if (!data.length) {
      this.canvas.clear();
      this.#showOverlay('empty', 'No drugs are recorded yet. Load a seed with “npm run seed”.');
      renderEmpty(this.#el.panel, 'Landscape', 'No drugs recorded.');
      return;
    }
    const groups = groupDrugs(data, this.state.groupBy);
    await this.#draw(landscapeElements(groups));
    this.#refreshLegend();
    renderLandscape(this.#el.panel, groups, this.state.groupBy, this.#actions);
    this.#statusInfo(
      `${data.length} drug${data.length === 1 ? '' : 's'} in ${groups.length} group${groups.length === 1 ? '' : 's'} by ${this.state.groupBy}.`,
    );
  }

  async #loadTimeline(token: number, retry: () => void) {
    const data = await this.#guard('the regulatory timeline', token, () => fetchRegulatoryEvents(), retry);
    if (!data || token !== this.#loadToken) return;
    this.#events = data;
    this.#renderTimeline();
    renderEmpty(
      this.#el.panel,
      'Regulatory timeline',
      'Each row is a filing, opinion, approval or expected decision; columns are regions. Click an event for its details and sources.',
    );
    this.#statusInfo(`${data.length} regulatory event${data.length === 1 ? '' : 's'}.`);
  }

  #renderTimeline() {
    renderTimeline(this.#el.timeline, this.#events ?? [], {
      asOf: this.state.asOf,
      since: this.state.since,
      onFocus: (id) => {
        this.#setState({ selected: id });
        void this.#showDetails(id);
      },
    });
  }

  async #loadPath(token: number, retry: () => void) {
    const { from, to } = this.state;
    if (!from || !to) {
      this.canvas.clear();
      this.#refreshLegend();
      this.#showOverlay('empty', 'Pick two entities above (From and To) to see how they are connected.');
      renderEmpty(
        this.#el.panel,
        'Path',
        'Choose where to start and where to arrive; the shortest connection (up to 6 steps) is drawn.',
      );
      this.#statusInfo('Choose two entities.');
      return;
    }
    const path = await this.#guard('the path', token, () => fetchPath(from, to), retry);
    if (path === undefined || token !== this.#loadToken) return;
    if (!path) {
      this.canvas.clear();
      this.#showOverlay(
        'empty',
        `No connection of up to 6 steps between “${from}” and “${to}”. Try other entities, or explore each one.`,
      );
      renderEmpty(this.#el.panel, 'No path', 'These two entities are not connected within 6 relationships.');
      this.#statusInfo('No path found.');
      return;
    }
    const fromNode = path.nodes.find((n) => n.id === from);
    const toNode = path.nodes.find((n) => n.id === to);
    this.#pathFrom.value = fromNode?.label ?? from;
    this.#pathTo.value = toNode?.label ?? to;
    const elements = toElements({ nodes: path.nodes, edges: path.edges });
    await this.canvas.replace(elements, 'breadthfirst', [from]);
    this.canvas.markPath(new Set(elements.map((e) => e.data.id)));
    this.#applyFilters();
    this.#refreshLegend();
    clear(this.#el.panel);
    const steps = h('ol', { class: 'path-steps' });
    const byIdMap = new Map(path.nodes.map((n) => [n.id, n]));
    path.nodes.forEach((node, i) => {
      steps.append(
        h(
          'li',
          {},
          h(
            'button',
            { type: 'button', class: 'entity-link', on: { click: () => this.#actions.focus(node.id) } },
            h('span', { class: 'entity-link-name', text: node.label }),
            h('span', { class: 'entity-link-kind', text: node.kind }),
          ),
        ),
      );
      const edge = path.edges[i];
      if (edge) {
        const forward = edge.source === node.id;
        const other = byIdMap.get(forward ? edge.target : edge.source);
        steps.append(
          h('li', {
            class: 'path-edge',
            'aria-label': `${node.label} ${edge.label} ${other?.label ?? ''}`,
            text: forward ? `↓ ${edge.label}` : `↑ ${edge.label} (reversed)`,
          }),
        );
      }
    });
    this.#el.panel.append(
      h(
        'header',
        { class: 'panel-head' },
        h('h2', { text: `Path: ${path.length} step${path.length === 1 ? '' : 's'}` }),
      ),
      steps,
    );
    this.#statusInfo(
      `Shortest path from ${fromNode?.label ?? from} to ${toNode?.label ?? to}: ${path.length} steps.`,
    );
  }

  // ---------------------------------------------------------------------------------------------------------
  // Interaction

  readonly #actions: PanelActions = {
    focus: (id) => void this.focusEntity(id),
    expand: (id) => void this.expand(id),
    hide: (id) => this.hideNodes([id]),
    remove: (id) => this.removeNodes([id]),
    pathFrom: (id) => {
      this.#setState({ view: 'path', from: id, selected: null }, true);
      void this.load();
    },
    pathTo: (id) => {
      this.#setState({ view: 'path', to: id, selected: null }, true);
      void this.load();
    },
  };

  /** A search hit: onto the explore canvas with its neighbourhood, selected. */
  async chooseHit(hit: SearchHit) {
    if (this.state.view !== 'explore') {
      this.#setState({ view: 'explore', ids: [hit.id], removed: [], selected: hit.id }, true);
      await this.load();
      this.canvas.focus(hit.id);
      return;
    }
    await this.focusEntity(hit.id);
  }

  /** Shows an entity: selects it when it is on the canvas, else brings it (with neighbours) onto the explore canvas. */
  async focusEntity(id: string) {
    const onCanvas = this.canvas.cy.getElementById(id).nonempty() && this.state.view !== 'timeline';
    if (onCanvas) {
      this.canvas.focus(id);
      this.select(id);
      return;
    }
    if (this.state.view !== 'explore') {
      this.#setState({ view: 'explore', ids: [id], removed: [], selected: id }, true);
      await this.load();
      this.canvas.focus(id);
      return;
    }
    if (this.canvas.cy.nodes().empty()) {
      this.#setState({ ids: [id], removed: [], selected: id }, true);
      await this.load();
      this.canvas.focus(id);
      return;
    }
    await this.expand(id, this.state.selected);
    this.canvas.focus(id);
    this.select(id);
  }

  /** Adds an entity's neighbours around it, keeping everything else where it is. Undoable. */
  async expand(id: string, anchor: string | null = id) {
    if (this.state.view !== 'explore') {
      await this.focusEntity(id);
      return;
    }
    this.#statusInfo('Expanding…');
    this.#el.graph.setAttribute('aria-busy', 'true');
    try {
      const graph = await fetchGraph([id], 1, EXPAND_LIMIT);
      const existing = new Set(this.canvas.cy.elements().map((e) => e.id()));
      // Edges between new nodes and those already on the canvas are in the answer too; toElements keeps them.
      const elements = toElements(graph, existing);
      const added = await this.canvas.addAround(elements, anchor ?? id, this.state.layout);
      this.#hideOverlay();
      const hadId = this.state.ids.includes(id);
      const removedBefore = this.state.removed;
      this.#setState({
        ids: hadId ? this.state.ids : [...this.state.ids, id],
        removed: this.state.removed.filter((r) => !added.includes(r)),
      });
      this.undo.push({
        label: `expand ${graph.nodes.find((n) => n.id === id)?.label ?? id}`,
        undo: () => {
          this.canvas.removeIds(added);
          this.#setState({
            ids: hadId ? this.state.ids : this.state.ids.filter((x) => x !== id),
            removed: removedBefore,
          });
          this.#refreshLegend();
        },
      });
      this.#applyFilters();
      this.#refreshLegend();
      this.#statusInfo(
        added.length
          ? `Added ${added.filter((a) => this.canvas.cy.getElementById(a).isNode()).length} entities.`
          : 'Nothing new around it.',
      );
    } catch (error) {
      const { text } = errorMessage(error);
      this.#statusError(text, () => void this.expand(id, anchor));
    } finally {
      this.#el.graph.removeAttribute('aria-busy');
    }
  }

  hideNodes(ids: string[]) {
    const hidden = this.canvas.hide(ids);
    if (!hidden.length) return;
    for (const id of hidden) this.#hiddenNodes.add(id);
    if (this.state.selected && hidden.includes(this.state.selected)) this.select(null);
    this.undo.push({
      label: 'hide',
      undo: () => {
        this.canvas.unhide(hidden);
        for (const id of hidden) this.#hiddenNodes.delete(id);
        this.#syncButtons();
      },
    });
  }

  removeNodes(ids: string[]) {
    if (this.state.view !== 'explore') {
      this.hideNodes(ids);
      return;
    }
    const removed: CollectionReturnValue = this.canvas.remove(ids);
    if (removed.empty()) return;
    const nodeIds = removed.nodes().map((n) => n.id());
    const before = this.state.removed;
    this.#setState({ removed: [...before, ...nodeIds.filter((id) => !before.includes(id))] });
    if (this.state.selected && nodeIds.includes(this.state.selected)) this.select(null);
    this.undo.push({
      label: `remove ${removed.nodes().first().data('label') ?? ''}`.trim(),
      undo: () => {
        this.canvas.restore(removed);
        this.#setState({ removed: before });
        this.#refreshLegend();
      },
    });
    this.#refreshLegend();
  }

  /** A node was clicked (or the background, with null): details in the panel. */
  select(id: string | null) {
    if (this.state.view === 'landscape' && id) {
      const entityId = this.canvas.cy.getElementById(id).data('properties')?.entityId as string | undefined;
      this.#setState({ selected: entityId ?? id });
      void this.#showDetails(entityId ?? id);
      return;
    }
    this.#setState({ selected: id });
    if (!id) {
      if (this.state.view === 'partnerships') this.#renderPartnershipPanel();
      else if (this.state.view === 'landscape' && this.#drugs) {
        renderLandscape(
          this.#el.panel,
          groupDrugs(this.#drugs, this.state.groupBy),
          this.state.groupBy,
          this.#actions,
        );
      } else
        renderEmpty(
          this.#el.panel,
          'Details',
          'Click a node to see its properties, relationships and sources. Double-click to expand it.',
        );
      return;
    }
    if (this.state.view === 'partnerships') {
      this.#renderPartnershipPanel();
      return;
    }
    void this.#showDetails(id);
  }

  async #showDetails(id: string) {
    const token = ++this.#detailsToken;
    renderLoading(this.#el.panel, 'details');
    try {
      const details = await fetchDetails(id);
      if (token !== this.#detailsToken) return;
      let extra: HTMLElement | undefined;
      if (this.state.view === 'partnerships' && this.#partnerships) {
        const money = milestoneMoney(this.#partnerships, this.state.asOf).find((m) => m.id === id);
        if (money) extra = moneyTable([money], this.#actions);
      }
      renderDetails(this.#el.panel, details, id, this.#actions, extra);
    } catch (error) {
      if (token !== this.#detailsToken) return;
      const { text } = errorMessage(error);
      clear(this.#el.panel);
      this.#el.panel.append(
        h('p', { class: 'error-text', role: 'alert', text }),
        h('button', {
          type: 'button',
          class: 'button',
          text: 'Retry',
          on: { click: () => void this.#showDetails(id) },
        }),
      );
    }
  }

  // ---------------------------------------------------------------------------------------------------------
  // Filters and legend

  #applyFilters() {
    const cy = this.canvas.cy;
    const nodes = cy
      .nodes()
      .map((n) => ({ id: n.id(), kind: n.data('kind') as string, day: n.data('day') as string | undefined }));
    const edges = cy.edges().map((e) => ({
      id: e.id(),
      source: e.source().id(),
      target: e.target().id(),
      type: e.data('type') as string,
    }));
    const { asOf, since } = this.state;
    const time = timeView(nodes, edges, asOf ?? (since ? '9999-12-31' : null), since);
    this.canvas.applyFilters(new Set(this.state.hiddenKinds), time);
    if (since || asOf) {
      const note = [
        asOf ? `as of ${asOf}: ${time.hidden.size} hidden` : null,
        since ? `${time.changed.size} changed since ${since}` : null,
      ]
        .filter(Boolean)
        .join(' · ');
      this.#statusInfo(`Showing ${note}.`);
    }
  }

  #refreshLegend() {
    const counts = new Map<string, number>();
    this.canvas.cy.nodes().forEach((n) => {
      const kind = n.data('kind') as string;
      counts.set(kind, (counts.get(kind) ?? 0) + 1);
    });
    renderLegend(this.#el.legend, counts, new Set(this.state.hiddenKinds), (kind) => this.#toggleKind(kind));
    this.#syncButtons();
  }

  #toggleKind(kind: EntityKind) {
    const hidden = new Set(this.state.hiddenKinds);
    if (hidden.has(kind)) hidden.delete(kind);
    else hidden.add(kind);
    this.#setState({ hiddenKinds: [...hidden] });
    this.#applyFilters();
    this.#refreshLegend();
    (this.#el.legend.querySelector(`[data-kind="${kind}"]`) as HTMLElement | null)?.focus();
  }

  #dateChanged() {
    this.#setState({ asOf: this.#el.asOf.value || null, since: this.#el.since.value || null });
    if (this.state.view === 'timeline') this.#renderTimeline();
    else if (this.state.view === 'partnerships' && this.#partnerships) {
      void this.#draw(partnershipElements(this.#partnerships, this.state.asOf)).then(() =>
        this.#renderPartnershipPanel(),
      );
    } else this.#applyFilters();
  }

  // ---------------------------------------------------------------------------------------------------------
  // Controls

  #buildControls() {
    for (const view of VIEWS) {
      this.#el.views.append(
        h('button', {
          type: 'button',
          class: 'view-button',
          'data-view': view,
          text: VIEW_TITLES[view],
          on: {
            click: () => {
              if (view === this.state.view) return;
              this.#setState({ view, selected: null }, true);
              void this.load();
            },
          },
        }),
      );
    }
    for (const name of LAYOUT_NAMES)
      this.#el.layout.append(h('option', { value: name, text: LAYOUT_TITLES[name] }));
    this.#el.layout.addEventListener('change', () => {
      const value = this.#el.layout.value;
      if (!isLayoutName(value)) return;
      this.#setState({ layout: value });
      const roots =
        this.state.view === 'path' && this.state.from ? [this.state.from] : this.state.ids.slice(0, 1);
      void this.canvas.relayout(value, roots);
    });
    this.#el.groupBy.addEventListener('change', () => {
      const value = this.#el.groupBy.value as ViewState['groupBy'];
      this.#setState({ groupBy: value });
      void this.load();
    });
    byId('path-go').addEventListener('click', () => void this.load());
    byId('zoom-in').addEventListener('click', () => this.canvas.zoomBy(1.25));
    byId('zoom-out').addEventListener('click', () => this.canvas.zoomBy(0.8));
    byId('fit').addEventListener('click', () => this.canvas.fit());
    byId('centre').addEventListener('click', () => this.canvas.centre());
    this.#el.undo.addEventListener('click', () => this.undo.undo());
    this.#el.hide.addEventListener(
      'click',
      () => this.state.selected && this.hideNodes([this.state.selected]),
    );
    this.#el.remove.addEventListener(
      'click',
      () => this.state.selected && this.removeNodes([this.state.selected]),
    );
    this.#el.showHidden.addEventListener('click', () => {
      const shown = this.canvas.showHidden();
      this.#hiddenNodes.clear();
      this.undo.push({ label: 'show hidden', undo: () => this.hideNodes(shown) });
    });
    byId('clear').addEventListener('click', () => {
      const before = { ids: this.state.ids, removed: this.state.removed };
      const all = this.canvas.cy.elements().remove();
      this.#setState({ ids: [], removed: [], selected: null });
      this.#refreshLegend();
      this.#showOverlay('empty', 'Canvas cleared. Search for an entity above, or press Undo.');
      this.undo.push({
        label: 'clear',
        undo: () => {
          all.restore();
          this.#setState(before);
          this.#hideOverlay();
          this.#refreshLegend();
        },
      });
    });
    this.#el.asOf.addEventListener('change', () => this.#dateChanged());
    this.#el.since.addEventListener('change', () => this.#dateChanged());
    byId('export-png').addEventListener('click', () =>
      download(this.canvas.png(), `pipeline-atlas-${this.state.view}.png`),
    );
    byId('export-svg').addEventListener('click', () =>
      download(
        new Blob([this.canvas.svg()], { type: 'image/svg+xml' }),
        `pipeline-atlas-${this.state.view}.svg`,
      ),
    );
    byId('export-json').addEventListener('click', () =>
      download(
        new Blob([this.canvas.json()], { type: 'application/json' }),
        `pipeline-atlas-${this.state.view}.cyjs.json`,
      ),
    );
    byId('copy-link').addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(location.href);
        this.#statusInfo('Link copied: it reopens this view.');
      } catch {
        this.#statusInfo(`Copy this link: ${location.href}`);
      }
    });
    document.addEventListener('keydown', (event) => {
      const target = event.target as HTMLElement;
      const typing = target.closest('input, select, textarea') !== null;
      if (typing) return;
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'z') {
        event.preventDefault();
        this.undo.undo();
      } else if (event.key === '/') {
        event.preventDefault();
        byId('search-input').focus();
      } else if ((event.key === 'Delete' || event.key === 'Backspace') && this.state.selected) {
        this.removeNodes([this.state.selected]);
      } else if (event.key.toLowerCase() === 'h' && !event.ctrlKey && !event.metaKey && this.state.selected) {
        this.hideNodes([this.state.selected]);
      }
    });
  }
}

export type { ViewName };
