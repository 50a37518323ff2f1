import type { NodeKind } from '../../../server/model/kinds.ts';
import { nameKey } from '../../names.ts';
import { companyNameKey } from '../vocabulary.ts';
import { type DocumentFacts, type EntityFacts, linked, type Side } from './side.ts';

/**
 * Which drafted entity is which expected one, per document and per kind: every candidate pair is scored by the
 * kind's rule and pairs are taken greedily, best first, one-to-one. Named kinds match by a shared name or alias;
 * the others by what identifies them, which may be links to entities of kinds aligned before them (the order of
 * the table): an event's drug and region, a partnership's parties, a milestone's partnership.
 */

export interface RuleContext {
  draft: Side;
  expected: Side;
  /** Whether the draft id is aligned to the expected id, in this document or an earlier one. */
  aligned(draftId: string, expectedId: string): boolean;
}

/** How alike two entities of one kind are: 0 is "not the same entity"; higher is a better match. */
type Rule = (draft: EntityFacts, expected: EntityFacts, context: RuleContext) => number;

/** A match needs a shared name or alias; more shared names rank higher (Jaccard of the name sets). */
const byName: Rule = (draft, expected, { draft: draftSide, expected: expectedSide }) =>
  jaccard(nameKeysOf(draftSide, draft), nameKeysOf(expectedSide, expected));

/**
 * The same disease and, when both state one, the same biomarker (their words; "HER2+" is "HER2-positive"); a
 * biomarker stated on both sides, the setting and the line of therapy rank the candidates.
 */
const byIndication: Rule = (draft, expected, context) => {
  const [d, e] = [propsOf(context.draft, draft), propsOf(context.expected, expected)];
  if (!sameWords(d.disease, e.disease)) return 0;
  const bothBiomarkers = d.biomarker !== undefined && e.biomarker !== undefined;
  if (bothBiomarkers && !sameWords(biomarkerText(d.biomarker), biomarkerText(e.biomarker))) return 0;
  const biomarker = d.biomarker === e.biomarker || bothBiomarkers ? 1 : 0;
  const setting = fieldSimilarity(d.setting, e.setting);
  const line = fieldSimilarity(d.lineOfTherapy, e.lineOfTherapy);
  return 1 + (2 * biomarker + setting + line) / 4;
};

const biomarkerText = (text: unknown) =>
  typeof text === 'string' ? text.replace(/\+/g, ' positive ') : text;

/** The concerned drug and the region aligned, the same event type; agency, status and date rank them. */
const byRegulatoryEvent: Rule = (draft, expected, context) => {
  const [d, e] = [propsOf(context.draft, draft), propsOf(context.expected, expected)];
  if (d.eventType !== e.eventType) return 0;
  if (!linksAlign(context, draft.id, expected.id, 'CONCERNS', 'out')) return 0;
  const [draftRegions, expectedRegions] = [
    linked(context.draft, draft.id, 'IN_REGION', 'out'),
    linked(context.expected, expected.id, 'IN_REGION', 'out'),
  ];
  const bothUnplaced = draftRegions.size === 0 && expectedRegions.size === 0;
  if (!bothUnplaced && !linksAlign(context, draft.id, expected.id, 'IN_REGION', 'out')) return 0;
  return 1 + ['agency', 'status', 'date'].filter((field) => d[field] === e[field]).length / 3;
};

/** At least one party aligned; the share of aligned parties, the drugs and the deal type rank them. */
const byParties: Rule = (draft, expected, context) => {
  const parties = linkOverlap(context, draft.id, expected.id, 'PARTY_TO', 'in');
  if (parties === 0) return 0;
  const drugs = linkOverlap(context, draft.id, expected.id, 'LICENSES_DRUG', 'out');
  const sameType = propsOf(context.draft, draft).dealType === propsOf(context.expected, expected).dealType;
  return parties + drugs / 2 + (sameType ? 0.25 : 0);
};

/** Its partnership aligned and the same amount, or the same triggering event. */
const byMilestone: Rule = (draft, expected, context) => {
  const [d, e] = [propsOf(context.draft, draft), propsOf(context.expected, expected)];
  const parent = linksAlign(context, draft.id, expected.id, 'HAS_MILESTONE', 'in');
  const amount = d.amount !== undefined && d.amount === e.amount && currencyOf(d) === currencyOf(e);
  const trigger = linksAlign(context, draft.id, expected.id, 'TRIGGERS', 'in');
  return (parent && amount ? 2 : 0) + (trigger ? 1.5 : 0);
};

/** Its partnership aligned; the rate ranks them. */
const byRoyalty: Rule = (draft, expected, context) => {
  if (!linksAlign(context, draft.id, expected.id, 'HAS_ROYALTY', 'in')) return 0;
  return propsOf(context.draft, draft).rate === propsOf(context.expected, expected).rate ? 1.5 : 1;
};

/** The kinds in alignment order: a rule may rely on the kinds above it being aligned already. */
export const ALIGNMENT_RULES: readonly (readonly [NodeKind, Rule])[] = [
  ['Company', byName],
  ['Person', byName],
  ['Region', byName],
  ['Target', byName],
  ['Technology', byName],
  ['Antibody', byName],
  ['Payload', byName],
  ['Linker', byName],
  ['Drug', byName],
  ['Trial', byName],
  ['Indication', byIndication],
  ['RegulatoryEvent', byRegulatoryEvent],
  ['Partnership', byParties],
  ['Milestone', byMilestone],
  ['Royalty', byRoyalty],
];

/** Aligns the documents of a run one after another; an entity aligned in one document stays known to later ones. */
export class Aligner {
  /** Draft id → the expected ids it was aligned to, in any document so far. */
  private readonly anywhere = new Map<string, Set<string>>();

  constructor(
    readonly draft: Side,
    readonly expected: Side,
  ) {}

  /** Draft id → expected id, one-to-one, for the entities the two documents state (and the documents). */
  alignDocument(
    draftDocument: DocumentFacts | undefined,
    expectedDocument: DocumentFacts,
  ): Map<string, string> {
    const pairs = new Map<string, string>();
    if (!draftDocument) return pairs;
    this.pair(pairs, draftDocument.document.id, expectedDocument.document.id);
    const context: RuleContext = {
      draft: this.draft,
      expected: this.expected,
      aligned: (draftId, expectedId) => this.aligned(pairs, draftId, expectedId),
    };
    for (const [label, rule] of ALIGNMENT_RULES) {
      const drafted = ofLabel(draftDocument, label);
      const expected = ofLabel(expectedDocument, label);
      const candidates: { d: EntityFacts; e: EntityFacts; score: number }[] = [];
      for (const d of drafted) {
        for (const e of expected) {
          const score = rule(d, e, context);
          if (score > 0) candidates.push({ d, e, score });
        }
      }
      candidates.sort((a, b) => b.score - a.score);
      const taken = new Set<string>();
      for (const { d, e } of candidates) {
        if (pairs.has(d.id) || taken.has(e.id)) continue;
        taken.add(e.id);
        this.pair(pairs, d.id, e.id);
      }
    }
    return pairs;
  }

  /** Aligned in this document, or else in any document so far (an end stated by id, elsewhere). */
  aligned(pairs: ReadonlyMap<string, string>, draftId: string, expectedId: string): boolean {
    const here = pairs.get(draftId);
    if (here !== undefined) return here === expectedId;
    return this.anywhere.get(draftId)?.has(expectedId) ?? false;
  }

  private pair(pairs: Map<string, string>, draftId: string, expectedId: string): void {
    pairs.set(draftId, expectedId);
    const ids = this.anywhere.get(draftId) ?? new Set<string>();
    this.anywhere.set(draftId, ids.add(expectedId));
  }
}

const ofLabel = (document: DocumentFacts, label: NodeKind) =>
  [...document.entities.values()].filter((entity) => entity.label === label);

const propsOf = (side: Side, entity: EntityFacts): Record<string, unknown> =>
  side.props.get(entity.id) ?? entity.props;

/** Money without a currency is in USD (the format's default). */
export const currencyOf = (props: Record<string, unknown>): unknown => props.currency ?? 'USD';

const nameKeyCache = new WeakMap<Side, Map<string, Set<string>>>();

/** The entity's names over all files of its side, as compared: companies without legal forms. */
export function nameKeysOf(side: Side, entity: Pick<EntityFacts, 'id' | 'label'>): Set<string> {
  const cache = nameKeyCache.get(side) ?? new Map<string, Set<string>>();
  nameKeyCache.set(side, cache);
  let keys = cache.get(entity.id);
  if (!keys) {
    const key = entity.label === 'Company' ? companyNameKey : nameKey;
    keys = new Set([...(side.names.get(entity.id) ?? [])].map(key).filter((k) => k !== ''));
    cache.set(entity.id, keys);
  }
  return keys;
}

/** Whether some entity linked to the draft one is aligned to some entity linked to the expected one. */
function linksAlign(
  context: RuleContext,
  draftId: string,
  expectedId: string,
  type: Parameters<typeof linked>[2],
  direction: 'out' | 'in',
): boolean {
  return linkOverlap(context, draftId, expectedId, type, direction) > 0;
}

/** Jaccard of the two linked sets, counting a draft end as shared when it is aligned to one of the expected. */
function linkOverlap(
  context: RuleContext,
  draftId: string,
  expectedId: string,
  type: Parameters<typeof linked>[2],
  direction: 'out' | 'in',
): number {
  const drafted = linked(context.draft, draftId, type, direction);
  const expected = linked(context.expected, expectedId, type, direction);
  let shared = 0;
  for (const d of drafted) if ([...expected].some((e) => context.aligned(d, e))) shared += 1;
  const union = drafted.size + expected.size - shared;
  return union === 0 ? 0 : shared / union;
}

const STOP_WORDS = new Set(['a', 'an', 'and', 'or', 'of', 'the', 'in', 'with', 'for', 'to']);

/** The words of a text, as compared: accents and case folded, punctuation and stop words dropped. */
export function words(text: unknown): Set<string> {
  if (typeof text !== 'string') return new Set();
  return new Set(
    nameKey(text)
      .split(/[^\p{L}\p{N}]+/u)
      .filter((word) => word !== '' && !STOP_WORDS.has(word)),
  );
}

const sameWords = (a: unknown, b: unknown): boolean => {
  const [x, y] = [words(a), words(b)];
  return x.size > 0 && x.size === y.size && [...x].every((word) => y.has(word));
};

/** 1 when both leave the field out, 0 when one does, else the Jaccard of their words. */
function fieldSimilarity(a: unknown, b: unknown): number {
  if (a === undefined && b === undefined) return 1;
  return jaccard(words(a), words(b));
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const item of a) if (b.has(item)) shared += 1;
  const union = a.size + b.size - shared;
  return union === 0 ? 0 : shared / union;
}
