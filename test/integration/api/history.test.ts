import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../server/core/limits.ts';
import { STATEMENTS_IN_WINDOW } from '../../../server/features/history/changes.cypher.ts';
import { changesPage } from '../../../server/features/history/changes.page.ts';
import { loadHistoryFixture, recordReads, withFixtureApi } from './fixture.ts';
import type { Json } from './harness.ts';

/*
 * Time travel and sources on the four ImmunoGen releases on Kadcyla, loaded with the seed loader: 2012-11-06
 * (priority review), 2013-02-22 (FDA approval), 2013-09-20 (EU opinion, Japan approval; the EU milestone is
 * pending on a European Commission decision expected by year end) and 2013-11-20 (EU approval: the decision is
 * taken and the milestone triggered).
 */

const fixture = withFixtureApi({}, loadHistoryFixture);

const SEPT = 'immunogen-kadcyla-2013-09-20';
const NOV = 'immunogen-kadcyla-2013-11-20-eu-approval';
const EU_MILESTONE = 'kadcyla-eu-approval-milestone';
const EC_DECISION = 'kadcyla-ec-decision-2013';

type Milestone = {
  id: string;
  status: string;
  amount: { amount: number; currency: string } | null;
  payer: { id: string } | null;
  payee: { id: string } | null;
  trigger: { id: string; status: string; eventType: string; date: { date: string; precision: string } };
  citations: { id: string; sentence: string; document: { id: string; date: string } }[];
};

/** ImmunoGen's milestones from its Kadcyla deal with Roche, and its milestone totals, as of a day (or today). */
async function immunogenFromRoche(asOf: string | null) {
  const data = await fixture.api.data(
    `query Q($asOf: Date) {
      partnerships(where: {company: "ImmunoGen", drug: "Kadcyla"}, asOf: $asOf) {
        nodes {
          id
          milestones {
            id status amount { amount currency } payer { id } payee { id }
            trigger { id status eventType date { date precision } }
            citations { id sentence document { id date } }
          }
        }
      }
      company(id: "immunogen", asOf: $asOf) { milestoneTotals { side status count total { amount currency } } }
    }`,
    { asOf },
  );
  const [deal] = data.partnerships.nodes;
  expect(deal.id).toBe('roche-immunogen-kadcyla');
  const milestones = Object.fromEntries(
    (deal.milestones as Milestone[]).map((milestone) => [milestone.id, milestone]),
  );
  return { milestones, totals: data.company.milestoneTotals };
}

describe('as of a day', () => {
  it('gives what ImmunoGen expected from Roche on 2013-10-01 and what it had received by 2013-12-01, with citations', async () => {
    const october = await immunogenFromRoche('2013-10-01');
    const eu = october.milestones[EU_MILESTONE] as Milestone;
    expect(eu).toMatchObject({
      status: 'PENDING',
      amount: { amount: 5_000_000, currency: 'USD' },
      payer: { id: 'roche' },
      payee: { id: 'immunogen' },
      trigger: {
        id: EC_DECISION,
        status: 'EXPECTED',
        eventType: 'DECISION_EXPECTED',
        date: { date: '2013', precision: 'BY_YEAR_END' },
      },
    });
    // Only what was published by then is cited.
    expect(eu.citations.map((citation) => citation.document.id)).toEqual([SEPT, SEPT]);
    expect(eu.citations.map((citation) => citation.sentence)).toContain(
      'An approval decision would trigger a $5 million milestone payment to ImmunoGen.',
    );
    expect(october.milestones['kadcyla-japan-approval-milestone']?.status).toBe('TRIGGERED');
    expect(october.milestones['kadcyla-us-approval-milestone']?.status).toBe('TRIGGERED');
    expect(october.totals).toEqual([
      { side: 'RECEIVES', status: 'PENDING', count: 1, total: { amount: 5_000_000, currency: 'USD' } },
      { side: 'RECEIVES', status: 'TRIGGERED', count: 2, total: { amount: 15_500_000, currency: 'USD' } },
    ]);

    const december = await immunogenFromRoche('2013-12-01');
    const paid = december.milestones[EU_MILESTONE] as Milestone;
    expect(paid).toMatchObject({
      status: 'TRIGGERED',
      trigger: {
        id: EC_DECISION,
        status: 'COMPLETED',
        eventType: 'APPROVAL',
        date: { date: '2013-11-20', precision: 'ON_OR_BEFORE' },
      },
    });
    expect(paid.citations.map((citation) => citation.document.id)).toEqual([SEPT, SEPT, NOV, NOV]);
    expect(paid.citations.map((citation) => citation.sentence)).toContain(
      'This event triggers a $5 million milestone payment to ImmunoGen.',
    );
    expect(december.totals).toEqual([
      { side: 'RECEIVES', status: 'TRIGGERED', count: 3, total: { amount: 20_500_000, currency: 'USD' } },
    ]);

    // Today is the latest document's state.
    expect(await immunogenFromRoche(null)).toEqual(december);
  });

  it('leaves out what was not known yet, wherever it is reached', async () => {
    const data = await fixture.api.data(`{
      before: drug(id: "kadcyla", asOf: "2012-01-01") { id }
      early: drug(id: "kadcyla", asOf: "2012-12-01") {
        name modality aliases
        regulatoryEvents { nodes { id status eventType date { date } } }
        partnerships { id }
        citations { document { id } }
      }
      nodes(ids: ["kadcyla", "${EU_MILESTONE}"], asOf: "2013-03-01") { id }
      graph(ids: ["kadcyla"], depth: 1, asOf: "2012-12-01") { nodes { id label } edges { type source target } }
      deals: partnerships(where: {company: "ImmunoGen"}, asOf: "2012-12-01") { nodes { id milestones { id } } }
    }`);
    expect(data.before).toBeNull();
    // Named by its generic name in 2012, and not yet said to be an ADC.
    expect(data.early).toMatchObject({ name: 'trastuzumab emtansine', modality: null });
    expect(data.early.aliases).toContain('T-DM1');
    expect(data.early.citations.every((c: Json) => c.document.id.includes('2012-11-06'))).toBe(true);
    expect(data.early.regulatoryEvents.nodes.map((event: Json) => event.id)).toContain(
      'kadcyla-us-approval-2013',
    );
    expect(
      data.early.regulatoryEvents.nodes.find((event: Json) => event.id === 'kadcyla-us-approval-2013'),
    ).toMatchObject({ status: 'EXPECTED', eventType: 'DECISION_EXPECTED', date: { date: '2013-02-26' } });
    expect(data.early.regulatoryEvents.nodes.map((event: Json) => event.id)).not.toContain(EC_DECISION);
    expect(data.early.partnerships).toEqual([]);
    expect(data.nodes).toEqual([{ id: 'kadcyla' }, null]);
    const ids = data.graph.nodes.map((node: Json) => node.id);
    expect(ids).toContain('kadcyla-us-approval-2013');
    expect(ids).not.toContain('roche-immunogen-kadcyla');
    expect(ids).not.toContain(EC_DECISION);
    expect(data.graph.nodes.find((node: Json) => node.id === 'kadcyla').label).toBe('trastuzumab emtansine');
    for (const edge of data.graph.edges)
      expect(ids).toEqual(expect.arrayContaining([edge.source, edge.target]));
    for (const deal of data.deals.nodes) expect(deal.milestones).toEqual([]);
  });

  it('filters and sorts on the values of that day', async () => {
    const data = await fixture.api.data(`{
      expectedOct: regulatoryEvents(where: {status: "EXPECTED"}, asOf: "2013-10-01") { nodes { id date { date } } }
      expectedDec: regulatoryEvents(where: {status: "EXPECTED"}, asOf: "2013-12-01") { totalCount }
      byYearEnd: regulatoryEvents(where: {from: "2013-12-01", to: "2013-12-31"}, asOf: "2013-10-01") { nodes { id } }
      pendingOct: partnerships(where: {milestoneStatus: PENDING}, asOf: "2013-10-01") { nodes { id } }
      pendingDec: partnerships(where: {milestoneStatus: PENDING}, asOf: "2013-12-01") { totalCount }
      adcs2012: drugs(where: {modality: "ADC"}, asOf: "2012-12-01") { totalCount }
      adcs2013: drugs(where: {modality: "ADC"}, asOf: "2013-03-01") { nodes { id } }
    }`);
    expect(data.expectedOct.nodes).toEqual([{ id: EC_DECISION, date: { date: '2013' } }]);
    expect(data.expectedDec.totalCount).toBe(0);
    expect(data.byYearEnd.nodes).toEqual([{ id: EC_DECISION }]);
    expect(data.pendingOct.nodes).toEqual([{ id: 'roche-immunogen-kadcyla' }]);
    expect(data.pendingDec.totalCount).toBe(0);
    expect(data.adcs2012.totalCount).toBe(0);
    expect(data.adcs2013.nodes).toEqual([{ id: 'kadcyla' }]);
  });

  it('refuses a day that is not one', async () => {
    for (const asOf of ['2013-02-30', '2013-10', 'yesterday']) {
      const result = await fixture.api.post(
        'query Q($asOf: Date) { drug(id: "kadcyla", asOf: $asOf) { id } }',
        {
          asOf,
        },
      );
      expect(result.errors?.[0]?.extensions?.code, asOf).toBe('BAD_USER_INPUT');
    }
  });
});

describe('history', () => {
  it('gives the EU milestone as each release stated it, oldest first, with the sentences', async () => {
    const query = `query Q($asOf: Date) { node(id: "${EU_MILESTONE}", asOf: $asOf) {
      ... on Milestone { status history { date document { id title } values citations { id sentence } } }
    } }`;
    const today = (await fixture.api.data(query)).node;
    expect(today.status).toBe('TRIGGERED');
    expect(today.history.map((statement: Json) => [statement.date, statement.document.id])).toEqual([
      ['2013-09-20', SEPT],
      ['2013-11-20', NOV],
    ]);
    expect(today.history[0].values).toMatchObject({ status: 'PENDING', amount: 5_000_000, currency: 'USD' });
    expect(today.history[1].values).toMatchObject({ status: 'TRIGGERED' });
    for (const statement of today.history) {
      expect(statement.values).not.toHaveProperty('citedIn');
      expect(statement.values).not.toHaveProperty('_subject');
      expect(statement.citations.length).toBeGreaterThan(0);
      for (const citation of statement.citations)
        expect(citation.id.startsWith(statement.document.id)).toBe(true);
    }
    expect(today.history[1].citations.map((citation: Json) => citation.sentence)).toContain(
      'This event triggers a $5 million milestone payment to ImmunoGen.',
    );

    // As of a day, the statements made by then.
    const october = (await fixture.api.data(query, { asOf: '2013-10-01' })).node;
    expect(october.status).toBe('PENDING');
    expect(october.history.map((statement: Json) => statement.date)).toEqual(['2013-09-20']);
  });

  it('gives an element stated by one document as its single statement, and relationships their own', async () => {
    const data = await fixture.api.data(`{
      node(id: "kadcyla-japan-approval-milestone") {
        ... on Milestone { history { date document { id } values citations { id } } }
      }
      graph(ids: ["${EU_MILESTONE}"], depth: 1) {
        edges { type source target history { date document { id } values } }
      }
    }`);
    expect(data.node.history).toHaveLength(1);
    expect(data.node.history[0]).toMatchObject({ date: '2013-09-20', document: { id: SEPT } });
    expect(data.node.history[0].values).toMatchObject({ status: 'TRIGGERED', amount: 5_000_000 });
    for (const meta of ['id', 'citedIn', 'statedIn', 'since', 'lastStated']) {
      expect(data.node.history[0].values).not.toHaveProperty(meta);
    }
    const hasMilestone = data.graph.edges.find((edge: Json) => edge.type === 'HAS_MILESTONE');
    expect(hasMilestone.history.map((statement: Json) => statement.document.id)).toEqual([SEPT, NOV]);
    const triggers = data.graph.edges.find((edge: Json) => edge.type === 'TRIGGERS');
    expect(triggers.history.length).toBeGreaterThan(0);
  });
});

describe('caps', () => {
  it('gives at most `first` statements of a history, the oldest, and refuses more than the cap', async () => {
    const data = await fixture.api.data(`{
      node(id: "${EU_MILESTONE}") { ... on Milestone { one: history(first: 1) { date } all: history { date } } }
      graph(ids: ["${EU_MILESTONE}"], depth: 1) { edges { type history(first: 1) { document { id } } } }
    }`);
    expect(data.node.one).toEqual([{ date: '2013-09-20' }]);
    expect(data.node.all).toEqual([{ date: '2013-09-20' }, { date: '2013-11-20' }]);
    const hasMilestone = data.graph.edges.find((edge: Json) => edge.type === 'HAS_MILESTONE');
    expect(hasMilestone.history).toEqual([{ document: { id: SEPT } }]);
    for (const first of [0, LIMITS.maxHistory + 1]) {
      const refused = await fixture.api.post(
        `{ node(id: "${EU_MILESTONE}") { ... on Milestone { history(first: ${first}) { date } } } }`,
      );
      expect(refused.errors?.[0]?.extensions?.code, String(first)).toBe('BAD_USER_INPUT');
    }
  });

  it('gives at most `first` sentences and facts of a document, and says when the facts were cut', async () => {
    const data = await fixture.api.data(`{
      document(id: "${NOV}") {
        all: sentences { id }
        two: sentences(first: 2) { id }
        facts { truncated nodes { id } edges { id } }
        some: facts(first: 3) { truncated nodes { id } edges { id } }
      }
    }`);
    const document = data.document;
    expect(document.all.length).toBeGreaterThan(2);
    expect(document.two).toEqual(document.all.slice(0, 2));
    expect(document.facts.truncated).toBe(false);
    expect(document.facts.nodes.length + document.facts.edges.length).toBeGreaterThan(3);
    expect(document.some.truncated).toBe(true);
    expect(document.some.nodes.length + document.some.edges.length).toBeLessThanOrEqual(3);
    const atTheCaps = await fixture.api.data(
      `{ document(id: "${NOV}") { sentences(first: ${LIMITS.maxDocumentSentences}) { id } } }`,
    );
    expect(atTheCaps.document.sentences).toEqual(document.all);
    const factsAtTheCap = await fixture.api.data(
      `{ document(id: "${NOV}") { facts(first: ${LIMITS.maxDocumentFacts}) { truncated } } }`,
    );
    expect(factsAtTheCap.document.facts.truncated).toBe(false);
    for (const query of [
      `{ document(id: "${NOV}") { sentences(first: ${LIMITS.maxDocumentSentences + 1}) { id } } }`,
      `{ document(id: "${NOV}") { facts(first: ${LIMITS.maxDocumentFacts + 1}) { truncated } } }`,
      `{ document(id: "${NOV}") { facts(first: 0) { truncated } } }`,
    ]) {
      const refused = await fixture.api.post(query);
      expect(refused.errors?.[0]?.extensions?.code, JSON.stringify(refused.errors)).toBe('BAD_USER_INPUT');
    }
  });
});

describe('changes', () => {
  const CHANGE = `kind entity { id } relationship { type source target } property before after date
    document { id } citations { id document { id } }`;

  it('lists what the releases between 2013-10-01 and 2013-12-01 changed, with before, after and citations', async () => {
    const data = await fixture.api.data(`{
      changes(from: "2013-10-01", to: "2013-12-01", first: 100) {
        totalCount nodes { ${CHANGE} } pageInfo { hasNextPage hasPreviousPage endCursor }
      }
    }`);
    const { totalCount, nodes, pageInfo } = data.changes;
    expect(totalCount).toBe(nodes.length);
    expect(pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
    for (const change of nodes) {
      expect(change.date).toBe('2013-11-20');
      expect(change.document.id).toBe(NOV);
      for (const citation of change.citations) expect(citation.document.id).toBe(NOV);
    }
    const of = (id: string, property: string) =>
      nodes.find((change: Json) => change.entity.id === id && change.property === property);
    expect(of(EU_MILESTONE, 'status')).toMatchObject({
      kind: 'PROPERTY_CHANGED',
      before: 'PENDING',
      after: 'TRIGGERED',
      relationship: null,
    });
    expect(of(EU_MILESTONE, 'status').citations.length).toBeGreaterThan(0);
    expect(of(EC_DECISION, 'status')).toMatchObject({ before: 'EXPECTED', after: 'COMPLETED' });
    expect(of(EC_DECISION, 'eventType')).toMatchObject({ before: 'DECISION_EXPECTED', after: 'APPROVAL' });
    expect(of(EC_DECISION, 'date')).toMatchObject({ before: '2013', after: '2013-11-20' });
    // The EU decision now opens the EU market: a relationship the November release states first.
    expect(nodes).toContainEqual(
      expect.objectContaining({
        kind: 'RELATIONSHIP_ADDED',
        entity: { id: EC_DECISION },
        relationship: { type: 'OPENS_MARKET', source: EC_DECISION, target: 'eu' },
        property: null,
        before: null,
      }),
    );
    // Nothing the November release repeats unchanged is a change.
    expect(of(EU_MILESTONE, 'amount')).toBeUndefined();
    // Oldest first, entities before relationships within a document.
    const kinds = nodes.map((change: Json) => change.kind);
    expect(kinds.lastIndexOf('PROPERTY_CHANGED')).toBeLessThan(kinds.indexOf('RELATIONSHIP_ADDED'));
  });

  it('pages with cursors: every change once, in order, whatever the page size', async () => {
    const query = `query Q($first: Int, $after: String) {
      changes(from: "2012-01-01", to: "2014-01-01", first: $first, after: $after) {
        totalCount nodes { kind entity { id } relationship { id } property date } pageInfo { hasNextPage endCursor }
      }
    }`;
    const walk = async (first: number) => {
      const seen: Json[] = [];
      let after: string | null = null;
      let total = 0;
      for (let page = 0; page < 1000; page += 1) {
        const data: Json = await fixture.api.data(query, { first, after });
        total = data.changes.totalCount;
        seen.push(...data.changes.nodes);
        if (!data.changes.pageInfo.hasNextPage) break;
        after = data.changes.pageInfo.endCursor;
      }
      expect(seen).toHaveLength(total);
      return seen;
    };
    const all = await walk(100);
    expect(all.length).toBeGreaterThan(100);
    expect(await walk(37)).toEqual(all);
    const dates = all.map((change) => change.date);
    expect([...dates].sort()).toEqual(dates);
    // The first change of all: something the 2012 release states first.
    expect(all[0]).toMatchObject({ kind: 'ENTITY_ADDED', date: '2012-11-06' });
    // Every entity is added once.
    const added = all.filter((change) => change.kind === 'ENTITY_ADDED').map((change) => change.entity.id);
    expect(new Set(added).size).toBe(added.length);
  });

  it('pages by the schema default (50) when first is not given, and refuses an explicit null', async () => {
    const data = await fixture.api.data(
      `{ changes(from: "2012-01-01", to: "2014-01-01") { totalCount nodes { kind } } }`,
    );
    expect(data.changes.totalCount).toBeGreaterThan(50);
    expect(data.changes.nodes).toHaveLength(50);
    const nullFirst = await fixture.api.post(
      `{ changes(from: "2012-01-01", to: "2014-01-01", first: null) { totalCount } }`,
    );
    expect(nullFirst.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(nullFirst.errors?.[0]?.message).toMatch(/"first" must be an integer from 1 to 100/);
  });

  it('reads at most its limit of statements, and asks to narrow a window that holds more', async () => {
    const everything = { from: '0001-01-01', to: '9999-12-31' };
    const executor = fixture.db.executor;
    const read = executor.read.bind(executor);
    const statementsRead: number[] = [];
    executor.read = async (cypher, params) => {
      const rows = await read(cypher, params);
      if (cypher.name === STATEMENTS_IN_WINDOW.name) {
        statementsRead.push(
          rows.reduce((sum, row) => sum + Math.max(1, (row.statements as unknown[]).length), 0),
        );
      }
      return rows;
    };
    try {
      const whole = await changesPage(executor, everything, 10, null);
      const held = statementsRead[0] as number;
      expect(held).toBeLessThanOrEqual(LIMITS.maxChangesStatements);
      expect(whole.totalCount).toBeGreaterThan(100);
      const atTheLimit = await changesPage(executor, everything, 10, null, held);
      expect(atTheLimit.totalCount).toBe(whole.totalCount);
      statementsRead.length = 0;
      await expect(changesPage(executor, everything, 10, null, held - 1)).rejects.toMatchObject({
        code: 'BAD_USER_INPUT',
        message: expect.stringMatching(/at most \d+ statements.*narrow it/),
      });
      await expect(changesPage(executor, everything, 10, null, 10)).rejects.toMatchObject({
        code: 'BAD_USER_INPUT',
      });
      // Cypher stops reading one past the limit.
      expect(statementsRead).toEqual([held, 11]);
    } finally {
      executor.read = read;
    }
  });

  it('finds the documents of a window through the SourceDocument.since index', async () => {
    const session = fixture.db.driver.session();
    try {
      const result = await session.run(`EXPLAIN ${STATEMENTS_IN_WINDOW.text}`, {
        from: '2013-10-01',
        to: '2013-12-01',
      });
      const operators: string[] = [];
      const walk = (plan: {
        operatorType: string;
        arguments: Record<string, unknown>;
        children: unknown[];
      }) => {
        operators.push(`${plan.operatorType} ${String(plan.arguments.Details ?? '')}`);
        for (const child of plan.children) walk(child as typeof plan);
      };
      walk(result.summary.plan as never);
      expect(
        operators.some((op) => /IndexSeekByRange.*:SourceDocument\(since\)/.test(op)),
        operators.join('\n'),
      ).toBe(true);
    } finally {
      await session.close();
    }
  });

  it('is empty for a window without documents, and refuses a window that ends before it starts', async () => {
    const empty = await fixture.api.data(
      `{ changes(from: "2014-01-01", to: "2015-01-01") { totalCount nodes { kind } } }`,
    );
    expect(empty.changes).toEqual({ totalCount: 0, nodes: [] });
    const backwards = await fixture.api.post(
      `{ changes(from: "2013-12-01", to: "2013-10-01") { totalCount } }`,
    );
    expect(backwards.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const tooMany = await fixture.api.post(
      `{ changes(from: "2013-10-01", to: "2013-12-01", first: 101) { totalCount } }`,
    );
    expect(tooMany.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const badCursor = await fixture.api.post(
      `{ changes(from: "2013-10-01", to: "2013-12-01", after: "not a cursor") { totalCount } }`,
    );
    expect(badCursor.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('document', () => {
  it('gives the whole text, each cited sentence at its place in it, and every fact the document states', async () => {
    const data = await fixture.api.data(`{
      document(id: "${NOV}") {
        id title date publishedBy { id }
        text
        sentences { id text start end }
        facts { nodes { id kind label } edges { type source target label citations { id } } }
      }
      unknown: document(id: "no-such-document") { id }
      notADocument: document(id: "kadcyla") { id }
    }`);
    const document = data.document;
    expect(document).toMatchObject({ id: NOV, date: '2013-11-20', publishedBy: [{ id: 'immunogen' }] });
    expect(document.text.length).toBeGreaterThan(1000);
    const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
    expect(document.sentences.length).toBeGreaterThan(5);
    let previous = -1;
    for (const sentence of document.sentences) {
      expect(sentence.id.startsWith(`${NOV}#`)).toBe(true);
      expect(squash(document.text.slice(sentence.start, sentence.end)), sentence.id).toBe(
        squash(sentence.text),
      );
      expect(sentence.start).toBeGreaterThan(previous);
      previous = sentence.start;
    }
    const nodeIds = document.facts.nodes.map((node: Json) => node.id);
    expect(nodeIds).toEqual(expect.arrayContaining([EU_MILESTONE, EC_DECISION, 'kadcyla']));
    expect(document.facts.edges).toContainEqual(
      expect.objectContaining({ type: 'OPENS_MARKET', source: EC_DECISION, target: 'eu' }),
    );
    for (const edge of document.facts.edges) expect(edge.label).toBeTruthy();
    expect(data.unknown).toBeNull();
    expect(data.notADocument).toBeNull();
  });

  it('does not send a document its text unless asked', async () => {
    const { operations, restore } = recordReads(fixture.db.executor);
    try {
      const data = await fixture.api.data(
        `{ node(id: "${EU_MILESTONE}") { citations { document { id title } } } }`,
      );
      expect(data.node.citations.length).toBeGreaterThan(0);
      expect(operations).not.toContain('documents.text');
      await fixture.api.data(`{ node(id: "${EU_MILESTONE}") { citations { document { text } } } }`);
      expect(operations).toContain('documents.text');
    } finally {
      restore();
    }
  });
});
