import type { EdgeDetails } from '../api/queries.ts';
import { humanize } from '../graph/format.ts';
import type { EdgeData } from '../graph/toElements.ts';
import { clear, h } from './dom.ts';
import { historySection, provenanceLine } from './history.ts';
import { citationList, entityLink, type PanelActions, propertyList } from './panel.ts';

/** A relationship's ends, properties, citations and history; `drawn` is the edge as the canvas has it. */
export function renderEdgeDetails(
  panel: HTMLElement,
  { edge, graph }: EdgeDetails,
  drawn: EdgeData,
  actions: PanelActions,
  asOf: string | null = null,
) {
  clear(panel);
  const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
  const end = (id: string) => {
    const node = nodes.get(id);
    return node ? entityLink(node.id, node.label, node.kind, actions) : h('span', { text: id });
  };
  const label = edge?.label?.trim() || drawn.label || humanize(drawn.type);
  panel.append(
    h(
      'header',
      { class: 'panel-head edge-details' },
      h('span', { class: 'kind-badge', text: `Relationship · ${humanize(drawn.type)}` }),
      h('h2', { id: 'panel-title', text: label }),
      provenanceLine(edge?.properties ?? {}, asOf),
    ),
    h(
      'p',
      { class: 'edge-ends' },
      end(drawn.source),
      h('span', { class: 'edge-arrow', text: ` ${label} → ` }),
      end(drawn.target),
    ),
  );
  if (!edge) {
    panel.append(
      h('p', {
        class: 'muted',
        text: asOf
          ? `This relationship was not known on ${asOf}.`
          : 'This line is drawn by the view; the graph records no such relationship between these two.',
      }),
    );
    return;
  }
  const props = propertyList(edge.properties);
  if (props) panel.append(h('section', { class: 'panel-section' }, h('h3', { text: 'Properties' }), props));
  const citations = edge.citations ?? [];
  const cites = h(
    'section',
    { class: 'panel-section' },
    h('h3', { text: `Citations (${citations.length})` }),
  );
  cites.append(
    citations.length
      ? citationList(citations, actions)
      : h('p', { class: 'muted', text: 'No source sentence is recorded for this relationship.' }),
  );
  panel.append(cites);
  if (edge.history) panel.append(historySection(edge.history, actions));
}
