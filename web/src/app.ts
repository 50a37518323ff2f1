import { fetchDocument, searchEntities } from './api/queries.ts';
import type { SearchHit } from './api/types.ts';
import { curationOffered, withdrawDocument } from './curation/api.ts';
import type { CurationDeps, CurationScreen } from './curation/screen.ts';
import { authorized } from './curation/tokenDialog.ts';
import { Canvas } from './graph/canvas.ts';
import type { EdgeData } from './graph/toElements.ts';
import { type AtlasHook, createHook } from './hook.ts';
import { ViewStore } from './state/store.ts';
import type { ViewName } from './state/url.ts';
import { byId } from './ui/dom.ts';
import { bindKeyboard } from './ui/keyboard.ts';
import { SourceReader } from './ui/reader.ts';
import { Combobox } from './ui/search.ts';
import { errorMessage, Status } from './ui/status.ts';
import { Toolbar, type ToolbarActions } from './ui/toolbar.ts';
import { ChangesPanel } from './views/changes.ts';
import { Details } from './views/details.ts';
import { CanvasEdits } from './views/edits.ts';
import { exploreView } from './views/explore.ts';
import { Filters } from './views/filters.ts';
import { landscapeView } from './views/landscape.ts';
import { Navigation } from './views/navigation.ts';
import { partnershipsView } from './views/partnerships.ts';
import { pathView } from './views/path.ts';
import { timelineView } from './views/timeline.ts';
import { LoadRun, type View, type ViewContext } from './views/view.ts';

/** Wires the state, the canvas, the widgets and the five views together. */
export class App {
  readonly store: ViewStore;
  readonly canvas: Canvas;
  readonly hook: AtlasHook;
  readonly #status = new Status();
  readonly #edits: CanvasEdits;
  readonly #navigation: Navigation;
  readonly #toolbar: Toolbar;
  readonly #reader: SourceReader;
  readonly #details: Details;
  readonly #changes: ChangesPanel;
  readonly #views: Readonly<Record<ViewName, View>>;
  readonly #resolveReady: () => void;
  readonly #curationDeps: CurationDeps;
  #curation: Promise<CurationScreen> | null = null;
  #curationOffered = false;
  #loadToken = 0;

  constructor() {
    const status = this.#status;
    const store = new ViewStore(() => this.#syncControls());
    const canvas = new Canvas(byId('graph'), {
      onSelect: (id) => this.select(id),
      onSelectEdge: (edge) => this.selectEdge(edge),
      onExpand: (id) => void this.#edits.expand(id),
    });
    const filters = new Filters(canvas, store, byId('legend'), () => this.#syncButtons());
    this.store = store;
    this.canvas = canvas;
    this.#edits = new CanvasEdits({
      store,
      canvas,
      status,
      filters,
      select: (id) => this.select(id),
      focus: (id) => this.#navigation.focus(id),
      onChange: () => this.#syncButtons(),
    });
    this.#navigation = new Navigation({
      store,
      canvas,
      edits: this.#edits,
      load: () => this.load(),
      select: (id) => this.select(id),
      read: (documentId, sentenceId) => void this.#reader.open(documentId, sentenceId),
      selectEdge: (edge) => this.selectEdge(edge),
    });
    const { actions } = this.#navigation;
    this.#reader = new SourceReader({
      fetch: fetchDocument,
      focus: (id) => actions.focus(id),
      withdrawal: { offered: () => this.#curationOffered, withdraw: (id) => this.#withdraw(id) },
    });
    const { hook, resolveReady } = createHook({ canvas, store, status, filters });
    this.hook = hook;
    this.#resolveReady = resolveReady;

    const searchBox = (input: string, list: string, onChoose: (hit: SearchHit) => void) =>
      new Combobox({
        input: byId<HTMLInputElement>(input),
        list: byId<HTMLUListElement>(list),
        search: searchEntities,
        onError: (error) => status.error(errorMessage(error).text, null),
        onChoose,
      });
    searchBox('search-input', 'search-list', (hit) => void this.#navigation.chooseHit(hit));
    const from = searchBox('path-from', 'path-from-list', (hit) => store.set({ from: hit.id }));
    const to = searchBox('path-to', 'path-to-list', (hit) => store.set({ to: hit.id }));

    const panel = byId('panel');
    const details = new Details(
      panel,
      actions,
      (id) => this.#view().detailsExtra?.(id),
      () => store.state.asOf,
    );
    this.#details = details;
    this.#changes = new ChangesPanel(byId('changes'), {
      store,
      canvas,
      filters,
      actions,
      onLoaded: () => this.#view().changesLoaded?.(),
    });
    const ctx: ViewContext = {
      store,
      canvas,
      status,
      panel,
      actions,
      details,
      filters,
      draw: async (elements, roots = []) => {
        const timings = await canvas.replace(elements, store.state.layout, roots);
        this.hook.lastDraw = timings;
        filters.apply();
        return timings;
      },
    };
    this.#views = {
      explore: exploreView(ctx, from),
      partnerships: partnershipsView(ctx),
      landscape: landscapeView(ctx),
      timeline: timelineView(ctx, byId('timeline')),
      path: pathView(ctx, { from, to }),
    };

    this.#curationDeps = {
      preview: async (elements) => {
        // A view still loading must not draw over the preview.
        ++this.#loadToken;
        status.hideOverlay();
        await ctx.draw(elements);
        filters.refreshLegend();
      },
      published: (id, message) => {
        this.#setCurating(false);
        void this.#navigation.exploreAlone(id).then(() => status.info(message));
      },
      closed: (previewed) => {
        this.#setCurating(false);
        byId('curate-open').focus();
        if (previewed) void this.load();
      },
    };
    this.#offerCuration();

    this.#toolbar = new Toolbar(this.#toolbarActions(), canvas, () => store.state.view);
    bindKeyboard({
      undo: () => this.#edits.undo.undo(),
      focusSearch: () => byId('search-input').focus(),
      hideSelected: () => this.#hideSelected(),
      removeSelected: () => this.#removeSelected(),
    });
    window.addEventListener('popstate', () => {
      store.readUrl();
      void this.load();
    });
  }

  #toolbarActions(): ToolbarActions {
    const { store, canvas } = this;
    return {
      showView: (view) => {
        if (view === store.state.view) return;
        store.set({ view, selected: null }, true);
        void this.load();
      },
      setLayout: (layout) => {
        store.set({ layout });
        const { view, from, ids } = store.state;
        void canvas.relayout(layout, view === 'path' && from ? [from] : ids.slice(0, 1));
      },
      setGroupBy: (groupBy) => {
        store.set({ groupBy });
        void this.load();
      },
      findPath: () => void this.load(),
      datesChanged: (asOf, since) => {
        // Both ask the server again: the view for what was known on `asOf`, the list for what changed since.
        store.set({ asOf, since });
        void this.load();
      },
      hideSelected: () => this.#hideSelected(),
      removeSelected: () => this.#removeSelected(),
      showHidden: () => this.#edits.showHidden(),
      undo: () => this.#edits.undo.undo(),
      clear: () => this.#edits.clear(),
      say: (text) => this.#status.info(text),
    };
  }

  /** Shows "Add a source" when the server takes curators' changes. */
  #offerCuration() {
    const open = byId<HTMLButtonElement>('curate-open');
    open.addEventListener('click', () => void this.#openCuration());
    void curationOffered().then((offered) => {
      this.#curationOffered = offered;
      open.hidden = !offered;
    });
  }

  async #openCuration() {
    this.#curation ??= import('./curation/index.ts').then(({ CurationScreen }) => {
      const screen = new CurationScreen(this.#curationDeps);
      byId('workspace').append(screen.element);
      return screen;
    });
    try {
      const screen = await this.#curation;
      this.#setCurating(true);
      screen.open();
    } catch {
      this.#curation = null;
      this.#status.error(
        'The curation screen could not be loaded: check the connection, then try again.',
        null,
      );
    }
  }

  #setCurating(on: boolean) {
    byId('workspace').classList.toggle('curating', on);
  }

  async #withdraw(id: string): Promise<boolean> {
    const result = await authorized(() => withdrawDocument(id));
    if (!result) return false;
    const message = result.removed
      ? `Withdrawn: ${id}. Removed from the seed folder: ${result.files.join(', ') || 'nothing'}.`
      : `The graph held no document ${id}.`;
    void this.load().then(() => this.#status.info(message));
    return true;
  }

  #hideSelected() {
    const { selected } = this.store.state;
    if (selected) this.#edits.hide([selected]);
  }

  #removeSelected() {
    const { selected } = this.store.state;
    if (selected) this.#edits.remove([selected]);
  }

  #view(): View {
    return this.#views[this.store.state.view];
  }

  #syncControls() {
    this.#toolbar.sync(this.store.state);
    this.#syncButtons();
  }

  #syncButtons() {
    const { selected } = this.store.state;
    const onCanvas = selected !== null && this.canvas.cy.getElementById(selected).nonempty();
    this.#toolbar.syncEdits(this.#edits.undo, onCanvas, this.#edits.hiddenCount);
  }

  /** Loads whatever the state describes. */
  async load() {
    const token = ++this.#loadToken;
    this.#syncControls();
    this.#edits.reset();
    const run = new LoadRun(
      this.#status,
      () => token === this.#loadToken,
      () => void this.load(),
    );
    try {
      await Promise.all([this.#view().load(run), this.#changes.load()]);
    } finally {
      this.#resolveReady();
    }
  }

  /** A node was clicked (or the background, with null): the selection changes, the panel follows. */
  select(id: string | null) {
    const view = this.#view();
    const selected = id && view.entityOf ? view.entityOf(id) : id;
    this.store.set({ selected });
    view.showPanel(selected);
  }

  /** An edge was clicked (or a relationship's "sources" in the panel): the panel shows that relationship. */
  selectEdge(edge: EdgeData) {
    this.store.set({ selected: null });
    this.canvas.select(edge.id);
    void this.#details.showEdge(edge);
  }
}
