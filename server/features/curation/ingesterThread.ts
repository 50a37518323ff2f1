import { parentPort } from 'node:worker_threads';
import type { GraphLookup } from '../../../seed/graphLookup.ts';
import { vocabulary } from '../../../seed/ingest/vocabulary.ts';
import { draftSource } from './draft.ts';
import {
  fromThreadError,
  type ServerMessage,
  type ThreadMessage,
  toThreadError,
} from './ingesterMessages.ts';

/* The ingester's thread (see ingester.ts): drafts each source it is sent, asking the server for the graph's names. */

const port = parentPort;
if (!port) throw new Error('ingesterThread.ts runs as a worker thread (see ingester.ts)');

// Read the vocabularies now, while no curator waits (the first draft would otherwise pay for it).
vocabulary();

const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
let calls = 0;

const post = (message: ThreadMessage) => port.postMessage(message);

function ask(method: keyof GraphLookup) {
  return (...args: unknown[]) =>
    new Promise((resolve, reject) => {
      const callId = ++calls;
      pending.set(callId, { resolve, reject });
      post({ callId, method, args });
    });
}

const graph = {
  isEmpty: ask('isEmpty'),
  labelsOf: ask('labelsOf'),
  sentencesIn: ask('sentencesIn'),
  entitiesNamed: ask('entitiesNamed'),
  entitiesWith: ask('entitiesWith'),
} as GraphLookup;

port.on('message', async (message: ServerMessage) => {
  if ('callId' in message) {
    const call = pending.get(message.callId);
    pending.delete(message.callId);
    if (message.error) call?.reject(fromThreadError(message.error));
    else call?.resolve(message.result);
    return;
  }
  try {
    post({ draft: await draftSource(message.input, graph) });
  } catch (error) {
    post({ error: toThreadError(error) });
  }
});
