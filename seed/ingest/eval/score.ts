import type { NodeKind, RelationshipType } from '../../../server/model/kinds.ts';
import { identityOf } from '../../compile.ts';
import type { SeedFileData } from '../../format.ts';
import { nameKey } from '../../names.ts';
import { Aligner, currencyOf } from './align.ts';
import {
  compileSide,
  type DocumentFacts,
  type EntityFacts,
  type RelationshipFacts,
  type Side,
} from './side.ts';

/**
 * Scores drafts against expected seeds: entities (aligned pairs are true positives), relationships (a drafted
 * one is right when both ends align to the ends of an expected one of the same type), money amounts (right when
 * the aligned expected entity states the same value and currency in the same property) and document fields.
 */

/** One release: its expected seed, and the draft (absent when the ingester refused the input). */
export interface ScoredRelease {
  id: string;
  expected: SeedFileData;
  draft?: SeedFileData;
  /** Why there is no draft. */
  refused?: string;
}

export interface Score {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

/** A miss, for --verbose: what was drafted but not expected (FP), expected but not drafted (FN), or wrong. */
export interface Miss {
  kind: 'FP' | 'FN' | 'WRONG';
  what: 'entity' | 'relationship' | 'money' | 'field';
  /** The entity's kind, the relationship's type, the money property or the document field. */
  label: string;
  /** The entity's names (or id), the relationship's ends, the values compared. */
  detail: string;
  document: string;
}

export interface DocumentScore {
  id: string;
  refused?: string;
  entities: Score;
  relationships: Score;
  money: Score;
}

export interface Evaluation {
  entities: Score;
  relationships: Score;
  /** tp: right amounts; fp: wrong drafted ones; fn: expected amounts no draft gives right. */
  money: Score;
  documentFields: Score;
  byLabel: Partial<Record<NodeKind, Score>>;
  byType: Partial<Record<RelationshipType, Score>>;
  byMoneyField: Record<string, Score>;
  byDocumentField: Record<string, Score>;
  documents: DocumentScore[];
  misses: Miss[];
}

/** The money properties the format has, by kind. */
export const MONEY_FIELDS: Partial<Record<NodeKind, readonly string[]>> = {
  Milestone: ['amount'],
  Partnership: ['upfront', 'equity', 'totalValue'],
};

export const DOCUMENT_FIELDS = ['title', 'date', 'place', 'publisher', 'distributor'] as const;

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

const zero = (): Counts => ({ tp: 0, fp: 0, fn: 0 });

/** Precision and recall of nothing are 1: a draft that states no amount states no wrong amount. */
export function scoreOf({ tp, fp, fn }: Counts): Score {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1 };
}

/** Tallies counts overall and by key. */
class Tally {
  readonly total = zero();
  readonly byKey = new Map<string, Counts>();

  add(key: string, field: keyof Counts, n = 1): void {
    this.total[field] += n;
    const counts = this.byKey.get(key) ?? zero();
    counts[field] += n;
    this.byKey.set(key, counts);
  }

  scores(): Record<string, Score> {
    return Object.fromEntries([...this.byKey].map(([key, counts]) => [key, scoreOf(counts)]));
  }
}

export function evaluate(releases: readonly ScoredRelease[]): Evaluation {
  const drafts = releases.flatMap((release) => (release.draft ? [release.draft] : []));
  const draft = compileSide(drafts);
  const expected = compileSide(releases.map((release) => release.expected));
  const draftDocuments = new Map(draft.documents.map((document) => [document.document, document]));
  const aligner = new Aligner(draft, expected);
  const paired = releases.map((release, index) => {
    const d = release.draft && draftDocuments.get(release.draft.document);
    const e = expected.documents[index] as DocumentFacts;
    return { release, d, e, pairs: aligner.alignDocument(d, e) };
  });

  const entities = new Tally();
  const relationships = new Tally();
  const money = new Tally();
  const fields = new Tally();
  const misses: Miss[] = [];
  const sides = { draft, expected };
  const documents = paired.map(({ release, d, e, pairs }) => {
    const aligned = (draftId: string, expectedId: string) => aligner.aligned(pairs, draftId, expectedId);
    const context = { sides, document: release.id, misses };
    const documentEntities = scoreEntities(d, e, pairs, entities, context);
    const documentRelationships = scoreRelationships(d, e, aligned, relationships, context);
    const documentMoney = scoreMoney(d, e, pairs, money, context);
    scoreDocumentFields(d, e, aligned, fields, context);
    return {
      id: release.id,
      ...(release.refused !== undefined && { refused: release.refused }),
      entities: scoreOf(documentEntities),
      relationships: scoreOf(documentRelationships),
      money: scoreOf(documentMoney),
    };
  });

  return {
    entities: scoreOf(entities.total),
    relationships: scoreOf(relationships.total),
    money: scoreOf(money.total),
    documentFields: scoreOf(fields.total),
    byLabel: entities.scores(),
    byType: relationships.scores(),
    byMoneyField: money.scores(),
    byDocumentField: fields.scores(),
    documents,
    misses,
  };
}

interface ScoreContext {
  sides: { draft: Side; expected: Side };
  document: string;
  misses: Miss[];
}

function scoreEntities(
  d: DocumentFacts | undefined,
  e: DocumentFacts,
  pairs: ReadonlyMap<string, string>,
  tally: Tally,
  { sides, document, misses }: ScoreContext,
): Counts {
  const counts = zero();
  const matched = new Set(pairs.values());
  const count = (entity: EntityFacts, field: keyof Counts, side: Side) => {
    counts[field] += 1;
    tally.add(entity.label, field);
    if (field === 'tp') return;
    misses.push({
      kind: field === 'fp' ? 'FP' : 'FN',
      what: 'entity',
      label: entity.label,
      detail: describe(side, entity.id),
      document,
    });
  };
  for (const entity of d?.entities.values() ?? [])
    count(entity, pairs.has(entity.id) ? 'tp' : 'fp', sides.draft);
  for (const entity of e.entities.values()) if (!matched.has(entity.id)) count(entity, 'fn', sides.expected);
  return counts;
}

function scoreRelationships(
  d: DocumentFacts | undefined,
  e: DocumentFacts,
  aligned: (draftId: string, expectedId: string) => boolean,
  tally: Tally,
  { sides, document, misses }: ScoreContext,
): Counts {
  const counts = zero();
  const unmatched = new Set(e.relationships);
  const miss = (kind: 'FP' | 'FN', rel: RelationshipFacts, side: Side) =>
    misses.push({
      kind,
      what: 'relationship',
      label: rel.type,
      detail: describeRelationship(side, rel),
      document,
    });
  for (const rel of d?.relationships ?? []) {
    const match = [...unmatched].find((other) => relationshipsAlign(rel, other, aligned));
    if (match) unmatched.delete(match);
    else miss('FP', rel, sides.draft);
    const field = match ? 'tp' : 'fp';
    counts[field] += 1;
    tally.add(rel.type, field);
  }
  for (const rel of unmatched) {
    counts.fn += 1;
    tally.add(rel.type, 'fn');
    miss('FN', rel, sides.expected);
  }
  return counts;
}

/** Same type, both ends aligned, and the identity properties (MARKETS' region) aligned too. */
function relationshipsAlign(
  draft: RelationshipFacts,
  expected: RelationshipFacts,
  aligned: (draftId: string, expectedId: string) => boolean,
): boolean {
  if (
    draft.type !== expected.type ||
    !aligned(draft.from, expected.from) ||
    !aligned(draft.to, expected.to)
  ) {
    return false;
  }
  return identityOf(draft.type).every((name) =>
    aligned(String(draft.props[name]), String(expected.props[name])),
  );
}

/**
 * Every amount the draft states is right when the aligned expected entity has it (any file of the corpus) in the
 * same property and currency; every amount the expected seed states is found when the aligned draft has it.
 */
function scoreMoney(
  d: DocumentFacts | undefined,
  e: DocumentFacts,
  pairs: ReadonlyMap<string, string>,
  tally: Tally,
  { sides, document, misses }: ScoreContext,
): Counts {
  const counts = zero();
  const reverse = new Map([...pairs].map(([draftId, expectedId]) => [expectedId, draftId]));
  const amounts = (side: Side, id: string | undefined, field: string) => {
    const props = (id && side.props.get(id)) || {};
    return { value: props[field], currency: currencyOf(props) };
  };
  const same = (a: ReturnType<typeof amounts>, b: ReturnType<typeof amounts>) =>
    a.value === b.value && a.currency === b.currency;
  for (const entity of d?.entities.values() ?? []) {
    for (const field of moneyFieldsStated(entity)) {
      const drafted = amounts(sides.draft, entity.id, field);
      const wanted = amounts(sides.expected, pairs.get(entity.id), field);
      const right = same(drafted, wanted);
      counts[right ? 'tp' : 'fp'] += 1;
      tally.add(field, right ? 'tp' : 'fp');
      if (!right) {
        const detail = `${describe(sides.draft, entity.id)}: drafted ${money(drafted)}, expected ${money(wanted)}`;
        misses.push({ kind: 'WRONG', what: 'money', label: `${entity.label}.${field}`, detail, document });
      }
    }
  }
  for (const entity of e.entities.values()) {
    for (const field of moneyFieldsStated(entity)) {
      const draftId = reverse.get(entity.id);
      const wanted = amounts(sides.expected, entity.id, field);
      if (draftId && same(amounts(sides.draft, draftId, field), wanted)) continue;
      counts.fn += 1;
      tally.add(field, 'fn');
      const detail = `${describe(sides.expected, entity.id)}: ${money(wanted)} not drafted`;
      misses.push({ kind: 'FN', what: 'money', label: `${entity.label}.${field}`, detail, document });
    }
  }
  return counts;
}

const moneyFieldsStated = (entity: EntityFacts) =>
  (MONEY_FIELDS[entity.label] ?? []).filter((field) => typeof entity.props[field] === 'number');

const money = ({ value, currency }: { value: unknown; currency: unknown }) =>
  value === undefined ? 'nothing' : `${value} ${currency}`;

/** The document's own fields: right when equal (text ignoring case and spacing; the publisher aligned). */
function scoreDocumentFields(
  d: DocumentFacts | undefined,
  e: DocumentFacts,
  aligned: (draftId: string, expectedId: string) => boolean,
  tally: Tally,
  { document, misses }: ScoreContext,
): void {
  for (const field of DOCUMENT_FIELDS) {
    const drafted = documentField(d, field);
    const wanted = documentField(e, field);
    if (drafted !== undefined) {
      const right =
        wanted !== undefined &&
        (field === 'publisher' ? aligned(drafted, wanted) : nameKey(drafted) === nameKey(wanted));
      tally.add(field, right ? 'tp' : 'fp');
      if (right) continue;
      const detail = `drafted "${drafted}", expected ${wanted === undefined ? 'nothing' : `"${wanted}"`}`;
      misses.push({ kind: 'WRONG', what: 'field', label: field, detail, document });
    }
    if (wanted !== undefined) {
      tally.add(field, 'fn');
      if (drafted === undefined) {
        misses.push({ kind: 'FN', what: 'field', label: field, detail: `"${wanted}" not drafted`, document });
      }
    }
  }
}

/** A document field as text; the publisher as the id of its company. */
function documentField(
  facts: DocumentFacts | undefined,
  field: (typeof DOCUMENT_FIELDS)[number],
): string | undefined {
  if (!facts) return undefined;
  if (field === 'publisher') {
    return facts.relationships.find((rel) => rel.type === 'PUBLISHED' && rel.to === facts.document.id)?.from;
  }
  const value = facts.document[field];
  return value === undefined ? undefined : String(value);
}

const MAX_NAMES_SHOWN = 4;

/** An entity for a person reading the misses: its id and names. */
function describe(side: Side, id: string): string {
  const names = [...new Set([...(side.names.get(id) ?? [])].map((name) => name.replace(/\s+/g, ' ')))];
  if (names.length === 0) return id;
  const shown = names.length > MAX_NAMES_SHOWN ? [...names.slice(0, MAX_NAMES_SHOWN), '…'] : names;
  return `${id} (${shown.join(' | ')})`;
}

const describeRelationship = (side: Side, rel: RelationshipFacts) =>
  `${describe(side, rel.from)} → ${describe(side, rel.to)}`;
