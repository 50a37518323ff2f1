import type { NodeKind } from '../../../server/model/kinds.ts';
import type { SeedRecord } from '../../format.ts';
import { slug } from '../../ingest/registry.ts';
import { vocabulary } from '../../ingest/vocabulary.ts';
import { STEM_TABLE_ID } from '../stemTable.ts';

/** What the mapper asks of the run: which entities already exist (in the graph, or from an earlier study). */
export interface MapContext {
  /** The id of an existing entity of `label` that one of `names` names (name or alias), if any. */
  resolve(label: NodeKind, names: readonly string[]): string | undefined;
  /**
   * An entity the study introduces: the id to give it (`proposed`, a slug, made unique across the run) and
   * a note of its names, so later studies resolve to it. Without it, `proposed` is used as is.
   */
  introduce?(label: NodeKind, names: readonly string[], proposed: string): string;
  /** Today (YYYY-MM-DD), for the "more than 30 years ahead" check; the clock's by default. */
  today?: string;
}

/** An entity the study refers to: its id, and whether the study introduces it (and so states its name). */
export interface Resolved {
  id: string;
  isNew: boolean;
}

export function resolveEntity(
  context: MapContext,
  label: NodeKind,
  names: readonly string[],
  proposed: string,
): Resolved {
  const found = context.resolve(label, names);
  if (found !== undefined) return { id: found, isNew: false };
  const owner = reservedIds().get(proposed);
  const free = owner === undefined || owner === label ? proposed : `${proposed}-${label.toLowerCase()}`;
  return { id: context.introduce?.(label, names, free) ?? free, isNew: true };
}

let reserved: Map<string, NodeKind> | undefined;

/**
 * Ids the vocabulary gives entities of one kind (the INN stem table states its payloads, linkers, antibodies and
 * targets under them; regions and known companies keep theirs): a new entity of another kind named the same
 * ("Eribulin", a drug; eribulin, a payload) takes its kind after the id.
 */
function reservedIds(): Map<string, NodeKind> {
  if (reserved) return reserved;
  const v = vocabulary();
  reserved = new Map<string, NodeKind>([[STEM_TABLE_ID, 'SourceDocument']]);
  const owned: [NodeKind, readonly string[]][] = [
    ['Payload', v.payloads.map((payload) => payload.id)],
    ['Linker', v.linkers.map((linker) => linker.id)],
    ['Target', v.targets.map((target) => target.id)],
    ['Antibody', v.antibodies.map((antibody) => slug(antibody.name))],
    ['Region', v.regions.map((region) => region.id)],
    ['Company', v.companies.map((company) => company.id)],
  ];
  for (const [label, ids] of owned) {
    for (const id of ids) if (!reserved.has(id)) reserved.set(id, label);
  }
  return reserved;
}

/** Records by id, in the order first added; adding an id again merges its citations and fields. */
export class RecordList {
  private readonly byId = new Map<string, SeedRecord>();

  add(record: SeedRecord): SeedRecord {
    const known = this.byId.get(record.id);
    if (!known) {
      this.byId.set(record.id, record);
      return record;
    }
    for (const [field, value] of Object.entries(record)) {
      if (field === 'cite') known.cite = unique([...known.cite, ...record.cite]);
      else if (Array.isArray(value) && Array.isArray(known[field])) {
        known[field] = unique([...(known[field] as unknown[]), ...value]);
      } else if (known[field] === undefined) known[field] = value;
    }
    return known;
  }

  get(id: string): SeedRecord | undefined {
    return this.byId.get(id);
  }

  get size(): number {
    return this.byId.size;
  }

  values(): SeedRecord[] {
    return [...this.byId.values()];
  }
}

export const unique = <T>(values: readonly T[]): T[] => [...new Set(values)];
