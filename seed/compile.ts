import type { NodeKind, RelationshipType } from '../server/model/kinds.ts';
import { IDENTITY_PROPERTIES, parseSubject, relationshipSubject } from '../server/model/subjects.ts';
import {
  ownProperties,
  precisionOfForm,
  RELATIONSHIP_FIELDS,
  type RelationshipField,
  type SeedFileData,
  type SeedRecord,
  seedRecords,
  sortDateOf,
  sortDatePropertyOf,
  TRIAL_DATES,
} from './format.ts';

/** A node as the writer sends it: `props` replaces all of the node's properties (it includes `id`). */
export interface NodeRow {
  label: NodeKind;
  id: string;
  props: Record<string, unknown>;
}

/** A relationship as the writer sends it; `(type, from, to, identity)` identifies it. */
export interface RelRow {
  type: RelationshipType;
  from: string;
  to: string;
  props: Record<string, unknown>;
}

/** Where a node or relationship came from, for messages. `path` is the YAML path of the record or link. */
export interface Origin {
  path: (string | number)[];
  record: string;
  field?: string;
}

/** A reference the validator must resolve: `target` must be the id of a node of one of `kinds`. */
export interface Reference {
  origin: Origin;
  target: string;
  kinds: readonly NodeKind[];
}

/**
 * A citation the validator must check: `key` is a key of the file's `sentences`, or a sentence id
 * (`<document id>#<key>`) of another document, stated by another file of the load or already in the graph.
 */
export interface Citation {
  origin: Origin;
  key: string;
}

export interface CompileSink {
  node(row: NodeRow, origin: Origin): void;
  rel(row: RelRow, origin: Origin): void;
  reference?(reference: Reference): void;
  citation?(citation: Citation): void;
}

export const sentenceId = (documentId: string, key: string) => `${documentId}#${key}`;

/** A cite entry that names its document (`<document id>#<key>`) is already a sentence id. */
export const isSentenceId = (entry: string) => entry.includes('#');

/** The document id of a sentence id. */
export const documentOfSentence = (id: string) => id.slice(0, id.indexOf('#'));

/** Where each cited sentence is in the source text (its order, and UTF-16 offsets), and the text itself. */
export interface PlacedSource {
  text: string;
  sentences: ReadonlyMap<string, { index: number; start: number; end: number }>;
}

/**
 * Turns one parsed seed file (its records already schema-checked) into node and relationship rows. The
 * validator and the writer both call it, so what is checked is what is written. The document's own node comes
 * last: it lists (`facts`) the subject key of every entity and relationship the file states.
 */
export function compileSeedFile(data: SeedFileData, source: PlacedSource, sink: CompileSink): void {
  const documentId = data.document.id;
  const cited = (keys: readonly string[], origin: Origin) => {
    for (const key of keys) sink.citation?.({ origin, key });
    return keys.map((key) => (isSentenceId(key) ? key : sentenceId(documentId, key)));
  };
  const facts = new Set<string>();
  const fact = {
    node: (row: NodeRow) => facts.add(row.id),
    rel: (row: RelRow) => facts.add(relationshipKey(row)),
  };

  for (const [key, text] of Object.entries(data.sentences)) {
    const id = sentenceId(documentId, key);
    const origin: Origin = { path: ['sentences', key], record: `sentence ${key}` };
    const place = source.sentences.get(key) ?? { index: -1, start: -1, end: -1 };
    sink.node({ label: 'Sentence', id, props: { id, key, text, ...place } }, origin);
    sink.rel({ type: 'IN_DOCUMENT', from: id, to: documentId, props: {} }, origin);
  }

  const { document } = data;
  const documentOrigin: Origin = { path: ['document'], record: `SourceDocument ${documentId}` };
  emitLinks('SourceDocument', document as unknown as SeedRecord, documentOrigin, document.cite ?? []);

  for (const { label, record, path, parent } of seedRecords(data)) {
    emitRecord(label, record, path);
    if (!parent) continue;
    const origin: Origin = { path, record: `${label} ${record.id}` };
    const row: RelRow = {
      type: parent.type,
      from: parent.record.id,
      to: record.id,
      props: { citedIn: cited(record.cite, origin) },
    };
    fact.rel(row);
    sink.rel(row, origin);
  }

  const documentProps = withoutUndefined({
    id: documentId,
    name: document.title,
    title: document.title,
    distributor: document.distributor,
    provider: document.provider,
    place: document.place,
    date: document.date,
    url: document.url,
    sourceFile: document.sourceFile,
    text: source.text,
    facts: [...facts],
    citedIn: document.cite ? cited(document.cite, documentOrigin) : undefined,
  });
  sink.node({ label: 'SourceDocument', id: documentId, props: documentProps }, documentOrigin);

  function emitRecord(label: NodeKind, record: SeedRecord, path: (string | number)[]) {
    const origin: Origin = { path, record: `${label} ${record.id}` };
    const props = ownProperties(label, record);
    props.citedIn = cited(record.cite, origin);
    if (typeof record.date === 'string' && typeof record.datePrecision === 'string') {
      props.sortDate = sortDateOf(record.date, record.datePrecision as Parameters<typeof sortDateOf>[1]);
    }
    if (label === 'Trial') {
      for (const field of TRIAL_DATES) {
        const date = record[field];
        if (typeof date === 'string')
          props[sortDatePropertyOf(field)] = sortDateOf(date, precisionOfForm(date));
      }
    }
    const row = { label, id: record.id, props };
    fact.node(row);
    sink.node(row, origin);
    emitLinks(label, record, origin, record.cite);
  }

  function emitLinks(
    label: NodeKind,
    record: SeedRecord,
    recordOrigin: Origin,
    recordCite: readonly string[],
  ) {
    const fields = RELATIONSHIP_FIELDS[label] ?? {};
    for (const [field, spec] of Object.entries(fields)) {
      const value = record[field];
      if (value === undefined) continue;
      const links = Array.isArray(value) ? value : [value];
      links.forEach((link, index) => {
        const path = Array.isArray(value)
          ? [...recordOrigin.path, field, index]
          : [...recordOrigin.path, field];
        const origin: Origin = {
          path,
          record: recordOrigin.record,
          field: Array.isArray(value) ? `${field}[${index}]` : field,
        };
        emitLink(spec, record.id, link, origin, recordCite);
      });
    }
  }

  function emitLink(
    spec: RelationshipField,
    recordId: string,
    link: unknown,
    origin: Origin,
    recordCite: readonly string[],
  ) {
    const object = typeof link === 'string' ? { ref: link } : (link as Record<string, unknown>);
    const target = object.ref as string;
    sink.reference?.({ origin, target, kinds: spec.targets });
    const props: Record<string, unknown> = {};
    for (const name of spec.properties ?? []) {
      const propValue = object[name];
      if (propValue === undefined) continue;
      props[name] = propValue;
      const kinds = spec.references?.[name];
      if (kinds && typeof propValue === 'string') {
        sink.reference?.({
          origin: { ...origin, field: `${origin.field}.${name}` },
          target: propValue,
          kinds,
        });
      }
    }
    const cite = (object.cite as string[] | undefined) ?? recordCite;
    props.citedIn = cited(cite, object.cite ? { ...origin, field: `${origin.field}.cite` } : origin);
    const [from, to] = spec.direction === 'out' ? [recordId, target] : [target, recordId];
    const row = { type: spec.type, from, to, props };
    fact.rel(row);
    sink.rel(row, origin);
  }
}

/** The key that identifies a relationship, its subject key in the history: `MARKETS:genentech>kadcyla@us`. */
export const relationshipKey = (row: Pick<RelRow, 'type' | 'from' | 'to' | 'props'>): string =>
  relationshipSubject(row.type, row.from, row.to, row.props);

/** Entity ids never hold `:`; relationship subject keys always do. */
export const isRelationshipKey = (key: string) => key.includes(':');

/** A relationship subject key taken apart; `identity` is the value of its identity property (MARKETS' region). */
export function parseRelationshipKey(key: string): {
  type: RelationshipType;
  from: string;
  to: string;
  identity?: string;
} {
  const subject = parseSubject(key);
  if (subject?.kind !== 'relationship') throw new Error(`not a relationship key: ${key}`);
  const [identity] = Object.values(subject.identity);
  return {
    type: subject.type,
    from: subject.from,
    to: subject.to,
    ...(identity !== undefined && { identity }),
  };
}

/** The properties that, besides type and endpoints, identify a relationship of this type (MARKETS: region). */
export const identityOf = (type: RelationshipType): readonly string[] => IDENTITY_PROPERTIES[type] ?? [];

function withoutUndefined(object: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined));
}
