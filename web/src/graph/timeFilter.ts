/**
 * "As of" a date and "what changed between two dates", on element data alone. An entity with a day (an event, a
 * partnership's start, a document) exists from that day on; undated entities always exist. A milestone counts as
 * triggered from the day of the event that triggers it.
 */

export interface TimedNode {
  id: string;
  kind: string;
  day?: string;
}

export interface TimedEdge {
  id: string;
  source: string;
  target: string;
  type: string;
}

export interface TimeView {
  /** Elements that had not happened by the (later) date: hidden. */
  hidden: Set<string>;
  /** Elements that happened after the earlier date and by the later one: highlighted. */
  changed: Set<string>;
}

/** Normalises "2013", "2013-09" or a full day into a comparable ISO day; null for anything else. */
export function normaliseDay(value: string | null | undefined): string | null {
  if (!value) return null;
  const match = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(value.trim());
  return match ? `${match[1]}-${match[2] ?? '01'}-${match[3] ?? '01'}` : null;
}

/** The day each milestone is triggered: the earliest day of the events with a TRIGGERS edge to it. */
export function milestoneDays(nodes: readonly TimedNode[], edges: readonly TimedEdge[]): Map<string, string> {
  const dayById = new Map(nodes.filter((n) => n.day).map((n) => [n.id, n.day as string]));
  const out = new Map<string, string>();
  for (const edge of edges) {
    if (edge.type !== 'TRIGGERS') continue;
    const day = dayById.get(edge.source);
    if (!day) continue;
    const current = out.get(edge.target);
    if (!current || day < current) out.set(edge.target, day);
  }
  return out;
}

/**
 * What to hide "as of" `asOf`, and, with `since`, what changed after `since` up to `asOf`. Either date may be
 * missing; when both are, nothing is hidden or changed.
 */
export function timeView(
  nodes: readonly TimedNode[],
  edges: readonly TimedEdge[],
  asOf: string | null,
  since: string | null = null,
): TimeView {
  const hidden = new Set<string>();
  const changed = new Set<string>();
  const [early, late] = since && asOf && since > asOf ? [asOf, since] : [since, asOf];
  const triggered = milestoneDays(nodes, edges);
  for (const node of nodes) {
    if (!node.day) {
      // An undated milestone appears when it is agreed; it *changes* when its trigger happens.
      const triggerDay = triggered.get(node.id);
      if (triggerDay && early && triggerDay > early && (!late || triggerDay <= late)) changed.add(node.id);
      continue;
    }
    if (late && node.day > late) hidden.add(node.id);
    else if (early && node.day > early) changed.add(node.id);
  }
  for (const edge of edges) {
    if (hidden.has(edge.source) || hidden.has(edge.target)) hidden.add(edge.id);
    else if (changed.has(edge.source) && changed.has(edge.target)) changed.add(edge.id);
    else if (edge.type === 'TRIGGERS' && changed.has(edge.source)) changed.add(edge.id);
  }
  return { hidden, changed };
}
