import {
  ownProperties,
  RELATIONSHIP_FIELDS,
  type SeedFileData,
  type SeedFileRecord,
  type SeedRecord,
  seedRecords,
} from '../../../seed/format.ts';
import type { NodeKind, RelationshipType } from '../../../server/model/kinds.ts';
import type { Graph, GraphNode } from '../api/types.ts';
import { humanize } from '../graph/format.ts';
import {
  type EdgeElement,
  type Element,
  type NodeElement,
  toElements,
  truncateLabel,
} from '../graph/toElements.ts';

/** How a previewed element compares with the graph: added, changed, or already held as the draft states it. */
export type PreviewMark = 'new' | 'changed' | 'unchanged';

/** The canvas class of each mark. */
export const PREVIEW_CLASSES: Readonly<Record<PreviewMark, string>> = {
  new: 'draft-new',
  changed: 'draft-changed',
  unchanged: 'draft-unchanged',
};

export interface Preview {
  elements: Element[];
  /** Entities of the draft by mark. */
  counts: Record<PreviewMark, number>;
}

/**
 * The seed file a curator would publish, drawn beside what the graph holds about its entities (`graph`: their
 * neighbourhood): each of the draft's entities and relationships marked new, changed or unchanged.
 */
export function previewElements(seed: SeedFileData, graph: Graph): Preview {
  const held = new Map(graph.nodes.map((node) => [node.id, node]));
  const heldEdges = new Set(graph.edges.map((edge) => `${edge.type} ${edge.source} ${edge.target}`));
  const counts: Record<PreviewMark, number> = { new: 0, changed: 0, unchanged: 0 };
  const nodes: NodeElement[] = [];
  const edges: EdgeElement[] = [];
  const document = seed.document as unknown as SeedRecord;
  const records: { label: NodeKind; record: SeedRecord; parent?: SeedFileRecord['parent'] }[] = [
    { label: 'SourceDocument', record: { ...document, name: document.title as string } },
    ...seedRecords(seed),
  ];
  for (const { label, record } of records) {
    const mark = markOf(label, record, held.get(record.id));
    counts[mark] += 1;
    nodes.push({
      group: 'nodes',
      data: {
        id: record.id,
        kind: label,
        label: truncateLabel(record.name ?? held.get(record.id)?.label ?? record.id),
        properties: valuesOf(label, record),
      },
      classes: PREVIEW_CLASSES[mark],
    });
  }
  const drawn = new Set(nodes.map((node) => node.data.id));
  const addEdge = (type: RelationshipType, source: string, target: string) => {
    const id = `${type} ${source} ${target}`;
    if (
      heldEdges.has(id) ||
      (!drawn.has(source) && !held.has(source)) ||
      (!drawn.has(target) && !held.has(target))
    )
      return;
    heldEdges.add(id);
    const data = {
      id: `draft:${id}`,
      source,
      target,
      type,
      label: humanize(type).toLowerCase(),
      properties: {},
    };
    edges.push({ group: 'edges', data, classes: PREVIEW_CLASSES.new });
  };
  for (const { label, record, parent } of records) {
    if (parent) addEdge(parent.type, parent.record.id, record.id);
    for (const [field, spec] of Object.entries(RELATIONSHIP_FIELDS[label] ?? {})) {
      for (const ref of refsOf(record[field])) {
        if (spec.direction === 'out') addEdge(spec.type, record.id, ref);
        else addEdge(spec.type, ref, record.id);
      }
    }
  }
  const around = toElements(graph, drawn);
  return { elements: [...nodes, ...around, ...edges], counts };
}

function markOf(label: NodeKind, record: SeedRecord, node: GraphNode | undefined): PreviewMark {
  if (!node) return 'new';
  const values = valuesOf(label, record);
  const changed = Object.entries(values).some(([key, value]) => {
    const current = node.properties[key];
    if (Array.isArray(value))
      return value.some((item) => !(Array.isArray(current) && current.includes(item)));
    return current !== value;
  });
  return changed ? 'changed' : 'unchanged';
}

/** What the graph would show of a record: its own values that are texts, numbers, flags or lists of texts. */
function valuesOf(label: NodeKind, record: SeedRecord): Record<string, unknown> {
  const comparable = (value: unknown) =>
    ['string', 'number', 'boolean'].includes(typeof value) ||
    (Array.isArray(value) && value.every((item) => typeof item === 'string'));
  return Object.fromEntries(
    Object.entries(ownProperties(label, record)).filter(([key, value]) => key !== 'id' && comparable(value)),
  );
}

function refsOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refsOf);
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object' && typeof (value as { ref?: unknown }).ref === 'string')
    return [(value as { ref: string }).ref];
  return [];
}
