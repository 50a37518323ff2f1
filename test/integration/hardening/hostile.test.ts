import { readFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { buildSchema, type GraphQLSchema, getNamedType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, SCHEMA_PATH } from '../../../server/app.ts';
import { LIMITS } from '../../../server/core/limits.ts';
import { withFixtureApi } from '../api/fixture.ts';
import { type GraphState, graphState } from './graphState.ts';
import {
  argumentValue,
  harmlessLiteral,
  leafSelection,
  stringArguments,
  variableValue,
} from './stringArguments.ts';

/*
 * Hostile requests against the whole app on the API fixture (Kadcyla + a synthetic set). Each one is refused with
 * a clear GraphQL error or answered safely, within a bounded time; the server stays up; and the graph is byte for
 * byte what it was before the first of them (counts and a checksum over every node and relationship).
 * test/integration/api/limits.test.ts checks each limit once at its edge; this file pushes far past the edges, at
 * every string argument of the schema.
 */

/**
 * No hostile request may take longer than this: the default query timeout (NEO4J_QUERY_TIMEOUT_MS). Most take tens
 * of milliseconds; the slowest are the first query of a new string length, which Neo4j plans again (it caches
 * plans per size bucket of string parameters: about a second each on a 2-core machine).
 */
const BOUND_MS = 10_000;
/** Requests in flight at once while sweeping the string arguments (more would only queue on 2 cores). */
const CONCURRENCY = 2;

/** Cypher and Lucene syntax, quoting, control characters, regexes, Unicode tricks and sizes. */
const HOSTILE_STRINGS: readonly string[] = [
  "' OR 1=1 //",
  '" OR ""="',
  "kadcyla' }) MATCH (n) DETACH DELETE n //",
  '`) DETACH DELETE n //',
  '`}]->() DETACH DELETE n RETURN 1 //',
  'MATCH (n) DETACH DELETE n',
  "'; CALL fixture.db.clearQueryCaches(); //",
  '$id',
  `\${where}`,
  '/* */ RETURN 1 //',
  'kadcyla\u0000',
  '\u0000',
  '\\',
  "\\' OR 1=1",
  '.*',
  '(?i)kadcyla.*',
  '^(a+)+$',
  '[',
  'kadc* OR name:* AND id:/.*/ ~2 ^9 "',
  '((((((((((((((((((((',
  '\u202ekadcyla\u202c ﬁ ｋａｄｃｙｌａ 🧬',
  '\ud800',
  '\n\r\t ',
  'x'.repeat(LIMITS.maxTextLength + 1),
  // Close to the body limit: reaches the resolvers.
  `${'( .* ) '.repeat(Math.floor((MAX_BODY_BYTES - 2_000) / 8))}`,
  // Over the body limit: refused before parsing.
  'y'.repeat(100 * 1024),
];

/** Codes that mean "refused, clearly, because of the input". */
const REFUSAL_CODES = new Set(['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED', 'PAYLOAD_TOO_LARGE']);

/** Curation is on, so its mutations' arguments are swept too (at /graphql/edit, with the token). */
const EDITOR_TOKEN = 'hostile-sweep-editor-token-0123456789abcdef';
const fixture = withFixtureApi({ EDITING: true, EDITOR_TOKEN });
let schema: GraphQLSchema;
let before: GraphState;
const tally = { answered: 0, refused: 0 };

beforeAll(async () => {
  schema = buildSchema(await readFile(SCHEMA_PATH, 'utf8'));
  before = await graphState(fixture.db.executor);
});

afterAll(() => {
  console.log(`[hardening] hostile requests: ${tally.refused} refused, ${tally.answered} answered safely`);
});

interface Outcome {
  status: number;
  ms: number;
  body: { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
}

/** Sends a raw request and times it; the body is parsed when it is JSON. */
async function send(init: {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string | Blob;
}): Promise<Outcome> {
  const started = performance.now();
  const response = await fetch(`${fixture.api.url}${init.path ?? '/graphql'}`, {
    method: init.method ?? 'POST',
    headers: init.headers ?? { 'content-type': 'application/json' },
    body: init.body,
  });
  const text = await response.text();
  let body: Outcome['body'] = {};
  try {
    body = JSON.parse(text);
  } catch {
    body = { errors: [{ message: text }] };
  }
  return { status: response.status, ms: performance.now() - started, body };
}

const postJson = (payload: unknown, headers: Record<string, string> = {}, path = '/graphql') =>
  send({ path, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(payload) });

/** A sweep job: a query to /graphql, a mutation to /graphql/edit with the editor token. */
const postJob = ({ query, variables, edit }: { query: string; variables: unknown; edit: boolean }) =>
  edit
    ? postJson({ query, variables }, { authorization: `Bearer ${EDITOR_TOKEN}` }, '/graphql/edit')
    : postJson({ query, variables });

/**
 * Refused: a GraphQL error with a client code (one of `codes` when given), nothing answered, no 5xx. Errors found
 * while executing (a resolver's BAD_USER_INPUT) come with HTTP 200, as GraphQL over HTTP says for JSON responses.
 */
function expectRefused(outcome: Outcome, codes?: string | string[], message?: RegExp) {
  const shown = JSON.stringify(outcome.body).slice(0, 500);
  expect(outcome.ms).toBeLessThan(BOUND_MS);
  expect(outcome.status, shown).toBeLessThan(500);
  const data = outcome.body.data as Record<string, unknown> | null | undefined;
  expect(
    Object.values(data ?? {}).every((value) => value === null),
    shown,
  ).toBe(true);
  const first = outcome.body.errors?.[0];
  expect(first?.message, shown).toBeTruthy();
  const code = String(first?.extensions?.code ?? '');
  expect(code, shown).not.toMatch(/INTERNAL|UNAVAILABLE|TIMEOUT/);
  if (codes) expect([codes].flat(), first?.message).toContain(code);
  if (message) expect(first?.message).toMatch(message);
  tally.refused++;
}

/** The codes that mean "refused before any Cypher ran" or "bad argument". */
const CLIENT_REFUSALS = ['BAD_USER_INPUT', 'QUERY_TOO_COMPLEX', 'GRAPHQL_VALIDATION_FAILED'];

describe('hostile strings in every string argument of the schema', () => {
  it('finds the string arguments from the schema itself', () => {
    const found = stringArguments(schema).map((arg) => arg.label);
    // A few that must be there; the sweep below covers all of them, including fields added later.
    expect(found).toEqual(
      expect.arrayContaining([
        'Query.search(text)',
        'Query.partnerships(where.company)',
        'Query.drugs(where.payload)',
        'Query.node(id)',
        'Query.graph(ids)',
        'Query.path(from)',
        'Company.drugs(after)',
        'Mutation.draftSource(source.text)',
      ]),
    );
    expect(found.length).toBeGreaterThan(20);
  });

  it('refuses each clearly or answers it safely, in bounded time, without writing', async () => {
    const args = stringArguments(schema);
    // A real entity of each kind that owns a field with a string argument, reached through node(id:).
    const roots = new Set(['Query', 'Mutation']);
    const owners = [...new Set(args.map((arg) => arg.owner).filter((owner) => !roots.has(owner)))];
    const sampleIds = new Map<string, string>();
    for (const owner of owners) {
      const [row] = await fixture.db.executor.read(
        {
          name: 'test.sample',
          text: 'MATCH (n:Entity) WHERE $label IN labels(n) RETURN n.id AS id ORDER BY n.id LIMIT 1',
        },
        { label: owner },
      );
      expect(row?.id, `no ${owner} in the fixture to reach ${owner}'s string arguments through`).toBeTruthy();
      expect(
        schema.getType('Node') &&
          (schema.getType(owner) as { getInterfaces?: () => { name: string }[] })
            .getInterfaces?.()
            .some((i) => i.name === 'Node'),
        `${owner} is not reachable through node(id:)`,
      ).toBe(true);
      sampleIds.set(owner, String(row?.id));
    }

    type Job = {
      label: string;
      text: string;
      query: string;
      variables: Record<string, unknown>;
      edit: boolean;
    };
    const jobs: Job[] = [];
    for (const arg of args) {
      const others = arg.field.args
        .filter((other) => other !== arg.argument && other.type.toString().endsWith('!'))
        .map((other) => `${other.name}: ${harmlessLiteral(other.type, 'kadcyla')}`);
      const value = argumentValue(arg.argument.type, arg.inputPath, 'kadcyla');
      const call = `${arg.field.name}(${[`${arg.argument.name}: ${value}`, ...others].join(', ')})`;
      const selection = leafSelection(getNamedType(arg.field.type));
      const edit = arg.owner === 'Mutation';
      const body = roots.has(arg.owner)
        ? `${call} ${selection}`
        : `node(id: ${JSON.stringify(sampleIds.get(arg.owner))}) { ... on ${arg.owner} { ${call} ${selection} } }`;
      const query = `${edit ? 'mutation' : 'query'} Hostile($v: ${arg.leafType.toString()}) { ${body} }`;
      for (const text of HOSTILE_STRINGS) {
        jobs.push({
          label: arg.label,
          text,
          query,
          variables: { v: variableValue(arg.leafType, text) },
          edit,
        });
      }
    }

    // Warm up: the bound is for a running server, not for planning each Cypher statement the first time.
    for (const job of jobs.filter((_, i) => i % HOSTILE_STRINGS.length === 0)) {
      await postJob(job);
    }
    const failures: string[] = [];
    const times: number[] = [];
    const slowest: [number, string][] = [];
    let next = 0;
    const worker = async () => {
      while (next < jobs.length) {
        const job = jobs[next++] as (typeof jobs)[number];
        const outcome = await postJob(job);
        times.push(outcome.ms);
        slowest.push([
          outcome.ms,
          `${job.label} ← ${JSON.stringify(job.text.slice(0, 30))} (${job.text.length})`,
        ]);
        const codes = (outcome.body.errors ?? []).map((error) => error.extensions?.code);
        const shown = `${job.label} ← ${JSON.stringify(job.text.slice(0, 40))}`;
        if (outcome.ms > BOUND_MS) failures.push(`${shown}: took ${Math.round(outcome.ms)} ms`);
        if (codes.length === 0) {
          if (outcome.status !== 200 || !outcome.body.data) failures.push(`${shown}: ${outcome.status}`);
          else tally.answered++;
        } else if (codes.every((code) => REFUSAL_CODES.has(String(code))) && outcome.status < 500) {
          tally.refused++;
        } else {
          failures.push(`${shown}: ${outcome.status} ${JSON.stringify(outcome.body.errors).slice(0, 300)}`);
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    times.sort((a, b) => a - b);
    const at = (q: number) => Math.round(times[Math.floor(q * (times.length - 1))] ?? 0);
    slowest.sort((a, b) => b[0] - a[0]);
    console.log(
      `[hardening] slowest: ${slowest
        .slice(0, 3)
        .map(([ms, what]) => `${what} ${Math.round(ms)} ms`)
        .join('; ')}`,
    );
    console.log(`[hardening] sweep: median ${at(0.5)} ms, p99 ${at(0.99)} ms, max ${at(1)} ms`);
    expect(failures.join('\n')).toBe('');
    console.log(`[hardening] ${args.length} string arguments × ${HOSTILE_STRINGS.length} hostile strings`);
  }, 240_000);

  it('finds nothing through injection: a quote-breaking filter matches no drug', async () => {
    const result = await fixture.api.post(
      'query ($t: String) { drugs(where: {payload: $t}) { totalCount } }',
      {
        t: "DM1' OR 1=1 OR '' = '",
      },
    );
    expect(result.data?.drugs.totalCount).toBe(0);
    const honest = await fixture.api.post('{ drugs(where: {payload: "DM1"}) { totalCount } }');
    expect(honest.data?.drugs.totalCount).toBeGreaterThan(0);
  });
});

describe('operations shaped to exhaust the server', () => {
  const nest = (open: string, close: string, times: number, core: string) =>
    `${open.repeat(times)}${core}${close.repeat(times)}`;

  it.each([
    [
      'a depth bomb through partnerships → parties → company → partnerships',
      `{ partnerships { ${nest('nodes { parties { company { partnerships { ', '} } } } ', 12, 'totalCount')} } }`,
    ],
    [
      'a depth bomb through drugs → payload → drugs, in inline fragments on node',
      `{ node(id: "kadcyla") { ${nest('... on Drug { payload { drugs { nodes { ', '} } } } ', 15, 'id')} } }`,
    ],
    [
      'a depth bomb hidden in a chain of fragments',
      `{ company(id: "immunogen") { ...F0 } } ${Array.from(
        { length: 30 },
        (_, i) => `fragment F${i} on Company { parent { ${i === 29 ? 'id' : `...F${i + 1}`} } }`,
      ).join(' ')}`,
    ],
    [
      'a fragment bomb (each fragment spreads the previous twice: 2^40 fields)',
      `{ stats { ...F40 } } fragment F0 on Stats { totalNodes } ${Array.from(
        { length: 40 },
        (_, i) => `fragment F${i + 1} on Stats { ...F${i} ...F${i} }`,
      ).join(' ')}`,
    ],
    [
      'the widest page of the deepest useful query, three times over',
      `{ ${Array.from(
        { length: 3 },
        (_, i) =>
          `p${i}: partnerships(first: 100) { nodes { milestones { trigger { regions { citations { document { title } } } } } } }`,
      ).join(' ')} }`,
    ],
  ])('refuses %s', async (_name, query) => {
    expectRefused(await postJson({ query }), 'QUERY_TOO_COMPLEX');
  });

  it('refuses 1,000 aliases (over the token cap) and 200 (over the alias cap)', async () => {
    const alias = (i: number) => `a${i}: stats { totalNodes }`;
    const many = Array.from({ length: 1_000 }, (_, i) => alias(i)).join(' ');
    expectRefused(await postJson({ query: `{ ${many} }` }), 'QUERY_TOO_COMPLEX', /token/i);
    const fewer = Array.from({ length: 200 }, (_, i) => alias(i)).join(' ');
    expectRefused(await postJson({ query: `{ ${fewer} }` }), 'QUERY_TOO_COMPLEX', /alias/i);
  });

  it('answers 600 aliases of __typename (armor lets them through: no resolver, no Cypher) quickly', async () => {
    const cheap = Array.from({ length: 600 }, (_, i) => `a${i}: __typename`).join(' ');
    const outcome = await postJson({ query: `{ ${cheap} }` });
    expect(outcome.status).toBe(200);
    expect(outcome.ms).toBeLessThan(1_000);
    tally.answered++;
  });

  it('refuses 1,000 repeated directives and 100 on one field', async () => {
    const directives = (n: number) => Array.from({ length: n }, () => '@include(if: true)').join(' ');
    expectRefused(
      await postJson({ query: `{ stats ${directives(1_000)} { totalNodes } }` }),
      'QUERY_TOO_COMPLEX',
    );
    expectRefused(
      await postJson({ query: `{ stats ${directives(100)} { totalNodes } }` }),
      'QUERY_TOO_COMPLEX',
      /directive/i,
    );
  });

  it('refuses fragment cycles: a self-spread and a 50-fragment ring', async () => {
    expectRefused(await postJson({ query: '{ stats { ...A } } fragment A on Stats { totalNodes ...A }' }));
    const ring = Array.from(
      { length: 50 },
      (_, i) => `fragment R${i} on Stats { totalNodes ...R${(i + 1) % 50} }`,
    ).join(' ');
    expectRefused(await postJson({ query: `{ stats { ...R0 } } ${ring}` }), CLIENT_REFUSALS);
  });

  it('refuses a document of ~25,000 tokens quickly, without parsing it', async () => {
    const query = `{ stats { ${'totalNodes '.repeat(9_000)} } }`;
    const outcome = await postJson({ query });
    expectRefused(outcome, 'QUERY_TOO_COMPLEX', /tokens/);
    expect(outcome.ms).toBeLessThan(1_000);
  });

  it('refuses introspection built to explode (fields → type → fields …)', async () => {
    const query = `{ __schema { types { ${nest('fields { type { ', '} } ', 6, 'name')} } } }`;
    expectRefused(await postJson({ query }));
  });

  it.each([
    ['first: 2^31 − 1', `{ drugs(first: ${2 ** 31 - 1}) { totalCount } }`, CLIENT_REFUSALS],
    ['first: 2^31 (not an Int)', `{ drugs(first: ${2 ** 31}) { totalCount } }`, CLIENT_REFUSALS],
    ['first: −1', '{ partnerships(first: -1) { totalCount } }', 'BAD_USER_INPUT'],
    ['first: 1e308', '{ companies(first: 1e308) { totalCount } }', 'GRAPHQL_VALIDATION_FAILED'],
    [
      'graph depth 2^31 − 1',
      `{ graph(ids: ["kadcyla"], depth: ${2 ** 31 - 1}) { truncated } }`,
      'BAD_USER_INPUT',
    ],
    [
      'graph limit 2^31 − 1',
      `{ graph(ids: ["kadcyla"], limit: ${2 ** 31 - 1}) { truncated } }`,
      'BAD_USER_INPUT',
    ],
    ['graph depth −5', '{ graph(ids: ["kadcyla"], depth: -5) { truncated } }', 'BAD_USER_INPUT'],
    [
      'path maxLength 2^31 − 1',
      `{ path(from: "kadcyla", to: "roche", maxLength: ${2 ** 31 - 1}) { length } }`,
      'BAD_USER_INPUT',
    ],
    ['search first 2^31 − 1', `{ search(text: "k", first: ${2 ** 31 - 1}) { id } }`, CLIENT_REFUSALS],
    [
      'a nested page far over the cap',
      '{ company(id: "immunogen") { drugs(first: 100000) { totalCount } } }',
      CLIENT_REFUSALS,
    ],
    [
      'graph with 10,000 ids',
      `{ graph(ids: ${JSON.stringify(Array.from({ length: 10_000 }, (_, i) => `${i}`))}) { truncated } }`,
      undefined,
    ],
  ])('refuses %s', async (_name, query, code) => {
    expectRefused(await postJson({ query }), code);
  });

  it('refuses huge numbers passed as variables', async () => {
    for (const first of [2 ** 31, 1e308, -1, 1.5, '100']) {
      expectRefused(
        await postJson({
          query: 'query ($n: Int) { drugs(first: $n) { totalCount } }',
          variables: { n: first },
        }),
        'BAD_USER_INPUT',
      );
    }
  });

  it('answers the largest allowed graph request within the bound', async () => {
    const outcome = await postJson({
      query: `{ graph(ids: ["kadcyla", "immunogen", "roche"], depth: ${LIMITS.maxGraphDepth}, limit: ${LIMITS.maxGraphLimit}) { truncated nodes { id } edges { id } } }`,
    });
    expect(outcome.status).toBe(200);
    expect(outcome.body.errors).toBeUndefined();
    expect(outcome.ms).toBeLessThan(BOUND_MS);
    tally.answered++;
  });
});

describe('malformed and oversized HTTP', () => {
  it('refuses bodies of 1 MB and 20 MB with 413, without reading them through', async () => {
    for (const size of [1 << 20, 20 << 20]) {
      const outcome = await send({
        body: JSON.stringify({ query: `{ stats { totalNodes } } #${'x'.repeat(size)}` }),
      });
      expectRefused(outcome, 'PAYLOAD_TOO_LARGE');
    }
  });

  it('refuses a chunked body that grows past the limit (no Content-Length to trust)', async () => {
    const outcome = await new Promise<Outcome>((resolve, reject) => {
      const started = performance.now();
      const url = new URL(`${fixture.api.url}/graphql`);
      const req = httpRequest(
        {
          host: url.hostname,
          port: url.port,
          path: '/graphql',
          method: 'POST',
          headers: { 'content-type': 'application/json' },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk) => {
            text += chunk;
          });
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, ms: performance.now() - started, body: JSON.parse(text) }),
          );
        },
      );
      req.on('error', reject);
      req.write('{"query": "{ stats { totalNodes } }", "pad": "');
      const chunk = 'z'.repeat(64 * 1024);
      let sent = 0;
      const pump = () => {
        while (sent < 4 << 20) {
          sent += chunk.length;
          if (!req.write(chunk)) {
            req.once('drain', pump);
            return;
          }
        }
        req.end('"}');
      };
      req.on('error', () => {});
      pump();
    });
    expectRefused(outcome, 'PAYLOAD_TOO_LARGE');
  });

  it.each([
    ['truncated JSON', '{"query": "{ stats { totalNodes } }"'],
    ['a JSON string', '"{ stats { totalNodes } }"'],
    ['JSON null', 'null'],
    ['an empty body', ''],
    ['the query as a number', '{"query": 42}'],
    [
      'variables as a string',
      '{"query": "query ($a: String) { search(text: $a) { id } }", "variables": "a=1"}',
    ],
    ['20,000 nested arrays', `${'['.repeat(20_000)}${']'.repeat(20_000)}`],
    ['a NUL inside the document', '{"query": "{ stats\\u0000 { totalNodes } }"}'],
    [
      'two operations and no operationName',
      '{"query": "query A { stats { totalNodes } } query B { stats { totalNodes } }"}',
    ],
    [
      'a mutation (curation has its own endpoint)',
      '{"query": "mutation { draftSource(source: {fileName: \\"a.txt\\", text: \\"x\\"}) { documentId } }"}',
    ],
    ['a subscription (there are none)', '{"query": "subscription { stats { totalNodes } }"}'],
  ])('refuses %s with 400', async (_name, body) => {
    const outcome = await send({ body });
    expectRefused(outcome);
    expect(outcome.status).toBe(400);
  });

  it('refuses an unknown persisted query as the APQ protocol says (200, PERSISTED_QUERY_NOT_FOUND)', async () => {
    const body = '{"extensions": {"persistedQuery": {"version": 1, "sha256Hash": "00"}}}';
    expectRefused(await send({ body }), 'PERSISTED_QUERY_NOT_FOUND');
  });

  it('ignores 5,000-deep variables the operation does not declare, and refuses them where it does', async () => {
    const deep = `${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}`;
    const unused = await send({ body: `{"query": "{ stats { totalNodes } }", "variables": {"a": ${deep}}}` });
    expect(unused.status).toBe(200);
    expect(unused.ms).toBeLessThan(BOUND_MS);
    const used = await send({
      body: `{"query": "query ($t: String!) { search(text: $t) { id } }", "variables": {"t": ${deep}}}`,
    });
    expectRefused(used, 'BAD_USER_INPUT');
  });

  it('refuses invalid UTF-8 and an unsupported charset', async () => {
    expectRefused(
      await send({ body: new Blob([new Uint8Array([0x7b, 0x22, 0x71, 0xff, 0xfe, 0x22, 0x7d])]) }),
    );
    expectRefused(
      await send({
        headers: { 'content-type': 'application/json; charset=utf-16' },
        body: JSON.stringify({ query: '{ stats { totalNodes } }' }),
      }),
    );
  });

  it('refuses batched arrays of 2 and of 5,000 operations', async () => {
    for (const n of [2, 5_000]) {
      expectRefused(await postJson(Array.from({ length: n }, () => ({ query: '{ stats { totalNodes } }' }))));
    }
  });

  it('refuses a GET whose URL is larger than the server reads (431), and survives it', async () => {
    const query = `{ stats { totalNodes } } #${'x'.repeat(40_000)}`;
    const response = await fetch(`${fixture.api.url}/graphql?query=${encodeURIComponent(query)}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect([414, 431]).toContain(response.status);
    tally.refused++;
  });

  it('refuses PUT, PATCH and DELETE', async () => {
    for (const method of ['PUT', 'PATCH', 'DELETE']) {
      const outcome = await send({ method, body: JSON.stringify({ query: '{ stats { totalNodes } }' }) });
      expect(outcome.status, method).toBeGreaterThanOrEqual(400);
      expect(outcome.status).toBeLessThan(500);
      expect(outcome.body.data ?? null).toBeNull();
      tally.refused++;
    }
  });
});

describe('CSRF-style simple requests (no preflight)', () => {
  const query = '{ stats { totalNodes } }';
  it.each([
    ['POST text/plain', { 'content-type': 'text/plain' }, JSON.stringify({ query })],
    [
      'POST form-urlencoded',
      { 'content-type': 'application/x-www-form-urlencoded' },
      `query=${encodeURIComponent(query)}`,
    ],
    [
      'POST multipart/form-data',
      { 'content-type': 'multipart/form-data; boundary=x' },
      `--x\r\nContent-Disposition: form-data; name="query"\r\n\r\n${query}\r\n--x--\r\n`,
    ],
    ['POST without a content type', {}, JSON.stringify({ query })],
  ])('refuses a %s from a foreign page', async (_name, headers, body) => {
    const outcome = await send({ headers: { origin: 'http://evil.test', ...headers }, body });
    expectRefused(outcome);
  });

  it('refuses a simple GET, and gives a foreign origin no CORS headers', async () => {
    const response = await fetch(`${fixture.api.url}/graphql?query=${encodeURIComponent(query)}`, {
      headers: { origin: 'http://evil.test' },
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/CSRF|preflight/i);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    tally.refused++;
  });
});

describe('after all of it', () => {
  it('is still up and answering', async () => {
    expect((await fetch(`${fixture.api.url}/health`)).status).toBe(200);
    expect((await fetch(`${fixture.api.url}/ready`)).status).toBe(200);
    const { drug } = await fixture.api.data('{ drug(id: "kadcyla") { name payload { name } } }');
    expect(drug).toEqual({ name: 'Kadcyla', payload: { name: 'DM1' } });
  });

  it('left the graph byte for byte as it was', async () => {
    const after = await graphState(fixture.db.executor);
    expect(after).toEqual(before);
    expect(after.nodes).toBeGreaterThan(50);
  });
});
