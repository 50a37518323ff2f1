import { isNodeKind, type NodeKind } from '../../../server/model/kinds.ts';

/**
 * The kinds the API serves as entities: every node label of the server's allowlist (server/model/kinds.ts) but
 * Sentence, which comes as citations (as in server/core/model.ts).
 */
export type EntityKind = Exclude<NodeKind, 'Sentence'>;

/**
 * Every entity kind, in the order the legend lists them. Colours come from the Okabe–Ito palette (safe for the
 * common colour-vision deficiencies); a kind never relies on colour alone: each colour is paired with a distinct
 * shape.
 */
export const ENTITY_KINDS = [
  'Company',
  'Drug',
  'Antibody',
  'Payload',
  'Linker',
  'Target',
  'Technology',
  'Trial',
  'Indication',
  'RegulatoryEvent',
  'Region',
  'Partnership',
  'Milestone',
  'Royalty',
  'Person',
  'SourceDocument',
] as const satisfies readonly EntityKind[];

/** A kind the server allows and the legend order leaves out: the type check fails on the next line, naming it. */
type Unlisted = Exclude<EntityKind, (typeof ENTITY_KINDS)[number]>;
export const EVERY_KIND_LISTED: [Unlisted] extends [never] ? true : Unlisted = true;

/** Okabe & Ito (2008), "Color Universal Design". */
export const OKABE_ITO = {
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
  grey: '#999999',
} as const;

export type NodeShape =
  | 'ellipse'
  | 'round-rectangle'
  | 'rectangle'
  | 'vee'
  | 'star'
  | 'diamond'
  | 'round-triangle'
  | 'hexagon'
  | 'round-octagon'
  | 'round-tag'
  | 'barrel'
  | 'pentagon'
  | 'round-pentagon'
  | 'cut-rectangle'
  | 'round-diamond';

export interface KindStyle {
  /** What the legend and the panel call it. */
  title: string;
  color: string;
  shape: NodeShape;
  /** Node diameter in model units at zoom 1. */
  size: number;
}

export const KIND_STYLES: Readonly<Record<EntityKind, KindStyle>> = Object.freeze({
  Company: { title: 'Company', color: OKABE_ITO.blue, shape: 'round-rectangle', size: 34 },
  Drug: { title: 'Drug', color: OKABE_ITO.vermillion, shape: 'ellipse', size: 36 },
  Antibody: { title: 'Antibody', color: OKABE_ITO.orange, shape: 'vee', size: 28 },
  Payload: { title: 'Payload', color: OKABE_ITO.reddishPurple, shape: 'star', size: 30 },
  Linker: { title: 'Linker', color: OKABE_ITO.skyBlue, shape: 'diamond', size: 28 },
  Target: { title: 'Target', color: OKABE_ITO.bluishGreen, shape: 'round-triangle', size: 28 },
  Technology: { title: 'Technology', color: OKABE_ITO.bluishGreen, shape: 'hexagon', size: 28 },
  Trial: { title: 'Trial', color: OKABE_ITO.yellow, shape: 'rectangle', size: 28 },
  Indication: { title: 'Indication', color: OKABE_ITO.skyBlue, shape: 'round-octagon', size: 26 },
  RegulatoryEvent: {
    title: 'Regulatory event',
    color: OKABE_ITO.reddishPurple,
    shape: 'round-tag',
    size: 26,
  },
  Region: { title: 'Region', color: OKABE_ITO.grey, shape: 'barrel', size: 26 },
  Partnership: { title: 'Partnership', color: OKABE_ITO.orange, shape: 'round-diamond', size: 32 },
  Milestone: { title: 'Milestone', color: OKABE_ITO.yellow, shape: 'pentagon', size: 24 },
  Royalty: { title: 'Royalty', color: OKABE_ITO.orange, shape: 'round-pentagon', size: 22 },
  Person: { title: 'Person', color: OKABE_ITO.grey, shape: 'ellipse', size: 22 },
  SourceDocument: { title: 'Source document', color: '#BBBBBB', shape: 'cut-rectangle', size: 22 },
});

const FALLBACK: KindStyle = { title: 'Entity', color: '#777777', shape: 'ellipse', size: 24 };

export function isEntityKind(value: unknown): value is EntityKind {
  return typeof value === 'string' && value !== 'Sentence' && isNodeKind(value);
}

export function kindStyle(kind: string): KindStyle {
  return isEntityKind(kind) ? KIND_STYLES[kind] : FALLBACK;
}
