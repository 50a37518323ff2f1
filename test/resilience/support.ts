import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDriver } from '../../server/db/driver.ts';
import { Executor } from '../../server/db/executor.ts';
import { findFreePort, type LocalNeo4j, startLocalNeo4j } from '../../server/db/localNeo4j.ts';
import { createLogger } from '../../server/logger.ts';

export const REPO = join(import.meta.dirname, '../..');
const quiet = createLogger('silent', false);

/**
 * A Neo4j of the test's own, on a throwaway store and a fixed port, that the test may stop, kill, freeze and start
 * again on the same store and port (so a client's driver can find it again).
 */
export async function ownNeo4j(name: string) {
  const dataDir = await mkdtemp(join(tmpdir(), `pipeline-atlas-${name}-`));
  const port = await findFreePort();
  const log = (message: string) => {
    if (/error|exception|exited/i.test(message)) console.log(`[${name} neo4j] ${message}`);
  };
  let current: LocalNeo4j = await startLocalNeo4j({ port, dataDir, log });
  const uri = `bolt://127.0.0.1:${port}`;
  const driver = createDriver({ uri, user: 'neo4j', password: '', connectTimeoutMs: 2_000 });
  const executor = new Executor(driver, { timeoutMs: 10 * 60 * 1000, logger: quiet });
  return {
    uri,
    port,
    dataDir,
    /** An executor for setting up and checking (long timeout, own driver). */
    executor,
    get pid() {
      return current.pid;
    },
    /** A clean stop (SIGTERM; the JVM shuts the store down). */
    stop: () => current.stop(),
    /** SIGKILL: no shutdown at all, as in a power cut or the OOM killer. */
    async kill() {
      process.kill(current.pid, 'SIGKILL');
      await current.stop();
    },
    freeze: () => process.kill(current.pid, 'SIGSTOP'),
    thaw: () => process.kill(current.pid, 'SIGCONT'),
    /** Starts Neo4j again on the same store and port; resolves once Bolt answers. */
    async start() {
      current = await startLocalNeo4j({ port, dataDir, log });
    },
    async close() {
      await driver.close();
      await current.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export type OwnNeo4j = Awaited<ReturnType<typeof ownNeo4j>>;

export interface NodeProcess {
  child: ChildProcess;
  pid: number;
  stdout: string[];
  stderr: string[];
  /** Resolves with the exit code (or the signal's name). */
  exited: Promise<number | string>;
  /** Resolves with the first line of stdout or stderr that matches. */
  line(pattern: RegExp, timeoutMs?: number): Promise<string>;
}

/** Runs a TypeScript entry point in one Node process (no npm or tsx wrapper in between, so its pid is its own). */
export function runNode(script: string, args: string[], env: Record<string, string>): NodeProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: REPO,
    env: { ...process.env, ...env, FORCE_COLOR: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stdout: string[] = [];
  const stderr: string[] = [];
  const waiters: { pattern: RegExp; resolve: (line: string) => void }[] = [];
  const onData = (into: string[]) => {
    let partial = '';
    return (chunk: Buffer) => {
      const lines = (partial + chunk.toString('utf8')).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        into.push(line);
        for (const waiter of [...waiters]) {
          if (waiter.pattern.test(line)) {
            waiters.splice(waiters.indexOf(waiter), 1);
            waiter.resolve(line);
          }
        }
      }
    };
  };
  child.stdout?.on('data', onData(stdout));
  child.stderr?.on('data', onData(stderr));
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => resolve(code ?? signal ?? -1));
  });
  return {
    child,
    pid: child.pid ?? -1,
    stdout,
    stderr,
    exited,
    line(pattern, timeoutMs = 120_000) {
      const seen = [...stdout, ...stderr].find((line) => pattern.test(line));
      if (seen) return Promise.resolve(seen);
      return new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => {
          reject(
            new Error(
              `no line matching ${pattern} within ${timeoutMs} ms:\n${[...stdout, ...stderr].slice(-20).join('\n')}`,
            ),
          );
        }, timeoutMs);
        waiters.push({
          pattern,
          resolve: (line) => {
            clearTimeout(timer);
            resolve(line);
          },
        });
        void exited.then(() => {
          clearTimeout(timer);
          reject(
            new Error(
              `exited before a line matching ${pattern}:\n${[...stdout, ...stderr].slice(-20).join('\n')}`,
            ),
          );
        });
      });
    },
  };
}

/** Resident and peak resident memory of a process, from /proc (Linux), in bytes; undefined once it is gone. */
export function memoryOf(pid: number): { rss: number; peak: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) =>
      Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
    return { rss: kb('VmRSS'), peak: kb('VmHWM') };
  } catch {
    return undefined;
  }
}

/** Samples a process's memory until it exits; `peak` is the highest VmHWM seen. */
export function watchMemory(pid: number, everyMs = 100) {
  const samples: { at: number; rss: number }[] = [];
  let peak = 0;
  const started = performance.now();
  const timer = setInterval(() => {
    const memory = memoryOf(pid);
    if (!memory) return;
    peak = Math.max(peak, memory.peak);
    samples.push({ at: performance.now() - started, rss: memory.rss });
  }, everyMs);
  return {
    samples,
    get peak() {
      return peak;
    },
    stop: () => clearInterval(timer),
  };
}

/** Whether a process with this pid exists. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Polls `check` until it returns true; rejects after `timeoutMs`. */
export async function waitUntil(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${what}: not within ${timeoutMs} ms`);
}

export const MB = 1024 * 1024;
