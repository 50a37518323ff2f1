import { describe, expect, it } from 'vitest';
import type { SeedRecord } from '../../../seed/format.ts';
import { Analysis } from '../../../seed/ingest/analysis.ts';
import { extractDeals } from '../../../seed/ingest/extract/deals/index.ts';
import { mentionAll as mentionEvery } from '../../../seed/ingest/extract/mentions.ts';
import { EntityRegistry } from '../../../seed/ingest/registry.ts';
import { splitSentences } from '../../../seed/ingest/sentences.ts';
import type { NodeKind } from '../../../server/model/kinds.ts';

/**
 * The deal rules on sentences, with the entities earlier rules would have found stated by hand: each company,
 * drug and regulatory event is mentioned wherever the text spells one of its names.
 */
interface Known {
  companies?: Record<string, string[]>;
  drugs?: Record<string, { names: string[]; developers?: string[] }>;
  /** Regulatory events: names as the text spells them, the drug they concern. */
  events?: Record<string, { names: string[]; drug: string }>;
  publisher?: string;
  registry?: EntityRegistry;
}

function deals(text: string, known: Known = {}): SeedRecord[] {
  const sentences = splitSentences(text);
  const registry = known.registry ?? new EntityRegistry();
  const analysis = new Analysis('doc', { file: 'doc.txt', format: 'text', text }, sentences, registry);
  analysis.publisher = known.publisher;
  const mentionAll = (label: NodeKind, id: string, names: string[]) =>
    mentionEvery(analysis, label, new Map(names.map((name) => [name, id])));
  for (const [id, names] of Object.entries(known.companies ?? {})) {
    analysis.draft.entity('companies', id, { name: names[0] }, [0]);
    mentionAll('Company', id, names);
  }
  for (const [id, { names, developers }] of Object.entries(known.drugs ?? {})) {
    analysis.draft.entity('drugs', id, { name: names[0], developers }, [0]);
    mentionAll('Drug', id, names);
  }
  for (const [id, { names, drug }] of Object.entries(known.events ?? {})) {
    analysis.draft.entity('regulatoryEvents', id, { name: id, concerns: [drug] }, [0]);
    mentionAll('RegulatoryEvent', id, names);
  }
  extractDeals(analysis);
  const seed = analysis.draft.toSeedFile('sources/doc.txt');
  const cited = (record: SeedRecord) => record.cite.map((key) => seed.sentences[key]);
  return (seed.partnerships ?? []).map((record) => ({ ...record, citedText: cited(record) }));
}

const refs = (links: unknown) =>
  (links as ({ ref: string } | string)[]).map((l) => (typeof l === 'string' ? l : l.ref));
const roles = (deal: SeedRecord | undefined) =>
  Object.fromEntries(((deal?.parties ?? []) as { ref: string; role: string }[]).map((p) => [p.ref, p.role]));
const milestonesOf = (deal: SeedRecord | undefined) => (deal?.milestones ?? []) as SeedRecord[];
const royaltiesOf = (deal: SeedRecord | undefined) => (deal?.royalties ?? []) as SeedRecord[];
const ref = (link: unknown) => (typeof link === 'string' ? link : (link as { ref: string } | undefined)?.ref);

const VELORA = { velora: ['Velora Therapeutics', 'Velora'], lanxin: ['Lanxin Biopharmaceutical', 'Lanxin'] };
const LX = { lx: { names: ['LX-1207'] } };

describe('extractDeals: licenses', () => {
  const release = [
    'Velora Therapeutics and Lanxin Biopharmaceutical Enter Exclusive License Agreement for LX-1207, in Deal Valued at up to $1.18 Billion',
    '- Velora obtains exclusive rights to LX-1207 worldwide, excluding Greater China',
    '- Lanxin to receive $80 million upfront and a $20 million equity investment',
    'Under the agreement, Velora receives exclusive rights to develop, manufacture and commercialize LX-1207 globally, where Lanxin retains all rights. Velora will pay Lanxin $80 million upfront and will make a $20 million equity investment in Lanxin. Lanxin is also eligible to receive up to $1.1 billion in development, regulatory and commercial milestones, as well as tiered royalties ranging from high single digits to low double digits on net sales outside Greater China.',
  ].join('\n');

  it('drafts one license: roles from who obtains rights, money with currency, one aggregate milestone, a royalty', () => {
    const [deal, ...others] = deals(release, { companies: VELORA, drugs: LX, publisher: 'velora' });
    expect(others).toEqual([]);
    expect(deal).toMatchObject({
      name: 'Velora–Lanxin LX-1207 license',
      dealType: 'LICENSE',
      upfront: 80_000_000,
      equity: 20_000_000,
      totalValue: 1_180_000_000,
      currency: 'USD',
      rights: ['develop', 'manufacture', 'commercialize'],
    });
    expect(roles(deal)).toEqual({ velora: 'LICENSEE', lanxin: 'LICENSOR' });
    expect(refs(deal?.drugs)).toEqual(['lx']);
    const milestones = milestonesOf(deal);
    expect(milestones).toHaveLength(1);
    expect(milestones[0]).toMatchObject({ amount: 1_100_000_000, currency: 'USD', status: 'PENDING' });
    expect([ref(milestones[0]?.payer), ref(milestones[0]?.payee)]).toEqual(['velora', 'lanxin']);
    const royalties = royaltiesOf(deal);
    expect(royalties[0]).toMatchObject({ basis: 'net sales outside Greater China' });
    expect(royalties[0]?.rate).toBeUndefined();
    expect([ref(royalties[0]?.payer), ref(royalties[0]?.payee)]).toEqual(['velora', 'lanxin']);
  });

  it('reads "licensed from" in an About paragraph, the licensee being the paragraph subject', () => {
    const text =
      'Halvard Pharma AG, headquartered in Basel, is a global pharmaceutical company. Its oncology pipeline includes orlatuzumab vedotin, licensed from Velora Therapeutics and under review by the FDA.';
    const [deal] = deals(text, {
      companies: { halvard: ['Halvard Pharma AG'], velora: ['Velora Therapeutics'] },
      drugs: { orvenza: { names: ['orlatuzumab vedotin'] } },
    });
    expect(roles(deal)).toEqual({ halvard: 'LICENSEE', velora: 'LICENSOR' });
    expect(deal?.dealType).toBe('LICENSE');
    expect(refs(deal?.drugs)).toEqual(['orvenza']);
  });

  it('reads "licensed … rights to X" and a milestone "from X to Y" on today\'s approval as triggered', () => {
    const text =
      'The FDA approved ORVENZA today. ORVENZA was discovered by Velora Therapeutics, which licensed exclusive worldwide development and commercialization rights to Halvard in 2021. The FDA approval triggers a $25 million milestone payment from Halvard to Velora, which is also entitled to royalties on net sales.';
    const [deal] = deals(text, {
      companies: { velora: ['Velora Therapeutics', 'Velora'], halvard: ['Halvard'] },
      drugs: { orvenza: { names: ['ORVENZA'] } },
      events: { 'orvenza-us-approval': { names: ['FDA approved'], drug: 'orvenza' } },
    });
    expect(roles(deal)).toEqual({ velora: 'LICENSOR', halvard: 'LICENSEE' });
    expect(deal?.territory).toBe('worldwide');
    const [milestone] = milestonesOf(deal);
    expect(milestone).toMatchObject({ amount: 25_000_000, status: 'TRIGGERED' });
    expect([ref(milestone?.payer), ref(milestone?.payee), ref(milestone?.triggeredBy)]).toEqual([
      'halvard',
      'velora',
      'orvenza-us-approval',
    ]);
    expect(royaltiesOf(deal)[0]).toMatchObject({ basis: 'net sales' });
  });

  it('reads rights acquired from a company as a license, not an acquisition, and a yen milestone', () => {
    const text =
      "The MHLW approved ZENVYRA. Kisaragi acquired exclusive rights to develop and commercialize ZENVYRA in Japan from Tianrui in 2022. In connection with today's approval, Kisaragi will make a milestone payment of ¥5 billion to Tianrui.";
    const [deal] = deals(text, {
      companies: { kisaragi: ['Kisaragi'], tianrui: ['Tianrui'] },
      drugs: { zenvyra: { names: ['ZENVYRA'] } },
      events: { 'zenvyra-jp-approval': { names: ['MHLW approved'], drug: 'zenvyra' } },
    });
    expect(deal?.dealType).toBe('LICENSE');
    expect(roles(deal)).toEqual({ kisaragi: 'LICENSEE', tianrui: 'LICENSOR' });
    const [milestone] = milestonesOf(deal);
    expect(milestone).toMatchObject({ amount: 5_000_000_000, currency: 'JPY', status: 'TRIGGERED' });
    expect(ref(milestone?.triggeredBy)).toBe('zenvyra-jp-approval');
  });

  it('reads "grants X exclusive rights … outside China" with a single royalty rate', () => {
    const text =
      'Aster Bio grants Norvik Pharma exclusive rights to develop and commercialize AB-12 outside of China. Norvik will pay Aster Bio a 12% royalty on net sales.';
    const [deal] = deals(text, {
      companies: { aster: ['Aster Bio'], norvik: ['Norvik Pharma', 'Norvik'] },
      drugs: { ab12: { names: ['AB-12'] } },
    });
    expect(roles(deal)).toEqual({ aster: 'LICENSOR', norvik: 'LICENSEE' });
    expect(deal?.territory).toBe('outside of China');
    expect(royaltiesOf(deal)[0]).toMatchObject({ basis: 'net sales', rate: 0.12 });
  });
});

describe('extractDeals: collaborations, options, acquisitions, mentions', () => {
  const KISARAGI = {
    kisaragi: ['Kisaragi Pharmaceutical', 'Kisaragi'],
    corvantis: ['Corvantis Therapeutics', 'Corvantis'],
  };

  it('drafts a collaboration with PARTNER roles, near-term payments and milestones apart from the total value', () => {
    const text = [
      'Kisaragi Pharmaceutical and Corvantis Therapeutics Enter Global Co-Development and Co-Commercialization Collaboration for Ortelitamab Deruxtecan',
      '- Kisaragi to make a $150 million upfront payment and $350 million in near-term payments',
      'Under the terms of the agreement, Kisaragi will pay Corvantis a $150 million upfront payment and $350 million in near-term payments over the next 24 months. Corvantis is also eligible for potential milestone payments of up to $2.2 billion upon the achievement of specified development, regulatory and sales milestones, bringing the total potential value of the agreement to $2.7 billion.',
    ].join('\n');
    const [deal, ...others] = deals(text, {
      companies: KISARAGI,
      drugs: { ortelitamab: { names: ['Ortelitamab Deruxtecan'] } },
    });
    expect(others).toEqual([]);
    expect(deal).toMatchObject({
      dealType: 'COLLABORATION',
      upfront: 150_000_000,
      totalValue: 2_700_000_000,
    });
    expect(roles(deal)).toEqual({ kisaragi: 'PARTNER', corvantis: 'PARTNER' });
    const milestones = milestonesOf(deal);
    expect(milestones.map((m) => [m.amount, m.status])).toEqual([
      [350_000_000, 'PENDING'],
      [2_200_000_000, 'PENDING'],
    ]);
    expect(ref(milestones[1]?.payee)).toBe('corvantis');
    expect(ref(milestones[1]?.payer)).toBe('kisaragi');
  });

  it('drafts an option to license, the holder as licensee', () => {
    const text =
      "Brightwell Therapeutics receives an option to license Oxbury Bio's OX-7 for an upfront payment of €20 million.";
    const [deal] = deals(text, {
      companies: { brightwell: ['Brightwell Therapeutics'], oxbury: ['Oxbury Bio'] },
      drugs: { ox7: { names: ['OX-7'] } },
    });
    expect(deal).toMatchObject({ dealType: 'OPTION', upfront: 20_000_000, currency: 'EUR' });
    expect(roles(deal)).toEqual({ brightwell: 'LICENSEE', oxbury: 'LICENSOR' });
  });

  it('prices an acquisition at its total, never the price per share', () => {
    const text = [
      'Halvard to Acquire Kestrel Oncology',
      'Halvard Pharma AG and Kestrel Oncology, Inc. today announced a definitive merger agreement under which Halvard will acquire Kestrel for $42.50 per share in cash, or approximately $3.1 billion.',
      "The acquisition brings Halvard KST-228, Kestrel's lead antibody-drug conjugate.",
    ].join('\n');
    const [deal, ...others] = deals(text, {
      companies: { halvard: ['Halvard Pharma AG', 'Halvard'], kestrel: ['Kestrel Oncology', 'Kestrel'] },
      drugs: { kst228: { names: ['KST-228'] } },
    });
    expect(others).toEqual([]);
    expect(deal).toMatchObject({
      name: "Halvard's acquisition of Kestrel",
      dealType: 'ACQUISITION',
      status: 'PROPOSED',
      totalValue: 3_100_000_000,
      currency: 'USD',
    });
    expect(roles(deal)).toEqual({ halvard: 'ACQUIRER', kestrel: 'ACQUIRED' });
    expect(refs(deal?.drugs)).toEqual(['kst228']);
  });

  it('states no price when an acquisition names only a price per share', () => {
    const [deal] = deals('Halvard will acquire Kestrel for $42.50 per share in cash.', {
      companies: { halvard: ['Halvard'], kestrel: ['Kestrel'] },
    });
    expect(deal?.dealType).toBe('ACQUISITION');
    expect(deal?.totalValue).toBeUndefined();
    expect(deal?.currency).toBeUndefined();
  });

  it('drafts one PARTNER partnership per partner a sentence merely mentions', () => {
    const text =
      'ImmunoGen has four wholly owned clinical-stage product candidates, with additional compounds in the clinic through its partnerships with Amgen, Bayer HealthCare, Biotest and Sanofi.';
    const drafted = deals(text, {
      companies: {
        immunogen: ['ImmunoGen'],
        amgen: ['Amgen'],
        bayer: ['Bayer HealthCare'],
        biotest: ['Biotest'],
        sanofi: ['Sanofi'],
      },
      publisher: 'immunogen',
    });
    expect(drafted.map((d) => d.name)).toEqual([
      'ImmunoGen–Amgen partnership',
      'ImmunoGen–Bayer HealthCare partnership',
      'ImmunoGen–Biotest partnership',
      'ImmunoGen–Sanofi partnership',
    ]);
    for (const deal of drafted) {
      expect(deal.dealType).toBeUndefined();
      expect(Object.values(roles(deal))).toEqual(['PARTNER', 'PARTNER']);
    }
  });
});

describe('extractDeals: who pays, and which amount is which', () => {
  it('reads an option agreement, the holder from a bullet, an option fee as upfront and an exercise fee as a milestone', () => {
    const text = [
      'Halvard also entered into an option agreement with Lanxin Biopharmaceutical.',
      '- Lanxin receives an exclusive option to license rights to develop and commercialize KST-228 in Greater China.',
      '- Lanxin pays Halvard an option fee of $12 million.',
      '- Upon exercise, Lanxin would pay an option exercise fee of $45 million, and Halvard would be eligible for up to $160 million in regulatory and sales milestones plus low double-digit royalties on net sales in Greater China.',
    ].join('\n');
    const [deal, ...others] = deals(text, {
      companies: { halvard: ['Halvard'], lanxin: ['Lanxin Biopharmaceutical', 'Lanxin'] },
      drugs: { kst228: { names: ['KST-228'] } },
      publisher: 'halvard',
    });
    expect(others).toEqual([]);
    expect(deal).toMatchObject({ dealType: 'OPTION', upfront: 12_000_000, currency: 'USD' });
    expect(roles(deal)).toEqual({ halvard: 'LICENSOR', lanxin: 'LICENSEE' });
    expect(refs(deal?.drugs)).toEqual(['kst228']);
    const milestones = milestonesOf(deal);
    expect(milestones.map((m) => [m.amount, m.status, ref(m.payer), ref(m.payee)])).toEqual([
      [45_000_000, 'PENDING', 'lanxin', 'halvard'],
      [160_000_000, 'PENDING', 'lanxin', 'halvard'],
    ]);
    expect(royaltiesOf(deal)[0]).toMatchObject({ basis: 'net sales in Greater China' });
  });

  it('reads contingent payments upon events as milestones, never the aggregate, and pays no shareholders', () => {
    const text = [
      'Sentaris to acquire Arbonyx Biotherapeutics',
      '- Sentaris to pay USD 1.5 billion upfront and up to USD 800 million in contingent value rights',
      'Under the terms of the agreement, Sentaris will pay Arbonyx shareholders USD 1.5 billion upfront in cash. Arbonyx shareholders will also receive one contingent value right (CVR) per share, entitling them to up to USD 800 million in aggregate: USD 300 million upon the first US regulatory approval of ABX-204 and USD 500 million upon ABX-204 achieving annual worldwide net sales of USD 1 billion. The total deal value is therefore up to USD 2.3 billion.',
    ].join('\n');
    const [deal] = deals(text, {
      companies: { sentaris: ['Sentaris'], arbonyx: ['Arbonyx Biotherapeutics', 'Arbonyx'] },
      publisher: 'sentaris',
    });
    expect(deal).toMatchObject({
      dealType: 'ACQUISITION',
      upfront: 1_500_000_000,
      totalValue: 2_300_000_000,
    });
    const milestones = milestonesOf(deal);
    expect(milestones.map((m) => [m.amount, ref(m.payer), ref(m.payee)])).toEqual([
      [300_000_000, 'sentaris', undefined],
      [500_000_000, 'sentaris', undefined],
    ]);
  });

  it('leaves out an amount whose words say nothing of what it is', () => {
    const [deal] = deals(
      'Aster Bio and Norvik Pharma entered into an exclusive license agreement for AB-12. Aster Bio reported revenue of $45 million for 2024.',
      {
        companies: { aster: ['Aster Bio'], norvik: ['Norvik Pharma'] },
        drugs: { ab12: { names: ['AB-12'] } },
      },
    );
    expect(deal?.dealType).toBe('LICENSE');
    for (const field of ['upfront', 'equity', 'totalValue', 'currency', 'milestones']) {
      expect(deal?.[field]).toBeUndefined();
    }
  });

  it('keeps a payment "from X to Y" to its own amount: the royalty after it names no payer', () => {
    const text =
      'Velora Therapeutics licensed exclusive worldwide rights to ORVENZA to Halvard in 2021. The FDA approval triggers a $25 million milestone payment from Halvard to Velora, which is also entitled to royalties on net sales.';
    const [deal] = deals(text, {
      companies: { velora: ['Velora Therapeutics', 'Velora'], halvard: ['Halvard'] },
      drugs: { orvenza: { names: ['ORVENZA'] } },
    });
    const [royalty] = royaltiesOf(deal);
    expect([royalty?.payer, ref(royalty?.payee)]).toEqual([undefined, 'velora']);
    expect(ref(milestonesOf(deal)[0]?.payer)).toBe('halvard');
  });
});

describe('extractDeals: which deal a payment belongs to', () => {
  it("puts no payment between other companies under the release's deal, and names deals without legal forms", () => {
    const text =
      'Brightwell Therapeutics has entered into an exclusive license agreement with Oxbury Bio Ltd. for OX-7. Separately, Brightwell Therapeutics received a $10 million milestone payment from Halvard Pharma AG.';
    const [deal, ...others] = deals(text, {
      companies: {
        brightwell: ['Brightwell Therapeutics'],
        oxbury: ['Oxbury Bio Ltd.'],
        halvard: ['Halvard Pharma AG'],
      },
      drugs: { ox7: { names: ['OX-7'] } },
    });
    expect(others).toEqual([]);
    expect(deal?.name).toBe('Brightwell Therapeutics–Oxbury Bio OX-7 license');
    expect(deal?.milestones).toBeUndefined();
  });
});

describe('extractDeals: Kadcyla milestones', () => {
  const COMPANIES = { immunogen: ['ImmunoGen'], roche: ['Roche'] };
  const KADCYLA = { kadcyla: { names: ['Kadcyla'], developers: ['roche'] } };

  it('puts triggered and pending milestones under the Roche–ImmunoGen license, events from the previous sentence', () => {
    const text = [
      "The EU's CHMP has recommended approval of Kadcyla. A decision by the European Commission is expected by year end. An approval decision would trigger a \\$5 million milestone payment to ImmunoGen.",
      'The Japanese MHLW has approved Kadcyla for the treatment of breast cancer. This event triggers a \\$5 million milestone payment to ImmunoGen.',
      'Roche has global development and commercialization rights for Kadcyla; ImmunoGen is entitled to receive specified milestone payments and royalties on product sales.',
    ].join('\n\n');
    const [deal, ...others] = deals(text, {
      companies: COMPANIES,
      drugs: KADCYLA,
      events: {
        'kadcyla-ec-decision': { names: ['decision by the European Commission'], drug: 'kadcyla' },
        'kadcyla-mhlw-approval': { names: ['MHLW has approved'], drug: 'kadcyla' },
      },
      publisher: 'immunogen',
    });
    expect(others).toEqual([]);
    expect(deal?.name).toBe('Roche–ImmunoGen Kadcyla license');
    expect(roles(deal)).toEqual({ roche: 'LICENSEE', immunogen: 'LICENSOR' });
    expect(deal?.upfront).toBeUndefined();
    const milestones = milestonesOf(deal);
    expect(
      milestones.map((m) => [m.amount, m.status, ref(m.triggeredBy), ref(m.payee), ref(m.payer)]),
    ).toEqual([
      [5_000_000, 'PENDING', 'kadcyla-ec-decision', 'immunogen', 'roche'],
      [5_000_000, 'TRIGGERED', 'kadcyla-mhlw-approval', 'immunogen', 'roche'],
    ]);
    expect(royaltiesOf(deal)[0]).toMatchObject({ basis: 'product sales' });
  });

  it('infers the license of a milestone paid on an approval: named stably, its payee the one party stated', () => {
    const registry = new EntityRegistry();
    const text =
      'FDA approval triggers $10.5 million milestone payment to ImmunoGen; paves way for royalties on commercial sales.';
    const known = {
      companies: COMPANIES,
      drugs: KADCYLA,
      events: { 'kadcyla-us-approval': { names: ['FDA approval'], drug: 'kadcyla' } },
      publisher: 'immunogen',
      registry,
    };
    const [deal] = deals(text, known);
    expect(deal?.name).toBe('Roche–ImmunoGen Kadcyla license');
    expect(roles(deal)).toEqual({ immunogen: 'LICENSOR' });
    const [milestone] = milestonesOf(deal);
    expect(milestone).toMatchObject({ amount: 10_500_000, currency: 'USD', status: 'TRIGGERED' });
    expect([ref(milestone?.payee), milestone?.payer]).toEqual(['immunogen', undefined]);
    expect(royaltiesOf(deal)[0]).toMatchObject({ basis: 'commercial sales' });
    const [later] = deals(
      'Roche has global development and commercialization rights for Kadcyla; ImmunoGen is entitled to receive specified milestone payments and royalties on product sales.',
      known,
    );
    expect(later?.id).toBe(deal?.id);
  });
});
