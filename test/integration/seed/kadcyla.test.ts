import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSeed, SEED_DIR } from '../../../seed/load.ts';
import { ensureSchema } from '../../../server/db/schemaSetup.ts';
import { clearDatabase, connectTestDatabase, type TestDatabase } from '../../support/database.ts';
import { loadExecutor, sentenceTexts } from './graph.ts';

/** Questions a user asks of ImmunoGen's release of 20 Sep 2013, answered from the graph, with their citations. */

let db: TestDatabase;
const ask = (text: string, params: Record<string, unknown> = {}) =>
  db.executor.read({ name: 'test.kadcyla', text }, params);
/** Every cited sentence must exist, and together they must state each fact. */
async function expectCited(citedIn: unknown, ...facts: string[]) {
  expect(Array.isArray(citedIn) && citedIn.length > 0).toBe(true);
  const texts = await sentenceTexts(db.executor, citedIn);
  expect(texts).toHaveLength((citedIn as unknown[]).length);
  for (const fact of facts) expect(texts.join(' ')).toContain(fact);
}

beforeAll(async () => {
  db = connectTestDatabase();
  await clearDatabase(db);
  await ensureSchema(db.executor);
  await loadSeed({
    executor: loadExecutor(db),
    files: [join(SEED_DIR, 'immunogen-kadcyla-2013-09-20.yaml')],
  });
});
afterAll(() => db?.close());

describe('the Kadcyla release, as a graph', () => {
  it('1. what Kadcyla is made of: antibody, payload, linker, and whose each is', async () => {
    const [row] = await ask(`MATCH (d:Drug {id: 'kadcyla'})
MATCH (d)-[ha:HAS_ANTIBODY]->(ab)<-[:OWNS]-(abOwner)
MATCH (d)-[hp:HAS_PAYLOAD]->(p)<-[:OWNS]-(pOwner)
MATCH (d)-[hl:HAS_LINKER]->(l)<-[:OWNS]-(lOwner)
RETURN ab.name AS antibody, abOwner.id AS abOwner, p.name AS payload, pOwner.id AS pOwner, l.name AS linker,
  lOwner.id AS lOwner, ha.citedIn AS abCite, hp.citedIn AS pCite, hl.citedIn AS lCite`);
    expect(row).toMatchObject({
      antibody: 'trastuzumab',
      abOwner: 'roche',
      payload: 'DM1',
      pOwner: 'immunogen',
    });
    expect(row).toMatchObject({ linker: 'ImmunoGen linker', lOwner: 'immunogen' });
    await expectCited(row?.abCite, "Roche's trastuzumab antibody");
    await expectCited(row?.pCite, "ImmunoGen's DM1 cytotoxic agent");
    await expectCited(row?.lCite, "one of ImmunoGen's linkers");
  });

  it('2. who markets Kadcyla in the US', async () => {
    const rows = await ask(`MATCH (c:Company)-[m:MARKETS {region: 'us'}]->(:Drug {id: 'kadcyla'})
RETURN c.name AS company, m.citedIn AS cite`);
    expect(rows.map((row) => row.company)).toEqual(['Genentech, Inc.']);
    await expectCited(rows[0]?.cite, 'marketed in the US by Genentech');
  });

  it('3. which trials support the EU and the Japanese decisions', async () => {
    const rows = await ask(`MATCH (e:RegulatoryEvent)-[b:BASED_ON]->(t:Trial)
MATCH (e)-[:IN_REGION]->(r:Region)
RETURN r.id AS region, e.agency AS agency, t.name AS trial, t.phase AS phase, b.citedIn AS cite ORDER BY region, trial`);
    expect(rows.map((row) => [row.region, row.agency, row.trial, row.phase])).toEqual([
      ['eu', 'CHMP', 'EMILIA', 'PHASE_3'],
      ['japan', 'MHLW', 'EMILIA', 'PHASE_3'],
      ['japan', 'MHLW', 'Japanese Phase II trial of Kadcyla', 'PHASE_2'],
    ]);
    await expectCited(rows[0]?.cite, 'based on the findings in the EMILIA Phase III trial');
    await expectCited(
      rows[2]?.cite,
      'based on results from a Japanese Phase II trial and the EMILIA Phase III trial',
    );
  });

  it('4. which decision triggered which payment, how much, and from whom to whom', async () => {
    const rows = await ask(`MATCH (e:RegulatoryEvent)-[t:TRIGGERS]->(m:Milestone)
MATCH (m)-[:PAID_BY]->(payer), (m)-[:PAID_TO]->(payee)
RETURN e.id AS event, m.amount AS amount, m.currency AS currency, m.status AS status, payer.id AS payer,
  payee.id AS payee, t.citedIn AS cite ORDER BY event`);
    expect(rows.map(({ cite, ...rest }) => rest)).toEqual([
      {
        event: 'kadcyla-ec-decision-2013',
        amount: 5_000_000,
        currency: 'USD',
        status: 'PENDING',
        payer: 'roche',
        payee: 'immunogen',
      },
      {
        event: 'kadcyla-mhlw-approval-2013',
        amount: 5_000_000,
        currency: 'USD',
        status: 'TRIGGERED',
        payer: 'roche',
        payee: 'immunogen',
      },
    ]);
    await expectCited(rows[1]?.cite, 'This event triggers a $5 million milestone payment to ImmunoGen.');
  });

  it("5. ImmunoGen's partners", async () => {
    const rows =
      await ask(`MATCH (:Company {id: 'immunogen'})-[:PARTY_TO]->(p:Partnership)<-[r:PARTY_TO]-(c:Company)
WHERE c.id <> 'immunogen' RETURN c.name AS partner, r.role AS role, p.citedIn AS cite ORDER BY partner`);
    expect(rows.map((row) => [row.partner, row.role])).toEqual([
      ['Amgen', 'PARTNER'],
      ['Bayer HealthCare', 'PARTNER'],
      ['Biotest', 'PARTNER'],
      ['Roche', 'LICENSEE'],
      ['Sanofi', 'PARTNER'],
    ]);
    await expectCited(rows[0]?.cite, 'partnerships with Amgen, Bayer HealthCare, Biotest and Sanofi');
  });

  it("6. Kadcyla's generic and former code name", async () => {
    const [row] = await ask(
      `MATCH (d:Drug {id: 'kadcyla'}) RETURN d.genericName AS generic, d.aliases AS aliases, d.citedIn AS cite`,
    );
    expect(row?.generic).toBe('trastuzumab emtansine');
    expect(row?.aliases).toContain('T-DM1');
    await expectCited(row?.cite, 'trastuzumab emtansine, formerly T-DM1');
  });

  it('7. who holds the Kadcyla and Herceptin trademarks, and its parent', async () => {
    const rows = await ask(`MATCH (c:Company)-[h:HOLDS_TRADEMARK]->(d:Drug) MATCH (c)-[m:MEMBER_OF]->(parent)
RETURN d.name AS drug, c.name AS holder, parent.name AS parent, h.citedIn AS cite, m.citedIn AS parentCite ORDER BY drug`);
    expect(rows.map((row) => [row.drug, row.holder, row.parent])).toEqual([
      ['Herceptin', 'Genentech, Inc.', 'Roche'],
      ['Kadcyla', 'Genentech, Inc.', 'Roche'],
    ]);
    await expectCited(rows[0]?.cite, 'registered trademarks of Genentech, Inc.');
    await expectCited(rows[0]?.parentCite, 'a member of the Roche Group');
  });

  it('8. what EMILIA compared, in whom, and what it showed', async () => {
    const [row] =
      await ask(`MATCH (t:Trial {id: 'emilia'})-[:STUDIES]->(i:Indication)-[:PRIOR_THERAPY]->(prior:Drug)
MATCH (t)-[:TESTS {role: 'INVESTIGATIONAL'}]->(d:Drug)
RETURN t.comparator AS comparator, t.endpoints AS endpoints, t.outcome AS outcome, d.name AS drug,
  prior.name AS prior, t.citedIn AS cite`);
    expect(row).toMatchObject({ comparator: 'standard therapy', drug: 'Kadcyla', prior: 'Herceptin' });
    expect(row?.endpoints).toEqual([
      'overall survival',
      'progression-free survival',
      'severe adverse events',
    ]);
    expect(row?.outcome).toMatch(/improvement in overall survival and in progression-free survival/);
    await expectCited(
      row?.cite,
      'significant improvement in overall survival',
      'fewer patients experienced severe adverse events',
    );
  });

  it('9. what Roche is studying Kadcyla for', async () => {
    const rows = await ask(`MATCH (:Drug {id: 'kadcyla'})-[r:INVESTIGATED_FOR]->(i:Indication)
RETURN i.name AS indication, r.sponsor AS sponsor, r.citedIn AS cite ORDER BY indication`);
    expect(rows.map((row) => row.indication)).toEqual([
      'Advanced HER2-positive gastric cancer',
      'Early stage HER2-positive breast cancer',
      'First-line HER2-positive metastatic breast cancer',
    ]);
    expect(new Set(rows.map((row) => row.sponsor))).toEqual(new Set(['roche']));
    await expectCited(
      rows[0]?.cite,
      'Roche is conducting a number of studies',
      'advanced HER2-positive gastric cancer',
    );
  });

  it("10. Dan Junius's role, and what he said", async () => {
    const [row] = await ask(`MATCH (p:Person {id: 'dan-junius'})-[w:WORKS_FOR]->(c:Company)
MATCH (p)-[q:QUOTED_IN]->(doc:SourceDocument)
RETURN w.title AS title, c.name AS company, q.quote AS quote, doc.date AS date, w.citedIn AS cite`);
    expect(row).toMatchObject({ title: 'President and CEO', company: 'ImmunoGen, Inc.', date: '2013-09-20' });
    expect(row?.quote).toMatch(/^These positive decisions are important steps/);
    await expectCited(row?.cite, 'commented Dan Junius, President and CEO');
  });

  it('11. the pending milestone and what would trigger it', async () => {
    const [row] = await ask(`MATCH (m:Milestone {status: 'PENDING'})<-[t:TRIGGERS]-(e:RegulatoryEvent)
RETURN m.amount AS amount, e.agency AS agency, e.status AS status, e.date AS date, e.datePrecision AS precision,
  e.sortDate AS sortDate, t.citedIn AS cite`);
    expect(row).toEqual(
      expect.objectContaining({
        amount: 5_000_000,
        agency: 'European Commission',
        status: 'EXPECTED',
        date: '2013',
      }),
    );
    expect(row).toMatchObject({ precision: 'BY_YEAR_END', sortDate: '2013-12-31' });
    await expectCited(
      row?.cite,
      'expected by year end',
      'An approval decision would trigger a $5 million milestone',
    );
  });

  it("12. the US approval's date and its precision, and no invented agency", async () => {
    const [row] = await ask(`MATCH (e:RegulatoryEvent {id: 'kadcyla-us-approval-2013'})
RETURN e.date AS date, e.datePrecision AS precision, e.sortDate AS sortDate, e.agency AS agency, e.citedIn AS cite`);
    expect(row).toEqual({
      date: '2013',
      precision: 'YEAR',
      sortDate: '2013-01-01',
      agency: null,
      cite: expect.any(Array),
    });
    await expectCited(row?.cite, 'approved for marketing in the US earlier this year');
  });

  it('13. what market the MHLW approval opens, and for which indication', async () => {
    const [row] = await ask(`MATCH (e:RegulatoryEvent {agency: 'MHLW'})-[o:OPENS_MARKET]->(r:Region)
MATCH (e)-[:COVERS]->(i:Indication)
RETURN r.name AS market, r.description AS about, i.population AS indication, o.citedIn AS cite`);
    expect(row).toMatchObject({
      market: 'Japan',
      indication: 'inoperable or recurrent HER2-positive breast cancer',
    });
    expect(row?.about).toMatch(/two largest pharmaceutical markets after the US/);
    await expectCited(row?.cite, 'approved Kadcyla for marketing in Japan');
  });

  it('14. the EU indication the CHMP recommended', async () => {
    const [row] = await ask(`MATCH (:RegulatoryEvent {agency: 'CHMP'})-[c:COVERS]->(i:Indication)
RETURN i.population AS population, i.priorTherapy AS prior, c.citedIn AS cite`);
    expect(row?.population).toMatch(
      /^adults with HER2-positive, inoperable locally advanced or metastatic breast cancer/,
    );
    await expectCited(
      row?.cite,
      'previously received trastuzumab and a taxane, separately or in combination',
    );
  });

  it('15. the rights Roche holds and what ImmunoGen receives', async () => {
    const [row] = await ask(`MATCH (p:Partnership {id: 'roche-immunogen-kadcyla'})-[:LICENSES_DRUG]->(d:Drug)
MATCH (licensor)-[:PARTY_TO {role: 'LICENSOR'}]->(p)<-[:PARTY_TO {role: 'LICENSEE'}]-(licensee)
MATCH (p)-[:HAS_ROYALTY]->(r:Royalty)-[:PAID_TO]->(payee)
RETURN p.rights AS rights, d.name AS drug, licensor.id AS licensor, licensee.id AS licensee, r.basis AS basis,
  payee.id AS payee, r.rate AS rate, p.citedIn AS cite`);
    expect(row).toMatchObject({
      drug: 'Kadcyla',
      licensor: 'immunogen',
      licensee: 'roche',
      basis: 'product sales',
    });
    expect(row).toMatchObject({ payee: 'immunogen', rate: null });
    expect(row?.rights).toEqual(['global development', 'global commercialization']);
    await expectCited(row?.cite, 'Roche has global development and commercialization rights for Kadcyla');
  });

  it('16. who to contact, and at which firm', async () => {
    const rows = await ask(`MATCH (p:Person)-[c:CONTACT_FOR]->(:SourceDocument) MATCH (p)-[:WORKS_FOR]->(firm)
RETURN c.audience AS audience, p.name AS name, p.phone AS phone, firm.name AS firm, p.citedIn AS cite ORDER BY audience`);
    expect(rows.map(({ cite, ...rest }) => rest)).toEqual([
      { audience: 'INVESTORS', name: 'Carol Hausner', phone: '781-895-0600', firm: 'ImmunoGen, Inc.' },
      { audience: 'MEDIA', name: 'Barbara Yates', phone: '781-258-6153', firm: 'The Yates Network' },
    ]);
    await expectCited(rows[1]?.cite, 'The Yates Network Barbara Yates');
  });

  it("17. ImmunoGen's listing, home and wholly owned candidates", async () => {
    const [row] =
      await ask(`MATCH (c:Company {id: 'immunogen'}) RETURN c.ticker AS ticker, c.exchange AS exchange,
  c.headquarters AS hq, c.companyType AS type, c.whollyOwnedClinicalCandidates AS candidates, c.citedIn AS cite`);
    expect(row).toMatchObject({
      ticker: 'IMGN',
      exchange: 'Nasdaq',
      hq: 'Waltham, Mass.',
      type: 'BIOTECH',
      candidates: 4,
    });
    await expectCited(row?.cite, 'Nasdaq: IMGN', 'four wholly owned clinical-stage product candidates');
  });

  it('18. the source document and where every sentence comes from', async () => {
    const [row] = await ask(`MATCH (c:Company)-[:PUBLISHED]->(d:SourceDocument)
OPTIONAL MATCH (s:Sentence)-[:IN_DOCUMENT]->(d)
RETURN c.id AS publisher, d.distributor AS distributor, d.provider AS provider, d.place AS place, d.date AS date,
  count(s) AS sentences`);
    expect(row).toMatchObject({
      publisher: 'immunogen',
      distributor: 'Business Wire',
      provider: 'Acquire Media',
    });
    expect(row).toMatchObject({ place: 'Waltham, Mass.', date: '2013-09-20', sentences: 32 });
  });

  it('every fact-bearing node and relationship cites sentences that exist', async () => {
    const [row] = await ask(`MATCH (s:Sentence) WITH collect(s.id) AS sentences
OPTIONAL MATCH (n:Entity) WHERE NOT n:Sentence AND NOT n:SourceDocument
  AND (n.citedIn IS NULL OR size(n.citedIn) = 0 OR any(id IN n.citedIn WHERE NOT id IN sentences))
WITH sentences, count(n) AS badNodes
OPTIONAL MATCH ()-[r]->() WHERE type(r) <> 'IN_DOCUMENT'
  AND (r.citedIn IS NULL OR size(r.citedIn) = 0 OR any(id IN r.citedIn WHERE NOT id IN sentences))
RETURN badNodes, count(r) AS badRelationships`);
    expect(row).toEqual({ badNodes: 0, badRelationships: 0 });
  });

  it('finds entities by full text: case, accents, prefixes, code names and aliases', async () => {
    const search = async (query: string) =>
      (
        await ask(
          `CALL db.index.fulltext.queryNodes('entity_search', $query) YIELD node, score RETURN node.id AS id ORDER BY score DESC`,
          { query },
        )
      ).map((row) => row.id);
    // Prefix queries score every hit alike, and the release's title names Kadcyla too: ranking is the API's job.
    expect(await search('kadc*')).toContain('kadcyla');
    expect(await search('KADCÝLA')).toContain('kadcyla');
    expect(await search('"T-DM1"')).toContain('kadcyla');
    expect(await search('emtansine')).toContain('kadcyla');
    expect(await search('imgn')).toContain('immunogen');
  });
});
