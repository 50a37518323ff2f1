import { basename } from 'node:path';
import { NESTED_LISTS, type SeedFileData, seedRecords } from '../../../seed/format.ts';
import type { GraphLookup } from '../../../seed/graphLookup.ts';
import { IngestRun } from '../../../seed/ingest/ingest.ts';
import { InputRefused, MAX_SOURCE_BYTES, sourceFromBuffer } from '../../../seed/ingest/read.ts';
import { IssueList } from '../../../seed/issues.ts';
import { SEED_DIR } from '../../../seed/load.ts';
import { prepareSeedFile } from '../../../seed/validate.ts';
import { badInput } from '../../errors.ts';
import type { NodeKind } from '../../model/kinds.ts';
import { graphSearch, lookalikeOf } from './lookalike.ts';

/** The source a curator hands in: a file name and its text, or its bytes in base64. */
export interface SourceInput {
  readonly fileName: string;
  readonly text?: string | null;
  readonly base64?: string | null;
}

export interface DraftFactModel {
  readonly id: string;
  readonly kind: NodeKind;
  readonly name: string;
  readonly sentences: readonly string[];
  readonly resolution: 'GRAPH' | 'NEW';
  /** For a new entity, the id of one of the graph's that looks like it (lookalike.ts). */
  readonly lookalike?: string;
}

export interface SourceDraftModel {
  readonly documentId: string;
  readonly title: string | null;
  readonly text: string;
  readonly sentences: readonly { key: string; text: string; start: number; end: number }[];
  readonly facts: readonly DraftFactModel[];
  readonly seed: SeedFileData;
  readonly likelyMisses: readonly string[];
}

/**
 * Runs the ingester on one source, as `npm run ingest` would on a file of that name, resolving names in `graph`;
 * a source it cannot read or finds no fact in is refused with the ingester's reason.
 */
export async function draftSource(input: SourceInput, graph: GraphLookup): Promise<SourceDraftModel> {
  const fileName = basename(input.fileName.trim());
  if (!fileName) throw badInput('"fileName" must name the source, e.g. "release.txt".');
  try {
    const outcome = await new IngestRun({ graph }).draft(await sourceFromBuffer(fileName, bytesOf(input)));
    if (!outcome.ok) throw new InputRefused(fileName, outcome.reason);
    const { documentId, source, seed, report } = outcome;
    return {
      documentId,
      title: source.title ?? null,
      text: source.text,
      sentences: await placeSentences(documentId, seed, source.text),
      facts: await withLookalikes(factsOf(seed, report.resolutions), graphSearch(graph)),
      seed,
      likelyMisses: report.likelyMisses,
    };
  } catch (error) {
    if (error instanceof InputRefused) throw badInput(error.message);
    throw error;
  }
}

function bytesOf({ text, base64 }: SourceInput): Buffer {
  if ((text == null) === (base64 == null))
    throw badInput('Give the source as "text" or as "base64", not both.');
  // Base64 is 4 characters for 3 bytes: refuse what cannot fit before decoding it.
  const limit = Math.ceil(MAX_SOURCE_BYTES / 3) * 4;
  if (base64 != null && base64.length > limit) {
    throw badInput(`"base64" holds more than the ${MAX_SOURCE_BYTES / 2 ** 20} MB a source may have.`);
  }
  return text != null ? Buffer.from(text, 'utf8') : Buffer.from(base64 as string, 'base64');
}

/** The cited sentences with their places in the text, found as the seed loader finds them. */
async function placeSentences(documentId: string, seed: SeedFileData, text: string) {
  const file = `${SEED_DIR}/${documentId}.yaml`;
  const issues = new IssueList();
  const prepared = await prepareSeedFile(file, issues, new Map([[file, { data: seed, text }]]));
  const places = prepared?.source.sentences ?? new Map();
  return Object.entries(seed.sentences)
    .flatMap(([key, sentence]) => {
      const place = places.get(key);
      return place ? [{ key, text: sentence, start: place.start, end: place.end }] : [];
    })
    .sort((a, b) => a.start - b.start);
}

/** Every record of the draft, nested ones (a deal's milestones and royalties) after their parent. */
function factsOf(seed: SeedFileData, resolutions: Readonly<Record<string, string>>): DraftFactModel[] {
  return [...seedRecords(seed)].map(({ label, record }) => ({
    id: record.id,
    kind: label,
    name: typeof record.name === 'string' ? record.name : record.id,
    sentences: [...new Set(citesOf(record))],
    resolution: resolutions[record.id] === 'graph' ? 'GRAPH' : 'NEW',
  }));
}

/** Each new named entity with the graph's entity it looks like, when one does. */
async function withLookalikes(
  facts: readonly DraftFactModel[],
  search: ReturnType<typeof graphSearch>,
): Promise<DraftFactModel[]> {
  const found: DraftFactModel[] = [];
  for (const fact of facts) {
    const named = fact.resolution === 'NEW' && fact.name !== fact.id;
    const lookalike = named ? await lookalikeOf(fact, search) : null;
    found.push(lookalike ? { ...fact, lookalike: lookalike.id } : fact);
  }
  return found;
}

/** The sentence keys a record and its fields cite (not its nested records', which are facts of their own). */
function citesOf(value: unknown, top = true): string[] {
  if (Array.isArray(value)) return value.flatMap((item) => citesOf(item, false));
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) => {
    if (key === 'cite' && Array.isArray(inner)) return inner.filter((item) => typeof item === 'string');
    if (top && key in NESTED_LISTS) return [];
    return citesOf(inner, false);
  });
}
