import type { Mention } from '../../analysis.ts';
import { slug } from '../../registry.ts';
import { type MoneyMention, readMoney } from '../money.ts';
import { kindOf, milestoneName, moneyText } from './amounts.ts';
import {
  addCited,
  type Deal,
  type DealsOfDocument,
  mentionedOnly,
  mergeCited,
  paymentOf,
  setMoney,
} from './deal.ts';
import { readLicense, readOption } from './find.ts';
import { inferredLicense } from './inferred.ts';
import { isDefined, unique } from './lists.ts';
import { drugName, eventName } from './names.ts';
import { companiesIn } from './parties.ts';
import { type PaymentParties, paymentParties, readDirection, triggerOf } from './payments.ts';
import {
  ACQUIRES,
  ACQUIRES_RIGHTS,
  ACQUISITION_BRINGS,
  COLLABORATION,
  CONDITIONAL,
  LICENSE,
  OPTION,
  ROYALTY,
  ROYALTY_BASIS,
  ROYALTY_RATE,
  TRIGGERED,
} from './words.ts';

/**
 * Pass 2: what a sentence says about the deals: roles and rights from a sentence naming one party, then its
 * amounts (upfront, equity, total value, milestones) and royalties, on the deal it is about.
 */
export function readTermsSentence(doc: DealsOfDocument, index: number): void {
  const text = doc.texts[index] as string;
  const companies = companiesIn(doc, index);
  if (OPTION.test(text) && companies.length > 0) readOption(doc, index, companies, false);
  else if (LICENSE.test(text) && !COLLABORATION.test(text)) readLicense(doc, index, companies, false);
  const money = readMoney(text).filter((amount) => !amount.perShare);
  const royalty = ROYALTY.test(text);
  if (money.length === 0 && !royalty) {
    readMentionOfDeal(doc, index);
    return;
  }
  const paid = paymentParties(doc, index, companies);
  const deal = dealForTerms(doc, index, companies, paid, money);
  if (!deal) return;
  readDirection(doc, deal, index, companies);
  for (const amount of money) {
    readAmount(doc, deal, index, amount, paymentParties(doc, index, companies, amount.start, paid), money);
  }
  if (royalty) {
    const at = ROYALTY.exec(text)?.index ?? 0;
    readRoyalty(doc, deal, index, paymentParties(doc, index, companies, at, paid));
  }
}

/** "The acquisition brings Halvard KST-228": the drugs of the document's acquisition. */
function readMentionOfDeal(doc: DealsOfDocument, index: number): void {
  if (!ACQUISITION_BRINGS.test(doc.texts[index] as string)) return;
  const acquisitions = doc.deals.filter((deal) => deal.types.has('ACQUISITION'));
  if (acquisitions.length !== 1) return;
  const deal = acquisitions[0] as Deal;
  deal.cite.add(index);
  for (const drug of doc.analysis.mentionsIn(index, 'Drug')) addCited(deal.drugs, drug.id, index);
}

/**
 * The deal a sentence of terms is about: the one whose parties it names (the one of its drug, or the first,
 * when a company has several), the document's first deal when it names no company, or the license of the
 * regulatory event that triggers its milestone.
 */
function dealForTerms(
  doc: DealsOfDocument,
  index: number,
  companies: Mention[],
  paid: PaymentParties,
  money: MoneyMention[],
): Deal | undefined {
  const text = doc.texts[index] as string;
  const named = unique([paid.payer, paid.payee, ...companies.map((m) => m.id)].filter(isDefined));
  const drugs = new Set(doc.analysis.mentionsIn(index, 'Drug').map((m) => m.id));
  const acquisition = ACQUIRES.test(text) && !ACQUIRES_RIGHTS.test(text);
  const shared = (deal: Deal) => named.filter((company) => deal.parties.includes(company)).length;
  // A payment between companies names its deal: one of other parties is not it.
  const payers = [paid.payer, paid.payee].filter(isDefined);
  const candidates = doc.deals.filter(
    (deal) =>
      !mentionedOnly(deal) &&
      shared(deal) > 0 &&
      payers.every((company) => deal.parties.includes(company)) &&
      (!acquisition || deal.types.has('ACQUISITION')),
  );
  const most = Math.max(0, ...candidates.map(shared));
  const best = candidates.filter((deal) => shared(deal) === most);
  const ofDrug = best.filter((deal) => [...deal.drugs.keys()].some((drug) => drugs.has(drug)));
  const found = ofDrug[0] ?? best[0];
  if (found || acquisition) return found;
  const described = doc.deals.filter((deal) => !mentionedOnly(deal) && !deal.inferred);
  if (named.length === 0 && described.length > 0) return described[0];
  const trigger = triggerOf(doc, index);
  if (trigger && paid.payee && money.some((amount) => kindOf(text, amount, money) === 'milestone')) {
    return inferredLicense(doc, index, paid.payee, trigger.value);
  }
  return undefined;
}

function readAmount(
  doc: DealsOfDocument,
  deal: Deal,
  index: number,
  amount: MoneyMention,
  paid: PaymentParties,
  all: MoneyMention[],
): void {
  const text = doc.texts[index] as string;
  const kind = kindOf(text, amount, all);
  if (!kind) return;
  if (kind !== 'milestone') {
    setMoney(deal, kind, amount, index);
    return;
  }
  const trigger = triggerOf(doc, index, amount.start);
  const triggered = TRIGGERED.test(text) && !CONDITIONAL.test(text);
  const key = trigger ? `${trigger.value}-milestone` : `${slug(moneyText(amount))}-milestone`;
  const payment = paymentOf(deal, 'milestone', key, index, {
    name: milestoneName(text, amount, eventName(doc, trigger?.value)),
    amount: amount.amount,
    currency: amount.currency,
    status: triggered ? 'TRIGGERED' : 'PENDING',
  });
  if (paid.payer) payment.payer = mergeCited(payment.payer, { value: paid.payer, at: [index] });
  if (paid.payee) payment.payee = mergeCited(payment.payee, { value: paid.payee, at: [index] });
  if (trigger) {
    payment.triggeredBy = mergeCited(payment.triggeredBy, trigger);
    payment.ofEvent = true;
  }
}

function readRoyalty(doc: DealsOfDocument, deal: Deal, index: number, paid: PaymentParties): void {
  const text = doc.texts[index] as string;
  const basis = ROYALTY_BASIS.exec(text)?.[1];
  const rate = ROYALTY_RATE.exec(text);
  const percent = rate ? Number(rate[1] ?? rate[2]) : undefined;
  const drug = drugName(doc, [...deal.drugs.keys()][0] ?? deal.namingDrug);
  const payment = paymentOf(deal, 'royalty', 'royalty', index, {
    name: `Royalties on ${drug ? `${drug} ` : ''}${basis ?? 'sales'}`,
    basis,
    rate: percent === undefined ? undefined : percent / 100,
  });
  if (paid.payer) payment.payer = mergeCited(payment.payer, { value: paid.payer, at: [index] });
  if (paid.payee) payment.payee = mergeCited(payment.payee, { value: paid.payee, at: [index] });
}
