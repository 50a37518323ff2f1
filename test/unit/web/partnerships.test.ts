import { describe, expect, it } from 'vitest';
import type { MilestoneInfo, PartnershipInfo } from '../../../web/src/api/types.ts';
import {
  describeMoneyLine,
  milestoneMoney,
  milestoneState,
  partnershipElements,
} from '../../../web/src/graph/partnerships.ts';

const immunogen = { id: 'immunogen', name: 'ImmunoGen' };
const roche = { id: 'roche', name: 'Roche' };
const milestone = (id: string, status: 'TRIGGERED' | 'PENDING', day: string | null): MilestoneInfo => ({
  id,
  name: `$5 million milestone ${id}`,
  amount: { amount: 5_000_000, currency: 'USD' },
  status,
  description: null,
  payer: roche,
  payee: immunogen,
  trigger: {
    id: `event-${id}`,
    name: `Approval ${id}`,
    date: day ? { date: day, precision: 'DAY', sortDate: day } : null,
  },
});

const deal: PartnershipInfo = {
  id: 'roche-immunogen',
  name: 'Roche–ImmunoGen',
  rights: ['exclusive worldwide'],
  territory: 'worldwide',
  status: 'ACTIVE',
  summary: null,
  startDate: null,
  parties: [
    { company: immunogen, role: 'LICENSOR' },
    { company: roche, role: 'LICENSEE' },
  ],
  drugs: [{ id: 'kadcyla', name: 'Kadcyla' }],
  technologies: [],
  milestones: [milestone('japan', 'TRIGGERED', '2013-09-20'), milestone('eu', 'PENDING', '2013-11-15')],
  royalties: [
    {
      id: 'royalty',
      name: 'Royalties',
      basis: 'net sales',
      rate: null,
      description: null,
      payer: roche,
      payee: immunogen,
    },
  ],
  citations: [],
};

describe('milestone money', () => {
  it('sums per company what it receives and pays, triggered and pending', () => {
    const money = milestoneMoney([deal]);
    expect(money.map((m) => m.name)).toEqual(['ImmunoGen', 'Roche']);
    expect(money[0]?.receives).toEqual([
      { currency: 'USD', triggered: 5_000_000, pending: 5_000_000, undisclosed: 0 },
    ]);
    expect(money[1]?.pays).toEqual([
      { currency: 'USD', triggered: 5_000_000, pending: 5_000_000, undisclosed: 0 },
    ]);
    expect(describeMoneyLine(money[0]!.receives[0]!)).toBe('$5M triggered, $5M pending');
  });

  it('takes each milestone state from the API (which answers as of a day), pending unless triggered', () => {
    expect(milestoneState({ status: 'TRIGGERED' })).toBe('TRIGGERED');
    expect(milestoneState({ status: 'PENDING' })).toBe('PENDING');
    expect(milestoneState({ status: null })).toBe('PENDING');
    // What the server said on an earlier day: both pending, whatever the triggers' dates.
    const earlier = {
      ...deal,
      milestones: deal.milestones.map((m) => ({ ...m, status: 'PENDING' as const })),
    };
    expect(milestoneMoney([earlier])[0]?.receives[0]).toMatchObject({ triggered: 0, pending: 10_000_000 });
  });
});

describe('partnershipElements', () => {
  const elements = partnershipElements([deal]);
  const edge = (type: string, source: string) =>
    elements.find((e) => e.group === 'edges' && e.data.type === type && e.data.source === source);

  it('draws companies, the deal, what it licenses, its milestones and their triggers', () => {
    const kinds = elements.filter((e) => e.group === 'nodes').map((e) => e.data.kind);
    expect(kinds.sort()).toEqual([
      'Company',
      'Company',
      'Drug',
      'Milestone',
      'Milestone',
      'Partnership',
      'RegulatoryEvent',
      'RegulatoryEvent',
      'Royalty',
    ]);
  });

  it('writes the terms on the edges', () => {
    expect(edge('PARTY_TO', 'immunogen')?.data.label).toBe('licensor');
    expect(edge('TRIGGERS', 'event-japan')?.data.label).toBe('triggers $5M');
    expect(
      elements
        .filter((e) => e.data.id.startsWith('HAS_MILESTONE'))
        .map((e) => e.data.label as string)
        .sort(),
    ).toEqual(['$5M · pending', '$5M · triggered']);
    expect(edge('HAS_ROYALTY', 'roche-immunogen')?.data.label).toBe('royalty (rate undisclosed)');
  });
});
