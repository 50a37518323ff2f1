import { Worker } from 'node:worker_threads';
import type { GraphLookup } from '../../../seed/graphLookup.ts';
import { LIMITS } from '../../core/index.ts';
import { AppError, badInput, ErrorCode } from '../../errors.ts';
import type { Logger } from '../../logger.ts';
import type { SourceDraftModel, SourceInput } from './draft.ts';
import {
  fromThreadError,
  type ServerMessage,
  type ThreadMessage,
  toThreadError,
} from './ingesterMessages.ts';

export interface IngesterOptions {
  readonly logger: Logger;
  /** How long a source may wait and run, from when it is handed in (default LIMITS.ingestTimeLimitMs). */
  readonly timeLimitMs?: number;
}

/**
 * The ingester, on a thread of its own: a long source (the ingester reads a 10 MB release for half a minute) keeps
 * the thread busy, never the server's event loop. Sources are drafted one at a time, each within the time limit
 * counted from when it was handed in: one that outlasts it is refused and its thread replaced. The thread asks the
 * server's graph (`GraphLookup`) through messages, since the driver lives on the main thread.
 */
export class Ingester {
  readonly #logger: Logger;
  readonly #timeLimitMs: number;
  #worker: Worker | null = null;
  #queue: Promise<unknown> = Promise.resolve();
  #closed = false;

  /** Starts the thread at once: loading the ingester takes it about a second, which no curator should wait. */
  constructor({ logger, timeLimitMs = LIMITS.ingestTimeLimitMs }: IngesterOptions) {
    this.#logger = logger;
    this.#timeLimitMs = timeLimitMs;
    this.#start();
  }

  draft(input: SourceInput, graph: GraphLookup): Promise<SourceDraftModel> {
    const deadline = Date.now() + this.#timeLimitMs;
    const drafted = this.#queue.then(() => this.#draft(input, graph, deadline));
    this.#queue = drafted.catch(() => undefined);
    return drafted;
  }

  async close() {
    this.#closed = true;
    const worker = this.#worker;
    this.#worker = null;
    await worker?.terminate();
  }

  #start(): Worker {
    const worker = new Worker(new URL('./ingesterThread.mjs', import.meta.url));
    // Between drafts the thread does not keep the process alive (a draft refs it while it runs).
    worker.unref();
    worker.on('error', (error) => this.#logger.error({ err: error }, 'the ingester thread failed'));
    worker.on('exit', () => {
      if (this.#worker === worker) this.#worker = null;
    });
    this.#worker = worker;
    return worker;
  }

  #draft(input: SourceInput, graph: GraphLookup, deadline: number): Promise<SourceDraftModel> {
    if (this.#closed) return Promise.reject(new Error('the ingester is closed'));
    const remainingMs = deadline - Date.now();
    if (remainingMs <= 0) {
      const busy = `The ingester was busy with other sources for ${this.#timeLimitMs / 1000} s: try again.`;
      return Promise.reject(new AppError(ErrorCode.Conflict, busy));
    }
    const worker = this.#worker ?? this.#start();
    worker.ref();
    return new Promise((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        worker.off('message', onMessage).off('error', onError).off('exit', onExit);
        worker.unref();
      };
      const timer = setTimeout(() => {
        done();
        void this.#replace(worker);
        reject(badInput(overtime(this.#timeLimitMs, this.#timeLimitMs - remainingMs)));
      }, remainingMs);
      const onError = (error: Error) => {
        done();
        reject(error);
      };
      const onExit = (code: number) => {
        done();
        reject(new Error(`the ingester thread exited (code ${code}) before it finished`));
      };
      const onMessage = (message: ThreadMessage) => {
        if ('callId' in message) return void answer(worker, graph, message);
        done();
        if ('error' in message) reject(fromThreadError(message.error));
        else resolve(message.draft);
      };
      worker.on('message', onMessage).on('error', onError).on('exit', onExit);
      worker.postMessage({ input } satisfies ServerMessage);
    });
  }

  /** Stops a thread that outlasted its source's time limit; the next source gets a new one. */
  async #replace(worker: Worker) {
    if (this.#worker === worker) this.#worker = null;
    await worker.terminate();
  }
}

/** Why a source was refused for time: too long to read, or long behind other sources first. */
function overtime(limitMs: number, waitedMs: number): string {
  const within = `The ingester did not finish this source within ${limitMs / 1000} s`;
  if (waitedMs < limitMs / 4) return `${within}: split it into smaller files.`;
  return `${within}, ${Math.round(waitedMs / 1000)} s of them waiting for other sources: try again, or split it.`;
}

/** Answers the thread's question for the graph. */
async function answer(
  worker: Worker,
  graph: GraphLookup,
  { callId, method, args }: Extract<ThreadMessage, { callId: number }>,
) {
  try {
    const result = await (graph[method] as (...args: unknown[]) => Promise<unknown>)(...args);
    worker.postMessage({ callId, result } satisfies ServerMessage);
  } catch (error) {
    worker.postMessage({ callId, error: toThreadError(error) } satisfies ServerMessage);
  }
}
