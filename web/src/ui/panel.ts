import type { Citation, Graph, GraphEdge } from '../api/types.ts';
import { formatValue, humanize, propertyTitle } from '../graph/format.ts';
import { kindStyle } from '../graph/kinds.ts';
import { clear, h, swatch } from './dom.ts';

export interface PanelActions {
  /** Show this entity: select it on the canvas (adding it first if needed) and show its details. */
  focus(id: string): void;
  expand(id: string): void;
  hide(id: string): void;
  remove(id: string): void;
  pathFrom(id: string): void;
  pathTo(id: string): void;
}

/** Properties that are shown elsewhere or only for machines. */
const SKIPPED_PROPERTIES = new Set(['id', 'name', 'kind', 'citedIn', 'sortDate', 'label', 'entityId']);

/** A button that shows an entity: its kind's swatch, its name, its kind. */
export function entityLink(id: string, name: string, kind: string, actions: PanelActions) {
  const style = kindStyle(kind);
  return h(
    'button',
    { type: 'button', class: 'entity-link', title: `Show ${name}`, on: { click: () => actions.focus(id) } },
    swatch(style.color, style.shape),
    h('span', { class: 'entity-link-name', text: name }),
    h('span', { class: 'entity-link-kind', text: style.title }),
  );
}

function kindBadge(kind: string) {
  const style = kindStyle(kind);
  return h('span', { class: 'kind-badge' }, swatch(style.color, style.shape), style.title);
}

export function citationList(citations: readonly Citation[]): HTMLElement {
  const list = h('ol', { class: 'citations' });
  for (const c of citations) {
    const meta = [c.document.name, c.document.publisher, c.document.date].filter(Boolean).join(' · ');
    list.appendChild(
      h(
        'li',
        { class: 'citation' },
        h('blockquote', { text: `“${c.sentence}”` }),
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

function propertyList(properties: Record<string, unknown>) {
  const dl = h('dl', { class: 'properties' });
  for (const [key, value] of Object.entries(properties)) {
    if (SKIPPED_PROPERTIES.has(key)) continue;
    const text = formatValue(value);
    if (text === null) continue;
    dl.append(h('dt', { text: propertyTitle(key) }), h('dd', { text }));
  }
  return dl.childElementCount ? dl : null;
}

interface RelationGroup {
  heading: string;
  items: { other: { id: string; label: string; kind: string }; edge: GraphEdge }[];
}

/** The relationships of `id`, grouped by type and direction ("licenses →", "← tests"), in a stable order. */
export function groupRelationships(details: Graph, id: string): RelationGroup[] {
  const nodes = new Map(details.nodes.map((n) => [n.id, n]));
  const groups = new Map<string, RelationGroup>();
  for (const edge of details.edges) {
    const outgoing = edge.source === id;
    if (!outgoing && edge.target !== id) continue;
    const other = nodes.get(outgoing ? edge.target : edge.source);
    if (!other) continue;
    const label = edge.label?.trim() || humanize(edge.type);
    const key = `${edge.type}:${outgoing ? 'out' : 'in'}`;
    let group = groups.get(key);
    if (!group) {
      group = { heading: outgoing ? `${label} →` : `← ${label}`, items: [] };
      groups.set(key, group);
    }
    group.items.push({ other, edge });
  }
  for (const g of groups.values()) g.items.sort((a, b) => a.other.label.localeCompare(b.other.label));
  return [...groups.values()].sort((a, b) =>
    a.heading.replace(/[←→ ]/g, '').localeCompare(b.heading.replace(/[←→ ]/g, '')),
  );
}

export function renderEmpty(panel: HTMLElement, title: string, ...lines: string[]) {
  clear(panel);
  panel.append(h('h2', { text: title }), ...lines.map((line) => h('p', { class: 'muted', text: line })));
}

export function renderLoading(panel: HTMLElement, what: string) {
  clear(panel);
  panel.append(h('p', { class: 'loading-line', 'aria-busy': 'true', text: `Loading ${what}…` }));
}

/** An entity's properties, relationships (grouped, each a link) and citations. */
export function renderDetails(
  panel: HTMLElement,
  details: Graph,
  id: string,
  actions: PanelActions,
  extra?: HTMLElement,
) {
  clear(panel);
  const node = details.nodes.find((n) => n.id === id);
  if (!node) {
    renderEmpty(panel, 'Not found', `Nothing in the graph has the id “${id}” any more.`);
    return;
  }
  panel.append(
    h(
      'header',
      { class: 'panel-head' },
      kindBadge(node.kind),
      h('h2', { id: 'panel-title', text: node.label }),
    ),
    h(
      'div',
      { class: 'panel-actions' },
      h('button', {
        type: 'button',
        class: 'button',
        on: { click: () => actions.expand(id) },
        text: 'Expand',
      }),
      h('button', { type: 'button', class: 'button', on: { click: () => actions.hide(id) }, text: 'Hide' }),
      h('button', {
        type: 'button',
        class: 'button',
        on: { click: () => actions.remove(id) },
        text: 'Remove',
      }),
      h('button', {
        type: 'button',
        class: 'button',
        on: { click: () => actions.pathFrom(id) },
        text: 'Path from',
      }),
      h('button', {
        type: 'button',
        class: 'button',
        on: { click: () => actions.pathTo(id) },
        text: 'Path to',
      }),
    ),
  );
  if (extra) panel.append(extra);
  const props = propertyList(node.properties);
  if (props) panel.append(h('section', { class: 'panel-section' }, h('h3', { text: 'Properties' }), props));

  const groups = groupRelationships(details, id);
  const rel = h(
    'section',
    { class: 'panel-section relationships' },
    h('h3', { text: `Relationships (${groups.reduce((n, g) => n + g.items.length, 0)})` }),
  );
  if (!groups.length) rel.append(h('p', { class: 'muted', text: 'No relationships recorded.' }));
  for (const group of groups) {
    const list = h('ul', { class: 'relation-list' });
    for (const item of group.items) {
      const edgeText =
        item.edge.type === 'TRIGGERS' || item.edge.properties.role
          ? formatValue(item.edge.properties.role)
          : null;
      list.append(
        h(
          'li',
          {},
          entityLink(item.other.id, item.other.label, item.other.kind, actions),
          edgeText ? h('span', { class: 'muted', text: ` ${edgeText}` }) : null,
        ),
      );
    }
    rel.append(h('h4', { text: group.heading }), list);
  }
  if (details.truncated)
    rel.append(h('p', { class: 'muted', text: 'Only the first relationships are listed.' }));
  panel.append(rel);

  const own = node.citations ?? [];
  const seen = new Set(own.map((c) => c.id));
  const fromEdges: Citation[] = [];
  for (const edge of details.edges) {
    if (edge.source !== id && edge.target !== id) continue;
    for (const c of edge.citations ?? []) {
      if (seen.has(c.id)) continue;
      seen.add(c.id);
      fromEdges.push(c);
    }
  }
  const cites = h(
    'section',
    { class: 'panel-section' },
    h('h3', { text: `Citations (${own.length + fromEdges.length})` }),
  );
  if (own.length) cites.append(citationList(own));
  if (fromEdges.length)
    cites.append(h('h4', { text: 'Its relationships are stated in' }), citationList(fromEdges.slice(0, 12)));
  if (!own.length && !fromEdges.length)
    cites.append(h('p', { class: 'muted', text: 'No source sentence is recorded for this entity.' }));
  panel.append(cites);
}
