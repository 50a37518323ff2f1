import { slug } from '../../registry.ts';
import type { MoneyMention } from '../money.ts';
import {
  type Cited,
  type Deal,
  type DealsOfDocument,
  dealTypeOf,
  type MoneyKindOfDeal,
  type Payment,
} from './deal.ts';
import { isDefined } from './lists.ts';
import { dealNames } from './names.ts';
import type { PartyRole } from './words.ts';

/** Drafts each deal read: a partnership with its parties and roles, drugs, technologies and payments. */
export function writeDeals(doc: DealsOfDocument): void {
  for (const deal of doc.deals) writeDeal(doc, deal);
}

function writeDeal(doc: DealsOfDocument, deal: Deal): void {
  const roles = finalRoles(deal);
  if (!roles) return;
  const type = dealTypeOf(deal);
  const cite = [...deal.cite];
  const variants = dealNames(doc, deal, type, roles);
  const known = variants.find((name) => doc.analysis.find('Partnership', name));
  const money = moneyFields(deal);
  const id = doc.analysis.entity(
    'partnerships',
    [known ?? (variants[0] as string)],
    {
      dealType: type,
      status: deal.inferred ? undefined : deal.status,
      rights: deal.rights.length ? deal.rights : undefined,
      territory: deal.territory,
      ...money,
    },
    cite,
    dealKey(deal),
  );
  const draft = doc.analysis.draft;
  if (!deal.inferred) {
    for (const company of deal.parties) {
      const role = roles.get(company) as Cited<PartyRole>;
      draft.link('partnerships', id, 'parties', company, role.at, { role: role.value });
    }
  } else if (!known) {
    // A license new to the run needs a party: the payee of its milestone, whom the text names.
    const payee = [...deal.payments.values()].find((payment) => payment.payee)?.payee;
    if (payee) draft.link('partnerships', id, 'parties', payee.value, payee.at, { role: 'LICENSOR' });
  }
  for (const [drug, at] of deal.drugs) draft.link('partnerships', id, 'drugs', drug, at);
  for (const [technology, at] of deal.technologies)
    draft.link('partnerships', id, 'technologies', technology, at);
  for (const payment of deal.payments.values()) writePayment(doc, id, deal, payment);
}

function writePayment(doc: DealsOfDocument, partnership: string, deal: Deal, payment: Payment): void {
  const draft = doc.analysis.draft;
  const list = payment.kind === 'milestone' ? 'milestones' : 'royalties';
  const id = payment.ofEvent ? payment.key : `${partnership}-${payment.key}`;
  draft.child(partnership, list, id, payment.fields, payment.at);
  const payer = payment.payer ?? deal.payer;
  const payee = payment.payee ?? deal.payee;
  if (payer && payer.value !== payee?.value) draft.link(list, id, 'payer', payer.value, payer.at);
  if (payee) draft.link(list, id, 'payee', payee.value, payee.at);
  if (payment.triggeredBy)
    draft.link(list, id, 'triggeredBy', payment.triggeredBy.value, payment.triggeredBy.at);
}

/** Every party with a role: stated, the complement of the other's, from who pays whom, or PARTNER. */
function finalRoles(deal: Deal): Map<string, Cited<PartyRole>> | undefined {
  const type = dealTypeOf(deal);
  const roles = new Map<string, Cited<PartyRole>>();
  const anyCite = [...deal.cite].slice(0, 1);
  for (const company of deal.parties) {
    const stated = deal.roles.get(company);
    if (type === 'ACQUISITION' && !stated) return undefined;
    if (type === 'COLLABORATION' || !type) roles.set(company, { value: 'PARTNER', at: anyCite });
    else if (stated) roles.set(company, stated);
  }
  if (type !== 'LICENSE' && type !== 'OPTION') return roles;
  const hinted = deal.roleHints;
  for (const company of deal.parties) {
    if (roles.has(company)) continue;
    const other = deal.parties.find((c) => c !== company && roles.has(c));
    const otherRole = other ? roles.get(other) : undefined;
    if (otherRole) roles.set(company, { value: complement(otherRole.value), at: otherRole.at });
    else if (deal.payer?.value === company) roles.set(company, { value: 'LICENSEE', at: deal.payer.at });
    else if (deal.payee?.value === company) roles.set(company, { value: 'LICENSOR', at: deal.payee.at });
    else if (hinted?.has(company))
      roles.set(company, { value: hinted.get(company) as PartyRole, at: anyCite });
    else roles.set(company, { value: 'PARTNER', at: anyCite });
  }
  return roles;
}

const COMPLEMENT: Partial<Record<PartyRole, PartyRole>> = {
  LICENSOR: 'LICENSEE',
  LICENSEE: 'LICENSOR',
  ACQUIRER: 'ACQUIRED',
  ACQUIRED: 'ACQUIRER',
};
const complement = (role: PartyRole): PartyRole => COMPLEMENT[role] ?? 'PARTNER';

/** The deal's amounts in the currency of the first; one in another currency is left out. */
function moneyFields(deal: Deal): Record<string, unknown> {
  const stated = [...deal.money].filter(
    (entry): entry is [MoneyKindOfDeal, Cited<MoneyMention>] => !!entry[1],
  );
  const currency = stated[0]?.[1].value.currency;
  const sameCurrency = stated.filter(([, money]) => money.value.currency === currency);
  if (!currency || sameCurrency.length === 0) return {};
  for (const [, money] of sameCurrency) for (const at of money.at) deal.cite.add(at);
  return {
    ...Object.fromEntries(sameCurrency.map(([kind, money]) => [kind, money.value.amount])),
    currency,
  };
}

/** The id a new deal proposes: its parties and drug. */
function dealKey(deal: Deal): string {
  const drug = [...deal.drugs.keys()][0] ?? deal.namingDrug;
  return slug([...deal.parties, drug].filter(isDefined).join('-'));
}
