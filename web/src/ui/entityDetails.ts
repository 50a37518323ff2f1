import type { EntityDetails } from '../api/queries.ts';
import type { Citation, Graph, GraphEdge } from '../api/types.ts';
import { formatValue, humanize } from '../graph/format.ts';
import { clear, h } from './dom.ts';
import { historySection, provenanceLine } from './history.ts';
import {
  citationList,
  entityLink,
  kindBadge,
  type PanelActions,
  propertyList,
  renderEmpty,
  unknownOn,
} from './panel.ts';

interface RelationGroup {
  heading: string;
  items: { other: { id: string; label: string; kind: string }; edge: GraphEdge }[];
}

/** The relationships of `id`, grouped by type and direction ("licenses →", "← tests"), in a stable order. */
function groupRelationships(details: Graph, id: string): RelationGroup[] {
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

/** An entity's properties, relationships (grouped, each a link), citations and history. */
export function renderDetails(
  panel: HTMLElement,
  { graph: details, history }: EntityDetails,
  id: string,
  actions: PanelActions,
  extra?: HTMLElement,
  asOf: string | null = null,
) {
  clear(panel);
  const node = details.nodes.find((n) => n.id === id);
  if (!node) {
    renderEmpty(
      panel,
      'Not found',
      asOf
        ? unknownOn(asOf, `Nothing was known about “${id}”`)
        : `Nothing in the graph has the id “${id}” any more.`,
    );
    return;
  }
  panel.append(
    h(
      'header',
      { class: 'panel-head' },
      kindBadge(node.kind),
      h('h2', { id: 'panel-title', text: node.label }),
      provenanceLine(node.properties, asOf),
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
          ' ',
          h('button', {
            type: 'button',
            class: 'link-button relation-details',
            'aria-label': `The relationship ${group.heading.replace(/[←→]/g, '').trim()} ${item.other.label}: sources and history`,
            title: 'This relationship: its sources and history',
            text: 'sources',
            on: {
              click: () => {
                const { citations: _c, history: _h, ...edge } = item.edge;
                actions.showEdge(edge);
              },
            },
          }),
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
  if (own.length) cites.append(citationList(own, actions));
  if (fromEdges.length)
    cites.append(
      h('h4', { text: 'Its relationships are stated in' }),
      citationList(fromEdges.slice(0, 12), actions),
    );
  if (!own.length && !fromEdges.length)
    cites.append(h('p', { class: 'muted', text: 'No source sentence is recorded for this entity.' }));
  panel.append(cites);
  if (history) panel.append(historySection(history, actions));
}
