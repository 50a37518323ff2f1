import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findFreePort } from '../../server/db/localNeo4j.ts';
import { isAlive, type NodeProcess, runNode, waitUntil } from './support.ts';

/*
 * The real process, as `npm start` runs it (tsx server/main.ts), with its embedded Neo4j on a throwaway store:
 * Ctrl-C (SIGINT) in the middle of a request lets that request finish, closes the driver, stops Neo4j cleanly and
 * leaves no Java process behind; and when Node itself is killed, the JVM notices and stops by itself.
 */

const started: NodeProcess[] = [];
const dirs: string[] = [];

afterAll(async () => {
  for (const server of started) if (isAlive(server.pid)) server.child.kill('SIGKILL');
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

/** Starts the server with its own Neo4j; resolves with the process, its port and the JVM's pid. */
async function startServer({ seed }: { seed: boolean }) {
  const dataDir = await mkdtemp(join(tmpdir(), 'pipeline-atlas-shutdown-'));
  dirs.push(dataDir);
  const port = await findFreePort();
  const server = runNode('server/main.ts', [], {
    NODE_ENV: 'production',
    PORT: String(port),
    NEO4J_BOLT_PORT: String(await findFreePort()),
    NEO4J_DATA_DIR: dataDir,
    NEO4J_URI: '',
    SEED_ON_EMPTY: String(seed),
    LOG_LEVEL: 'info',
  });
  started.push(server);
  const ready = await server.line(/Neo4j ready at .* \(pid \d+\)/, 180_000);
  const javaPid = Number(/\(pid (\d+)\)/.exec(ready)?.[1]);
  await server.line(/GraphQL API/, 180_000);
  return { server, port, javaPid };
}

describe('graceful shutdown of the real process', () => {
  it('Ctrl-C mid-request: the request is answered, the driver closed, Neo4j stopped, no Java left', async () => {
    const { server, port, javaPid } = await startServer({ seed: true });
    expect(isAlive(javaPid)).toBe(true);

    // A request in flight: headers sent, half of the body still to come.
    const body = JSON.stringify({ query: '{ drug(id: "kadcyla") { name payload { name } } }' });
    const half = Math.floor(body.length / 2);
    const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          path: '/graphql',
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk) => {
            text += chunk;
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      req.on('error', reject);
      req.write(body.slice(0, half));
      setTimeout(() => {
        server.child.kill('SIGINT');
        setTimeout(() => req.end(body.slice(half)), 1_000);
      }, 300);
    });

    const { status, text } = await answer;
    expect(status).toBe(200);
    expect(JSON.parse(text)).toEqual({ data: { drug: { name: 'Kadcyla', payload: { name: 'DM1' } } } });
    // New connections are refused while it drains and after.
    await expect(fetch(`http://127.0.0.1:${port}/health`)).rejects.toThrow();

    expect(await server.exited).toBe(0);
    const log = server.stdout.join('\n');
    expect(log).toMatch(/shutting down/);
    expect(log).toMatch(/Neo4j stopped cleanly/);
    expect(log).toMatch(/"msg":"stopped"/);
    await waitUntil(() => !isAlive(javaPid), 10_000, 'the JVM to be gone');
  });

  it('Node killed outright (SIGKILL): the JVM sees its stdin close and stops by itself', async () => {
    const { server, javaPid } = await startServer({ seed: false });
    server.child.kill('SIGKILL');
    expect(await server.exited).toBe('SIGKILL');
    await waitUntil(() => !isAlive(javaPid), 60_000, 'the orphaned JVM to stop');
  });
});
