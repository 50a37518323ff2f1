import type { Citation } from '../api/types.ts';
import { formatValue, propertyTitle } from '../graph/format.ts';
import { kindStyle } from '../graph/kinds.ts';
import type { EdgeData } from '../graph/toElements.ts';
import { META_PROPERTIES } from '../history/index.ts';
import { clear, h, swatch } from './dom.ts';

/*
 * The side panel's parts, shared by every panel: links to entities, cited sentences, values, empty and loading
 * states. An entity's details are in entityDetails.ts, a relationship's in edgeDetails.ts, history in history.ts.
 */

export interface PanelActions {
  /** Show this entity: select it on the canvas (adding it first if needed) and show its details. */
  focus(id: string): void;
  /** Open a source document in the reader, at one of its sentences when given. */
  read(documentId: string, sentenceId?: string | null): void;
  expand(id: string): void;
  hide(id: string): void;
  remove(id: string): void;
  pathFrom(id: string): void;
  pathTo(id: string): void;
  /** Show a relationship in the panel: its properties, citations and history. */
  showEdge(edge: EdgeData): void;
}

/** Properties that are shown elsewhere or only for machines. */
const SKIPPED_PROPERTIES = new Set(['id', 'name', 'kind', 'citedIn', 'sortDate', 'label', 'entityId']);

/** A button that shows an entity: its kind's swatch, its name, its kind. */
export function entityLink(id: string, name: string, kind: string, actions: Pick<PanelActions, 'focus'>) {
  const style = kindStyle(kind);
  return h(
    'button',
    {
      type: 'button',
      class: 'entity-link',
      title: `Show ${name}`,
      'data-entity-id': id,
      on: { click: () => actions.focus(id) },
    },
    swatch(style.color, style.shape),
    h('span', { class: 'entity-link-name', text: name }),
    h('span', { class: 'entity-link-kind', text: style.title }),
  );
}

export function kindBadge(kind: string) {
  const style = kindStyle(kind);
  return h('span', { class: 'kind-badge' }, swatch(style.color, style.shape), style.title);
}

/** Cited sentences, each a button that opens its document in the reader at that sentence. */
export function citationList(
  citations: readonly Citation[],
  actions: Pick<PanelActions, 'read'>,
): HTMLElement {
  const list = h('ol', { class: 'citations' });
  for (const c of citations) {
    const meta = [c.document.name, c.document.publisher, c.document.date].filter(Boolean).join(' · ');
    list.appendChild(
      h(
        'li',
        { class: 'citation' },
        h(
          'blockquote',
          {},
          h('button', {
            type: 'button',
            class: 'citation-open',
            title: `Read it in “${c.document.name}”`,
            'data-sentence-id': c.id,
            text: `“${c.sentence}”`,
            on: { click: () => actions.read(c.document.id, c.id) },
          }),
        ),
        h(
          'p',
          { class: 'citation-source' },
          c.document.url
            ? h('a', { href: c.document.url, rel: 'noopener noreferrer', target: '_blank', text: meta })
            : meta,
        ),
      ),
    );
  }
  return list;
}

/** An element's own values, as a definition list; null when it has none to show. */
export function propertyList(properties: Record<string, unknown>) {
  const dl = h('dl', { class: 'properties' });
  for (const [key, value] of Object.entries(properties)) {
    if (SKIPPED_PROPERTIES.has(key) || META_PROPERTIES.has(key)) continue;
    const text = formatValue(value);
    if (text === null) continue;
    dl.append(h('dt', { text: propertyTitle(key) }), h('dd', { text }));
  }
  return dl.childElementCount ? dl : null;
}

export function renderEmpty(panel: HTMLElement, title: string, ...lines: string[]) {
  clear(panel);
  panel.append(h('h2', { text: title }), ...lines.map((line) => h('p', { class: 'muted', text: line })));
}

export function renderLoading(panel: HTMLElement, what: string) {
  clear(panel);
  panel.append(h('p', { class: 'loading-line', 'aria-busy': 'true', text: `Loading ${what}…` }));
}

/** What to say when the server knew nothing of `what` on `asOf`: "No drug was known on 2012-01-01. Clear …". */
export function unknownOn(asOf: string, what: string): string {
  return `${what} on ${asOf}. Clear “As of” or pick a later day.`;
}
