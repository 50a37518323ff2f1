import type { Mention } from '../../analysis.ts';
import { type MoneyMention, readMoney } from '../money.ts';
import { addCited, type Deal, type DealsOfDocument, dealBetween, dealOf, setMoney, setRole } from './deal.ts';
import { unique } from './lists.ts';
import { companiesIn, subjectOf } from './parties.ts';
import { paymentParties } from './payments.ts';
import {
  ACQUIRED_BY,
  ACQUIRES,
  ACQUIRES_RIGHTS,
  COLLABORATION,
  type DealType,
  isRightVerb,
  LICENSE,
  LICENSE_ROLE_VERBS,
  OPTION,
  OPTION_AGREEMENT,
  OPTION_GRANTED,
  PARTNERSHIPS_WITH,
  type PartyRole,
  PROPOSED,
  RIGHTS_OF,
  RIGHTS_TO,
  TERRITORY,
} from './words.ts';

/**
 * Pass 1: the deals a sentence names with both parties (an acquisition, partnerships merely mentioned, an
 * option, a collaboration, a license), with the drugs, technologies, rights and territory it gives them. The
 * option and license rules serve pass 2 too, where a sentence naming one party adds to that party's deal.
 */
export function readDealSentence(doc: DealsOfDocument, index: number): void {
  const text = doc.texts[index] as string;
  const companies = companiesIn(doc, index);
  if (companies.length === 0) return;
  if (!ACQUIRES_RIGHTS.test(text) && (ACQUIRES.test(text) || ACQUIRED_BY.test(text))) {
    readAcquisition(doc, index, companies);
    return;
  }
  if (PARTNERSHIPS_WITH.test(text)) readMentionedPartnerships(doc, index, companies);
  else if (OPTION.test(text)) readOption(doc, index, companies, true);
  else if (COLLABORATION.test(text)) readPair(doc, index, companies, 'COLLABORATION');
  else if (LICENSE.test(text)) readLicense(doc, index, companies, true);
}

function readAcquisition(doc: DealsOfDocument, index: number, companies: Mention[]): void {
  const text = doc.texts[index] as string;
  const reversed = ACQUIRED_BY.exec(text);
  const verb = reversed ?? (ACQUIRES.exec(text) as RegExpExecArray);
  const before = subjectOf(doc, index, companies, verb.index);
  const after = companies.find((m) => m.start >= verb.index + verb[0].length);
  if (!before || !after || before === after.id) return;
  const [acquirer, acquired] = reversed ? [after.id, before] : [before, after.id];
  const deal = dealBetween(doc, [acquirer, acquired], index);
  deal.types.add('ACQUISITION');
  setRole(deal, acquirer, 'ACQUIRER', index);
  setRole(deal, acquired, 'ACQUIRED', index);
  if (PROPOSED.test(text)) deal.status ??= 'PROPOSED';
  const prices = readMoney(text).filter((money) => !money.perShare && money.start > verb.index);
  if (prices.length === 1) setMoney(deal, 'totalValue', prices[0] as MoneyMention, index);
}

function readMentionedPartnerships(doc: DealsOfDocument, index: number, companies: Mention[]): void {
  const match = PARTNERSHIPS_WITH.exec(doc.texts[index] as string) as RegExpExecArray;
  const owner = subjectOf(doc, index, companies, match.index) ?? doc.analysis.publisher;
  if (!owner) return;
  for (const partner of companies.filter((m) => m.start >= match.index + match[0].length)) {
    if (partner.id === owner) continue;
    const deal = dealBetween(doc, [owner, partner.id], index);
    deal.status ??= 'ACTIVE';
    describe(doc, deal, index, match.index);
  }
}

/**
 * An option: "X grants Y an option to license" (X licensor), "Y receives an option to license X's …" (Y
 * licensee); "an option agreement with X" names the parties only. In the first pass only sentences naming
 * both parties make a deal.
 */
export function readOption(
  doc: DealsOfDocument,
  index: number,
  companies: Mention[],
  pairsOnly: boolean,
): void {
  const text = doc.texts[index] as string;
  const option = OPTION.exec(text) as RegExpExecArray;
  if (OPTION_AGREEMENT.test(option[0])) {
    readPair(doc, index, companies, 'OPTION');
    return;
  }
  const granted = OPTION_GRANTED.exec(text);
  const grantedFirst = granted !== null && granted.index < option.index;
  const verbAt = grantedFirst ? granted.index : option.index;
  const subject = subjectOf(doc, index, companies, verbAt);
  const other = companies.find((m) => m.start > verbAt && m.id !== subject)?.id;
  if (!subject) return;
  const deal = other
    ? dealBetween(doc, [subject, other], index)
    : pairsOnly
      ? undefined
      : dealOf(doc, [subject], index);
  if (!deal) return;
  deal.types.add('OPTION');
  setRole(deal, subject, grantedFirst ? 'LICENSOR' : 'LICENSEE', index);
  if (other) setRole(deal, other, grantedFirst ? 'LICENSEE' : 'LICENSOR', index);
  describe(doc, deal, index, option.index);
}

/** Two companies of one sentence (or the publisher and the one company "it" deals "with"). */
function readPair(
  doc: DealsOfDocument,
  index: number,
  companies: Mention[],
  type: DealType,
): Deal | undefined {
  const ids = unique(companies.map((m) => m.id));
  const publisher = doc.analysis.publisher;
  if (ids.length === 1 && publisher && ids[0] !== publisher && /\bwith\b/i.test(doc.texts[index] as string)) {
    ids.unshift(publisher);
  }
  if (ids.length !== 2) return undefined;
  const deal = dealBetween(doc, ids, index);
  deal.types.add(type);
  deal.status ??= 'ACTIVE';
  describe(doc, deal, index);
  return deal;
}

/**
 * A license sentence: roles from its verbs ("X grants Y", "licensed from Y", "Y receives exclusive rights");
 * in the first pass only sentences naming both parties make a deal.
 */
export function readLicense(
  doc: DealsOfDocument,
  index: number,
  companies: Mention[],
  pairsOnly: boolean,
): void {
  const text = doc.texts[index] as string;
  const roles = licenseRoles(doc, index, companies);
  const paid = paymentParties(doc, index, companies);
  if (roles.size === 1 && paid.payee && !roles.has(paid.payee)) roles.set(paid.payee, 'LICENSOR');
  const named = [...roles.keys()];
  let deal: Deal | undefined;
  if (named.length === 2) deal = dealBetween(doc, named, index);
  else if (named.length < 2 && (pairOf(companies) || /\blicen[sc]e agreement with\b/i.test(text))) {
    deal = readPair(doc, index, companies, 'LICENSE');
  } else if (!pairsOnly && named.length === 1) deal = dealOf(doc, named, index);
  if (!deal) return;
  deal.types.add('LICENSE');
  deal.status ??= 'ACTIVE';
  for (const [company, role] of roles) setRole(deal, company, role, index);
  describe(doc, deal, index);
}

function licenseRoles(doc: DealsOfDocument, index: number, companies: Mention[]): Map<string, PartyRole> {
  const text = doc.texts[index] as string;
  const roles = new Map<string, PartyRole>();
  const verbs = LICENSE_ROLE_VERBS.map((verb) => ({ verb, match: verb.pattern.exec(text) }))
    .filter((found) => found.match !== null)
    .sort((a, b) => (a.match?.index ?? 0) - (b.match?.index ?? 0));
  const first = verbs[0];
  if (!first?.match) return roles;
  const subject = subjectOf(doc, index, companies, first.match.index);
  const objectFrom = first.match.index + first.match[0].length;
  const endsWithPreposition = /\b(?:to|from)$/i.test(first.match[0]);
  const object = endsWithPreposition ? companies.find((m) => m.start >= objectFrom)?.id : undefined;
  if (subject) roles.set(subject, first.verb.subject);
  if (object && object !== subject) roles.set(object, first.verb.object);
  return roles;
}

/**
 * Drugs, technologies, rights and territory a deal sentence names, in the clause of its deal words at
 * `offset` (a headline's "…; QL-1105 Receives Fast Track" is another matter).
 */
function describe(doc: DealsOfDocument, deal: Deal, index: number, offset = 0): void {
  const text = doc.texts[index] as string;
  const [from, to] = clauseAround(text, offset);
  const inClause = (m: Mention) => m.start >= from && m.end <= to;
  for (const drug of doc.analysis.mentionsIn(index, 'Drug').filter(inClause)) {
    addCited(deal.drugs, drug.id, index);
  }
  for (const technology of doc.analysis.mentionsIn(index, 'Technology').filter(inClause)) {
    addCited(deal.technologies, technology.id, index);
  }
  for (const right of rightsIn(text)) if (!deal.rights.includes(right)) deal.rights.push(right);
  deal.territory ??= TERRITORY.exec(text)?.[0];
}

/** "develop, manufacture and commercialize" → three rights; "development and commercialization rights" → one each. */
function rightsIn(text: string): string[] {
  const to = RIGHTS_TO.exec(text)?.[1];
  if (to) {
    const verbs = to.split(/,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+/).filter(isRightVerb);
    if (verbs.length) return verbs.map((verb) => verb.toLowerCase());
  }
  const of = RIGHTS_OF.exec(text)?.[1];
  if (!of) return [];
  const scope = /^((?:(?:global|worldwide|exclusive|ex-U\.S\.) )*)/i.exec(of)?.[1] ?? '';
  return of
    .slice(scope.length)
    .split(/,\s*|\s+and\s+/)
    .filter(Boolean)
    .map((right) => `${scope}${right}`.toLowerCase());
}

/** The clause of `text` around `offset`: between semicolons. */
function clauseAround(text: string, offset: number): [number, number] {
  const start = text.lastIndexOf(';', offset) + 1;
  const end = text.indexOf(';', offset);
  return [start, end < 0 ? text.length : end];
}

/** A sentence naming exactly two companies states a deal between them. */
const pairOf = (companies: Mention[]) => unique(companies.map((m) => m.id)).length === 2;
