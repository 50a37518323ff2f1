/**
 * Queries: seven questions of today's graph and two about the past (timeQuestions.ts: as of a day, and changes)
 * asked three ways on the same database, interleaved so that they share the machine's noise: the app's GraphQL
 * endpoint over HTTP, hand-written Cypher through the driver in this process (the floor), and the API
 * @neo4j/graphql generates (the peer, over HTTP; it has no answer about the past). Also the database hits of each
 * question's Cypher (PROFILE: the floor's statement, and every statement the app's resolvers run), and throughput
 * of the seven at 16 concurrent clients.
 */
import autocannon from 'autocannon';
import type { Driver } from 'neo4j-driver';
import type { Config } from '../server/config.ts';
import { type Cypher, Executor, type Row } from '../server/db/executor.ts';
import { toPlain } from '../server/db/values.ts';
import { WALKED_TYPES } from '../server/features/graph/graph.cypher.ts';
import { createLogger } from '../server/logger.ts';
import { partnershipTerms } from './partnershipTerms.ts';
import { TIME_QUESTIONS } from './timeQuestions.ts';

const TYPES = WALKED_TYPES.join('|');

/** The entities the questions are about, picked from the loaded graph. */
export interface Fixture {
  /** The company party to the most partnerships. */
  hub: string;
  hubName: string;
  /** The company party to the second most. */
  other: string;
  /** The payload carried by the most drugs. */
  payload: string;
  region: string;
  /** The first letters of the hub's name. */
  prefix: string;
  /** A day in the middle of the documents' dates (the median document's), `YYYY-MM-DD`. */
  asOf: string;
  /** The calendar year of `asOf`, as a `changes` window: after `changesFrom`, up to `changesTo`. */
  changesFrom: string;
  changesTo: string;
}

export async function pickFixture(driver: Driver): Promise<Fixture> {
  const { records } = await driver.executeQuery(
    `MATCH (c:Company)-[:PARTY_TO]->(:Partnership)
WITH c, count(*) AS deals ORDER BY deals DESC, c.id LIMIT 2
WITH collect(c) AS hubs
MATCH (p:Payload)<-[:HAS_PAYLOAD]-(:Drug)
WITH hubs, p, count(*) AS drugs ORDER BY drugs DESC, p.id LIMIT 1
RETURN hubs[0].id AS hub, hubs[0].name AS hubName, hubs[1].id AS other, p.id AS payload`,
    {},
    { routing: 'READ' },
  );
  const row = records[0]?.toObject() as Pick<Fixture, 'hub' | 'hubName' | 'other' | 'payload'>;
  const middle = await driver.executeQuery(
    `MATCH (d:SourceDocument) WITH d.since AS day ORDER BY day
WITH collect(day) AS days RETURN toString(days[size(days) / 2]) AS day`,
    {},
    { routing: 'READ' },
  );
  const asOf = middle.records[0]?.get('day') as string;
  const year = Number(asOf.slice(0, 4));
  return {
    ...row,
    region: 'syn-region-eu',
    prefix: row.hubName.slice(0, 4).toLowerCase(),
    asOf,
    changesFrom: `${year - 1}-12-31`,
    changesTo: `${year}-12-31`,
  };
}

interface Request {
  query: string;
  variables: Record<string, unknown>;
}

export interface Question {
  name: string;
  api(f: Fixture): Request;
  floor(f: Fixture): { text: string; params: Record<string, unknown> };
  /** The same question of the peer; null when it has no way to ask it. */
  peer: ((f: Fixture) => Request) | null;
}

export const QUESTIONS: readonly Question[] = [
  {
    name: 'partnerships of a hub, full terms',
    api: (f) => ({
      query: `query Q($company: String!) { partnerships(where: { company: $company }, first: 20) {
  totalCount nodes { ${partnershipTerms} } } }`,
      variables: { company: f.hub },
    }),
    floor: (f) => ({
      text: `MATCH (:Entity {id: $company})-[:PARTY_TO]->(d:Partnership)
WITH d ORDER BY toLower(d.name), d.id
WITH collect(d) AS matches
RETURN size(matches) AS totalCount, [d IN matches[..20] | d {.id, .name, .rights, .territory, .status,
  parties: [(d)<-[r:PARTY_TO]-(c:Company) | {role: r.role, company: c {.id, .name}}],
  drugs: [(d)-[:LICENSES_DRUG]->(x:Drug) | x {.id, .name}],
  milestones: [(d)-[:HAS_MILESTONE]->(m:Milestone) | m {.name, .status, .amount, .currency,
    payer: [(m)-[:PAID_BY]->(c:Company) | c.name][0], payee: [(m)-[:PAID_TO]->(c:Company) | c.name][0],
    trigger: [(e:RegulatoryEvent)-[:TRIGGERS]->(m) | e {.name, .agency, .status, .date, .datePrecision,
      regions: [(e)-[:IN_REGION]->(r:Region) | r.name]}][0]}],
  royalties: [(d)-[:HAS_ROYALTY]->(y:Royalty) | y {.name, .basis, .rate,
    payer: [(y)-[:PAID_BY]->(c:Company) | c.name][0], payee: [(y)-[:PAID_TO]->(c:Company) | c.name][0]}]
}] AS nodes`,
      params: { company: f.hub },
    }),
    peer: (f) => ({
      query: `query Q($company: ID!) { companies(where: { id: { eq: $company } }) {
  partnershipsConnection { totalCount }
  partnerships(limit: 20, sort: [{ name: ASC }]) { id name rights territory status
    partiesConnection { edges { properties { role } node { id name } } }
    drugs { id name }
    milestones { name status amount currency payer { name } payee { name }
      trigger { name agency status date datePrecision regions { name } } }
    royalties { name basis rate payer { name } payee { name } } } } }`,
      variables: { company: f.hub },
    }),
  },
  {
    name: 'drugs by payload',
    api: (f) => ({
      query: `query Q($payload: String!) { drugs(where: { payload: $payload }, first: 20) { totalCount
  nodes { id name genericName highestPhase antibody { name } payload { name } linker { name } targets { name }
    companies { relation company { name } } } } }`,
      variables: { payload: f.payload },
    }),
    floor: (f) => ({
      text: `MATCH (:Entity {id: $payload})<-[:HAS_PAYLOAD]-(d:Drug)
WITH d ORDER BY toLower(d.name), d.id
WITH collect(d) AS matches
RETURN size(matches) AS totalCount, [d IN matches[..20] | d {.id, .name, .genericName, .highestPhase,
  antibody: [(d)-[:HAS_ANTIBODY]->(x:Antibody) | x {.name}][0],
  payload: [(d)-[:HAS_PAYLOAD]->(x:Payload) | x {.name}][0],
  linker: [(d)-[:HAS_LINKER]->(x:Linker) | x {.name}][0],
  targets: [(d)-[:TARGETS]->(x:Target) | x {.name}],
  companies: [(c:Company)-[r:DEVELOPS|MARKETS|HOLDS_TRADEMARK]->(d) | {relation: type(r), company: c {.name}}]
}] AS nodes`,
      params: { payload: f.payload },
    }),
    peer: (f) => ({
      query: `query Q($payload: ID!) { payloads(where: { id: { eq: $payload } }) {
  drugsConnection { totalCount }
  drugs(limit: 20, sort: [{ name: ASC }]) { id name genericName highestPhase antibody { name } payload { name }
    linker { name } targets { name } developers { name } } } }`,
      variables: { payload: f.payload },
    }),
  },
  {
    name: 'graph depth 2 around a hub',
    api: (f) => ({
      query: `query Q($id: ID!) { graph(ids: [$id], depth: 2, limit: 500) { truncated
  nodes { id kind label properties } edges { id source target type label } } }`,
      variables: { id: f.hub },
    }),
    floor: (f) => ({
      text: `MATCH (h:Entity {id: $id})
CALL (h) {
  MATCH (h)-[:${TYPES}]-(m:Entity) WHERE m <> h
  WITH DISTINCT m LIMIT toInteger($limit)
  RETURN collect(m) AS level1
}
WITH h, level1[..$limit - 1] AS level1
CALL (h, level1) {
  UNWIND level1 AS a
  MATCH (a)-[:${TYPES}]-(m:Entity) WHERE m <> h AND NOT m IN level1
  WITH DISTINCT m LIMIT toInteger($limit)
  RETURN collect(m) AS level2
}
WITH [h] + level1 + level2[..$limit - 1 - size(level1)] AS nodes
RETURN [n IN nodes | {id: n.id, labels: labels(n), properties: properties(n)}] AS nodes, COLLECT {
  UNWIND nodes AS a
  MATCH (a)-[r:${TYPES}]->(b) WHERE b IN nodes
  RETURN {id: elementId(r), source: a.id, target: b.id, type: type(r)}
} AS edges`,
      params: { id: f.hub, limit: 500 },
    }),
    // No generated `graph`: the relationship fields two levels deep from the hub, as a client of the peer would.
    peer: (f) => ({
      query: `query Q($id: ID!) { companies(where: { id: { eq: $id } }) { id name
  partnerships(limit: 100) { id name parties { id name } drugs { id name } milestones { id name } royalties { id name } }
  drugs(limit: 100) { id name antibody { id name } payload { id name } linker { id name } targets { id name }
    trials { id name } regulatoryEvents { id name } }
  trials(limit: 100) { id name } } }`,
      variables: { id: f.hub },
    }),
  },
  {
    name: 'path between two companies',
    api: (f) => ({
      query: `query Q($from: ID!, $to: ID!) { path(from: $from, to: $to, maxLength: 4) { length
  nodes { id kind label } edges { source target type label } } }`,
      variables: { from: f.hub, to: f.other },
    }),
    floor: (f) => ({
      text: `MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = shortestPath((a)-[:${TYPES}*..4]-(b))
RETURN [n IN nodes(p) | {id: n.id, labels: labels(n), name: n.name}] AS nodes,
  [r IN relationships(p) | {source: startNode(r).id, target: endNode(r).id, type: type(r)}] AS edges`,
      params: { from: f.hub, to: f.other },
    }),
    peer: (f) => ({
      query: 'query Q($from: ID!, $to: ID!) { path(from: $from, to: $to) { id name } }',
      variables: { from: f.hub, to: f.other },
    }),
  },
  {
    name: 'search by prefix',
    api: (f) => ({
      query: 'query Q($text: String!) { search(text: $text, first: 10) { id kind name score } }',
      variables: { text: f.prefix },
    }),
    floor: (f) => ({
      text: `CALL db.index.fulltext.queryNodes('entity_search', $query, {limit: 10}) YIELD node, score
RETURN node.id AS id, labels(node) AS labels, node.name AS name, score`,
      params: { query: `${f.prefix}*` },
    }),
    // The peer's own filter on the indexed name (case-sensitive prefix), for companies and drugs.
    peer: (f) => ({
      query: `query Q($prefix: String!) {
  companies(where: { name: { startsWith: $prefix } }, limit: 10, sort: [{ name: ASC }]) { id name }
  drugs(where: { name: { startsWith: $prefix } }, limit: 10, sort: [{ name: ASC }]) { id name } }`,
      variables: { prefix: f.hubName.slice(0, 4) },
    }),
  },
  {
    name: 'regulatory timeline of a region',
    api: (f) => ({
      query: `query Q($region: String!) { regulatoryEvents(where: { region: $region }, first: 50) { totalCount
  nodes { id name agency eventType status date { date precision sortDate } drug { name } regions { name } } } }`,
      variables: { region: f.region },
    }),
    floor: (f) => ({
      text: `MATCH (:Entity {id: $region})<-[:IN_REGION|OPENS_MARKET]-(e:RegulatoryEvent)
WITH DISTINCT e
WITH e ORDER BY coalesce(toString(e.sortDate), '9999-12-31'), e.id
WITH collect(e) AS matches
RETURN size(matches) AS totalCount, [e IN matches[..50] | e {.id, .name, .agency, .eventType, .status, .date,
  .datePrecision, .sortDate, drug: [(e)-[:CONCERNS]->(d:Drug) | d.name][0],
  regions: [(e)-[:IN_REGION]->(r:Region) | r.name]}] AS nodes`,
      params: { region: f.region },
    }),
    peer: (f) => ({
      query: `query Q($region: ID!) { regions(where: { id: { eq: $region } }) {
  regulatoryEventsConnection { totalCount }
  regulatoryEvents(limit: 50, sort: [{ sortDate: ASC }]) { id name agency eventType status date datePrecision
    sortDate drug { name } regions { name } } } }`,
      variables: { region: f.region },
    }),
  },
  {
    name: 'company page',
    api: (f) => ({
      query: `query Q($id: ID!) { company(id: $id) { id name
  drugs(relation: DEVELOPS, first: 20) { totalCount nodes { id name genericName highestPhase
    antibody { name } payload { name } linker { name } targets { name }
    trials(first: 10) { totalCount nodes { id name phase } } } }
  partnerships(first: 20) { totalCount nodes { id name status
    milestones { name status amount { amount currency } payer { name } payee { name } trigger { name status } } } } } }`,
      variables: { id: f.hub },
    }),
    floor: (f) => ({
      text: `MATCH (c:Entity {id: $id}) WHERE c:Company
CALL (c) { MATCH (c)-[:DEVELOPS]->(d:Drug) WITH d ORDER BY toLower(d.name), d.id RETURN collect(d) AS drugs }
CALL (c) { MATCH (c)-[:PARTY_TO]->(p:Partnership) WITH p ORDER BY toLower(p.name), p.id RETURN collect(p) AS deals }
RETURN c {.id, .name, drugCount: size(drugs), partnershipCount: size(deals),
  drugs: [d IN drugs[..20] | d {.id, .name, .genericName, .highestPhase,
    antibody: [(d)-[:HAS_ANTIBODY]->(x:Antibody) | x {.name}][0],
    payload: [(d)-[:HAS_PAYLOAD]->(x:Payload) | x {.name}][0],
    linker: [(d)-[:HAS_LINKER]->(x:Linker) | x {.name}][0],
    targets: [(d)-[:TARGETS]->(x:Target) | x {.name}],
    trialCount: COUNT { (d)<-[:TESTS]-(:Trial) },
    trials: COLLECT { MATCH (d)<-[:TESTS]-(t:Trial) WITH t ORDER BY toLower(t.name), t.id LIMIT 10
      RETURN t {.id, .name, .phase} }}],
  partnerships: [p IN deals[..20] | p {.id, .name, .status,
    milestones: [(p)-[:HAS_MILESTONE]->(m:Milestone) | m {.name, .status, .amount, .currency,
      payer: [(m)-[:PAID_BY]->(x:Company) | x.name][0], payee: [(m)-[:PAID_TO]->(x:Company) | x.name][0],
      trigger: [(e:RegulatoryEvent)-[:TRIGGERS]->(m) | e {.name, .status}][0]}]}]
} AS company`,
      params: { id: f.hub },
    }),
    peer: (f) => ({
      query: `query Q($id: ID!) { companies(where: { id: { eq: $id } }) { id name
  drugsConnection { totalCount }
  drugs(limit: 20, sort: [{ name: ASC }]) { id name genericName highestPhase antibody { name } payload { name }
    linker { name } targets { name }
    trialsConnection { totalCount } trials(limit: 10, sort: [{ name: ASC }]) { id name phase } }
  partnershipsConnection { totalCount }
  partnerships(limit: 20, sort: [{ name: ASC }]) { id name status
    milestones { name status amount currency payer { name } payee { name } trigger { name status } } } } }`,
      variables: { id: f.hub },
    }),
  },
];

/**
 * Not a question: what every request costs before any data, an empty operation over HTTP (API and peer) against
 * the smallest statement through the driver (floor). Reported beside the questions, judged by no target.
 */
export const EMPTY_REQUEST: Question = {
  name: 'empty request: { __typename }, RETURN 1',
  api: () => ({ query: '{ __typename }', variables: {} }),
  floor: () => ({ text: 'RETURN 1 AS one', params: {} }),
  peer: () => ({ query: '{ __typename }', variables: {} }),
};

/** Everything the bench times: today's seven questions, the two about the past, and the empty request. */
export const ALL_QUESTIONS: readonly Question[] = [...QUESTIONS, ...TIME_QUESTIONS, EMPTY_REQUEST];

/** One GraphQL request over HTTP; throws on an HTTP or GraphQL error. */
export async function postGraphql(url: string, request: Request): Promise<unknown> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(request),
  });
  const body = (await response.json()) as { data?: unknown; errors?: { message: string }[] };
  if (!response.ok || body.errors?.length) {
    throw new Error(`${url}: ${response.status} ${body.errors?.map((e) => e.message).join('; ')}`);
  }
  return body.data;
}

async function runFloor(driver: Driver, text: string, params: Record<string, unknown>): Promise<unknown> {
  const session = driver.session({ defaultAccessMode: 'READ' });
  try {
    const result = await session.executeRead((tx) => tx.run(text, params));
    return result.records.map((record) => toPlain(record.toObject()));
  } finally {
    await session.close();
  }
}

export interface Latency {
  p50: number;
  p95: number;
}

export interface QuestionResult {
  name: string;
  api: Latency;
  floor: Latency;
  /** Null when the peer failed or has no way to ask the question (`peerError` says which). */
  peer: Latency | null;
  peerError?: string;
  /** API p50 / floor p50. */
  ratio: number;
  /** Database hits of the floor's statement. */
  floorDbHits: number;
  /** Database hits of every statement the app ran for the question, and how many statements. */
  apiDbHits: number;
  apiStatements: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

function latency(samples: number[]): Latency {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95) };
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

/** What `peerError` says of a question the peer has no way to ask. */
export const PEER_NOT_APPLICABLE = 'n/a';

/**
 * Latencies of every question: `warmup` unmeasured rounds, then `rounds` rounds; each round asks every question of
 * the app, the floor and the peer in turn. A peer that cannot answer a question is reported, not fatal.
 */
export async function measureQuestions(options: {
  apiUrl: string;
  peerUrl: string;
  driver: Driver;
  fixture: Fixture;
  warmup: number;
  rounds: number;
}): Promise<Omit<QuestionResult, 'floorDbHits' | 'apiDbHits' | 'apiStatements'>[]> {
  const { apiUrl, peerUrl, driver, fixture } = options;
  const samples = ALL_QUESTIONS.map(() => ({
    api: [] as number[],
    floor: [] as number[],
    peer: [] as number[],
  }));
  const peerErrors = new Map<number, string>();
  ALL_QUESTIONS.forEach((question, index) => {
    if (!question.peer) peerErrors.set(index, PEER_NOT_APPLICABLE);
  });
  for (let round = 0; round < options.warmup + options.rounds; round++) {
    for (const [index, question] of ALL_QUESTIONS.entries()) {
      const floor = question.floor(fixture);
      const api = await timed(() => postGraphql(apiUrl, question.api(fixture)));
      const floorMs = await timed(() => runFloor(driver, floor.text, floor.params));
      let peer = Number.NaN;
      const peerRequest = question.peer;
      if (peerRequest && !peerErrors.has(index)) {
        try {
          peer = await timed(() => postGraphql(peerUrl, peerRequest(fixture)));
        } catch (error) {
          peerErrors.set(index, (error as Error).message.slice(0, 300));
        }
      }
      if (round < options.warmup) continue;
      const sample = samples[index];
      sample?.api.push(api);
      sample?.floor.push(floorMs);
      if (!Number.isNaN(peer)) sample?.peer.push(peer);
    }
  }
  return ALL_QUESTIONS.map((question, index) => {
    const sample = samples[index] ?? { api: [], floor: [], peer: [] };
    const api = latency(sample.api);
    const floor = latency(sample.floor);
    return {
      name: question.name,
      api,
      floor,
      peer: sample.peer.length ? latency(sample.peer) : null,
      peerError: peerErrors.get(index),
      ratio: api.p50 / floor.p50,
    };
  });
}

/** Sums `dbHits` over a PROFILE plan. */
function dbHits(plan: { dbHits?: number; children?: unknown[] } | null | undefined): number {
  if (!plan) return 0;
  return (
    (plan.dbHits ?? 0) +
    (plan.children ?? []).reduce<number>((sum, child) => sum + dbHits(child as typeof plan), 0)
  );
}

/** An executor that runs every read under PROFILE and adds up its database hits. */
class ProfilingExecutor extends Executor {
  hits = 0;
  statements = 0;
  constructor(private readonly profiled: Driver) {
    super(profiled, { timeoutMs: 60_000, logger: createLogger('warn', false) });
  }
  override async read(cypher: Cypher, params: Record<string, unknown> = {}): Promise<Row[]> {
    const session = this.profiled.session({ defaultAccessMode: 'READ' });
    try {
      const result = await session.executeRead((tx) => tx.run(`PROFILE ${cypher.text}`, params));
      this.hits += dbHits(result.summary.profile as Parameters<typeof dbHits>[0]);
      this.statements += 1;
      return result.records.map((record) => toPlain(record.toObject()) as Row);
    } finally {
      await session.close();
    }
  }
}

/**
 * Database hits per question: the floor's statement under PROFILE, and the app's whole answer through an
 * in-process app whose executor profiles every statement its resolvers run.
 */
export async function profileQuestions(
  driver: Driver,
  fixture: Fixture,
  config: Config,
): Promise<{ floorDbHits: number; apiDbHits: number; apiStatements: number }[]> {
  const { createApp } = await import('../server/app.ts');
  const executor = new ProfilingExecutor(driver);
  const app = await createApp({ config, executor, logger: createLogger('silent', false) });
  const server = app.http.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/graphql`;
  try {
    const out = [];
    for (const question of ALL_QUESTIONS) {
      const floor = question.floor(fixture);
      const session = driver.session({ defaultAccessMode: 'READ' });
      const result = await session
        .executeRead((tx) => tx.run(`PROFILE ${floor.text}`, floor.params))
        .finally(() => session.close());
      executor.hits = 0;
      executor.statements = 0;
      await postGraphql(url, question.api(fixture));
      out.push({
        floorDbHits: dbHits(result.summary.profile as Parameters<typeof dbHits>[0]),
        apiDbHits: executor.hits,
        apiStatements: executor.statements,
      });
    }
    return out;
  } finally {
    await new Promise((resolve) => server.close(resolve));
    await app.stop();
  }
}

export interface Throughput {
  connections: number;
  seconds: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  requests: number;
  /** Connection errors, timeouts, non-2xx answers and answers carrying GraphQL errors. */
  errors: number;
}

/** Today's questions in turn from `connections` concurrent clients for `seconds` (autocannon). */
export async function measureThroughput(
  url: string,
  fixture: Fixture,
  which: 'api' | 'peer',
  seconds: number,
  connections = 16,
): Promise<Throughput> {
  let graphqlErrors = 0;
  const requests = QUESTIONS.map((question) => ({
    method: 'POST' as const,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(which === 'api' ? question.api(fixture) : question.peer?.(fixture)),
    onResponse: (status: number, body: string) => {
      if (status === 200 && body.includes('"errors"')) graphqlErrors += 1;
    },
  }));
  const result = await autocannon({ url, connections, duration: seconds, requests, timeout: 30 });
  return {
    connections,
    seconds,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors + result.timeouts + result.non2xx + graphqlErrors,
  };
}
