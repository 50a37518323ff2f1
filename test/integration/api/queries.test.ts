import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordReads, SYNTHETIC_DRUGS, withFixtureApi } from './fixture.ts';
import type { Json } from './harness.ts';

const fixture = withFixtureApi();

const CITATION = 'citations { id sentence document { id title publisher date } }';

describe('partnerships', () => {
  it("gives ImmunoGen's Roche deal with its full terms, payments and their triggers", async () => {
    const data = await fixture.api.data(`{
      partnerships(where: {company: "ImmunoGen"}) {
        totalCount
        nodes {
          id name rights territory status summary ${CITATION}
          parties { role company { id name } ${CITATION} }
          drugs { id name }
          technologies { id }
          milestones {
            id status description amount { amount currency }
            payer { id } payee { id }
            trigger { id agency eventType status region date { date precision sortDate } regions { id } }
            ${CITATION}
          }
          royalties { id basis rate payer { id } payee { id } }
        }
      }
    }`);
    const { totalCount, nodes } = data.partnerships;
    expect(totalCount).toBe(5);
    const deal = nodes.find((node: { id: string }) => node.id === 'roche-immunogen-kadcyla');
    expect(deal).toMatchObject({
      rights: ['global development', 'global commercialization'],
      territory: 'global',
      status: 'ACTIVE',
      drugs: [{ id: 'kadcyla', name: 'Kadcyla' }],
      technologies: [{ id: 'immunogen-adc-technology' }],
      royalties: [{ id: 'kadcyla-royalty', rate: null, payer: { id: 'roche' }, payee: { id: 'immunogen' } }],
    });
    expect(
      deal.parties.map((party: { role: string; company: { id: string } }) => [party.company.id, party.role]),
    ).toEqual([
      ['immunogen', 'LICENSOR'],
      ['roche', 'LICENSEE'],
    ]);
    expect(deal.citations[0].sentence).toContain('Roche has global development and commercialization rights');
    expect(deal.citations[0].document).toMatchObject({
      id: 'immunogen-kadcyla-2013-09-20',
      date: '2013-09-20',
    });

    const byStatus = Object.fromEntries(deal.milestones.map((m: { status: string }) => [m.status, m]));
    for (const milestone of deal.milestones) {
      expect(milestone.amount).toEqual({ amount: 5_000_000, currency: 'USD' });
      expect(milestone.payer).toEqual({ id: 'roche' });
      expect(milestone.payee).toEqual({ id: 'immunogen' });
      expect(milestone.citations.length).toBeGreaterThan(0);
    }
    expect(byStatus.TRIGGERED.trigger).toMatchObject({
      id: 'kadcyla-mhlw-approval-2013',
      agency: 'MHLW',
      eventType: 'APPROVAL',
      status: 'COMPLETED',
      regions: [{ id: 'japan' }],
      date: { date: '2013-09-20', sortDate: '2013-09-20' },
    });
    expect(byStatus.PENDING.trigger).toMatchObject({
      id: 'kadcyla-ec-decision-2013',
      agency: 'European Commission',
      status: 'EXPECTED',
      regions: [{ id: 'eu' }],
      date: { date: '2013', precision: 'BY_YEAR_END' },
    });
    expect(byStatus.TRIGGERED.citations.map((c: { sentence: string }) => c.sentence)).toContain(
      'This event triggers a $5 million milestone payment to ImmunoGen.',
    );
  });

  it('filters by company name or id, role, drug, technology and milestone status', async () => {
    const ids = async (where: string) =>
      (await fixture.api.data(`{ partnerships(where: ${where}) { nodes { id } } }`)).partnerships.nodes.map(
        (n: { id: string }) => n.id,
      );
    expect(await ids('{company: "roche"}')).toEqual(['roche-immunogen-kadcyla']);
    expect(await ids('{company: "Roche Group"}')).toEqual(['roche-immunogen-kadcyla']);
    expect(await ids('{company: "immunogen", role: LICENSOR}')).toEqual(['roche-immunogen-kadcyla']);
    expect(await ids('{company: "immunogen", role: LICENSEE}')).toEqual([]);
    expect(await ids('{role: LICENSEE}')).toEqual(['roche-immunogen-kadcyla']);
    expect(await ids('{drug: "T-DM1"}')).toEqual(['roche-immunogen-kadcyla']);
    expect(await ids('{milestoneStatus: PENDING}')).toEqual(['roche-immunogen-kadcyla']);
    expect((await ids('{technology: "immunogen-adc-technology"}')).length).toBe(5);
    expect(await ids('{company: "nobody at all"}')).toEqual([]);
  });

  it("sums each company's milestone money triggered and pending", async () => {
    const data = await fixture.api.data(
      '{ company(id: "immunogen") { milestoneTotals { side status total { amount currency } count } } }',
    );
    expect(data.company.milestoneTotals).toEqual([
      { side: 'RECEIVES', status: 'PENDING', total: { amount: 5_000_000, currency: 'USD' }, count: 1 },
      { side: 'RECEIVES', status: 'TRIGGERED', total: { amount: 5_000_000, currency: 'USD' }, count: 1 },
    ]);
  });
});

describe('drugs and companies', () => {
  it('finds every ADC that uses DM1, and filters by antibody, target, company, linker and modality', async () => {
    const query = async (where: string) =>
      (await fixture.api.data(`{ drugs(where: ${where}, first: 100) { totalCount nodes { id } } }`)).drugs;
    expect((await query('{payload: "DM1", modality: "adc"}')).totalCount).toBe(SYNTHETIC_DRUGS + 1);
    expect((await query('{antibody: "trastuzumab"}')).nodes.map((n: { id: string }) => n.id)).toEqual([
      'herceptin',
      'kadcyla',
    ]);
    expect((await query('{target: "HER2", payload: "dm1"}')).nodes).toEqual([{ id: 'kadcyla' }]);
    expect((await query('{company: "Genentech"}')).nodes.map((n: { id: string }) => n.id)).toEqual([
      'herceptin',
      'kadcyla',
    ]);
    expect((await query('{linker: "immunogen-linker"}')).nodes).toEqual([{ id: 'kadcyla' }]);
    expect((await query('{modality: "ANTIBODY"}')).nodes).toEqual([{ id: 'herceptin' }]);
    expect((await query('{nameContains: "emtansine"}')).nodes).toEqual([{ id: 'kadcyla' }]);
  });

  it('pages with stable cursors: every item once, in order, whatever the page size', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 10; pages++) {
      const { drugs }: { drugs: Json } = await fixture.api.data(
        'query ($after: String) { drugs(where: {payload: "DM1"}, first: 7, after: $after) { totalCount edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage endCursor } } }',
        { after },
      );
      expect(drugs.totalCount).toBe(SYNTHETIC_DRUGS + 1);
      expect(drugs.pageInfo.hasPreviousPage).toBe(after !== null);
      seen.push(...drugs.edges.map((edge: { node: { id: string } }) => edge.node.id));
      if (!drugs.pageInfo.hasNextPage) break;
      after = drugs.pageInfo.endCursor;
    }
    const all = await fixture.api.data('{ drugs(where: {payload: "DM1"}, first: 100) { nodes { id } } }');
    expect(seen).toEqual(all.drugs.nodes.map((node: { id: string }) => node.id));
    expect(new Set(seen).size).toBe(SYNTHETIC_DRUGS + 1);
  });

  it('gives a drug its parts, companies, trials, timeline and partnerships', async () => {
    const { drug } = await fixture.api.data(`{
      drug(id: "kadcyla") {
        id kind name genericName aliases modality highestPhase ${CITATION}
        antibody { id } payload { id } linker { id } targets { id } technologies { id }
        companies { relation region company { id } }
        indications { indication { id } sponsor status }
        trials(first: 1) { totalCount nodes { id } pageInfo { hasNextPage endCursor } }
        regulatoryEvents(first: 10) { totalCount nodes { id } }
        partnerships { id }
      }
    }`);
    expect(drug).toMatchObject({
      kind: 'Drug',
      modality: 'ADC',
      antibody: { id: 'trastuzumab' },
      payload: { id: 'dm1' },
      linker: { id: 'immunogen-linker' },
      targets: [{ id: 'her2' }],
      partnerships: [{ id: 'roche-immunogen-kadcyla' }],
      trials: { totalCount: 2, pageInfo: { hasNextPage: true } },
      regulatoryEvents: { totalCount: 4 },
    });
    expect(drug.aliases).toContain('T-DM1');
    expect(drug.companies).toContainEqual({ relation: 'DEVELOPS', region: null, company: { id: 'roche' } });
    expect(drug.indications).toHaveLength(3);
    expect(drug.citations.length).toBeGreaterThan(0);
  });

  it('lists companies by name, filtered, and pages their drugs', async () => {
    const data = await fixture.api.data(`{
      companies(where: {companyType: "biotech"}) { totalCount nodes { id } }
      zeta: companies(where: {nameContains: "zet"}) { nodes { id } }
      company(id: "synth-bio") { drugs(first: 5) { totalCount nodes { id } } partnerships { totalCount } }
      roche: company(id: "roche") { members { id } drugs(relation: DEVELOPS) { nodes { id } } }
      notACompany: company(id: "kadcyla") { id }
    }`);
    expect(data.companies.nodes.map((n: { id: string }) => n.id)).toContain('immunogen');
    expect(data.zeta.nodes).toEqual([{ id: 'zeta-pharma' }]);
    expect(data.company.drugs.totalCount).toBe(SYNTHETIC_DRUGS);
    expect(data.company.drugs.nodes).toHaveLength(5);
    expect(data.company.partnerships.totalCount).toBe(0);
    expect(data.roche.members).toEqual([{ id: 'genentech' }]);
    expect(data.roche.drugs.nodes).toEqual([{ id: 'kadcyla' }]);
    expect(data.notACompany).toBeNull();
  });
});

describe('regulatory timeline', () => {
  it('orders events by date, filters by drug, region, agency, type and date range', async () => {
    const ids = async (args: string) =>
      (
        await fixture.api.data(`{ regulatoryEvents(${args}) { totalCount nodes { id } } }`)
      ).regulatoryEvents.nodes.map((n: { id: string }) => n.id);
    const timeline = async (args: string) =>
      (await fixture.api.data(`{ regulatoryEvents(${args}) { nodes { id date { sortDate } } } }`))
        .regulatoryEvents.nodes as {
        id: string;
        date: { sortDate: string };
      }[];
    const ascending = await timeline('where: {drug: "kadcyla"}');
    expect(ascending).toHaveLength(4);
    const days = ascending.map((event) => event.date.sortDate);
    expect(days).toEqual([...days].sort());
    expect((await timeline('where: {drug: "kadcyla"}, order: DESC')).map((event) => event.id)).toEqual(
      ascending.map((event) => event.id).reverse(),
    );
    expect((await ids('where: {region: "EU"}')).sort()).toEqual([
      'kadcyla-chmp-opinion-2013',
      'kadcyla-ec-decision-2013',
    ]);
    expect(await ids('where: {agency: "mhlw"}')).toEqual(['kadcyla-mhlw-approval-2013']);
    expect(await ids('where: {eventType: "APPROVAL", from: "2013-06-01", to: "2013-12-31"}')).toEqual([
      'kadcyla-mhlw-approval-2013',
    ]);
    expect(await ids('where: {from: "2014-01-01"}')).toEqual([]);
  });
});

describe('node, search, graph, path, stats', () => {
  it('finds any entity by id, and null for an unknown one', async () => {
    const data = await fixture.api.data(`{
      trial: node(id: "emilia") { __typename id kind ... on Trial { phase endpoints } }
      doc: node(id: "immunogen-kadcyla-2013-09-20") { __typename ... on SourceDocument { title publisher date } }
      missing: node(id: "no-such-entity") { id }
      sentence: node(id: "immunogen-kadcyla-2013-09-20#headline") { id }
      nodes(ids: ["roche", "nope", "her2"]) { id kind }
    }`);
    expect(data.trial).toMatchObject({ __typename: 'Trial', kind: 'Trial', phase: 'PHASE_3' });
    expect(data.doc.__typename).toBe('SourceDocument');
    expect(data.missing).toBeNull();
    expect(data.sentence).toBeNull();
    expect(data.nodes).toEqual([{ id: 'roche', kind: 'Company' }, null, { id: 'her2', kind: 'Target' }]);
  });

  it('searches by prefix, code name and without accents, best match first', async () => {
    const ids = async (text: string, extra = '') =>
      (
        await fixture.api.data(`{ search(text: ${JSON.stringify(text)}${extra}) { id kind name score } }`)
      ).search.map((hit: { id: string }) => hit.id);
    expect((await ids('kadc'))[0]).toBe('kadcyla');
    expect((await ids('KADCYLA'))[0]).toBe('kadcyla');
    expect((await ids('T-DM1'))[0]).toBe('kadcyla');
    expect((await ids('trastuzumab emtansine'))[0]).toBe('kadcyla');
    expect(await ids('synthetique')).toContain('synth-bio');
    expect(await ids('SYNTHÉTIQUE')).toContain('synth-bio');
    expect(await ids('roche', ', kinds: [Company]')).toEqual(['roche']);
    expect(await ids('her', ', kinds: [Target], first: 1')).toEqual(['her2']);
    expect(await ids('"); MATCH (n) DETACH DELETE n //')).toBeInstanceOf(Array);
    expect(await ids('***')).toEqual([]);
  });

  it('returns the subgraph around Kadcyla as nodes and edges', async () => {
    const { graph } = await fixture.api.data(`{
      graph(ids: ["kadcyla"], depth: 1) {
        truncated
        nodes { id kind label properties citations { id } }
        edges { id source target type label properties }
      }
    }`);
    expect(graph.truncated).toBe(false);
    const ids = graph.nodes.map((node: { id: string }) => node.id);
    for (const id of ['kadcyla', 'trastuzumab', 'dm1', 'immunogen-linker', 'her2', 'emilia', 'roche']) {
      expect(ids).toContain(id);
    }
    expect(graph.edges).toContainEqual(
      expect.objectContaining({ source: 'kadcyla', target: 'dm1', type: 'HAS_PAYLOAD', label: 'payload' }),
    );
    for (const edge of graph.edges) {
      expect(ids).toContain(edge.source);
      expect(ids).toContain(edge.target);
    }
    const kadcyla = graph.nodes.find((node: { id: string }) => node.id === 'kadcyla');
    expect(kadcyla.properties).toMatchObject({ name: 'Kadcyla', modality: 'ADC' });
    expect(kadcyla.citations.length).toBeGreaterThan(0);
  });

  it('gives the same labels and citations whether or not properties are asked for', async () => {
    const fields =
      'nodes { id kind label citations { id } } edges { id source target type label citations { id } }';
    const full =
      'nodes { id kind label properties citations { id } } edges { id source target type label properties citations { id } }';
    const data = await fixture.api.data(`{
      lean: graph(ids: ["immunogen"], depth: 1) { ${fields} }
      full: graph(ids: ["immunogen"], depth: 1) { ${full} }
      leanThen: graph(ids: ["immunogen"], depth: 1, asOf: "2013-06-01") { ${fields} }
      fullThen: graph(ids: ["immunogen"], depth: 1, asOf: "2013-06-01") { ${full} }
      leanPath: path(from: "dan-junius", to: "her2") { ${fields} }
      fullPath: path(from: "dan-junius", to: "her2") { ${full} }
    }`);
    const without = (graph: { nodes: object[]; edges: object[] }) => ({
      nodes: graph.nodes.map(({ properties: _p, ...node }: { properties?: unknown }) => node),
      edges: graph.edges.map(({ properties: _p, ...edge }: { properties?: unknown }) => edge),
    });
    expect(data.lean).toEqual(without(data.full));
    expect(data.leanThen).toEqual(without(data.fullThen));
    expect(data.leanPath).toEqual(without(data.fullPath));
    // Every property, dates as days, and no property a node does not have (a company has no sortDate).
    for (const element of [...data.full.nodes, ...data.full.edges]) {
      expect(element.properties.since).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(element.properties.lastStated).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(Object.values(element.properties)).not.toContain(null);
    }
    const immunogen = data.full.nodes.find((node: { id: string }) => node.id === 'immunogen');
    expect(immunogen.properties).toMatchObject({ name: 'ImmunoGen, Inc.' });
    expect(immunogen.properties).not.toHaveProperty('sortDate');
    // The labels that read the relationship's properties: a party's role, a person's title.
    const labels = data.lean.edges.map(
      (edge: { type: string; label: string }) => `${edge.type} ${edge.label}`,
    );
    expect(
      labels.some((label: string) => label.startsWith('PARTY_TO ') && label !== 'PARTY_TO party to'),
    ).toBe(true);
    expect(
      labels.some((label: string) => label.startsWith('WORKS_FOR ') && label !== 'WORKS_FOR works for'),
    ).toBe(true);
    expect(data.lean.nodes.some((node: { citations: unknown[] }) => node.citations.length > 0)).toBe(true);
    expect(data.lean.edges.some((edge: { citations: unknown[] }) => edge.citations.length > 0)).toBe(true);
  });

  it('walks only the kinds asked for, and says when the limit cut the graph', async () => {
    const data = await fixture.api.data(`{
      companies: graph(ids: ["kadcyla"], depth: 2, kinds: [Company, Partnership]) { nodes { id kind } truncated }
      cut: graph(ids: ["immunogen"], depth: 2, limit: 5) { nodes { id } truncated }
      none: graph(ids: ["no-such-entity"]) { nodes { id } edges { id } truncated }
      seeds: graph(ids: ["kadcyla", "roche"], depth: 0) { nodes { id } edges { type } }
    }`);
    const kinds = new Set(data.companies.nodes.map((node: { kind: string }) => node.kind));
    expect([...kinds].sort()).toEqual(['Company', 'Drug', 'Partnership']);
    expect(data.companies.nodes.map((n: { id: string }) => n.id)).toContain('immunogen');
    expect(data.cut).toMatchObject({ truncated: true });
    expect(data.cut.nodes).toHaveLength(5);
    expect(data.none).toEqual({ nodes: [], edges: [], truncated: false });
    expect(data.seeds.edges).toEqual([{ type: 'DEVELOPS' }]);
  });

  it('finds the shortest path between two entities', async () => {
    const data = await fixture.api.data(`{
      path(from: "dan-junius", to: "her2") { length nodes { id } edges { source target type } }
      tooShort: path(from: "dan-junius", to: "her2", maxLength: 2) { length }
      same: path(from: "kadcyla", to: "kadcyla") { length nodes { id } }
      unknown: path(from: "kadcyla", to: "no-such-entity") { length }
    }`);
    expect(data.path.length).toBe(data.path.edges.length);
    expect(data.path.nodes[0].id).toBe('dan-junius');
    expect(data.path.nodes.at(-1).id).toBe('her2');
    expect(data.path.length).toBeLessThanOrEqual(4);
    expect(data.tooShort).toBeNull();
    expect(data.same).toEqual({ length: 0, nodes: [{ id: 'kadcyla' }] });
    expect(data.unknown).toBeNull();
  });

  it('counts entities by kind', async () => {
    const { stats } = await fixture.api.data('{ stats { totalNodes nodes { kind count } } }');
    expect(stats.nodes).toContainEqual({ kind: 'Drug', count: SYNTHETIC_DRUGS + 2 });
    expect(stats.totalNodes).toBeGreaterThan(50);
  });

  it('answers a whole partnership page in a bounded number of round trips', async () => {
    const { operations, restore } = recordReads(fixture.db.executor);
    try {
      await fixture.api.data(`{ partnerships(first: 50) { nodes { parties { company { name } } milestones {
        payer { name } payee { name } trigger { name regions { name } } ${CITATION} } royalties { payer { name } } } } }`);
    } finally {
      restore();
    }
    expect(operations).toEqual(['partnerships.list[]', 'entities.citations']);
  });
});

describe('examples/', () => {
  const dir = join(import.meta.dirname, '../../../examples');
  it.each(readdirSync(dir).filter((name) => name.endsWith('.graphql')))(
    '%s runs without errors',
    async (name) => {
      const result = await fixture.api.post(readFileSync(join(dir, name), 'utf8'));
      expect(result.errors).toBeUndefined();
      expect(JSON.stringify(result.data)).toMatch(/kadcyla|Kadcyla|Roche/);
    },
  );
});
