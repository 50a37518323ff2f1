import type { GraphLookup } from '../../../seed/graphLookup.ts';
import { AppError, type ErrorCode } from '../../errors.ts';
import type { SourceDraftModel, SourceInput } from './draft.ts';

/* What the server and the ingester's thread (ingester.ts, ingesterThread.ts) say to each other. */

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
