import type { EdgeDetails, EntityDetails } from '../api/queries.ts';
import type { Citation, Graph, GraphEdge, Statement } from '../api/types.ts';
import { countOf, formatValue, humanize, propertyTitle } from '../graph/format.ts';
import { kindStyle } from '../graph/kinds.ts';
import type { EdgeData } from '../graph/toElements.ts';
import { formatProvenance, formatValueChange, META_PROPERTIES, statementDiffs } from '../history/index.ts';
import { clear, h, swatch } from './dom.ts';

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

function kindBadge(kind: string) {
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

function propertyList(properties: Record<string, unknown>) {
  const dl = h('dl', { class: 'properties' });
  for (const [key, value] of Object.entries(properties)) {
    if (SKIPPED_PROPERTIES.has(key) || META_PROPERTIES.has(key)) continue;
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

/** "Stated by 2 documents, 2013-09-20 to 2013-11-20 · as of 2013-12-01" under a title; null when neither. */
function provenanceLine(properties: Record<string, unknown>, asOf: string | null) {
  const text = [formatProvenance(properties), asOf ? `as of ${asOf}` : null].filter(Boolean).join(' · ');
  return text
    ? h('p', { class: 'muted as-of-note', text: text.charAt(0).toUpperCase() + text.slice(1) })
    : null;
}

/** What to say when the server knew nothing of `what` on `asOf`: "No drug was known on 2012-01-01. Clear …". */
export function unknownOn(asOf: string, what: string): string {
  return `${what} on ${asOf}. Clear “As of” or pick a later day.`;
}

/**
 * What each document said about an entity or a relationship, oldest first: its date, the document (opens the
 * reader), the values it stated (changed ones as "status: PENDING → TRIGGERED") and its citations.
 */
export function historySection(history: readonly Statement[], actions: Pick<PanelActions, 'read'>) {
  const section = h(
    'section',
    { class: 'panel-section history' },
    h('h3', { text: `History (${countOf(history.length, 'statement')})` }),
  );
  if (!history.length) {
    section.append(h('p', { class: 'muted', text: 'No statement is recorded for it.' }));
    return section;
  }
  const list = h('ol', { class: 'statements' });
  for (const { statement, values } of statementDiffs(history)) {
    const shown = values.filter((v) => v.kind !== 'same');
    const unchanged = values.length - shown.length;
    const item = h(
      'li',
      { class: 'statement' },
      h(
        'p',
        { class: 'statement-head' },
        h('time', { class: 'statement-date', datetime: statement.date, text: statement.date }),
        ' ',
        h('button', {
          type: 'button',
          class: 'link-button statement-document',
          title: 'Read the document',
          text: statement.document.name,
          on: { click: () => actions.read(statement.document.id, statement.citations[0]?.id ?? null) },
        }),
      ),
    );
    if (shown.length) {
      const changes = h('ul', { class: 'statement-values' });
      for (const value of shown)
        changes.append(h('li', { class: `statement-value ${value.kind}`, text: formatValueChange(value) }));
      item.append(changes);
    }
    if (unchanged)
      item.append(
        h('p', { class: 'muted', text: `${countOf(unchanged, 'value')} stated again, unchanged.` }),
      );
    if (!values.length)
      item.append(h('p', { class: 'muted', text: 'States it, with no values of its own.' }));
    if (statement.citations.length) item.append(citationList(statement.citations, actions));
    list.append(item);
  }
  section.append(list);
  return section;
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
