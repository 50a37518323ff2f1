import type { Canvas, DrawTimings } from '../graph/canvas.ts';
import type { Element } from '../graph/toElements.ts';
import type { ViewStore } from '../state/store.ts';
import { type PanelActions, renderEmpty, unknownOn } from '../ui/panel.ts';
import type { Status } from '../ui/status.ts';
import type { Details } from './details.ts';
import type { Filters } from './filters.ts';

/** What every view works with; the app builds it once. */
export interface ViewContext {
  readonly store: ViewStore;
  readonly canvas: Canvas;
  readonly status: Status;
  readonly panel: HTMLElement;
  readonly actions: PanelActions;
  readonly details: Details;
  readonly filters: Filters;
  /** Replaces the canvas with `elements` in the state's layout, records the timings, applies the filters. */
  draw(elements: Element[], roots?: string[]): Promise<DrawTimings>;
}

/** One of the five views: how it loads, and what its panel shows. */
export interface View {
  load(run: LoadRun): Promise<void>;
  /** The panel for the selection (null: nothing selected). */
  showPanel(selected: string | null): void;
  /** The entity that a clicked canvas node stands for (the landscape draws stand-ins). */
  entityOf?(nodeId: string): string;
  /** More to show above an entity's details in this view. */
  detailsExtra?(id: string): HTMLElement | undefined;
  /** The "changes since" list loaded or was cleared; views drawn without the canvas mark the changes here. */
  changesLoaded?(): void;
}

/** One load of a view: stale as soon as another load starts; shows its progress and failures, with Retry. */
export class LoadRun {
  constructor(
    readonly status: Status,
    readonly isCurrent: () => boolean,
    readonly retry: () => void,
  ) {}

  /**
   * Fetches what the view shows: a spinner while it runs; on failure a clear message and Retry, never a blank
   * page. Undefined when it failed or another load has started since.
   */
  async fetch<T>(what: string, run: () => Promise<T>): Promise<T | undefined> {
    this.status.showOverlay('loading', `Loading ${what}…`);
    this.status.info(`Loading ${what}…`);
    try {
      const result = await run();
      if (!this.isCurrent()) return undefined;
      this.status.hideOverlay();
      return result;
    } catch (error) {
      this.fail(error);
      return undefined;
    }
  }

  /** Shows a failure of this load, unless another load has started since. */
  fail(error: unknown) {
    if (this.isCurrent()) this.status.failed(error, this.retry);
  }
}

/** " · as of 2013-10-01" for a status line, or nothing without a day. */
export function asOfNote(asOf: string | null): string {
  return asOf ? ` · as of ${asOf}` : '';
}

/** Nothing to draw: an empty canvas, with a note saying why and what to do. */
export function showNothing(ctx: ViewContext, note: string) {
  ctx.canvas.clear();
  ctx.status.showOverlay('empty', note);
}

/** What a list view says when it has nothing to show (on its "as of" day, or today). */
export interface Emptiness {
  /** The panel's title: "Landscape". */
  readonly title: string;
  /** Said with the day when there is one: "No drug was known". */
  readonly unknown: string;
  /** The canvas's note today: what is missing and how to add it. */
  readonly none: string;
  /** The panel's line today: "No drugs recorded." */
  readonly panel: string;
  /** The status line, before the day: "No drugs". */
  readonly status: string;
}

/** The canvas note, panel line and status line of an empty list view on `asOf` (today when null). */
export function emptyTexts(empty: Emptiness, asOf: string | null) {
  const canvas = asOf ? unknownOn(asOf, empty.unknown) : empty.none;
  return { canvas, panel: asOf ? canvas : empty.panel, status: `${empty.status}${asOfNote(asOf)}.` };
}

/** A list view with nothing to show: an empty canvas with a note, an empty legend, panel and status saying so. */
export function showEmpty(ctx: ViewContext, empty: Emptiness, asOf: string | null) {
  const texts = emptyTexts(empty, asOf);
  showNothing(ctx, texts.canvas);
  ctx.filters.refreshLegend();
  renderEmpty(ctx.panel, empty.title, texts.panel);
  ctx.status.info(texts.status);
}

export const DETAILS_HINT =
  'Click a node to see its properties, relationships and sources. Double-click to expand it.';

/** The panel of the views without an overview: the selection's details, or a hint. */
export function detailsOrHint(ctx: ViewContext, selected: string | null) {
  if (selected) void ctx.details.show(selected);
  else renderEmpty(ctx.panel, 'Details', DETAILS_HINT);
}
