import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../server/config.ts';
import { type Cypher, Executor, type RequestScope } from '../../../server/db/executor.ts';
import { AppError } from '../../../server/errors.ts';
import { connectTestDatabase, type TestDatabase } from '../../support/database.ts';
import { loadFixture } from '../api/fixture.ts';
import { startApi } from '../api/harness.ts';
import { graphState } from './graphState.ts';

/*
 * Server hygiene that needs no process of its own: transaction timeouts, read-only query paths, request ids in
 * the logs and in Neo4j's transaction list, and production errors without stacks or Cypher. (Graceful shutdown of
 * the real process is in test/resilience/shutdown.test.ts.)
 */

const REPO = join(import.meta.dirname, '../../..');
/** Runs for hours unless stopped: 10^10 rows. */
const SLOW: Cypher = {
  name: 'test.slow',
  text: 'UNWIND range(1, 100000) AS a UNWIND range(1, 100000) AS b RETURN count(*) AS n',
};
const WRITE: Cypher = {
  name: 'test.sneakyWrite',
  text: "CREATE (:Entity:Company {id: 'sneaky', name: 'Sneaky'})",
};

let db: TestDatabase;

beforeAll(async () => {
  db = connectTestDatabase();
  await loadFixture(db);
});
afterAll(() => db?.close());

/** A logger whose JSON lines the test can read. */
function memoryLogger() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { logger: pino({ level: 'debug' }, stream), lines };
}

const sneakyCount = async () =>
  Number(
    (await db.executor.read({ name: 't', text: "MATCH (n {id: 'sneaky'}) RETURN count(n) AS n" }))[0]?.n,
  );

describe('transaction timeouts', () => {
  it('stops a slow Cypher statement at the executor timeout with TIMEOUT', async () => {
    const executor = new Executor(db.driver, { timeoutMs: 500, logger: db.logger });
    const started = performance.now();
    const error = await executor.read(SLOW).catch((e: unknown) => e);
    const ms = performance.now() - started;
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('TIMEOUT');
    expect(ms).toBeGreaterThanOrEqual(400);
    expect(ms).toBeLessThan(5_000);
  });

  it('shows a running query with its app, operation and request id in SHOW TRANSACTIONS', async () => {
    const executor = new Executor(db.driver, { timeoutMs: 3_000, logger: db.logger });
    const scope: RequestScope = { requestId: 'trace-me-42', logger: db.logger };
    const running = executor
      .forRequest(scope)
      .read(SLOW)
      .catch((e: unknown) => e);
    let found: Record<string, unknown> | undefined;
    for (let attempt = 0; attempt < 20 && !found; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const rows = await db.executor.read({
        name: 't',
        text: 'SHOW TRANSACTIONS YIELD metaData, currentQuery RETURN metaData, currentQuery',
      });
      found = rows.find((row) => (row.metaData as { requestId?: string }).requestId === 'trace-me-42');
    }
    expect(found?.metaData).toEqual({
      app: 'pipeline-atlas',
      operation: 'test.slow',
      requestId: 'trace-me-42',
    });
    expect(String(found?.currentQuery)).toContain('UNWIND range');
    expect(((await running) as AppError).code).toBe('TIMEOUT');
  });

  it('gives API clients TIMEOUT, with no Cypher in the answer, when a resolver query runs too long', async () => {
    const executor = new Executor(db.driver, { timeoutMs: 500, logger: db.logger });
    const realRead = executor.read.bind(executor);
    executor.read = (_cypher, _params, scope) => realRead(SLOW, {}, scope);
    const api = await startApi({ ...db, executor });
    try {
      const started = performance.now();
      const result = await api.post('{ drugs { totalCount } }');
      expect(performance.now() - started).toBeLessThan(5_000);
      expect(result.errors?.[0]?.extensions?.code).toBe('TIMEOUT');
      expect(JSON.stringify(result)).not.toMatch(/UNWIND|range\(/);
    } finally {
      await api.stop();
    }
  });
});

describe('read-only query paths', () => {
  it('refuses a write sent through a read transaction (Neo4j enforces the access mode)', async () => {
    const error = await db.executor.read(WRITE).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(String(((error as AppError).cause as Error).message)).toMatch(/read access mode|not allowed/i);
    expect(await sneakyCount()).toBe(0);
  });

  it('gives resolvers an executor that cannot write at all', async () => {
    const scoped = db.executor.forRequest({ requestId: 'r', logger: db.logger });
    await expect(scoped.write(WRITE)).rejects.toBeInstanceOf(AppError);
    await expect(scoped.writeTransaction('t', async () => 1)).rejects.toBeInstanceOf(AppError);
    await expect(scoped.read(WRITE)).rejects.toBeInstanceOf(AppError);
    expect(await sneakyCount()).toBe(0);
  });

  it('survives a resolver bug that sends a write: masked error, nothing written', async () => {
    const before = await graphState(db.executor);
    const executor = new Executor(db.driver, { timeoutMs: 5_000, logger: db.logger });
    const realRead = executor.read.bind(executor);
    executor.read = (_cypher, _params, scope) => realRead(WRITE, {}, scope);
    const api = await startApi({ ...db, executor });
    try {
      const result = await api.post('{ drug(id: "kadcyla") { name } }');
      expect(result.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      expect(JSON.stringify(result)).not.toMatch(/CREATE|Sneaky|access mode/);
    } finally {
      await api.stop();
    }
    expect(await graphState(db.executor)).toEqual(before);
  });

  it('runs every Cypher statement of the server and the loader through the executor', async () => {
    const offenders: string[] = [];
    const walk = async (dir: string): Promise<void> => {
      for (const entry of await readdir(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) await walk(path);
        else if (entry.name.endsWith('.ts') && path !== join(REPO, 'server/db/executor.ts')) {
          const text = await readFile(path, 'utf8');
          if (/\.session\(|\.executeQuery\(|\.executeRead\(|\.executeWrite\(|beginTransaction\(/.test(text)) {
            offenders.push(relative(REPO, path));
          }
        }
      }
    };
    await walk(join(REPO, 'server'));
    await walk(join(REPO, 'seed'));
    expect(offenders).toEqual([]);
  });
});

describe('errors and logs', () => {
  it('in production, answers a failing query with a code and a request id: no stack, no Cypher, no driver text', async () => {
    const { logger, lines } = memoryLogger();
    const config = loadConfig({ NODE_ENV: 'production', NEO4J_URI: db.uri, LOG_LEVEL: 'debug' });
    expect(config.GRAPHQL_INTROSPECTION).toBe(false);
    const executor = new Executor(db.driver, { timeoutMs: 5_000, logger });
    const realRead = executor.read.bind(executor);
    // A resolver whose Cypher is broken: Neo4j's error quotes the statement.
    executor.read = (cypher, params, scope) =>
      realRead({ name: cypher.name, text: `${cypher.text}\nRETURN RETURN secret_marker` }, params, scope);
    const api = await startApi({ config, executor, logger });
    try {
      const result = await api.post('{ drug(id: "kadcyla") { name } }', undefined, {
        'x-request-id': 'prod-req-7',
      });
      const text = JSON.stringify(result);
      expect(result.errors?.[0]).toEqual({
        message: 'Unexpected database error.',
        path: ['drug'],
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      });
      expect(result.extensions?.requestId).toBe('prod-req-7');
      expect(text).not.toMatch(/secret_marker|MATCH|Neo\.|stack|\bat \w+ \(|\.ts:\d+/);

      // The details are in the log, with the request id.
      const failed = lines.find((line) => line.msg === 'cypher failed' && line.requestId === 'prod-req-7');
      expect(failed).toBeDefined();
      expect(JSON.stringify(failed)).toContain('secret_marker');
      const unexpected = lines.find(
        (line) => line.msg === 'unexpected error' && line.requestId === 'prod-req-7',
      );
      expect(unexpected).toBeDefined();

      // Validation errors, syntax errors and Express's own errors carry no stack either.
      const invalid = await api.post('{ drug(id: "kadcyla") { nope } }');
      expect(invalid.errors?.[0]?.message).not.toMatch(/Did you mean/);
      const syntax = await api.post('{ drug(id: ');
      expect(JSON.stringify(syntax)).not.toMatch(/stack|\bat \w+ \(/);
      for (const path of [
        '/%E0%A4%A',
        '/assets/%E0%A4%A',
        '/assets/..%2F..%2Fpackage.json',
        '/graphql/%00',
      ]) {
        const response = await fetch(`${api.url}${path}`);
        const body = await response.text();
        expect([400, 404], path).toContain(response.status);
        expect(body, path).not.toMatch(/\bat \w+|node_modules|Error:|"name"/);
      }
    } finally {
      await api.stop();
    }
  });

  it('puts the request id in every log line of a request, and echoes it to the client', async () => {
    const { logger, lines } = memoryLogger();
    const executor = new Executor(db.driver, { timeoutMs: 5_000, logger });
    const api = await startApi({ ...db, executor, logger });
    try {
      const result = await api.post('{ drug(id: "kadcyla") { name } }', undefined, {
        'x-request-id': 'ok-req-1',
      });
      expect(result.headers.get('x-request-id')).toBe('ok-req-1');
      const generated = await api.post('{ stats { totalNodes } }');
      expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      const forged = await api.post('{ stats { totalNodes } }', undefined, { 'x-request-id': 'a\tb"}{' });
      expect(forged.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    } finally {
      await api.stop();
    }
    const ofRequest = lines.filter((line) => line.requestId === 'ok-req-1');
    expect(ofRequest.map((line) => line.msg)).toEqual(expect.arrayContaining(['cypher', 'request']));
    expect(ofRequest.find((line) => line.msg === 'request')).toMatchObject({
      method: 'POST',
      path: '/graphql',
      status: 200,
    });
  });
});
