import type { Analysis } from '../../analysis.ts';
import type { MoneyMention } from '../money.ts';
import type { DealType, MoneyKind, PartyRole } from './words.ts';

/**
 * A deal as read so far, and the small updates the rules make to it: a party's role, an amount, a payment, the
 * sentences that cite each.
 */

export interface Cited<T> {
  value: T;
  at: number[];
}

export type MoneyKindOfDeal = Exclude<MoneyKind, 'milestone'>;

export interface Payment {
  kind: 'milestone' | 'royalty';
  /** Its id: the event's for a milestone of an event (the same in every release), else under the deal's id. */
  key: string;
  ofEvent: boolean;
  fields: Record<string, unknown>;
  at: number[];
  payer?: Cited<string>;
  payee?: Cited<string>;
  triggeredBy?: Cited<string>;
}

export interface Deal {
  parties: string[];
  roles: Map<string, Cited<PartyRole>>;
  types: Set<DealType>;
  /** Built from a milestone of a regulatory event: its parties are inferred, not stated. */
  inferred: boolean;
  drugs: Map<string, number[]>;
  technologies: Map<string, number[]>;
  cite: Set<number>;
  rights: string[];
  territory?: string;
  status?: 'ACTIVE' | 'PROPOSED';
  money: Map<MoneyKindOfDeal, Cited<MoneyMention> | null>;
  payer?: Cited<string>;
  payee?: Cited<string>;
  payments: Map<string, Payment>;
  /** The drug that names an inferred license, and the roles inferred for it. */
  namingDrug?: string;
  roleHints?: Map<string, PartyRole>;
}

/** The deals of one document as read so far, with its sentences' text. */
export interface DealsOfDocument {
  readonly analysis: Analysis;
  readonly texts: readonly string[];
  readonly deals: Deal[];
}

export function dealsOfDocument(analysis: Analysis): DealsOfDocument {
  return { analysis, texts: analysis.sentences.map((sentence) => sentence.text), deals: [] };
}

/** The deal of these parties (any order), made when new. */
export function dealBetween(doc: DealsOfDocument, parties: string[], index: number): Deal {
  let deal = doc.deals.find(
    (d) => d.parties.length === parties.length && parties.every((company) => d.parties.includes(company)),
  );
  if (!deal) {
    deal = {
      parties: [...parties],
      roles: new Map(),
      types: new Set(),
      inferred: false,
      drugs: new Map(),
      technologies: new Map(),
      cite: new Set(),
      rights: [],
      money: new Map(),
      payments: new Map(),
    };
    doc.deals.push(deal);
  }
  deal.cite.add(index);
  return deal;
}

/** The deal a sentence naming one party is about: of its drug, else the first with that party. */
export function dealOf(doc: DealsOfDocument, companies: string[], index: number): Deal | undefined {
  const drugs = new Set(doc.analysis.mentionsIn(index, 'Drug').map((m) => m.id));
  const candidates = doc.deals.filter((deal) => companies.every((company) => deal.parties.includes(company)));
  const deal = candidates.find((d) => [...d.drugs.keys()].some((drug) => drugs.has(drug))) ?? candidates[0];
  deal?.cite.add(index);
  return deal;
}

export function setRole(deal: Deal, company: string, role: PartyRole, index: number): void {
  const stated = deal.roles.get(company);
  if (!stated) deal.roles.set(company, { value: role, at: [index] });
  else if (stated.value === role && !stated.at.includes(index)) stated.at.push(index);
}

/** An amount of a deal; two different amounts of one kind leave it out (a wrong amount is worse than none). */
export function setMoney(deal: Deal, kind: MoneyKindOfDeal, money: MoneyMention, index: number): void {
  const stated = deal.money.get(kind);
  if (stated === null) return;
  if (!stated) deal.money.set(kind, { value: money, at: [index] });
  else if (stated.value.amount === money.amount && stated.value.currency === money.currency) {
    stated.at.push(index);
  } else deal.money.set(kind, null);
}

/** The deal's payment of `key`, made with `fields` when new, citing sentence `index`. */
export function paymentOf(
  deal: Deal,
  kind: Payment['kind'],
  key: string,
  index: number,
  fields: Record<string, unknown>,
): Payment {
  let payment = deal.payments.get(key);
  if (!payment) {
    payment = { kind, key, ofEvent: false, fields, at: [] };
    deal.payments.set(key, payment);
  }
  if (!payment.at.includes(index)) payment.at.push(index);
  return payment;
}

/** A deal only mentioned ("through its partnerships with"): no sentence says what kind it is. */
export const mentionedOnly = (deal: Deal) => deal.types.size === 0;

export function dealTypeOf(deal: Deal): DealType | undefined {
  for (const type of ['ACQUISITION', 'COLLABORATION', 'OPTION', 'LICENSE'] as const) {
    if (deal.types.has(type)) return type;
  }
  return undefined;
}

export function addCited(map: Map<string, number[]>, id: string, index: number): void {
  const at = map.get(id);
  if (!at) map.set(id, [index]);
  else if (!at.includes(index)) at.push(index);
}

/** The same value stated again adds its citations; a different one keeps the first. */
export function mergeCited<T>(stated: Cited<T> | undefined, more: Cited<T>): Cited<T> {
  if (!stated) return { value: more.value, at: [...more.at] };
  if (stated.value === more.value) for (const at of more.at) if (!stated.at.includes(at)) stated.at.push(at);
  return stated;
}
