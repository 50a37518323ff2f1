import { type EntityKind, isEntityKind } from '../graph/kinds.ts';
import { isGrouping, type LandscapeGrouping } from '../graph/landscape.ts';
import { isLayoutName, type LayoutName } from '../graph/layout.ts';

export const VIEWS = ['explore', 'partnerships', 'landscape', 'timeline', 'path'] as const;
export type ViewName = (typeof VIEWS)[number];

export const VIEW_TITLES: Readonly<Record<ViewName, string>> = {
  explore: 'Explore',
  partnerships: 'Partnerships',
  landscape: 'Landscape',
  timeline: 'Timeline',
  path: 'Path',
};

/** Everything a shared link restores. */
export interface ViewState {
  view: ViewName;
  /** Explore: the entities whose neighbourhoods are on the canvas (searched, then expanded), in order. */
  ids: string[];
  /** Explore: entities removed from the canvas. */
  removed: string[];
  /** Kinds hidden by the legend's filters. */
  hiddenKinds: EntityKind[];
  layout: LayoutName;
  /** ISO day: every view asks the server for what was known that day (null: today). */
  asOf: string | null;
  /** ISO day: list and mark what the server says changed after this day, up to `asOf` (or today). */
  since: string | null;
  /** The entity whose details the panel shows. */
  selected: string | null;
  /** Path view: the two ends. */
  from: string | null;
  to: string | null;
  /** Landscape view: how drugs are grouped. */
  groupBy: LandscapeGrouping;
}

export const DEFAULT_STATE: Readonly<ViewState> = Object.freeze({
  view: 'explore',
  ids: [],
  removed: [],
  hiddenKinds: [],
  layout: 'fcose',
  asOf: null,
  since: null,
  selected: null,
  from: null,
  to: null,
  groupBy: 'target',
});

/** The most ids a link carries (the API's `graph` takes at most 50 seeds). */
export const MAX_LINK_IDS = 50;
const ID_PATTERN = /^[\w.:#-]{1,200}$/;
const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

function list(value: string | null): string[] {
  if (!value) return [];
  const out: string[] = [];
  for (const part of value.split(',')) {
    const id = part.trim();
    if (ID_PATTERN.test(id) && !out.includes(id)) out.push(id);
  }
  return out.slice(0, MAX_LINK_IDS);
}

function day(value: string | null): string | null {
  return value && DAY_PATTERN.test(value) && !Number.isNaN(Date.parse(value)) ? value : null;
}

function id(value: string | null): string | null {
  return value && ID_PATTERN.test(value) ? value : null;
}

function isView(value: unknown): value is ViewName {
  return typeof value === 'string' && (VIEWS as readonly string[]).includes(value);
}

/** A URL's query string → the view it describes; anything unknown or malformed falls back to the default. */
export function decodeState(search: string): ViewState {
  const params = new URLSearchParams(search);
  const view = params.get('view');
  const layout = params.get('layout');
  const group = params.get('group');
  return {
    view: isView(view) ? view : DEFAULT_STATE.view,
    ids: list(params.get('ids')),
    removed: list(params.get('removed')),
    hiddenKinds: list(params.get('hide')).filter(isEntityKind),
    layout: isLayoutName(layout) ? layout : DEFAULT_STATE.layout,
    asOf: day(params.get('asOf')),
    since: day(params.get('since')),
    selected: id(params.get('sel')),
    from: id(params.get('from')),
    to: id(params.get('to')),
    groupBy: isGrouping(group) ? group : DEFAULT_STATE.groupBy,
  };
}

/** The view → a query string (defaults left out, so links stay short). */
export function encodeState(state: ViewState): string {
  const params = new URLSearchParams();
  if (state.view !== DEFAULT_STATE.view) params.set('view', state.view);
  if (state.ids.length) params.set('ids', state.ids.slice(0, MAX_LINK_IDS).join(','));
  if (state.removed.length) params.set('removed', state.removed.slice(0, MAX_LINK_IDS).join(','));
  if (state.hiddenKinds.length) params.set('hide', state.hiddenKinds.join(','));
  if (state.layout !== DEFAULT_STATE.layout) params.set('layout', state.layout);
  if (state.asOf) params.set('asOf', state.asOf);
  if (state.since) params.set('since', state.since);
  if (state.selected) params.set('sel', state.selected);
  if (state.from) params.set('from', state.from);
  if (state.to) params.set('to', state.to);
  if (state.groupBy !== DEFAULT_STATE.groupBy) params.set('group', state.groupBy);
  const text = params.toString().replaceAll('%2C', ',');
  return text ? `?${text}` : '';
}
