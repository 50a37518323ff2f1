import type { Mention } from '../../analysis.ts';
import { type Cited, type Deal, type DealsOfDocument, mergeCited } from './deal.ts';
import { subjectOf } from './parties.ts';
import { EVENT_ANAPHORA, PAID_FROM, PAID_TO, PAYS, RECEIVES } from './words.ts';

/** Who pays and who is paid, as one sentence says it. */
export interface PaymentParties {
  payer?: string;
  payee?: string;
}

/**
 * Who pays and who is paid in a sentence, or in the clause around `offset` ("Lanxin would pay an exercise
 * fee of $45 million, and Halvard would be eligible for up to $160 million"): "X will pay Y", "Y is eligible
 * to receive", "payment from X to Y". Who is paid is said once for a sentence (`sentence`); who pays only in
 * the clause of the payment.
 */
export function paymentParties(
  doc: DealsOfDocument,
  index: number,
  allCompanies: Mention[],
  offset?: number,
  sentence?: PaymentParties,
): PaymentParties {
  const whole = doc.texts[index] as string;
  const [from, to] = offset === undefined ? [0, whole.length] : paymentClauseAround(whole, offset);
  const clause = whole.slice(from, to);
  const companies = allCompanies.filter((m) => m.start >= from && m.end <= to);
  const parties: PaymentParties = {};
  const pays = PAYS.exec(clause);
  if (pays) {
    parties.payer = subjectOf(doc, index, companies, from + pays.index);
    const object = companies.find((m) => m.start === from + pays.index + pays[0].length + 1);
    if (object && !isShareholders(doc, index, object)) parties.payee = object.id;
  }
  const receives = RECEIVES.exec(clause);
  const receiver = receives ? companies.filter((m) => m.end <= from + receives.index).pop() : undefined;
  if (receiver && !parties.payee && !isShareholders(doc, index, receiver)) parties.payee = receiver.id;
  // A payment "from X to Y" after the amount or royalty is its own; one before it is another payment's.
  for (const company of companies.filter((m) => offset === undefined || m.start > offset)) {
    const before = whole.slice(Math.max(from, company.start - 60), company.start);
    if (!parties.payee && PAID_TO.test(before)) parties.payee = company.id;
    if (!parties.payer && PAID_FROM.test(before)) parties.payer = company.id;
  }
  if (sentence && !parties.payee) parties.payee = sentence.payee;
  if (parties.payer === parties.payee) delete parties.payer;
  return parties;
}

/**
 * Who pays whom under the deal as a whole: "Velora will pay Lanxin …", or the licensor "is entitled to
 * receive milestone payments and royalties" in a sentence naming the licensee. A payment "from X to Y" is
 * that payment's alone.
 */
export function readDirection(doc: DealsOfDocument, deal: Deal, index: number, companies: Mention[]): void {
  const text = doc.texts[index] as string;
  const pays = PAYS.exec(text);
  const payer = pays ? subjectOf(doc, index, companies, pays.index) : undefined;
  const object = pays ? companies.find((m) => m.start === pays.index + pays[0].length + 1) : undefined;
  const toHolders = object !== undefined && isShareholders(doc, index, object);
  const payee = toHolders ? undefined : object?.id;
  if (
    payer &&
    object &&
    payer !== object.id &&
    deal.parties.includes(payer) &&
    deal.parties.includes(object.id)
  ) {
    deal.payer = mergeCited(deal.payer, { value: payer, at: [index] });
    if (payee) deal.payee = mergeCited(deal.payee, { value: payee, at: [index] });
    return;
  }
  const receives = RECEIVES.exec(text);
  const receiver = receives ? subjectOf(doc, index, companies, receives.index) : undefined;
  const other = companies.find((m) => m.id !== receiver && deal.parties.includes(m.id))?.id;
  if (receiver && other && deal.parties.includes(receiver) && isLicenseeHere(deal, other, index)) {
    deal.payer = mergeCited(deal.payer, { value: other, at: [index] });
    deal.payee = mergeCited(deal.payee, { value: receiver, at: [index] });
  }
}

/** The regulatory event a milestone sentence names (nearest before the amount), or the previous sentences'. */
export function triggerOf(
  doc: DealsOfDocument,
  index: number,
  offset = Number.POSITIVE_INFINITY,
): Cited<string> | undefined {
  const events = doc.analysis.mentionsIn(index, 'RegulatoryEvent');
  const before = events.filter((m) => m.start < offset);
  const here = before[before.length - 1] ?? events[0];
  if (here) return { value: here.id, at: [index] };
  if (!EVENT_ANAPHORA.test(doc.texts[index] as string)) return undefined;
  for (let previous = index - 1; previous >= Math.max(0, index - 2); previous -= 1) {
    const earlier = doc.analysis.mentionsIn(previous, 'RegulatoryEvent');
    const last = earlier[earlier.length - 1];
    if (last) return { value: last.id, at: [previous, index] };
  }
  return undefined;
}

/** Whether sentence `index` itself makes `company` the deal's licensee ("Roche has … rights for Kadcyla"). */
function isLicenseeHere(deal: Deal, company: string, index: number): boolean {
  const role = deal.roles.get(company);
  return role?.value === 'LICENSEE' && role.at.includes(index);
}

/** "Arbonyx shareholders will receive": the company's holders, not the company, are paid. */
function isShareholders(doc: DealsOfDocument, index: number, company: Mention): boolean {
  return /^\s*(?:['’]s\s+)?(?:share|stock)holders\b/i.test((doc.texts[index] as string).slice(company.end));
}

/** Where one payment's clause ends: "; ", ", and Halvard would …", ", while Lanxin …". */
const PAYMENT_CLAUSE_END = /;|,\s+(?:and|while|but|whereas)\s+(?=[A-Z])/g;

function paymentClauseAround(text: string, offset: number): [number, number] {
  let start = 0;
  for (const match of text.matchAll(PAYMENT_CLAUSE_END)) {
    if (match.index >= offset) return [start, match.index];
    start = match.index + match[0].length;
  }
  return [start, text.length];
}
