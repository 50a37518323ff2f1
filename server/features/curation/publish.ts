import { access } from 'node:fs/promises';
import { relative } from 'node:path';
import { ID_PATTERN, type SeedFileData } from '../../../seed/format.ts';
import { removeSeedFiles, seedFilesOf, writeSeedFiles } from '../../../seed/ingest/emit.ts';
import { MAX_SOURCE_BYTES } from '../../../seed/ingest/read.ts';
import { SeedValidationError, SeedWriteError } from '../../../seed/issues.ts';
import { SeedBusyError, withSeedLease } from '../../../seed/lease.ts';
import { loadSeed } from '../../../seed/load.ts';
import { removeDocuments } from '../../../seed/remove.ts';
import { LIMITS } from '../../core/index.ts';
import type { Executor } from '../../db/executor.ts';
import { AppError, badInput, ErrorCode } from '../../errors.ts';

/*
 * Publishing and withdrawing, as a curator does them in the browser and as `npm run seed` would: the seed folder
 * stays the record of truth (a fresh clone rebuilds the same graph), and each change holds the seed lease
 * (seed/lease.ts) from before it checks the folder until the files and the graph agree again.
 */

export interface PublishedDraft {
  readonly documentId: string;
  readonly seedFile: string;
  readonly sourceFile: string;
  readonly written: number;
}

/**
 * Writes a reviewed draft's seed file and source text into `seedDir` and loads them in one transaction; on any
 * refusal (the format, the graph) both files are removed again, so nothing of it is written.
 */
export async function publishDraft(
  writer: Executor,
  seedDir: string,
  draft: { seed: unknown; text: string },
): Promise<PublishedDraft> {
  const id = documentIdOf(draft.seed);
  if (Buffer.byteLength(draft.text, 'utf8') > MAX_SOURCE_BYTES) {
    throw badInput(`"text" holds more than the ${MAX_SOURCE_BYTES / 2 ** 20} MB a source may have.`);
  }
  const files = seedFilesOf(seedDir, id);
  // The source goes where the seed folder keeps sources, whatever the draft says.
  const drafted = draft.seed as SeedFileData;
  const seed = {
    ...drafted,
    document: { ...drafted.document, sourceFile: relative(seedDir, files.sourceFile) },
  };
  return atomically(writer, `a publish of ${id}`, async () => {
    if ((await exists(files.seedFile)) || (await exists(files.sourceFile))) {
      throw new AppError(ErrorCode.Conflict, `"${id}" is published already: withdraw it first.`);
    }
    await writeSeedFiles(seedDir, seed, draft.text, publishedHeader());
    try {
      const summary = await loadSeed({
        executor: writer,
        files: [files.seedFile],
        inMemory: new Map([[files.seedFile, { data: seed, text: draft.text }]]),
      });
      return {
        documentId: id,
        seedFile: relative(seedDir, files.seedFile),
        sourceFile: relative(seedDir, files.sourceFile),
        written: summary.stats.total('created') + summary.stats.total('updated'),
      };
    } catch (error) {
      await removeSeedFiles(files);
      throw error;
    }
  });
}

/** Removes a published document from the graph and its files from `seedDir`. */
export async function withdrawDocument(writer: Executor, seedDir: string, id: string) {
  if (!isDocumentId(id)) throw badInput(`"${id.slice(0, 100)}" is not a document id.`);
  const files = seedFilesOf(seedDir, id);
  return atomically(writer, `a withdrawal of ${id}`, async () => {
    const { removed } = await removeDocuments(writer, [id]);
    const present: string[] = [];
    for (const file of [files.seedFile, files.sourceFile])
      if (await exists(file)) present.push(relative(seedDir, file));
    await removeSeedFiles(files);
    return { removed: removed.length > 0, files: present };
  });
}

/** The opening comment of a published seed file: where it came from. */
const publishedHeader = () => [
  `Drafted by the ingester, reviewed and published by a curator in the explorer on ${new Date().toISOString().slice(0, 10)}.`,
  'Every fact cites the sentences it was read from; `npm run seed` loads it as any other seed file.',
];

/** Runs a change holding the seed lease; the loader's refusals become the API's. */
async function atomically<T>(writer: Executor, what: string, work: () => Promise<T>): Promise<T> {
  try {
    return await withSeedLease(writer, what, LIMITS.curationWaitMs, work);
  } catch (error) {
    if (error instanceof SeedBusyError) throw new AppError(ErrorCode.Conflict, error.message);
    if (error instanceof SeedValidationError || error instanceof SeedWriteError)
      throw badInput(error.message);
    throw error;
  }
}

function documentIdOf(seed: unknown): string {
  const id = (seed as { document?: { id?: unknown } } | null)?.document?.id;
  if (typeof id !== 'string' || !isDocumentId(id)) {
    throw badInput(
      `"seed.document.id" must be a document id: lower-case letters, digits and dashes, at most ${MAX_DOCUMENT_ID_LENGTH}.`,
    );
  }
  return id;
}

/** The longest document id taken: it names files, and file names have limits (255 bytes on most systems). */
const MAX_DOCUMENT_ID_LENGTH = 200;

const isDocumentId = (id: string) => id.length <= MAX_DOCUMENT_ID_LENGTH && ID_PATTERN.test(id);

const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );
