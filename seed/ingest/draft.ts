import {
  NESTED_LISTS,
  RECORD_LISTS,
  RELATIONSHIP_FIELDS,
  type RecordList,
  type SeedFileData,
  type SeedRecord,
} from '../format.ts';
import type { SourceSentence } from './sentences.ts';

/**
 * A seed file under construction. Extractors state facts through it, each citing the sentences that say it; it
 * merges what several rules say about one record and turns the result into the seed format, so a draft is valid
 * by construction: every cited sentence is copied verbatim, every record cites at least one sentence.
 */

export type NestedList = keyof typeof NESTED_LISTS;
type Link = { ref: string; cite?: string[] } & Record<string, unknown>;
type Document = SeedFileData['document'];

/** Relationship fields that hold one link, not a list (the rest of RELATIONSHIP_FIELDS hold lists). */
const SINGLE_LINKS = new Set([
  'memberOf',
  'antibody',
  'payload',
  'linker',
  'owner',
  'region',
  'payer',
  'payee',
  'triggeredBy',
  'publisher',
]);

/** Links the format writes only as objects, with these properties: without them the link is not stated. */
const REQUIRED_LINK_PROPERTIES: Readonly<Record<string, string>> = {
  marketers: 'region',
  contactFor: 'audience',
  parties: 'role',
};

/** Fields of a record that hold a list of texts: stating them again adds to them. */
const TEXT_LISTS = new Set(['aliases', 'rights', 'endpoints']);

const LABEL_OF = {
  ...Object.fromEntries(Object.entries(RECORD_LISTS).map(([list, { label }]) => [list, label])),
  ...Object.fromEntries(Object.entries(NESTED_LISTS).map(([list, { label }]) => [list, label])),
} as Record<RecordList | NestedList, keyof typeof RELATIONSHIP_FIELDS>;

export class DraftBuilder {
  /** Sentence key → text, for the sentences cited so far. */
  private readonly cited = new Map<string, string>();
  private readonly records = new Map<RecordList, Map<string, SeedRecord>>();
  /** Nested records (milestones, royalties) by their own id, with their parent partnership. */
  private readonly nested = new Map<string, { parent: string; list: NestedList; record: SeedRecord }>();
  private document: Partial<Document> = {};
  private documentCite = new Set<string>();

  constructor(
    readonly documentId: string,
    readonly sentences: readonly SourceSentence[],
  ) {}

  /** The key of sentence `index` (`s1` is the first), recorded as cited. */
  cite(index: number): string {
    const sentence = this.sentences[index];
    if (!sentence) throw new Error(`no sentence ${index} in ${this.documentId}`);
    const key = `s${index + 1}`;
    this.cited.set(key, sentence.text);
    return key;
  }

  private keys(indexes: readonly number[]): string[] {
    return [...new Set(indexes)].sort((a, b) => a - b).map((index) => this.cite(index));
  }

  /** Whether the draft has a record `id` in `list`. */
  has(list: RecordList, id: string): boolean {
    return this.records.get(list)?.has(id) ?? false;
  }

  record(list: RecordList, id: string): SeedRecord | undefined {
    return this.records.get(list)?.get(id);
  }

  /**
   * States properties of record `id`, citing sentences `at`. A property already stated keeps its first value
   * (rules run from the most to the least specific); text lists accumulate.
   */
  entity(list: RecordList, id: string, fields: Record<string, unknown>, at: readonly number[]): SeedRecord {
    const byId = this.records.get(list) ?? new Map<string, SeedRecord>();
    this.records.set(list, byId);
    const record = byId.get(id) ?? { id, cite: [] };
    byId.set(id, record);
    this.merge(record, fields, at);
    return record;
  }

  /** A milestone or royalty of partnership `parent`. */
  child(
    parent: string,
    list: NestedList,
    id: string,
    fields: Record<string, unknown>,
    at: readonly number[],
  ) {
    let entry = this.nested.get(id);
    if (!entry) {
      entry = { parent, list, record: { id, cite: [] } };
      this.nested.set(id, entry);
    }
    this.merge(entry.record, fields, at);
    return entry.record;
  }

  /** Links record `id` to `ref` through relationship `field`, citing `at` (the record cites them too). */
  link(
    list: RecordList | NestedList,
    id: string,
    field: string,
    ref: string,
    at: readonly number[],
    properties: Record<string, unknown> = {},
  ): void {
    const required = REQUIRED_LINK_PROPERTIES[field];
    if (required && properties[required] === undefined) return;
    const record = list in NESTED_LISTS ? this.nested.get(id)?.record : this.record(list as RecordList, id);
    if (!record) throw new Error(`link ${field} of unknown ${list} record ${id}`);
    if (!RELATIONSHIP_FIELDS[LABEL_OF[list]]?.[field])
      throw new Error(`${list} has no relationship ${field}`);
    this.merge(record, {}, at);
    const link: Link = { ref, cite: this.keys(at), ...withoutUndefined(properties) };
    if (SINGLE_LINKS.has(field)) {
      record[field] ??= link;
      return;
    }
    record[field] ??= [];
    const links = record[field] as Link[];
    const same = links.find((other) => other.ref === ref);
    if (same) same.cite = [...new Set([...(same.cite ?? []), ...(link.cite ?? [])])].sort(bySentence);
    else links.push(link);
  }

  /** States the document's own fields (title, date, place, …), citing `at`. */
  describeDocument(fields: Partial<Document>, at: readonly number[]): void {
    for (const [key, value] of Object.entries(withoutUndefined(fields))) {
      (this.document as Record<string, unknown>)[key] ??= value;
    }
    for (const key of this.keys(at)) this.documentCite.add(key);
  }

  hasDocumentField(field: keyof Document): boolean {
    return this.document[field] !== undefined;
  }

  /** Ids of the records of every list, for resolution and reports. */
  ids(): { list: RecordList | NestedList; id: string; record: SeedRecord }[] {
    const all: { list: RecordList | NestedList; id: string; record: SeedRecord }[] = [];
    for (const [list, byId] of this.records) for (const [id, record] of byId) all.push({ list, id, record });
    for (const [id, { list, record }] of this.nested) all.push({ list, id, record });
    return all;
  }

  /** Sentence indexes cited by any record. */
  citedSentences(): Set<number> {
    return new Set([...this.cited.keys()].map((key) => Number(key.slice(1)) - 1));
  }

  /** The seed file: lists in the format's order, links without their own citation written as bare ids. */
  toSeedFile(sourceFile: string): SeedFileData {
    const document = { ...this.document, id: this.documentId, sourceFile } as Document;
    if (this.documentCite.size) document.cite = [...this.documentCite].sort(bySentence);
    const sentences = Object.fromEntries([...this.cited].sort(([a], [b]) => bySentence(a, b)));
    const data: SeedFileData = { document, sentences };
    for (const list of Object.keys(RECORD_LISTS) as RecordList[]) {
      const byId = this.records.get(list);
      if (!byId?.size) continue;
      data[list] = [...byId.values()].map((record) => this.finish(record, list));
    }
    return data;
  }

  private finish(record: SeedRecord, list: RecordList | NestedList): SeedRecord {
    const out: SeedRecord = { ...record, cite: [...record.cite].sort(bySentence) };
    for (const [key, value] of Object.entries(record)) {
      if (Array.isArray(value) && value.length && isLink(value[0])) {
        out[key] = (value as Link[]).map((link) => bare(link, out.cite, key));
      } else if (isLink(value)) out[key] = bare(value, out.cite, key);
    }
    if (list === 'partnerships') {
      for (const nestedList of Object.keys(NESTED_LISTS) as NestedList[]) {
        const children = [...this.nested.values()].filter(
          (n) => n.parent === record.id && n.list === nestedList,
        );
        if (children.length) out[nestedList] = children.map((child) => this.finish(child.record, nestedList));
      }
    }
    return out;
  }

  private merge(record: SeedRecord, fields: Record<string, unknown>, at: readonly number[]): void {
    for (const [key, value] of Object.entries(withoutUndefined(fields))) {
      if (TEXT_LISTS.has(key)) {
        record[key] ??= [];
        const texts = record[key] as string[];
        for (const text of value as string[]) if (!texts.includes(text)) texts.push(text);
      } else record[key] ??= value;
    }
    record.cite = [...new Set([...record.cite, ...this.keys(at)])];
  }
}

const bySentence = (a: string, b: string) => Number(a.slice(1)) - Number(b.slice(1));

const isLink = (value: unknown): value is Link =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && 'ref' in value;

/** A link whose citations the record already has, and no properties, is written as its bare id. */
function bare(link: Link, recordCite: readonly string[], field: string): Link | string {
  const { ref, cite, ...properties } = link;
  const inherited = !cite || cite.every((key) => recordCite.includes(key));
  if (inherited && Object.keys(properties).length === 0 && !REQUIRED_LINK_PROPERTIES[field]) return ref;
  return inherited ? { ref, ...properties } : link;
}

function withoutUndefined<T extends object>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<T>;
}
