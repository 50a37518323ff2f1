import type { Graph, GraphEdge, GraphNode } from '../api/types.ts';
import { formatMoney, humanize } from './format.ts';

/** What the canvas keeps in each node's data. */
export interface NodeData {
  id: string;
  kind: string;
  label: string;
  properties: Record<string, unknown>;
  /** A compound parent (the landscape's groups). */
  parent?: string;
}

/** What the canvas keeps in each edge's data: the edge as the API gives it, without its citations and history. */
export type EdgeData = Omit<GraphEdge, 'citations' | 'history'>;

export interface NodeElement {
  group: 'nodes';
  data: NodeData;
  position?: { x: number; y: number };
  classes?: string;
}

export interface EdgeElement {
  group: 'edges';
  data: EdgeData;
  classes?: string;
}

export type Element = NodeElement | EdgeElement;

/** The longest label drawn on the canvas; the panel shows the whole name. */
export const MAX_LABEL_CHARS = 40;

export function truncateLabel(text: string, max = MAX_LABEL_CHARS): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

function money(properties: Record<string, unknown>): string | null {
  const { amount, currency } = properties;
  if (typeof amount === 'number' && typeof currency === 'string') return formatMoney(amount, currency);
  if (amount && typeof amount === 'object') {
    const inner = amount as { amount?: unknown; currency?: unknown };
    if (typeof inner.amount === 'number' && typeof inner.currency === 'string') {
      return formatMoney(inner.amount, inner.currency);
    }
  }
  return null;
}

/**
 * What an edge says: the API's label ("licenses", "based on"), with the money when the relationship moves some
 * ("triggers $5M", "milestone $5M") and the role of a party ("licensor").
 */
export function edgeLabel(edge: GraphEdge, nodesById: ReadonlyMap<string, GraphNode>): string {
  const base = edge.label?.trim() || humanize(edge.type);
  if (edge.type === 'TRIGGERS' || edge.type === 'HAS_MILESTONE') {
    const target = nodesById.get(edge.target);
    const amount = target ? money(target.properties) : null;
    return amount ? `${base} ${amount}` : base;
  }
  if (edge.type === 'PARTY_TO' && typeof edge.properties.role === 'string') {
    return `${base} (${edge.properties.role.toLowerCase()})`;
  }
  if (edge.type === 'WORKS_FOR' && typeof edge.properties.title === 'string') {
    return truncateLabel(edge.properties.title, 28);
  }
  return base;
}

export function nodeElement(node: GraphNode): NodeElement {
  return {
    group: 'nodes',
    data: {
      id: node.id,
      kind: node.kind,
      label: truncateLabel(node.label || node.id),
      properties: node.properties ?? {},
    },
  };
}

/**
 * API graph → Cytoscape element definitions. Nodes come first; edges whose ends are missing are dropped (a
 * truncated graph may hold such edges), as are duplicates.
 */
export function toElements(graph: Graph, existing: ReadonlySet<string> = new Set()): Element[] {
  const nodesById = new Map(graph.nodes.map((node) => [node.id, node]));
  const seen = new Set(existing);
  const out: Element[] = [];
  for (const node of graph.nodes) {
    if (seen.has(node.id)) continue;
    seen.add(node.id);
    out.push(nodeElement(node));
  }
  for (const edge of graph.edges) {
    if (seen.has(edge.id)) continue;
    if (!seen.has(edge.source) || !seen.has(edge.target)) continue;
    seen.add(edge.id);
    out.push({
      group: 'edges',
      data: {
        id: edge.id,
        source: edge.source,
        target: edge.target,
        type: edge.type,
        label: edgeLabel(edge, nodesById),
        properties: edge.properties ?? {},
      },
    });
  }
  return out;
}
