/**
 * The local, embedded Neo4j Community 5.26 used when NEO4J_URI is not set (and by the test setup).
 *
 * `neo4j/build.sh` fetches Neo4j from Maven Central and compiles `neo4j/…/Launcher.java` on first use;
 * this module runs it as a child JVM, waits for its ready line and for the Bolt port to accept TCP, and
 * stops it with SIGTERM (the launcher then shuts the store down cleanly). The JVM is started with
 * `--exit-on-stdin-eof` and a piped stdin, so it also shuts down cleanly when this Node process dies, and in
 * its own process group, so a terminal's Ctrl-C reaches only Node, which stops it in order.
 *
 * Local development only: Bolt listens on 127.0.0.1 without authentication or TLS.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { createConnection, createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface LocalNeo4jOptions {
  /** Bolt port on 127.0.0.1 (default 7687). */
  port?: number;
  /** Neo4j home/store directory; relative paths are resolved against the working directory (default `<repo>/.data/neo4j`). */
  dataDir?: string;
  /** Progress and Neo4j's stderr lines (default: written to stderr). */
  log?: (msg: string) => void;
  /** How long the JVM may take to become ready, not counting a first-run build (default 120 s). */
  startTimeoutMs?: number;
  /** Extra JVM flags, appended after the defaults (so they win), e.g. `['-Xmx2g']`. */
  javaArgs?: string[];
}

export interface LocalNeo4j {
  uri: string;
  port: number;
  dataDir: string;
  pid: number;
  /** SIGTERM, wait for a clean shutdown (SIGKILL after ~30 s); resolves once the JVM has exited. */
  stop(): Promise<void>;
}

const HOST = '127.0.0.1';
const DEFAULT_PORT = 7687;
const DEFAULT_START_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 30_000;
const KILL_TIMEOUT_MS = 5_000;
const READY_PATTERN = /^NEO4J_READY (\S+)\s*$/;
const MAIN_CLASS = 'org.pipelineatlas.neo4j.Launcher';
const STDERR_LINES_KEPT = 25;

/** This file is server/db/localNeo4j.ts. */
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const NEO4J_DIR = path.join(REPO_ROOT, 'neo4j');
const BUILD_SCRIPT = path.join(NEO4J_DIR, 'build.sh');
const CLASSES_DIR = path.join(NEO4J_DIR, 'target', 'classes');
const CLASSPATH_FILE = path.join(NEO4J_DIR, 'target', 'classpath.txt');

/**
 * JVM flags, measured on a 2-core machine. The serial collector starts as fast as G1 with ~25% less memory
 * (idle RSS ≈ 0.25 GB instead of 0.3–0.4 GB). Full tiered JIT: C1-only (`-XX:TieredStopAtLevel=1`) starts a few
 * seconds sooner on a busy machine but runs warm Cypher ~1.5× slower, and loads and queries matter more. The
 * heap is bounded at 2 GB, which holds a journalled load of a million elements (seed/journal.ts). The
 * --add-opens/-D flags are those of Neo4j's own launch scripts (without them Neo4j logs a "fallback mode"
 * warning for its page cache).
 */
const DEFAULT_JAVA_ARGS = [
  '-Xms128m',
  '-Xmx2g',
  '-XX:+UseSerialGC',
  '-XX:+ExitOnOutOfMemoryError',
  '-XX:-OmitStackTraceInFastThrow',
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '-Dio.netty.tryReflectionSetAccessible=true',
  '-Djdk.nio.maxCachedBufferSize=1024',
  '-Dlog4j2.disable.jmx=true',
  '-Dfile.encoding=UTF-8',
];

const defaultLog = (msg: string) => {
  process.stderr.write(`[neo4j] ${msg}\n`);
};

let buildInFlight: Promise<void> | undefined;

/** Runs neo4j/build.sh, which does nothing when the launcher is already built. */
export async function ensureLauncherBuilt(log: (msg: string) => void = defaultLog): Promise<void> {
  // One build at a time within this process; build.sh itself serialises across processes.
  if (!buildInFlight) {
    buildInFlight = runBuild(log).finally(() => {
      buildInFlight = undefined;
    });
  }
  return buildInFlight;
}

function runBuild(log: (msg: string) => void): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const output: string[] = [];
    const child = spawn('bash', [BUILD_SCRIPT], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const onLine = (line: string) => {
      if (!line.trim()) return;
      output.push(line);
      if (output.length > STDERR_LINES_KEPT) output.shift();
      log(line);
    };
    forEachLine(child.stdout, onLine);
    forEachLine(child.stderr, onLine);
    child.once('error', (error) => {
      reject(new Error(`Cannot run ${BUILD_SCRIPT} with bash: ${error.message}`));
    });
    child.once('close', (code, signal) => {
      if (code === 0) {
        resolve();
        return;
      }
      const why = signal ? `was killed by ${signal}` : `exited with code ${code}`;
      reject(new Error(`Building the embedded Neo4j launcher failed: neo4j/build.sh ${why}${tail(output)}`));
    });
  });
}

/** A port on 127.0.0.1 that was free a moment ago (the OS picks it). */
export function findFreePort(): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen({ port: 0, host: HOST, exclusive: true }, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close((error) => {
        if (error) reject(error);
        else if (port > 0) resolve(port);
        else reject(new Error('Could not determine a free port'));
      });
    });
  });
}

/** Builds the launcher if needed, starts Neo4j and resolves once Bolt accepts connections. */
export async function startLocalNeo4j(opts: LocalNeo4jOptions = {}): Promise<LocalNeo4j> {
  const log = opts.log ?? defaultLog;
  const port = opts.port ?? DEFAULT_PORT;
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`Invalid Neo4j Bolt port: ${port}`);
  }
  const dataDir = opts.dataDir ? path.resolve(opts.dataDir) : path.join(REPO_ROOT, '.data', 'neo4j');
  const startTimeoutMs = opts.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS;

  await ensureLauncherBuilt(log);
  const classpath = await readClasspath();
  await mkdir(dataDir, { recursive: true });

  const args = [
    ...DEFAULT_JAVA_ARGS,
    ...(opts.javaArgs ?? []),
    '-cp',
    classpath,
    MAIN_CLASS,
    '--port',
    String(port),
    '--data',
    dataDir,
    '--exit-on-stdin-eof',
  ];
  const java = javaExecutable();
  log(`starting Neo4j on bolt://${HOST}:${port} with its store in ${dataDir}`);
  const startedAt = Date.now();
  const child = spawn(java, args, {
    cwd: REPO_ROOT,
    // stdin stays an open pipe that is never written: its EOF (this process gone) stops the JVM.
    stdio: ['pipe', 'pipe', 'pipe'],
    // Own process group: a terminal's Ctrl-C reaches only Node, which then stops Neo4j after its clients.
    detached: true,
  });
  const handle = new ChildHandle(child, log);

  try {
    const uri = await handle.waitUntilReady(port, startTimeoutMs, java);
    log(`Neo4j ready at ${uri} after ${((Date.now() - startedAt) / 1000).toFixed(1)} s (pid ${child.pid})`);
    handle.markReady();
    return {
      uri,
      port,
      dataDir,
      pid: child.pid ?? -1,
      stop: () => handle.stop(),
    };
  } catch (error) {
    await handle.stop();
    throw error;
  }
}

class ChildHandle {
  private readonly stderrTail: string[] = [];
  private readonly exited: Promise<void>;
  private exitCode: number | null = null;
  private exitSignal: NodeJS.Signals | null = null;
  private hasExited = false;
  private spawnError: Error | undefined;
  private readyUri: string | undefined;
  private onReadyLine: (() => void) | undefined;
  private onExit: (() => void) | undefined;
  private ready = false;
  private stopping: Promise<void> | undefined;

  constructor(
    private readonly child: ChildProcess,
    private readonly log: (msg: string) => void,
  ) {
    this.exited = new Promise<void>((resolve) => {
      child.once('exit', (code, signal) => {
        this.hasExited = true;
        this.exitCode = code;
        this.exitSignal = signal;
        resolve();
        if (this.ready && !this.stopping) {
          this.log(`Neo4j exited unexpectedly (${this.describeExit()})${tail(this.stderrTail)}`);
        }
        this.onExit?.();
      });
      child.once('error', (error) => {
        // Spawning failed (e.g. no java): there will be no 'exit' event.
        this.spawnError = error;
        this.hasExited = true;
        resolve();
        this.onExit?.();
      });
    });
    // Writes to a pipe whose reader has gone away must not crash this process.
    child.stdin?.on('error', () => {});
    if (child.stdout) {
      forEachLine(child.stdout, (line) => {
        const match = READY_PATTERN.exec(line);
        if (match && !this.readyUri) {
          this.readyUri = match[1];
          this.onReadyLine?.();
        } else if (line.trim()) {
          this.log(line);
        }
      });
    }
    if (child.stderr) {
      forEachLine(child.stderr, (line) => {
        if (!line.trim()) return;
        this.stderrTail.push(line);
        if (this.stderrTail.length > STDERR_LINES_KEPT) this.stderrTail.shift();
        this.log(line);
      });
    }
  }

  markReady(): void {
    this.ready = true;
  }

  async waitUntilReady(port: number, timeoutMs: number, java: string): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    let timer: NodeJS.Timeout | undefined;
    const failure = new Promise<never>((_, reject) => {
      const exitedEarly = () => {
        if (this.spawnError) {
          const code = (this.spawnError as NodeJS.ErrnoException).code;
          const hint =
            code === 'ENOENT'
              ? ' (Java 17+ is needed for the embedded Neo4j: e.g. apt-get install openjdk-17-jdk-headless maven, or set NEO4J_URI)'
              : '';
          reject(new Error(`Cannot start ${java}: ${this.spawnError.message}${hint}`));
        } else {
          reject(
            new Error(
              `The embedded Neo4j exited (${this.describeExit()}) before it was ready${tail(this.stderrTail)}`,
            ),
          );
        }
      };
      this.onExit = exitedEarly;
      if (this.hasExited) exitedEarly();
      timer = setTimeout(() => {
        reject(
          new Error(
            `The embedded Neo4j was not ready on ${HOST}:${port} within ${Math.round(timeoutMs / 1000)} s` +
              tail(this.stderrTail),
          ),
        );
      }, timeoutMs);
    });
    const readyLine = new Promise<string>((resolve) => {
      if (this.readyUri) resolve(this.readyUri);
      else this.onReadyLine = () => resolve(this.readyUri ?? `bolt://${HOST}:${port}`);
    });
    try {
      const uri = await Promise.race([readyLine, failure]);
      await Promise.race([waitForTcp(HOST, port, deadline), failure]);
      return uri;
    } finally {
      clearTimeout(timer);
      this.onExit = undefined;
      failure.catch(() => {});
    }
  }

  stop(): Promise<void> {
    if (!this.stopping) this.stopping = this.terminate();
    return this.stopping;
  }

  private async terminate(): Promise<void> {
    if (!this.hasExited) {
      this.signal('SIGTERM');
      if (!(await this.waitForExit(STOP_TIMEOUT_MS))) {
        this.log(`Neo4j did not stop within ${STOP_TIMEOUT_MS / 1000} s; killing it`);
        this.signal('SIGKILL');
        await this.waitForExit(KILL_TIMEOUT_MS);
      }
    }
    this.child.stdin?.destroy();
    this.child.stdout?.destroy();
    this.child.stderr?.destroy();
  }

  private signal(signal: NodeJS.Signals): void {
    try {
      this.child.kill(signal);
    } catch {
      // Already gone.
    }
  }

  private async waitForExit(ms: number): Promise<boolean> {
    if (this.hasExited) return true;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), ms);
    });
    try {
      return await Promise.race([this.exited.then(() => true), timedOut]);
    } finally {
      clearTimeout(timer);
    }
  }

  private describeExit(): string {
    return this.exitSignal ? `signal ${this.exitSignal}` : `exit code ${this.exitCode}`;
  }
}

async function readClasspath(): Promise<string> {
  let text: string;
  try {
    text = await readFile(CLASSPATH_FILE, 'utf8');
  } catch (error) {
    throw new Error(
      `The Neo4j launcher is not built (${(error as Error).message}); run: bash neo4j/build.sh`,
    );
  }
  const jars = text.trim().split(':').filter(Boolean);
  if (jars.length === 0) throw new Error(`${CLASSPATH_FILE} is empty; run: bash neo4j/build.sh --force`);
  return [CLASSES_DIR, ...jars].join(path.delimiter);
}

function javaExecutable(): string {
  const javaHome = process.env.JAVA_HOME;
  if (javaHome) {
    const candidate = path.join(javaHome, 'bin', 'java');
    if (existsSync(candidate)) return candidate;
  }
  return 'java';
}

/** Resolves once a TCP connection to host:port succeeds; rejects at the deadline. */
async function waitForTcp(host: string, port: number, deadline: number): Promise<void> {
  let lastError = 'no attempt';
  while (Date.now() < deadline) {
    const error = await tryConnect(host, port, Math.max(100, Math.min(1_000, deadline - Date.now())));
    if (!error) return;
    lastError = error;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Neo4j reported ready but ${host}:${port} does not accept connections (${lastError})`);
}

/** Whether something accepts TCP connections on 127.0.0.1:port (e.g. the Neo4j of a running `npm start`). */
export async function isLocalPortOpen(port: number, timeoutMs = 500): Promise<boolean> {
  return (await tryConnect('127.0.0.1', port, timeoutMs)) === undefined;
}

function tryConnect(host: string, port: number, timeoutMs: number): Promise<string | undefined> {
  return new Promise((resolve) => {
    const socket = createConnection({ host, port });
    const done = (error?: string) => {
      socket.removeAllListeners();
      socket.on('error', () => {});
      socket.destroy();
      resolve(error);
    };
    socket.setTimeout(timeoutMs, () => done('timed out'));
    socket.once('connect', () => done());
    socket.once('error', (error) => done(error.message));
  });
}

/** Calls onLine for each line of a text stream (the last, unterminated line too). */
function forEachLine(stream: NodeJS.ReadableStream | null, onLine: (line: string) => void): void {
  if (!stream) return;
  let buffered = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    buffered += chunk;
    let newline = buffered.indexOf('\n');
    while (newline >= 0) {
      onLine(buffered.slice(0, newline).replace(/\r$/, ''));
      buffered = buffered.slice(newline + 1);
      newline = buffered.indexOf('\n');
    }
  });
  stream.on('end', () => {
    if (buffered) onLine(buffered);
    buffered = '';
  });
  stream.on('error', () => {});
}

function tail(lines: string[]): string {
  const last = lines.slice(-10);
  return last.length ? `:\n  ${last.join('\n  ')}` : '';
}
