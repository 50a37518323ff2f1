import type { NodeKind } from '../server/model/kinds.ts';
import {
  NESTED_LISTS,
  RECORD_LISTS,
  RELATIONSHIP_FIELDS,
  type SeedFileData,
  type SeedRecord,
} from './format.ts';

/**
 * Gives records of a seed file other ids, with every reference to them: relationship fields (bare ids and
 * `{ref}` links) and the ids links carry as properties (a MARKETS link's region, an INVESTIGATED_FOR sponsor).
 * Drafting tools use it once they know which entities the graph already holds.
 */
export function renameSeedFile(data: SeedFileData, renames: ReadonlyMap<string, string>): SeedFileData {
  if (!renames.size) return data;
  const to = (id: string) => renames.get(id) ?? id;
  const out: SeedFileData = {
    ...data,
    document: renameRecordLinks('SourceDocument', data.document as never, to),
  };
  for (const [list, { label }] of Object.entries(RECORD_LISTS) as [
    keyof typeof RECORD_LISTS,
    { label: NodeKind },
  ][]) {
    const records = data[list];
    if (records) out[list] = mergeSameIds(records.map((record) => renameRecord(label, record, to)));
  }
  return out;
}

/**
 * Two records that now have one id (two spellings the graph knows as one entity) become one: the first's values
 * win, citations and aliases accumulate, and each link is kept once.
 */
function mergeSameIds(records: SeedRecord[]): SeedRecord[] {
  const byId = new Map<string, SeedRecord>();
  for (const record of records) {
    const first = byId.get(record.id);
    byId.set(record.id, first ? mergeRecords(first, record) : record);
  }
  return [...byId.values()];
}

function mergeRecords(first: SeedRecord, second: SeedRecord): SeedRecord {
  const out: SeedRecord = { ...second, ...first, cite: [...new Set([...first.cite, ...second.cite])] };
  for (const [key, value] of Object.entries(second)) {
    const mine = first[key];
    if (!Array.isArray(value) || !Array.isArray(mine) || key === 'cite') continue;
    const refOf = (item: unknown) => (typeof item === 'object' && item && 'ref' in item ? item.ref : item);
    const seen = new Set(mine.map(refOf));
    out[key] = [...mine, ...value.filter((item) => !seen.has(refOf(item)))];
  }
  const aliases = [...((out.aliases as string[] | undefined) ?? []), ...(second.name ? [second.name] : [])];
  const others = [...new Set(aliases)].filter((alias) => alias !== out.name);
  if (others.length) out.aliases = others;
  return out;
}

function renameRecord(label: NodeKind, record: SeedRecord, to: (id: string) => string): SeedRecord {
  const out: SeedRecord = renameRecordLinks(label, { ...record, id: to(record.id) }, to);
  for (const [list, nested] of Object.entries(NESTED_LISTS)) {
    const children = record[list] as SeedRecord[] | undefined;
    if (children) out[list] = children.map((child) => renameRecord(nested.label, child, to));
  }
  return out;
}

function renameRecordLinks<T extends Record<string, unknown>>(
  label: NodeKind,
  record: T,
  to: (id: string) => string,
): T {
  const fields = RELATIONSHIP_FIELDS[label] ?? {};
  const out: Record<string, unknown> = { ...record };
  for (const [field, spec] of Object.entries(fields)) {
    const value = record[field];
    if (value === undefined) continue;
    const rename = (link: unknown): unknown => {
      if (typeof link === 'string') return to(link);
      const object = { ...(link as Record<string, unknown>) };
      object.ref = to(object.ref as string);
      for (const property of Object.keys(spec.references ?? {})) {
        if (typeof object[property] === 'string') object[property] = to(object[property] as string);
      }
      return object;
    };
    out[field] = Array.isArray(value) ? value.map(rename) : rename(value);
  }
  return out as T;
}

/** Entities found to exist already: the name this file gives each becomes an alias, so the graph's name stays. */
export function unnameSeedFile(data: SeedFileData, ids: ReadonlySet<string>): SeedFileData {
  if (!ids.size) return data;
  const out: SeedFileData = { ...data };
  for (const list of Object.keys(RECORD_LISTS) as (keyof typeof RECORD_LISTS)[]) {
    const records = data[list];
    if (!records) continue;
    out[list] = records.map((record) => {
      if (!ids.has(record.id) || record.name === undefined) return record;
      const { name, ...rest } = record;
      const aliases = (record.aliases as string[] | undefined) ?? [];
      return { ...rest, aliases: aliases.includes(name) ? aliases : [name, ...aliases] } as SeedRecord;
    });
  }
  return out;
}
