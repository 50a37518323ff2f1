import { Worker } from 'node:worker_threads';
import type { GraphLookup } from '../../../seed/graphLookup.ts';
import { AppError, badInput, type ErrorCode } from '../../errors.ts';
import type { SourceDraftModel, SourceInput } from './draft.ts';

/** How long one source may take the ingester (a 10 MB release takes about 35 s on two cores). */
export const INGEST_TIME_LIMIT_MS = 120_000;

/** A failure on the ingester's thread, as it crosses back: an AppError keeps its code, anything else is internal. */
export interface ThreadError {
  readonly code: ErrorCode | null;
  readonly message: string;
}

/** What the thread says: the draft, its failure, or a question for the graph. */
export type ThreadMessage =
  | { readonly draft: SourceDraftModel }
  | { readonly error: ThreadError }
  | { readonly callId: number; readonly method: keyof GraphLookup; readonly args: unknown[] };

/** What the thread is told: a source to draft, or the graph's answer to one of its questions. */
export type ServerMessage =
  | { readonly input: SourceInput }
  | { readonly callId: number; readonly result?: unknown; readonly error?: ThreadError };

export const toThreadError = (error: unknown): ThreadError => ({
  code: error instanceof AppError ? error.code : null,
  message: error instanceof Error ? error.message : String(error),
});

export const fromThreadError = ({ code, message }: ThreadError) =>
  code ? new AppError(code, message) : new Error(message);

/**
 * The ingester, on a thread of its own: a long source (the ingester reads a 10 MB release for half a minute) keeps
 * the thread busy, never the server's event loop, and one that outlasts the time limit is refused and its thread
 * replaced. Sources are drafted one at a time; the thread asks the server's graph (`GraphLookup`) through
 * messages, since the driver lives on the main thread.
 */
export class Ingester {
  #worker: Worker | null = null;
  #queue: Promise<unknown> = Promise.resolve();

  /** Starts the thread at once: loading the ingester takes it about a second, which no curator should wait. */
  constructor(private readonly timeLimitMs = INGEST_TIME_LIMIT_MS) {
    this.#start();
  }

  draft(input: SourceInput, graph: GraphLookup): Promise<SourceDraftModel> {
    const drafted = this.#queue.then(() => this.#draft(input, graph));
    this.#queue = drafted.catch(() => undefined);
    return drafted;
  }

  async close() {
    const worker = this.#worker;
    this.#worker = null;
    await worker?.terminate();
  }

  #start(): Worker {
    this.#worker = new Worker(new URL('./ingesterThread.mjs', import.meta.url));
    // An idle thread does not keep the process alive.
    this.#worker.unref();
    return this.#worker;
  }

  #draft(input: SourceInput, graph: GraphLookup): Promise<SourceDraftModel> {
    const worker = this.#worker ?? this.#start();
    return new Promise((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        worker.off('message', onMessage).off('error', onError);
      };
      const timer = setTimeout(() => {
        done();
        void this.close();
        reject(
          badInput(
            `The ingester did not finish this source within ${this.timeLimitMs / 1000} s: split it into smaller files.`,
          ),
        );
      }, this.timeLimitMs);
      const onError = (error: Error) => {
        done();
        this.#worker = null;
        reject(error);
      };
      const onMessage = (message: ThreadMessage) => {
        if ('callId' in message) return void answer(worker, graph, message);
        done();
        if ('error' in message) reject(fromThreadError(message.error));
        else resolve(message.draft);
      };
      worker.on('message', onMessage).on('error', onError);
      worker.postMessage({ input } satisfies ServerMessage);
    });
  }
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
