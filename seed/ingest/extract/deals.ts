import type { Analysis, Mention } from '../analysis.ts';
import { slug } from '../registry.ts';
import { companyNameKey } from '../vocabulary.ts';
import {
  ACQUIRED_BY,
  ACQUIRES,
  ACQUIRES_RIGHTS,
  ACQUISITION_BRINGS,
  COLLABORATION,
  CONDITIONAL,
  CONTINGENT_PAYMENTS,
  type DealType,
  EVENT_ANAPHORA,
  isRightVerb,
  LICENSE,
  LICENSE_ROLE_VERBS,
  MONEY_KINDS,
  type MoneyKind,
  OPTION,
  OPTION_AGREEMENT,
  OPTION_GRANTED,
  PAID_FROM,
  PAID_TO,
  PARTNERSHIPS_WITH,
  PAYS,
  type PartyRole,
  PROPOSED,
  RECEIVES,
  RIGHTS_OF,
  RIGHTS_TO,
  ROYALTY,
  ROYALTY_BASIS,
  ROYALTY_RATE,
  TERRITORY,
  TRIGGERED,
} from './dealWords.ts';
import { type MoneyMention, readMoney } from './money.ts';

/**
 * Deals: licenses, collaborations, options, acquisitions and partnerships merely mentioned, with their parties
 * and roles, drugs, rights, territory, money (upfront, equity, total value, each with its currency), milestones
 * (triggered or pending, with the regulatory event that triggers them) and royalties.
 *
 * Two passes over the sentences: the first finds the deals a sentence names with both parties ("X and Y enter
 * an exclusive license agreement", "X will acquire Y"); the second reads what sentences naming one party or none
 * say about them (roles, rights, money, milestones, royalties). A milestone paid on a regulatory event under a
 * deal the release does not describe belongs to the license of the event's drug: payee the licensor, the drug's
 * developer the licensee. An amount is stated only when the words around it say what it is.
 */
export function extractDeals(analysis: Analysis): void {
  const deals = new DealsOfDocument(analysis);
  for (let index = 0; index < analysis.sentences.length; index += 1) deals.readDealSentence(index);
  for (let index = 0; index < analysis.sentences.length; index += 1) deals.readTermsSentence(index);
  deals.write();
}

interface Cited<T> {
  value: T;
  at: number[];
}

interface Payment {
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

interface Deal {
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
  money: Map<Exclude<MoneyKind, 'milestone'>, Cited<MoneyMention> | null>;
  payer?: Cited<string>;
  payee?: Cited<string>;
  payments: Map<string, Payment>;
  /** The drug that names an inferred license, and the roles inferred for it. */
  namingDrug?: string;
  roleHints?: Map<string, PartyRole>;
}

/** Who pays and who is paid, as one sentence says it. */
interface PaymentParties {
  payer?: string;
  payee?: string;
}

class DealsOfDocument {
  private readonly deals: Deal[] = [];
  private readonly texts: string[];

  constructor(private readonly analysis: Analysis) {
    this.texts = analysis.sentences.map((sentence) => sentence.text);
  }

  // -------------------------------------------------------------------------------------------------------
  // Pass 1: deals named with both parties

  readDealSentence(index: number): void {
    const text = this.texts[index] as string;
    const companies = this.companies(index);
    if (companies.length === 0) return;
    if (!ACQUIRES_RIGHTS.test(text) && (ACQUIRES.test(text) || ACQUIRED_BY.test(text))) {
      this.readAcquisition(index, companies);
      return;
    }
    if (PARTNERSHIPS_WITH.test(text)) this.readMentionedPartnerships(index, companies);
    else if (OPTION.test(text)) this.readOption(index, companies, true);
    else if (COLLABORATION.test(text)) this.readPair(index, companies, 'COLLABORATION');
    else if (LICENSE.test(text)) this.readLicense(index, companies, true);
  }

  private readAcquisition(index: number, companies: Mention[]): void {
    const text = this.texts[index] as string;
    const reversed = ACQUIRED_BY.exec(text);
    const verb = reversed ?? (ACQUIRES.exec(text) as RegExpExecArray);
    const before = this.subjectOf(index, companies, verb.index);
    const after = companies.find((m) => m.start >= verb.index + verb[0].length);
    if (!before || !after || before === after.id) return;
    const [acquirer, acquired] = reversed ? [after.id, before] : [before, after.id];
    const deal = this.deal([acquirer, acquired], index);
    deal.types.add('ACQUISITION');
    this.setRole(deal, acquirer, 'ACQUIRER', index);
    this.setRole(deal, acquired, 'ACQUIRED', index);
    if (PROPOSED.test(text)) deal.status ??= 'PROPOSED';
    const prices = readMoney(text).filter((money) => !money.perShare && money.start > verb.index);
    if (prices.length === 1) this.setMoney(deal, 'totalValue', prices[0] as MoneyMention, index);
  }

  private readMentionedPartnerships(index: number, companies: Mention[]): void {
    const match = PARTNERSHIPS_WITH.exec(this.texts[index] as string) as RegExpExecArray;
    const owner = this.subjectOf(index, companies, match.index) ?? this.analysis.publisher;
    if (!owner) return;
    for (const partner of companies.filter((m) => m.start >= match.index + match[0].length)) {
      if (partner.id === owner) continue;
      const deal = this.deal([owner, partner.id], index);
      deal.status ??= 'ACTIVE';
      this.describe(deal, index, match.index);
    }
  }

  /**
   * An option: "X grants Y an option to license" (X licensor), "Y receives an option to license X's …" (Y
   * licensee); "an option agreement with X" names the parties only. In the first pass only sentences naming
   * both parties make a deal.
   */
  private readOption(index: number, companies: Mention[], pairsOnly: boolean): void {
    const text = this.texts[index] as string;
    const option = OPTION.exec(text) as RegExpExecArray;
    if (OPTION_AGREEMENT.test(option[0])) {
      this.readPair(index, companies, 'OPTION');
      return;
    }
    const granted = OPTION_GRANTED.exec(text);
    const grantedFirst = granted !== null && granted.index < option.index;
    const verbAt = grantedFirst ? granted.index : option.index;
    const subject = this.subjectOf(index, companies, verbAt);
    const other = companies.find((m) => m.start > verbAt && m.id !== subject)?.id;
    if (!subject) return;
    const deal = other
      ? this.deal([subject, other], index)
      : pairsOnly
        ? undefined
        : this.dealOf([subject], index);
    if (!deal) return;
    deal.types.add('OPTION');
    this.setRole(deal, subject, grantedFirst ? 'LICENSOR' : 'LICENSEE', index);
    if (other) this.setRole(deal, other, grantedFirst ? 'LICENSEE' : 'LICENSOR', index);
    this.describe(deal, index, option.index);
  }

  /** Two companies of one sentence (or the publisher and the one company "it" deals "with"). */
  private readPair(index: number, companies: Mention[], type: DealType): Deal | undefined {
    const ids = unique(companies.map((m) => m.id));
    const publisher = this.analysis.publisher;
    if (
      ids.length === 1 &&
      publisher &&
      ids[0] !== publisher &&
      /\bwith\b/i.test(this.texts[index] as string)
    ) {
      ids.unshift(publisher);
    }
    if (ids.length !== 2) return undefined;
    const deal = this.deal(ids, index);
    deal.types.add(type);
    deal.status ??= 'ACTIVE';
    this.describe(deal, index);
    return deal;
  }

  /**
   * A license sentence: roles from its verbs ("X grants Y", "licensed from Y", "Y receives exclusive rights");
   * in the first pass only sentences naming both parties make a deal.
   */
  private readLicense(index: number, companies: Mention[], pairsOnly: boolean): void {
    const text = this.texts[index] as string;
    const roles = this.licenseRoles(index, companies);
    const paid = this.paymentParties(index, companies);
    if (roles.size === 1 && paid.payee && !roles.has(paid.payee)) roles.set(paid.payee, 'LICENSOR');
    const named = [...roles.keys()];
    let deal: Deal | undefined;
    if (named.length === 2) deal = this.deal(named, index);
    else if (named.length < 2 && (pairOf(companies) || /\blicen[sc]e agreement with\b/i.test(text))) {
      deal = this.readPair(index, companies, 'LICENSE');
    } else if (!pairsOnly && named.length === 1) deal = this.dealOf(named, index);
    if (!deal) return;
    deal.types.add('LICENSE');
    deal.status ??= 'ACTIVE';
    for (const [company, role] of roles) this.setRole(deal, company, role, index);
    this.describe(deal, index);
  }

  private licenseRoles(index: number, companies: Mention[]): Map<string, PartyRole> {
    const text = this.texts[index] as string;
    const roles = new Map<string, PartyRole>();
    const verbs = LICENSE_ROLE_VERBS.map((verb) => ({ verb, match: verb.pattern.exec(text) }))
      .filter((found) => found.match !== null)
      .sort((a, b) => (a.match?.index ?? 0) - (b.match?.index ?? 0));
    const first = verbs[0];
    if (!first?.match) return roles;
    const subject = this.subjectOf(index, companies, first.match.index);
    const objectFrom = first.match.index + first.match[0].length;
    const endsWithPreposition = /\b(?:to|from)$/i.test(first.match[0]);
    const object = endsWithPreposition ? companies.find((m) => m.start >= objectFrom)?.id : undefined;
    if (subject) roles.set(subject, first.verb.subject);
    if (object && object !== subject) roles.set(object, first.verb.object);
    return roles;
  }

  // -------------------------------------------------------------------------------------------------------
  // Pass 2: what sentences say about the deals

  readTermsSentence(index: number): void {
    const text = this.texts[index] as string;
    const companies = this.companies(index);
    if (OPTION.test(text) && companies.length > 0) this.readOption(index, companies, false);
    else if (LICENSE.test(text) && !COLLABORATION.test(text)) this.readLicense(index, companies, false);
    const money = readMoney(text).filter((amount) => !amount.perShare);
    const royalty = ROYALTY.test(text);
    if (money.length === 0 && !royalty) {
      this.readMentionOfDeal(index);
      return;
    }
    const paid = this.paymentParties(index, companies);
    const deal = this.dealForTerms(index, companies, paid, money);
    if (!deal) return;
    this.readDirection(deal, index, companies);
    for (const amount of money) {
      this.readAmount(deal, index, amount, this.paymentParties(index, companies, amount.start, paid), money);
    }
    if (royalty) {
      const at = ROYALTY.exec(text)?.index ?? 0;
      this.readRoyalty(deal, index, this.paymentParties(index, companies, at, paid));
    }
  }

  /**
   * Who pays whom under the deal as a whole: "Velora will pay Lanxin …", or the licensor "is entitled to
   * receive milestone payments and royalties" in a sentence naming the licensee. A payment "from X to Y" is
   * that payment's alone.
   */
  private readDirection(deal: Deal, index: number, companies: Mention[]): void {
    const text = this.texts[index] as string;
    const pays = PAYS.exec(text);
    const payer = pays ? this.subjectOf(index, companies, pays.index) : undefined;
    const object = pays ? companies.find((m) => m.start === pays.index + pays[0].length + 1) : undefined;
    const toHolders = object !== undefined && this.isShareholders(index, object);
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
    const receiver = receives ? this.subjectOf(index, companies, receives.index) : undefined;
    const other = companies.find((m) => m.id !== receiver && deal.parties.includes(m.id))?.id;
    if (receiver && other && deal.parties.includes(receiver) && this.isLicenseeHere(deal, other, index)) {
      deal.payer = mergeCited(deal.payer, { value: other, at: [index] });
      deal.payee = mergeCited(deal.payee, { value: receiver, at: [index] });
    }
  }

  /** "The acquisition brings Halvard KST-228": the drugs of the document's acquisition. */
  private readMentionOfDeal(index: number): void {
    if (!ACQUISITION_BRINGS.test(this.texts[index] as string)) return;
    const acquisitions = this.deals.filter((deal) => deal.types.has('ACQUISITION'));
    if (acquisitions.length !== 1) return;
    const deal = acquisitions[0] as Deal;
    deal.cite.add(index);
    for (const drug of this.analysis.mentionsIn(index, 'Drug')) addCited(deal.drugs, drug.id, index);
  }

  /**
   * The deal a sentence of terms is about: the one whose parties it names (the one of its drug, or the first,
   * when a company has several), the document's first deal when it names no company, or the license of the
   * regulatory event that triggers its milestone.
   */
  private dealForTerms(
    index: number,
    companies: Mention[],
    paid: PaymentParties,
    money: MoneyMention[],
  ): Deal | undefined {
    const named = unique([paid.payer, paid.payee, ...companies.map((m) => m.id)].filter(isDefined));
    const drugs = new Set(this.analysis.mentionsIn(index, 'Drug').map((m) => m.id));
    const acquisition =
      ACQUIRES.test(this.texts[index] as string) && !ACQUIRES_RIGHTS.test(this.texts[index] as string);
    const shared = (deal: Deal) => named.filter((company) => deal.parties.includes(company)).length;
    // A payment between companies names its deal: one of other parties is not it.
    const payers = [paid.payer, paid.payee].filter(isDefined);
    const candidates = this.deals.filter(
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
    const described = this.deals.filter((deal) => !mentionedOnly(deal) && !deal.inferred);
    if (named.length === 0 && described.length > 0) return described[0];
    const trigger = this.triggerOf(index);
    if (trigger && paid.payee && money.some((amount) => this.kindOf(index, amount, money) === 'milestone')) {
      return this.inferredLicense(index, paid.payee, trigger.value);
    }
    return undefined;
  }

  /** The license behind a milestone paid on an event: licensor the payee, licensee the drug's developer. */
  private inferredLicense(index: number, payee: string, event: string): Deal | undefined {
    const drug = this.drugOfEvent(event);
    if (!drug) return undefined;
    const licensee = this.developerOf(drug, payee);
    if (!licensee) return undefined;
    const existing = this.deals.find((deal) => deal.inferred && deal.namingDrug === drug);
    if (existing) return existing;
    const deal = this.deal([licensee, payee], index);
    deal.inferred = true;
    deal.namingDrug = drug;
    deal.types.add('LICENSE');
    deal.roleHints = new Map([
      [licensee, 'LICENSEE'],
      [payee, 'LICENSOR'],
    ]);
    return deal;
  }

  private readAmount(
    deal: Deal,
    index: number,
    amount: MoneyMention,
    paid: PaymentParties,
    all: MoneyMention[],
  ): void {
    const kind = this.kindOf(index, amount, all);
    if (!kind) return;
    if (kind !== 'milestone') {
      this.setMoney(deal, kind, amount, index);
      return;
    }
    const text = this.texts[index] as string;
    const trigger = this.triggerOf(index, amount.start);
    const triggered = TRIGGERED.test(text) && !CONDITIONAL.test(text);
    const key = trigger ? `${trigger.value}-milestone` : `${slug(moneyText(amount))}-milestone`;
    const payment = this.payment(deal, 'milestone', key, index, {
      name: milestoneName(text, amount, this.eventName(trigger?.value)),
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

  private readRoyalty(deal: Deal, index: number, paid: PaymentParties): void {
    const text = this.texts[index] as string;
    const basis = ROYALTY_BASIS.exec(text)?.[1];
    const rate = ROYALTY_RATE.exec(text);
    const percent = rate ? Number(rate[1] ?? rate[2]) : undefined;
    const drug = this.drugName([...deal.drugs.keys()][0] ?? deal.namingDrug);
    const payment = this.payment(deal, 'royalty', 'royalty', index, {
      name: `Royalties on ${drug ? `${drug} ` : ''}${basis ?? 'sales'}`,
      basis,
      rate: percent === undefined ? undefined : percent / 100,
    });
    if (paid.payer) payment.payer = mergeCited(payment.payer, { value: paid.payer, at: [index] });
    if (paid.payee) payment.payee = mergeCited(payment.payee, { value: paid.payee, at: [index] });
  }

  /** What an amount is, from the words after it (up to the next amount) or else before it (since the last). */
  private kindOf(index: number, amount: MoneyMention, all: MoneyMention[]): MoneyKind | undefined {
    const text = this.texts[index] as string;
    const position = all.indexOf(amount);
    const next = all[position + 1]?.start ?? text.length;
    const previous = all[position - 1]?.end ?? 0;
    const after = text.slice(amount.end, Math.min(next, amount.end + 120)).split(/[;.](?:\s|$)/)[0] ?? '';
    // Before it: since the last clause break, so "$1.5 billion upfront and up to $800 million" is no upfront.
    const since = text.slice(Math.max(previous, amount.start - 80), amount.start);
    const before = since.split(/[,;]|\b(?:and|plus)\b/).pop() ?? '';
    const nearestAfter = nearest(after, (match) => match.index);
    if (nearestAfter) return nearestAfter;
    // "USD 300 million upon the first US regulatory approval": one of the contingent payments a sentence lists.
    if (/^\s+upon\b/i.test(after) && CONTINGENT_PAYMENTS.test(text)) return 'milestone';
    const deal = ACQUIRES.test(text) && !ACQUIRES_RIGHTS.test(text);
    return (
      nearest(before, (match) => before.length - match.index - match[0].length) ??
      (deal ? 'totalValue' : undefined)
    );
  }

  // -------------------------------------------------------------------------------------------------------
  // Writing the draft

  write(): void {
    for (const deal of this.deals) this.writeDeal(deal);
  }

  private writeDeal(deal: Deal): void {
    const roles = this.finalRoles(deal);
    if (!roles) return;
    const type = dealTypeOf(deal);
    const cite = [...deal.cite];
    const variants = this.dealNames(deal, type, roles);
    const known = variants.find((name) => this.analysis.find('Partnership', name));
    const money = this.moneyFields(deal);
    const id = this.analysis.entity(
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
      this.dealKey(deal),
    );
    const draft = this.analysis.draft;
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
    for (const payment of deal.payments.values()) this.writePayment(id, deal, payment);
  }

  private writePayment(partnership: string, deal: Deal, payment: Payment): void {
    const draft = this.analysis.draft;
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
  private finalRoles(deal: Deal): Map<string, Cited<PartyRole>> | undefined {
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

  private moneyFields(deal: Deal): Record<string, unknown> {
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

  /**
   * "Roche–ImmunoGen Kadcyla license" (licensee first), "Halvard's acquisition of Kestrel Oncology": first from
   * the shortest names, then from every other name the parties and the drug go by, so a deal another release
   * of the run named from other spellings ("the Roche Group") is found.
   */
  private dealNames(deal: Deal, type: DealType | undefined, roles: Map<string, Cited<PartyRole>>): string[] {
    const byRole = (role: PartyRole) => [...roles].find(([, cited]) => cited.value === role)?.[0];
    const drugs = this.drugNames([...deal.drugs.keys()][0] ?? deal.namingDrug);
    const [first, second] =
      type === 'ACQUISITION'
        ? [byRole('ACQUIRER'), byRole('ACQUIRED')]
        : (type === 'LICENSE' || type === 'OPTION') && byRole('LICENSEE') && byRole('LICENSOR')
          ? [byRole('LICENSEE'), byRole('LICENSOR')]
          : deal.parties;
    const noun = type === 'ACQUISITION' ? '' : type ? type.toLowerCase() : 'partnership';
    const names: string[] = [];
    for (const a of this.companyNames(first)) {
      for (const b of this.companyNames(second)) {
        if (type === 'ACQUISITION') names.push(`${a}'s acquisition of ${b}`);
        else
          for (const drug of drugs.length ? drugs : [''])
            names.push(`${a}–${b} ${drug ? `${drug} ` : ''}${noun}`);
      }
    }
    return names;
  }

  private dealKey(deal: Deal): string {
    const drug = [...deal.drugs.keys()][0] ?? deal.namingDrug;
    return slug([...deal.parties, drug].filter(isDefined).join('-'));
  }

  // -------------------------------------------------------------------------------------------------------
  // Helpers over the analysis

  /** The deal of these parties (any order), made when new. */
  private deal(parties: string[], index: number): Deal {
    let deal = this.deals.find(
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
      this.deals.push(deal);
    }
    deal.cite.add(index);
    return deal;
  }

  /** The deal a sentence naming one party is about: of its drug, else the first with that party. */
  private dealOf(companies: string[], index: number): Deal | undefined {
    const drugs = new Set(this.analysis.mentionsIn(index, 'Drug').map((m) => m.id));
    const candidates = this.deals.filter((deal) =>
      companies.every((company) => deal.parties.includes(company)),
    );
    const deal = candidates.find((d) => [...d.drugs.keys()].some((drug) => drugs.has(drug))) ?? candidates[0];
    deal?.cite.add(index);
    return deal;
  }

  private setRole(deal: Deal, company: string, role: PartyRole, index: number): void {
    const stated = deal.roles.get(company);
    if (!stated) deal.roles.set(company, { value: role, at: [index] });
    else if (stated.value === role && !stated.at.includes(index)) stated.at.push(index);
  }

  /** An amount of a deal; two different amounts of one kind leave it out (a wrong amount is worse than none). */
  private setMoney(
    deal: Deal,
    kind: Exclude<MoneyKind, 'milestone'>,
    money: MoneyMention,
    index: number,
  ): void {
    const stated = deal.money.get(kind);
    if (stated === null) return;
    if (!stated) deal.money.set(kind, { value: money, at: [index] });
    else if (stated.value.amount === money.amount && stated.value.currency === money.currency) {
      stated.at.push(index);
    } else deal.money.set(kind, null);
  }

  private payment(
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

  /**
   * Drugs, technologies, rights and territory a deal sentence names, in the clause of its deal words at
   * `offset` (a headline's "…; QL-1105 Receives Fast Track" is another matter).
   */
  private describe(deal: Deal, index: number, offset = 0): void {
    const text = this.texts[index] as string;
    const [from, to] = clauseAround(text, offset);
    const inClause = (m: Mention) => m.start >= from && m.end <= to;
    for (const drug of this.analysis.mentionsIn(index, 'Drug').filter(inClause)) {
      addCited(deal.drugs, drug.id, index);
    }
    for (const technology of this.analysis.mentionsIn(index, 'Technology').filter(inClause)) {
      addCited(deal.technologies, technology.id, index);
    }
    for (const right of rightsIn(text)) if (!deal.rights.includes(right)) deal.rights.push(right);
    deal.territory ??= TERRITORY.exec(text)?.[0];
  }

  /** Unique companies the sentence names, in order. */
  private companies(index: number): Mention[] {
    const seen = new Set<string>();
    return this.analysis.mentionsIn(index, 'Company').filter((m) => !seen.has(m.id) && seen.add(m.id));
  }

  /**
   * The company a verb at `offset` is about: the nearest one named before it in the sentence, else (for "Its
   * pipeline includes …", "The Company …") the first one of the previous sentence, else the publisher.
   */
  private subjectOf(index: number, companies: Mention[], offset: number): string | undefined {
    const before = companies.filter((m) => m.end <= offset);
    if (before.length) return (before[before.length - 1] as Mention).id;
    if (!/^(?:its|it|the company|we|our)\b/i.test(this.texts[index] as string)) return undefined;
    return this.companies(index - 1)[0]?.id ?? this.analysis.publisher;
  }

  /**
   * Who pays and who is paid in a sentence, or in the clause around `offset` ("Lanxin would pay an exercise
   * fee of $45 million, and Halvard would be eligible for up to $160 million"): "X will pay Y", "Y is eligible
   * to receive", "payment from X to Y". Who is paid is said once for a sentence (`sentence`); who pays only in
   * the clause of the payment.
   */
  private paymentParties(
    index: number,
    allCompanies: Mention[],
    offset?: number,
    sentence?: PaymentParties,
  ): PaymentParties {
    const whole = this.texts[index] as string;
    const [from, to] = offset === undefined ? [0, whole.length] : paymentClauseAround(whole, offset);
    const clause = whole.slice(from, to);
    const companies = allCompanies.filter((m) => m.start >= from && m.end <= to);
    const parties: PaymentParties = {};
    const pays = PAYS.exec(clause);
    if (pays) {
      parties.payer = this.subjectOf(index, companies, from + pays.index);
      const object = companies.find((m) => m.start === from + pays.index + pays[0].length + 1);
      if (object && !this.isShareholders(index, object)) parties.payee = object.id;
    }
    const receives = RECEIVES.exec(clause);
    const receiver = receives ? companies.filter((m) => m.end <= from + receives.index).pop() : undefined;
    if (receiver && !parties.payee && !this.isShareholders(index, receiver)) parties.payee = receiver.id;
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

  /** Whether sentence `index` itself makes `company` the deal's licensee ("Roche has … rights for Kadcyla"). */
  private isLicenseeHere(deal: Deal, company: string, index: number): boolean {
    const role = deal.roles.get(company);
    return role?.value === 'LICENSEE' && role.at.includes(index);
  }

  /** "Arbonyx shareholders will receive": the company's holders, not the company, are paid. */
  private isShareholders(index: number, company: Mention): boolean {
    return /^\s*(?:['’]s\s+)?(?:share|stock)holders\b/i.test(
      (this.texts[index] as string).slice(company.end),
    );
  }

  /** The regulatory event a milestone sentence names (nearest before the amount), or the previous sentences'. */
  private triggerOf(index: number, offset = Number.POSITIVE_INFINITY): Cited<string> | undefined {
    const events = this.analysis.mentionsIn(index, 'RegulatoryEvent');
    const before = events.filter((m) => m.start < offset);
    const here = before[before.length - 1] ?? events[0];
    if (here) return { value: here.id, at: [index] };
    if (!EVENT_ANAPHORA.test(this.texts[index] as string)) return undefined;
    for (let previous = index - 1; previous >= Math.max(0, index - 2); previous -= 1) {
      const earlier = this.analysis.mentionsIn(previous, 'RegulatoryEvent');
      const last = earlier[earlier.length - 1];
      if (last) return { value: last.id, at: [previous, index] };
    }
    return undefined;
  }

  private drugOfEvent(event: string): string | undefined {
    const concerns = this.analysis.draft.record('regulatoryEvents', event)?.concerns;
    const first = Array.isArray(concerns) ? concerns[0] : undefined;
    return refOf(first);
  }

  /**
   * The company that develops a drug, other than `except`: the drug's developers, else the group of its
   * marketer ("Genentech, a member of the Roche Group"), else a company the text writes as its owner ("Roche's
   * Kadcyla").
   */
  private developerOf(drug: string, except: string): string | undefined {
    const record = this.analysis.draft.record('drugs', drug);
    const developers = refsOf(record?.developers).filter((company) => company !== except);
    if (developers[0]) return developers[0];
    for (const marketer of refsOf(record?.marketers)) {
      const group = refOf(this.analysis.draft.record('companies', marketer)?.memberOf);
      if (group && group !== except) return group;
    }
    return this.possessiveOwner(drug, except);
  }

  private possessiveOwner(drug: string, except: string): string | undefined {
    for (let index = 0; index < this.texts.length; index += 1) {
      const text = this.texts[index] as string;
      for (const mention of this.analysis.mentionsIn(index, 'Drug')) {
        if (mention.id !== drug) continue;
        const owner = this.companies(index).find(
          (m) => m.id !== except && /^\s*['’]s\s*$/.test(text.slice(m.end, mention.start)),
        );
        if (owner) return owner.id;
      }
    }
    return undefined;
  }

  /**
   * The names a company goes by, shortest first, without tickers, legal forms, "the" or "Group" ("the Roche
   * Group" is Roche).
   */
  private companyNames(id: string | undefined): string[] {
    if (!id) return [];
    const names = namesOf(this.analysis.draft.record('companies', id), this.mentionTexts(id))
      .filter((name) => !TICKER.test(name))
      .map((name) => withoutLegalForm(name.replace(/^the\s+/i, '').replace(/\s+Group$/, '')));
    const unique = [...new Set(names)].sort((a, b) => a.length - b.length);
    return unique.length ? unique : [id];
  }

  /** The names a drug goes by, its record's name first. */
  private drugNames(id: string | undefined): string[] {
    if (!id) return [];
    return [...new Set(namesOf(this.analysis.draft.record('drugs', id), this.mentionTexts(id)))];
  }

  private drugName(id: string | undefined): string | undefined {
    return this.drugNames(id)[0];
  }

  private eventName(id: string | undefined): string | undefined {
    const name = id ? this.analysis.draft.record('regulatoryEvents', id)?.name : undefined;
    return typeof name === 'string' ? name : undefined;
  }

  private mentionTexts(id: string): string[] {
    return this.analysis.mentions
      .filter((m) => m.id === id)
      .map((m) => (this.texts[m.sentence] as string).slice(m.start, m.end).replace(/[®™]/g, '').trim());
  }
}

type MoneyKindOfDeal = Exclude<MoneyKind, 'milestone'>;

/** The words of each kind of amount, to find every occurrence. */
const MONEY_KIND_WORDS = MONEY_KINDS.map(({ kind, words }) => ({
  kind,
  all: new RegExp(words.source, 'gi'),
}));

/** The kind whose words are nearest by `distance`. */
function nearest(text: string, distance: (match: RegExpExecArray) => number): MoneyKind | undefined {
  let best: { kind: MoneyKind; distance: number } | undefined;
  for (const { kind, all } of MONEY_KIND_WORDS) {
    for (const match of text.matchAll(all)) {
      const d = distance(match as RegExpExecArray);
      if (!best || d < best.distance) best = { kind, distance: d };
    }
  }
  return best?.kind;
}

/** A deal only mentioned ("through its partnerships with"): no sentence says what kind it is. */
const mentionedOnly = (deal: Deal) => deal.types.size === 0;

function dealTypeOf(deal: Deal): DealType | undefined {
  for (const type of ['ACQUISITION', 'COLLABORATION', 'OPTION', 'LICENSE'] as const) {
    if (deal.types.has(type)) return type;
  }
  return undefined;
}

const COMPLEMENT: Partial<Record<PartyRole, PartyRole>> = {
  LICENSOR: 'LICENSEE',
  LICENSEE: 'LICENSOR',
  ACQUIRER: 'ACQUIRED',
  ACQUIRED: 'ACQUIRER',
};
const complement = (role: PartyRole): PartyRole => COMPLEMENT[role] ?? 'PARTNER';

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

function milestoneName(text: string, amount: MoneyMention, event: string | undefined): string {
  const written = moneyText(amount);
  if (event) return `${written} milestone on ${event}`;
  const kinds = /\bin ((?:[a-z-]+(?:, | and |, and ))*[a-z-]+ milestones)\b/i.exec(
    text.slice(amount.end),
  )?.[1];
  const what = kinds
    ? ` in ${kinds}`
    : /near-term payments?/i.test(text)
      ? ' in near-term payments'
      : ' milestone';
  return `${amount.upTo ? 'Up to ' : ''}${written}${what}`;
}

/** "$1.1 billion", "¥5 billion", as the amount would be written. */
function moneyText(amount: MoneyMention): string {
  const symbol: Record<string, string> = { USD: '$', EUR: '€', GBP: '£', JPY: '¥' };
  const mark = symbol[amount.currency] ?? `${amount.currency} `;
  for (const [scale, word] of [
    [1e9, 'billion'],
    [1e6, 'million'],
  ] as const) {
    if (amount.amount >= scale) return `${mark}${Number((amount.amount / scale).toFixed(3))} ${word}`;
  }
  return `${mark}${amount.amount}`;
}

/** A ticker ("VLRA", "4619") names a company in a sentence, never in a deal's name. */
const TICKER = /^[A-Z0-9.]{1,6}$/;

/** "Kisaragi Pharmaceutical Co., Ltd." → "Kisaragi Pharmaceutical": trailing words the company key ignores. */
function withoutLegalForm(name: string): string {
  const key = companyNameKey(name);
  let words = name.split(/\s+/);
  while (words.length > 1 && companyNameKey(words.slice(0, -1).join(' ')) === key) words = words.slice(0, -1);
  return words.join(' ').replace(/,$/, '');
}

/** A record's name and aliases, then the spellings of its mentions. */
function namesOf(record: Record<string, unknown> | undefined, spelled: string[]): string[] {
  return [record?.name, ...((record?.aliases as unknown[] | undefined) ?? []), ...spelled].filter(
    (name): name is string => typeof name === 'string' && name.length > 0,
  );
}

function refOf(link: unknown): string | undefined {
  if (typeof link === 'string') return link;
  if (typeof link === 'object' && link !== null && 'ref' in link)
    return String((link as { ref: unknown }).ref);
  return undefined;
}

const refsOf = (links: unknown): string[] => (Array.isArray(links) ? links.map(refOf).filter(isDefined) : []);

function addCited(map: Map<string, number[]>, id: string, index: number): void {
  const at = map.get(id);
  if (!at) map.set(id, [index]);
  else if (!at.includes(index)) at.push(index);
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

/** The clause of `text` around `offset`: between semicolons. */
function clauseAround(text: string, offset: number): [number, number] {
  const start = text.lastIndexOf(';', offset) + 1;
  const end = text.indexOf(';', offset);
  return [start, end < 0 ? text.length : end];
}

/** A sentence naming exactly two companies states a deal between them. */
const pairOf = (companies: Mention[]) => unique(companies.map((m) => m.id)).length === 2;

const unique = <T>(values: T[]): T[] => [...new Set(values)];
const isDefined = <T>(value: T | undefined | null): value is T => value !== undefined && value !== null;

/** The same value stated again adds its citations; a different one keeps the first. */
function mergeCited<T>(stated: Cited<T> | undefined, more: Cited<T>): Cited<T> {
  if (!stated) return { value: more.value, at: [...more.at] };
  if (stated.value === more.value) for (const at of more.at) if (!stated.at.includes(at)) stated.at.push(at);
  return stated;
}
