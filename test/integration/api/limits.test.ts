import { describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../../server/app.ts';
import { LIMITS } from '../../../server/core/limits.ts';
import { OPERATION_LIMITS } from '../../../server/graphql/armor.ts';
import { withFixtureApi } from './fixture.ts';
import { startApi } from './harness.ts';

const fixture = withFixtureApi();

const codeOf = (result: { errors?: { extensions?: { code?: string } }[] }) =>
  result.errors?.[0]?.extensions?.code;

describe('bad arguments → BAD_USER_INPUT', () => {
  it.each([
    ['first above the page cap', `{ drugs(first: ${LIMITS.maxPageSize + 1}) { totalCount } }`],
    ['first of zero', '{ partnerships(first: 0) { totalCount } }'],
    ['a cursor this API never gave', '{ companies(after: "not-a-cursor") { totalCount } }'],
    [
      'graph depth above the cap',
      `{ graph(ids: ["kadcyla"], depth: ${LIMITS.maxGraphDepth + 1}) { truncated } }`,
    ],
    [
      'graph limit above the cap',
      `{ graph(ids: ["kadcyla"], limit: ${LIMITS.maxGraphLimit + 1}) { truncated } }`,
    ],
    ['graph without ids', '{ graph(ids: []) { truncated } }'],
    [
      'path longer than the cap',
      `{ path(from: "a", to: "b", maxLength: ${LIMITS.maxPathLength + 1}) { length } }`,
    ],
    ['search hits above the cap', `{ search(text: "k", first: ${LIMITS.maxSearchHits + 1}) { id } }`],
    ['search text too long', `{ search(text: "${'k'.repeat(LIMITS.maxTextLength + 1)}") { id } }`],
    ['an empty filter', '{ drugs(where: {payload: "  "}) { totalCount } }'],
    ['a filter with NUL', '{ drugs(where: {payload: "dm1\\u0000"}) { totalCount } }'],
    [
      'a date range backwards',
      '{ regulatoryEvents(where: {from: "2014-01-01", to: "2013-01-01"}) { totalCount } }',
    ],
    [
      'too many ids',
      `{ nodes(ids: ${JSON.stringify(Array.from({ length: LIMITS.maxIds + 1 }, (_, i) => `id${i}`))}) { id } }`,
    ],
  ])('%s', async (_name, query) => {
    const result = await fixture.api.post(query);
    expect(codeOf(result), JSON.stringify(result.errors)).toBe('BAD_USER_INPUT');
  });

  it('refuses a date that is not a day', async () => {
    const query = 'query ($from: Date) { regulatoryEvents(where: {from: $from}) { totalCount } }';
    expect(codeOf(await fixture.api.post(query, { from: '2013-02-30' }))).toBe('BAD_USER_INPUT');
    const literal = await fixture.api.post(
      '{ regulatoryEvents(where: {from: "2013-13-01"}) { totalCount } }',
    );
    expect(codeOf(literal)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(literal.errors?.[0]?.message).toMatch(/YYYY-MM-DD/);
  });

  it('treats Cypher-looking strings as plain values', async () => {
    const hostile = ["' OR 1=1 //", '`) DETACH DELETE n //', '$limit', 'a\\"b', '.*', '(?i).*'];
    for (const text of hostile) {
      const result = await fixture.api.post(
        'query ($t: String!, $id: ID!) { search(text: $t) { id } drugs(where: {payload: $t, company: $t}) { totalCount } partnerships(where: {company: $t}) { totalCount } node(id: $id) { id } }',
        { t: text, id: text },
      );
      expect(result.errors, text).toBeUndefined();
      expect(result.data?.drugs.totalCount).toBe(0);
    }
    const { stats } = await fixture.api.data('{ stats { totalNodes } }');
    expect(stats.totalNodes).toBeGreaterThan(50);
  });

  it('reports schema mistakes as validation errors', async () => {
    const result = await fixture.api.post('{ drug(id: "kadcyla") { noSuchField } }');
    expect(result.status).toBe(400);
    expect(codeOf(result)).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

describe('operation limits → QUERY_TOO_COMPLEX', () => {
  it('refuses a query nested too deep', async () => {
    let selection = 'id';
    for (let i = 0; i < OPERATION_LIMITS.maxDepth; i++) selection = `parent { ${selection} }`;
    const result = await fixture.api.post(`{ company(id: "genentech") { ${selection} } }`);
    expect(result.status).toBe(400);
    expect(codeOf(result)).toBe('QUERY_TOO_COMPLEX');
    expect(result.errors?.[0]?.message).toMatch(/depth/i);
  });

  it('refuses too many aliases', async () => {
    const aliases = Array.from(
      { length: OPERATION_LIMITS.maxAliases + 1 },
      (_, i) => `a${i}: stats { totalNodes }`,
    );
    const result = await fixture.api.post(`{ ${aliases.join(' ')} }`);
    expect(codeOf(result)).toBe('QUERY_TOO_COMPLEX');
    expect(result.errors?.[0]?.message).toMatch(/alias/i);
  });

  it('refuses too many directives', async () => {
    const directives = Array.from(
      { length: OPERATION_LIMITS.maxDirectives + 1 },
      () => '@include(if: true)',
    ).join(' ');
    const result = await fixture.api.post(`{ stats ${directives} { totalNodes } }`);
    expect(codeOf(result)).toBe('QUERY_TOO_COMPLEX');
  });

  it('refuses too many tokens', async () => {
    const fields = Array.from({ length: OPERATION_LIMITS.maxTokens }, () => 'totalNodes').join(' ');
    const result = await fixture.api.post(`{ stats { ${fields} } }`);
    expect(result.status).toBe(400);
    expect(codeOf(result)).toBe('QUERY_TOO_COMPLEX');
    expect(result.errors?.[0]?.message).toMatch(/token/i);
  });

  it('refuses a query that costs too much', async () => {
    const terms = `nodes { parties { company { name } } milestones { payer { name } payee { name }
      trigger { name regions { name } } citations { id sentence document { id title publisher date } } } }`;
    const copies = Array.from({ length: 3 }, (_, i) => `p${i}: partnerships(first: 100) { ${terms} }`).join(
      ' ',
    );
    const result = await fixture.api.post(`{ ${copies} }`);
    expect(codeOf(result)).toBe('QUERY_TOO_COMPLEX');
    expect(result.errors?.[0]?.message).toMatch(/cost/i);
    expect((await fixture.api.post(`{ partnerships(first: 100) { ${terms} } }`)).errors).toBeUndefined();
  });

  it('refuses fragment cycles', async () => {
    const result = await fixture.api.post(
      '{ stats { ...A } } fragment A on Stats { ...B } fragment B on Stats { ...A }',
    );
    expect(result.status).toBe(400);
  });
});

describe('HTTP', () => {
  it('serves queries over GET, and refuses mutations of state over GET without a preflight header', async () => {
    const get = await fetch(
      `${fixture.api.url}/graphql?query=${encodeURIComponent('{ stats { totalNodes } }')}`,
      {
        headers: { 'apollo-require-preflight': 'true' },
      },
    );
    expect(get.status).toBe(200);
    expect(get.headers.get('content-type')).toMatch(/application\/(graphql-response\+)?json/);
    const csrf = await fetch(
      `${fixture.api.url}/graphql?query=${encodeURIComponent('{ stats { totalNodes } }')}`,
    );
    expect(csrf.status).toBe(400);
    expect(await csrf.text()).toMatch(/CSRF/i);
  });

  it('refuses a simple (CSRF-style) POST', async () => {
    const response = await fetch(`${fixture.api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: '{ stats { totalNodes } }' }),
    });
    expect(response.status).toBe(400);
  });

  it('refuses an oversized body with 413', async () => {
    const response = await fetch(`${fixture.api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ stats { totalNodes } } # ${'x'.repeat(MAX_BODY_BYTES)}` }),
    });
    expect(response.status).toBe(413);
    expect((await response.json()).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses malformed JSON with 400', async () => {
    const response = await fetch(`${fixture.api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": "{ stats { totalNodes } }"',
    });
    expect(response.status).toBe(400);
    expect((await response.json()).errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  it('refuses batched requests', async () => {
    const response = await fetch(`${fixture.api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ stats { totalNodes } }' }, { query: '{ stats { totalNodes } }' }]),
    });
    expect(response.status).toBe(400);
  });

  it('gives CORS headers to allowed origins only', async () => {
    const allowed = await startApi({
      ...fixture.db,
      config: { ...fixture.db.config, CORS_ORIGINS: ['http://allowed.test'] },
    });
    try {
      const preflight = await fetch(`${allowed.url}/graphql`, {
        method: 'OPTIONS',
        headers: { origin: 'http://allowed.test', 'access-control-request-method': 'POST' },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe('http://allowed.test');
      const other = await allowed.post('{ stats { totalNodes } }', undefined, { origin: 'http://evil.test' });
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await allowed.stop();
    }
  });

  it('turns introspection and the landing page off when configured', async () => {
    const closed = await startApi({
      ...fixture.db,
      config: { ...fixture.db.config, GRAPHQL_INTROSPECTION: false },
    });
    try {
      const result = await closed.post('{ __schema { types { name } } }');
      expect(result.status).toBe(400);
      const landing = await fetch(`${closed.url}/graphql`, { headers: { accept: 'text/html' } });
      expect(await landing.text()).not.toMatch(/sandbox/i);
      const open = await fixture.api.post('{ __schema { queryType { name } } }');
      expect(open.data?.__schema.queryType.name).toBe('Query');
    } finally {
      await closed.stop();
    }
  });

  it('masks unexpected errors and logs them with the request id', async () => {
    const read = fixture.db.executor.read.bind(fixture.db.executor);
    fixture.db.executor.read = () => Promise.reject(new Error('secret Cypher detail'));
    try {
      const result = await fixture.api.post('{ drugs { totalCount } }', undefined, {
        'x-request-id': 'test-mask-1',
      });
      expect(codeOf(result)).toBe('INTERNAL_SERVER_ERROR');
      expect(JSON.stringify(result)).not.toContain('secret');
      expect(result.extensions?.requestId).toBe('test-mask-1');
      expect(result.headers.get('x-request-id')).toBe('test-mask-1');
    } finally {
      fixture.db.executor.read = read;
    }
  });

  it('answers /health and /ready', async () => {
    expect((await fetch(`${fixture.api.url}/health`)).status).toBe(200);
    const ready = await fetch(`${fixture.api.url}/ready`);
    expect(ready.status).toBe(200);
  });
});
