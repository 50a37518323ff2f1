import type { Canvas } from '../graph/canvas.ts';
import { isLayoutName, LAYOUT_NAMES, LAYOUT_TITLES, type LayoutName } from '../graph/layout.ts';
import type { UndoStack } from '../state/history.ts';
import { VIEW_TITLES, VIEWS, type ViewName, type ViewState } from '../state/url.ts';
import { byId, download, h } from './dom.ts';

/** What the toolbar's controls ask the app to do. */
export interface ToolbarActions {
  showView(view: ViewName): void;
  setLayout(layout: LayoutName): void;
  setGroupBy(groupBy: ViewState['groupBy']): void;
  findPath(): void;
  datesChanged(asOf: string | null, since: string | null): void;
  hideSelected(): void;
  removeSelected(): void;
  showHidden(): void;
  undo(): void;
  clear(): void;
  /** Something to tell the user in the status line. */
  say(text: string): void;
}

/** The export buttons: what each saves, and the file's ending. */
const EXPORTS = [
  { id: 'export-png', ending: 'png', blob: (canvas: Canvas) => canvas.png() },
  {
    id: 'export-svg',
    ending: 'svg',
    blob: (canvas: Canvas) => new Blob([canvas.svg()], { type: 'image/svg+xml' }),
  },
  {
    id: 'export-json',
    ending: 'cyjs.json',
    blob: (canvas: Canvas) => new Blob([canvas.json()], { type: 'application/json' }),
  },
] as const;

/** The view switcher and the canvas tools: built once, then kept in line with the state. */
export class Toolbar {
  readonly #el = {
    views: byId('views'),
    layout: byId<HTMLSelectElement>('layout'),
    layoutForm: byId('layout-form'),
    groupForm: byId('group-form'),
    groupBy: byId<HTMLSelectElement>('group-by'),
    pathForm: byId('path-form'),
    editTools: byId('edit-tools'),
    zoomTools: byId('zoom-tools'),
    asOf: byId<HTMLInputElement>('as-of'),
    since: byId<HTMLInputElement>('since'),
    undo: byId<HTMLButtonElement>('undo'),
    hide: byId<HTMLButtonElement>('hide'),
    remove: byId<HTMLButtonElement>('remove'),
    showHidden: byId<HTMLButtonElement>('show-hidden'),
    graph: byId('graph'),
    timeline: byId('timeline'),
    legend: byId('legend'),
  };

  constructor(actions: ToolbarActions, canvas: Canvas, view: () => ViewName) {
    const el = this.#el;
    for (const name of VIEWS) {
      el.views.append(
        h('button', {
          type: 'button',
          class: 'view-button',
          'data-view': name,
          text: VIEW_TITLES[name],
          on: { click: () => actions.showView(name) },
        }),
      );
    }
    for (const name of LAYOUT_NAMES)
      el.layout.append(h('option', { value: name, text: LAYOUT_TITLES[name] }));
    el.layout.addEventListener('change', () => {
      if (isLayoutName(el.layout.value)) actions.setLayout(el.layout.value);
    });
    el.groupBy.addEventListener('change', () => actions.setGroupBy(el.groupBy.value as ViewState['groupBy']));
    byId('path-go').addEventListener('click', () => actions.findPath());
    byId('zoom-in').addEventListener('click', () => canvas.zoomBy(1.25));
    byId('zoom-out').addEventListener('click', () => canvas.zoomBy(0.8));
    byId('fit').addEventListener('click', () => canvas.fit());
    byId('centre').addEventListener('click', () => canvas.centre());
    el.undo.addEventListener('click', () => actions.undo());
    el.hide.addEventListener('click', () => actions.hideSelected());
    el.remove.addEventListener('click', () => actions.removeSelected());
    el.showHidden.addEventListener('click', () => actions.showHidden());
    byId('clear').addEventListener('click', () => actions.clear());
    const dates = () => actions.datesChanged(el.asOf.value || null, el.since.value || null);
    el.asOf.addEventListener('change', dates);
    el.since.addEventListener('change', dates);
    for (const { id, ending, blob } of EXPORTS) {
      byId(id).addEventListener('click', () => download(blob(canvas), `pipeline-atlas-${view()}.${ending}`));
    }
    byId('copy-link').addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(location.href);
        actions.say('Link copied: it reopens this view.');
      } catch {
        actions.say(`Copy this link: ${location.href}`);
      }
    });
  }

  /** Shows the controls that the state's view uses, with the state's values. */
  sync(state: Readonly<ViewState>) {
    const { view } = state;
    const el = this.#el;
    for (const button of el.views.querySelectorAll('button')) {
      if (button.getAttribute('data-view') === view) button.setAttribute('aria-current', 'page');
      else button.removeAttribute('aria-current');
    }
    el.layout.value = state.layout;
    el.groupBy.value = state.groupBy;
    el.asOf.value = state.asOf ?? '';
    el.since.value = state.since ?? '';
    el.groupForm.hidden = view !== 'landscape';
    el.pathForm.hidden = view !== 'path';
    el.layoutForm.hidden = view === 'landscape' || view === 'timeline';
    el.editTools.hidden = view !== 'explore';
    const timeline = view === 'timeline';
    el.zoomTools.hidden = timeline;
    for (const { id } of EXPORTS) byId(id).hidden = timeline;
    el.timeline.hidden = !timeline;
    el.graph.hidden = timeline;
    el.legend.hidden = timeline;
    document.title = `${VIEW_TITLES[view]} · Pipeline Atlas`;
  }

  /** Enables the edit buttons that have something to act on. */
  syncEdits(undo: UndoStack, selectedOnCanvas: boolean, hiddenCount: number) {
    const el = this.#el;
    el.undo.disabled = undo.size === 0;
    el.undo.title = undo.nextLabel ? `Undo ${undo.nextLabel} (Ctrl+Z)` : 'Nothing to undo';
    el.hide.disabled = !selectedOnCanvas;
    el.remove.disabled = !selectedOnCanvas;
    el.showHidden.disabled = hiddenCount === 0;
  }
}
