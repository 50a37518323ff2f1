import {
  missingFieldsMessage,
  NESTED_LISTS,
  RECORD_LIST_NAMES,
  RELATIONSHIP_FIELDS,
  type RecordField,
  type RecordList,
  recordFields,
  recordIssues,
  requiredFieldsOf,
  type SeedFileData,
  type SeedRecord,
  seedRecords,
} from '../../../seed/format.ts';
import type { NodeKind } from '../../../server/model/kinds.ts';
import type { SourceDraft } from './api.ts';

/*
 * A curator's review of a draft, kept apart from the page: what was decided about each proposed fact, the records
 * edited, the entities re-pointed to ones the graph holds, and the seed file all of that makes. Only accepted
 * facts are published; links to a fact left out go with it, so rejecting a company drops it from the deal's
 * parties instead of leaving a reference to nothing. Two facts re-pointed to one entity become one record.
 */

export type Decision = 'pending' | 'accepted' | 'rejected';

/** An entity of the graph a proposed one is re-pointed to. */
export interface Target {
  readonly id: string;
  readonly name: string;
}

export interface FieldIssue {
  readonly field?: string;
  readonly message: string;
}

type NestedList = keyof typeof NESTED_LISTS;

/** Where a record sits in the draft's seed: its list, and for a nested one its parent's id and nested list. */
interface Place {
  readonly label: NodeKind;
  readonly list: RecordList;
  readonly parent?: { readonly id: string; readonly list: NestedList };
  readonly record: SeedRecord;
}

type Link = (id: string) => string | null;

const NESTED_FIELD = new RegExp(`^(${Object.keys(NESTED_LISTS).join('|')})\\[(\\d+)\\]\\.?(.*)$`);

export class DraftReview {
  readonly #decisions = new Map<string, Decision>();
  readonly #edits = new Map<string, SeedRecord>();
  readonly #targets = new Map<string, Target>();
  readonly #places = new Map<string, Place>();

  constructor(readonly draft: SourceDraft) {
    for (const { label, record, path, parent } of seedRecords(draft.seed as SeedFileData)) {
      const [list, , nested] = path as [RecordList, number, NestedList | undefined];
      const at = parent && nested ? { id: parent.record.id, list: nested } : undefined;
      this.#places.set(record.id, { label, list, parent: at, record });
    }
  }

  decision(id: string): Decision {
    return this.#decisions.get(id) ?? 'pending';
  }

  /** Whether the curator has decided, edited or re-pointed anything yet. */
  hasDecisions(): boolean {
    return this.#decisions.size + this.#edits.size + this.#targets.size > 0;
  }

  decide(ids: Iterable<string>, decision: Decision) {
    for (const id of ids) this.#decisions.set(id, decision);
  }

  /** The record as it will be published (before links to facts left out are dropped): edited, or as drafted. */
  record(id: string): SeedRecord | undefined {
    return this.#edits.get(id) ?? this.#places.get(id)?.record;
  }

  /** Every field the format allows on the record. */
  fieldsOf(id: string): RecordField[] {
    const place = this.#places.get(id);
    return place ? recordFields(place.list, place.parent?.list) : [];
  }

  /** The fields the record may not lack if the graph does not hold its entity yet. */
  requiredFields(id: string): readonly string[] {
    const place = this.#places.get(id);
    return place ? requiredFieldsOf(place.label) : [];
  }

  /** Replaces a record's own fields (its nested records stay facts of their own); returns what the format finds wrong. */
  edit(id: string, record: SeedRecord): FieldIssue[] {
    const place = this.#places.get(id);
    if (!place) return [{ message: `no fact "${id}" in this draft` }];
    const issues = issuesOf(place, withoutNested(record));
    if (issues.length === 0) this.#edits.set(id, withoutNested(record));
    return issues;
  }

  /** Whether a fact may be re-pointed: an entity with a name of its own, not a deal's milestone or royalty. */
  canRepoint(id: string): boolean {
    const place = this.#places.get(id);
    return !!place && !place.parent && typeof this.record(id)?.name === 'string';
  }

  target(id: string): Target | undefined {
    return this.#targets.get(id);
  }

  /** Makes a proposed entity one the graph holds (null: keeps it as drafted). */
  repoint(id: string, target: Target | null) {
    if (target && this.canRepoint(id)) this.#targets.set(id, target);
    else this.#targets.delete(id);
  }

  /** The id a fact is published under: the graph's entity it was re-pointed to, or its own. */
  publishedId(id: string): string {
    return this.#targets.get(id)?.id ?? id;
  }

  /** The seed file to publish: the accepted facts, edited and re-pointed, linked only to what is published. */
  seed(): SeedFileData {
    const source = this.draft.seed as SeedFileData;
    const link: Link = (id) => {
      if (!this.#places.has(id)) return id; // an entity of the graph, or the document
      return this.decision(id) === 'accepted' ? this.publishedId(id) : null;
    };
    const seed: SeedFileData = {
      document: relink(source.document as unknown as SeedRecord, 'SourceDocument', link) as never,
      sentences: { ...source.sentences },
    };
    for (const list of RECORD_LIST_NAMES) {
      const records = (source[list] ?? []).filter((record) => this.decision(record.id) === 'accepted');
      if (records.length > 0) seed[list] = mergedById(records.map((record) => this.#published(record, link)));
    }
    return seed;
  }

  /** What the format and the loader would find wrong with each accepted fact as it would be published, by fact id. */
  issues(): Map<string, FieldIssue[]> {
    const seed = this.seed();
    const found = new Map<string, FieldIssue[]>();
    const add = (owner: string, issue: FieldIssue) => found.set(owner, [...(found.get(owner) ?? []), issue]);
    for (const [id, place] of this.#places) {
      if (this.decision(id) !== 'accepted') continue;
      if (place.parent) {
        if (this.decision(place.parent.id) !== 'accepted')
          add(id, {
            message: `its ${this.#places.get(place.parent.id)?.label} is not accepted: accept it too, or reject this`,
          });
        continue;
      }
      const record = seed[place.list]?.find((candidate) => candidate.id === this.publishedId(id));
      if (!record) continue;
      for (const [owner, label, stated] of this.#newEntities(id, place.label, record)) {
        const missing = requiredFieldsOf(label).filter((field) => stated[field] === undefined);
        if (missing.length)
          add(owner, { field: missing.join(', '), message: missingFieldsMessage(label, missing) });
      }
      for (const issue of recordIssues(place.list, record)) {
        const nested = NESTED_FIELD.exec(issue.field ?? '');
        const child = nested && (record[nested[1] as string] as SeedRecord[])[Number(nested[2])];
        add(child ? child.id : id, {
          field: nested ? nested[3] || undefined : issue.field,
          message: issue.message,
        });
      }
    }
    return found;
  }

  /** A published record and its nested ones that the graph does not hold yet: [fact id, kind, record]. */
  #newEntities(id: string, label: NodeKind, record: SeedRecord): [string, NodeKind, SeedRecord][] {
    const isNew = (factId: string) =>
      !this.#targets.has(factId) && this.draft.facts.find((fact) => fact.id === factId)?.resolution === 'NEW';
    const found: [string, NodeKind, SeedRecord][] = isNew(id) ? [[id, label, record]] : [];
    for (const [nested, spec] of Object.entries(NESTED_LISTS))
      for (const child of (record[nested] as SeedRecord[] | undefined) ?? [])
        if (isNew(child.id)) found.push([child.id, spec.label, child]);
    return found;
  }

  #published(record: SeedRecord, link: Link): SeedRecord {
    const place = this.#places.get(record.id) as Place;
    const own = relink(withoutNested(this.record(record.id) as SeedRecord), place.label, link);
    for (const [nested, { label }] of Object.entries(NESTED_LISTS)) {
      const children = ((record[nested] as SeedRecord[] | undefined) ?? []).filter(
        (child) => this.decision(child.id) === 'accepted',
      );
      if (children.length > 0)
        own[nested] = children.map((child) => relink(this.record(child.id) as SeedRecord, label, link));
    }
    return this.#retargeted(own);
  }

  /** A re-pointed record states facts about the graph's entity: its id and name, the drafted name an alias. */
  #retargeted(record: SeedRecord): SeedRecord {
    const target = this.#targets.get(record.id);
    if (!target) return record;
    const aliases = new Set((record.aliases as string[] | undefined) ?? []);
    if (record.name && record.name !== target.name) aliases.add(record.name);
    aliases.delete(target.name);
    return {
      ...record,
      id: target.id,
      name: target.name,
      ...(aliases.size ? { aliases: [...aliases] } : {}),
    };
  }
}

function withoutNested(record: SeedRecord): SeedRecord {
  const own = { ...record };
  for (const nested of Object.keys(NESTED_LISTS)) delete own[nested];
  return own;
}

function issuesOf(place: Place, record: SeedRecord): FieldIssue[] {
  if (!place.parent) return recordIssues(place.list, record);
  // A nested record is checked inside a parent that holds only it.
  const prefix = `${place.parent.list}[0]`;
  return recordIssues(place.list, {
    id: 'parent',
    cite: ['s'],
    name: 'parent',
    [place.parent.list]: [record],
  })
    .filter((issue) => issue.field?.startsWith(prefix))
    .map((issue) => ({ field: issue.field?.slice(prefix.length + 1) || undefined, message: issue.message }));
}

/** Records that became one (re-pointed to the same entity): the first's values, every list's items once. */
function mergedById(records: readonly SeedRecord[]): SeedRecord[] {
  const byId = new Map<string, SeedRecord>();
  for (const record of records) {
    const kept = byId.get(record.id);
    if (!kept) {
      byId.set(record.id, record);
      continue;
    }
    const merged: SeedRecord = { ...record, ...kept };
    for (const [field, value] of Object.entries(record))
      if (Array.isArray(value) && Array.isArray(kept[field]))
        merged[field] = unique([...(kept[field] as unknown[]), ...value]);
    byId.set(record.id, merged);
  }
  return [...byId.values()];
}

/** Items once each, the same value twice (an id, a link object) counted as one. */
function unique<T>(items: readonly T[]): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = JSON.stringify(item);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A copy of `record` whose links go where `link` says; a link to nothing (null) is dropped, a repeated one kept once. */
function relink(record: SeedRecord, label: NodeKind, link: Link): SeedRecord {
  const copy: SeedRecord = { ...record };
  for (const [field, spec] of Object.entries(RELATIONSHIP_FIELDS[label] ?? {})) {
    const value = copy[field];
    if (value === undefined) continue;
    const item = (entry: unknown): unknown => {
      if (typeof entry === 'string') return link(entry);
      if (!entry || typeof entry !== 'object') return entry;
      const object = { ...(entry as Record<string, unknown>) };
      const ref = link(String(object.ref));
      if (ref === null) return null;
      object.ref = ref;
      for (const property of Object.keys(spec.references ?? {})) {
        if (typeof object[property] !== 'string') continue;
        const target = link(object[property] as string);
        if (target === null) delete object[property];
        else object[property] = target;
      }
      return object;
    };
    const relinked = Array.isArray(value)
      ? unique(value.map(item).filter((entry) => entry !== null))
      : item(value);
    if (relinked === null || (Array.isArray(relinked) && relinked.length === 0)) delete copy[field];
    else copy[field] = relinked;
  }
  return copy;
}
