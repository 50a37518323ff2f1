import type { GraphEdge, MilestoneInfo, PartnershipInfo } from '../api/types.ts';
import { formatMoney } from './format.ts';
import type { Element } from './toElements.ts';
import { truncateLabel } from './toElements.ts';

export type MilestoneState = 'TRIGGERED' | 'PENDING';

/**
 * A milestone's state as the API gives it (for an "as of" day, the state the documents of that day said);
 * pending unless said to be triggered.
 */
export function milestoneState(milestone: Pick<MilestoneInfo, 'status'>): MilestoneState {
  return milestone.status === 'TRIGGERED' ? 'TRIGGERED' : 'PENDING';
}

export interface MoneyLine {
  currency: string;
  triggered: number;
  pending: number;
  /** Milestones whose amount is not disclosed. */
  undisclosed: number;
}

export interface CompanyMoney {
  id: string;
  name: string;
  receives: MoneyLine[];
  pays: MoneyLine[];
}

function line(lines: MoneyLine[], currency: string): MoneyLine {
  let found = lines.find((l) => l.currency === currency);
  if (!found) {
    found = { currency, triggered: 0, pending: 0, undisclosed: 0 };
    lines.push(found);
  }
  return found;
}

/** Per company: milestone money it receives and pays, triggered and still pending. */
export function milestoneMoney(partnerships: readonly PartnershipInfo[]): CompanyMoney[] {
  const byId = new Map<string, CompanyMoney>();
  const company = (ref: { id: string; name: string }) => {
    let entry = byId.get(ref.id);
    if (!entry) {
      entry = { id: ref.id, name: ref.name, receives: [], pays: [] };
      byId.set(ref.id, entry);
    }
    return entry;
  };
  const seen = new Set<string>();
  for (const partnership of partnerships) {
    for (const party of partnership.parties) company(party.company);
    for (const milestone of partnership.milestones) {
      if (seen.has(milestone.id)) continue;
      seen.add(milestone.id);
      const state = milestoneState(milestone);
      const sides: [typeof milestone.payee, 'receives' | 'pays'][] = [
        [milestone.payee, 'receives'],
        [milestone.payer, 'pays'],
      ];
      for (const [ref, side] of sides) {
        if (!ref) continue;
        const entry = company(ref);
        const target = line(entry[side], milestone.amount?.currency ?? 'USD');
        if (!milestone.amount) target.undisclosed++;
        else if (state === 'TRIGGERED') target.triggered += milestone.amount.amount;
        else target.pending += milestone.amount.amount;
      }
    }
  }
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
}

export function describeMoneyLine(l: MoneyLine): string {
  const parts = [
    `${formatMoney(l.triggered, l.currency)} triggered`,
    `${formatMoney(l.pending, l.currency)} pending`,
  ];
  if (l.undisclosed) parts.push(`${l.undisclosed} undisclosed`);
  return parts.join(', ');
}

/** How a milestone reads on an edge: "$5M · triggered". */
function milestoneTerms(milestone: MilestoneInfo): string {
  const amount = milestone.amount
    ? formatMoney(milestone.amount.amount, milestone.amount.currency)
    : 'undisclosed';
  return `${amount} · ${milestoneState(milestone).toLowerCase()}`;
}

/**
 * The partnerships view on the canvas: companies joined to their deals (edge says the role), each deal to what
 * it licenses, to its milestones (edge says amount and state) and each milestone to the event that triggers it.
 */
export function partnershipElements(partnerships: readonly PartnershipInfo[]): Element[] {
  const out: Element[] = [];
  const ids = new Set<string>();
  const node = (id: string, kind: string, label: string, properties: Record<string, unknown> = {}) => {
    if (ids.has(id)) return;
    ids.add(id);
    out.push({ group: 'nodes', data: { id, kind, label: truncateLabel(label), properties } });
  };
  const edge = (source: string, target: string, type: GraphEdge['type'], label: string) => {
    const id = `${type}:${source}->${target}`;
    if (ids.has(id)) return;
    ids.add(id);
    out.push({ group: 'edges', data: { id, source, target, type, label, properties: {} } });
  };
  for (const p of partnerships) {
    node(p.id, 'Partnership', p.name, { territory: p.territory, status: p.status });
    for (const party of p.parties) {
      node(party.company.id, 'Company', party.company.name);
      edge(party.company.id, p.id, 'PARTY_TO', party.role ? party.role.toLowerCase() : 'party to');
    }
    for (const drug of p.drugs) {
      node(drug.id, 'Drug', drug.name);
      edge(p.id, drug.id, 'LICENSES_DRUG', 'licenses');
    }
    for (const tech of p.technologies) {
      node(tech.id, 'Technology', tech.name);
      edge(p.id, tech.id, 'LICENSES_TECHNOLOGY', 'licenses');
    }
    for (const m of p.milestones) {
      node(m.id, 'Milestone', m.name, {
        amount: m.amount?.amount ?? null,
        currency: m.amount?.currency ?? null,
        status: m.status,
      });
      edge(p.id, m.id, 'HAS_MILESTONE', milestoneTerms(m));
      if (m.trigger) {
        node(m.trigger.id, 'RegulatoryEvent', m.trigger.name);
        const amount = m.amount ? ` ${formatMoney(m.amount.amount, m.amount.currency)}` : '';
        edge(m.trigger.id, m.id, 'TRIGGERS', `triggers${amount}`);
      }
    }
    for (const r of p.royalties) {
      node(r.id, 'Royalty', r.name);
      edge(
        p.id,
        r.id,
        'HAS_ROYALTY',
        r.rate === null ? 'royalty (rate undisclosed)' : `royalty ${Number((r.rate * 100).toFixed(2))}%`,
      );
    }
  }
  return out;
}
