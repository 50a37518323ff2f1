import type { NodeKind } from '../../server/model/kinds.ts';
import { ID_PATTERN } from '../format.ts';
import type { GraphLookup } from '../graphLookup.ts';
import { nameKey } from '../names.ts';
import { companyNameKey } from './vocabulary.ts';

/** Where an entity of a draft was found: in the graph, in an earlier document of the same run, or nowhere. */
export type Resolution = 'graph' | 'run' | 'new';

interface Known {
  label: NodeKind;
  resolution: Resolution;
  /** The document of the run that first named it. */
  document?: string;
}

/** How names of a kind compare: companies without their legal form ("Roche Holding AG" is not "Roche"). */
export const matchKey = (label: NodeKind, name: string): string =>
  label === 'Company' ? companyNameKey(name) : nameKey(name);

/** A slug for an id: lower-case letters, digits and single dashes. */
export function slug(text: string): string {
  const slugged = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return ID_PATTERN.test(slugged) ? slugged : 'x';
}

/**
 * The entities one ingest run knows, by kind and name: what the graph held (looked up as documents are drafted)
 * and what earlier documents of the run named, so "Roche" in the second release is the first release's Roche.
 */
export class EntityRegistry {
  /** In order of last use: what `settle` forgets first. */
  private readonly known = new Map<string, Known>();
  private readonly byName = new Map<string, string>();
  /** Every spelling recorded, by kind: what a later release of the run may write. */
  private readonly spellings = new Map<NodeKind, Map<string, string>>();
  /** The name keys and spellings recorded for each id: what forgetting it takes out. */
  private readonly namesOf = new Map<string, { keys: Set<string>; spellings: Set<string> }>();
  /** The ids each document of the run named first, until `settle`. */
  private readonly firstNamedIn = new Map<string, Set<string>>();

  /** The id of the entity of `label` one of `names` names, if any. */
  find(label: NodeKind, names: readonly string[]): string | undefined {
    for (const name of names) {
      const id = this.byName.get(`${label}|${matchKey(label, name)}`);
      if (id) return this.touch(id);
    }
    return undefined;
  }

  /** The id for an entity named `names`: the one already known, or `proposed` made unique. */
  resolve(label: NodeKind, names: readonly string[], proposed: string, document: string): string {
    const found = this.find(label, names);
    const id = found ?? this.unique(proposed);
    this.remember(label, id, names, found ? (this.known.get(found)?.resolution ?? 'run') : 'new', document);
    return id;
  }

  /** Records `names` for `id`; the first resolution recorded for an id stays. */
  remember(label: NodeKind, id: string, names: readonly string[], resolution: Resolution, document?: string) {
    if (!this.known.has(id)) this.learn(id, { label, resolution, document });
    const recorded = this.recordedNamesOf(id);
    const spellings = this.spellings.get(label) ?? new Map<string, string>();
    this.spellings.set(label, spellings);
    for (const name of names) {
      if (!spellings.has(name)) {
        spellings.set(name, id);
        recorded.spellings.add(name);
      }
      const key = `${label}|${matchKey(label, name)}`;
      if (matchKey(label, name) && !this.byName.has(key)) {
        this.byName.set(key, id);
        recorded.keys.add(key);
      }
    }
  }

  /** How `id` was resolved for `document`: new there, from an earlier document of the run, or from the graph. */
  resolutionFor(id: string, document: string): Resolution {
    const known = this.known.get(id);
    if (!known) return 'new';
    if (known.resolution === 'graph') return 'graph';
    return known.document === document ? 'new' : 'run';
  }

  /** The spellings of every entity of `label` the run knows (spelling → id). */
  spellingsOf(label: NodeKind): ReadonlyMap<string, string> {
    return this.spellings.get(label) ?? new Map();
  }

  /** Whether `name` is already one of the names of `id`. */
  isKnownName(label: NodeKind, id: string, name: string): boolean {
    return this.byName.get(`${label}|${matchKey(label, name)}`) === id;
  }

  /** Forgets what `document` named first: a release that was refused names nothing. */
  forget(document: string): void {
    for (const id of this.firstNamedIn.get(document) ?? []) {
      if (this.known.get(id)?.document === document) this.drop(id);
    }
    this.firstNamedIn.delete(document);
  }

  /**
   * The documents are in the graph now: they are no longer forgotten, and beyond `limit` entities the least
   * recently used are forgotten (the graph answers for them, by name), except those documents not yet settled
   * named first.
   */
  settle(limit: number, documents: Iterable<string>): void {
    for (const document of documents) this.firstNamedIn.delete(document);
    for (const [id, known] of this.known) {
      if (this.known.size <= limit) break;
      if (!known.document || !this.firstNamedIn.has(known.document)) this.drop(id);
    }
  }

  /** How many entities the registry knows. */
  get size(): number {
    return this.known.size;
  }

  /** The kind of each of `ids` the run knows. */
  labelsOf(ids: readonly string[]): Map<string, NodeKind> {
    const labels = new Map<string, NodeKind>();
    for (const id of ids) {
      const known = this.known.get(id);
      if (known) labels.set(id, known.label);
    }
    return labels;
  }

  isTaken(id: string): boolean {
    return this.known.has(id);
  }

  /** Moves what was learnt about `from` to `to`: an entity the graph turned out to hold, or a new id. */
  merge(from: string, to: string, label: NodeKind, inGraph = true): void {
    const document = this.known.get(from)?.document;
    const recorded = this.namesOf.get(from);
    this.known.delete(from);
    this.namesOf.delete(from);
    this.known.delete(to);
    this.learn(to, inGraph ? { label, resolution: 'graph' } : { label, resolution: 'new', document });
    const merged = this.recordedNamesOf(to);
    for (const key of recorded?.keys ?? []) {
      if (this.byName.get(key) === from) this.byName.set(key, to);
      merged.keys.add(key);
    }
    const spellings = this.spellings.get(label);
    for (const name of recorded?.spellings ?? []) {
      if (spellings?.get(name) === from) spellings.set(name, to);
      merged.spellings.add(name);
    }
  }

  private learn(id: string, known: Known): void {
    this.known.set(id, known);
    if (!known.document) return;
    const ids = this.firstNamedIn.get(known.document) ?? new Set<string>();
    this.firstNamedIn.set(known.document, ids.add(id));
  }

  private recordedNamesOf(id: string) {
    const recorded = this.namesOf.get(id) ?? { keys: new Set<string>(), spellings: new Set<string>() };
    this.namesOf.set(id, recorded);
    return recorded;
  }

  /** Marks `id` as just used (the last one `settle` forgets). */
  private touch(id: string): string {
    const known = this.known.get(id);
    if (known) {
      this.known.delete(id);
      this.known.set(id, known);
    }
    return id;
  }

  private drop(id: string): void {
    const known = this.known.get(id);
    this.known.delete(id);
    const recorded = this.namesOf.get(id);
    this.namesOf.delete(id);
    for (const key of recorded?.keys ?? []) if (this.byName.get(key) === id) this.byName.delete(key);
    const spellings = known && this.spellings.get(known.label);
    for (const name of recorded?.spellings ?? []) if (spellings?.get(name) === id) spellings.delete(name);
  }

  private unique(proposed: string): string {
    if (!this.known.has(proposed)) return proposed;
    for (let n = 2; ; n += 1) if (!this.known.has(`${proposed}-${n}`)) return `${proposed}-${n}`;
  }
}

/** What the graph changed in a draft: ids to replace (by the graph's), and the ids the graph already holds. */
export interface GraphResolution {
  renames: Map<string, string>;
  known: Set<string>;
}

/**
 * Entities a draft introduced, looked up in the graph by name: one the graph holds takes its id (and keeps the
 * graph's name); a new id the graph already uses for something else gets a suffix. The registry learns both, so
 * later drafts of the run resolve without asking again.
 */
export async function resolveInGraph(
  graph: GraphLookup,
  registry: EntityRegistry,
  introduced: readonly { id: string; label: NodeKind; names: readonly string[] }[],
): Promise<GraphResolution> {
  const renames = new Map<string, string>();
  const known = new Set<string>();
  if (!introduced.length || (await graph.isEmpty())) return { renames, known };
  const asked = introduced.flatMap(({ id, label, names }) => names.map((name) => ({ id, label, name })));
  const found = await graph.entitiesNamed(asked);
  asked.forEach(({ id, label }, index) => {
    const match = found[index]?.[0];
    if (!match || renames.has(id)) return;
    renames.set(id, match.id);
    known.add(match.id);
    registry.merge(id, match.id, label);
  });
  const taken = await graph.labelsOf(introduced.map(({ id }) => id).filter((id) => !renames.has(id)));
  for (const { id, label } of introduced) {
    if (!taken.has(id)) continue;
    let other = `${id}-2`;
    for (let n = 3; taken.has(other) || registry.isTaken(other); n += 1) other = `${id}-${n}`;
    renames.set(id, other);
    registry.merge(id, other, label, false);
  }
  return { renames, known };
}

/**
 * The run as the graph a dry run validates against: the entities earlier drafts introduced, as if loaded, so a
 * later draft may refer to them by id. It names no duplicates (the run already resolved names).
 */
export function runAsGraph(registry: EntityRegistry): GraphLookup {
  return {
    isEmpty: async () => false,
    labelsOf: async (ids) => registry.labelsOf(ids),
    sentencesIn: async () => new Set(),
    entitiesNamed: async (names) => names.map(() => []),
    entitiesWith: async () => [],
  };
}
