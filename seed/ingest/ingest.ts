import { basename, extname } from 'node:path';
import type { NodeKind } from '../../server/model/kinds.ts';
import { NESTED_LISTS, RECORD_LISTS, type SeedFileData } from '../format.ts';
import type { GraphLookup } from '../graphLookup.ts';
import { renameSeedFile, unnameSeedFile } from '../rename.ts';
import { Analysis } from './analysis.ts';
import type { NestedList } from './draft.ts';
import { EXTRACTORS } from './extract/index.ts';
import { InputRefused, readSource, type SourceText } from './read.ts';
import { EntityRegistry, type GraphResolution, type Resolution, resolveInGraph, slug } from './registry.ts';
import { splitSentences } from './sentences.ts';

/** What one document's draft holds, for the report. */
export interface DraftReport {
  /** Records drafted, by kind. */
  entities: Partial<Record<NodeKind, number>>;
  /** Links drafted (relationships), by field count. */
  relationships: number;
  /** How the draft's entities were resolved: already in the graph, named by an earlier document of the run, new. */
  resolved: Record<Resolution, number>;
  /** The same, entity by entity (by the id the draft gives it). */
  resolutions: Record<string, Resolution>;
  /** Sentences that name a known entity but yielded no fact: likely misses, worth a look. */
  likelyMisses: string[];
}

export type DraftOutcome =
  | {
      ok: true;
      file: string;
      documentId: string;
      source: SourceText;
      seed: SeedFileData;
      report: DraftReport;
    }
  | { ok: false; file: string; reason: string };

export interface IngestOptions {
  /** The graph the drafts will be loaded into: names found there keep their ids. */
  graph?: GraphLookup;
}

/**
 * Drafts one seed file per source file, in order, as one run: a later document's "Roche" is an earlier one's. A
 * file that cannot be read, or states nothing the rules recognise, gets a reason instead of a draft.
 */
export async function ingestFiles(
  files: readonly string[],
  options: IngestOptions = {},
): Promise<DraftOutcome[]> {
  const run = new IngestRun(options);
  const outcomes: DraftOutcome[] = [];
  for (const file of files) {
    try {
      outcomes.push(await run.draft(await readSource(file)));
    } catch (error) {
      if (!(error instanceof InputRefused)) throw error;
      outcomes.push({ ok: false, file, reason: error.reason });
    }
  }
  return outcomes;
}

/** One run of the ingester: the entities its documents named so far, and the graph it resolves names in. */
export class IngestRun {
  private readonly registry = new EntityRegistry();
  private readonly documentIds = new Set<string>();

  constructor(private readonly options: IngestOptions = {}) {}

  async draft(source: SourceText): Promise<DraftOutcome> {
    const documentId = this.documentIdOf(source.file);
    const analysis = new Analysis(documentId, source, splitSentences(source.text), this.registry);
    for (const extract of EXTRACTORS) extract(analysis);
    const entities = analysis.draft.ids();
    if (entities.length === 0 || !analysis.date) {
      const reason = analysis.date
        ? 'states no fact the ingester recognises (no company, drug, trial, event or deal)'
        : 'has no release date the ingester can read (a dateline or a "Month D, YYYY" line)';
      this.registry.forget(documentId);
      return { ok: false, file: source.file, reason };
    }
    const { renames, known } = await this.resolveInGraph(analysis);
    const drafted = analysis.draft.toSeedFile(`sources/${documentId}.txt`);
    const seed = unnameSeedFile(renameSeedFile(drafted, renames), known);
    return {
      ok: true,
      file: source.file,
      documentId,
      source,
      seed,
      report: this.report(analysis, seed, renames),
    };
  }

  private documentIdOf(file: string): string {
    const base = slug(basename(file, extname(file)));
    let id = base;
    for (let n = 2; this.documentIds.has(id); n += 1) id = `${base}-${n}`;
    this.documentIds.add(id);
    return id;
  }

  /** Entities this release introduced, resolved against the graph (seed/ingest/registry.ts). */
  private async resolveInGraph(analysis: Analysis): Promise<GraphResolution> {
    const graph = this.options.graph;
    if (!graph) return { renames: new Map(), known: new Set() };
    const fresh = analysis.draft
      .ids()
      .filter(({ id }) => this.registry.resolutionFor(id, analysis.documentId) === 'new')
      .map(({ id, list, record }) => ({
        id,
        label: labelOf(list),
        names: [record.name, ...((record.aliases as string[] | undefined) ?? [])].filter(
          (name): name is string => typeof name === 'string',
        ),
      }));
    return resolveInGraph(graph, this.registry, fresh);
  }

  private report(analysis: Analysis, seed: SeedFileData, renames: ReadonlyMap<string, string>): DraftReport {
    const entities: DraftReport['entities'] = {};
    const resolved: DraftReport['resolved'] = { graph: 0, run: 0, new: 0 };
    const resolutions: DraftReport['resolutions'] = {};
    let relationships = 0;
    for (const { list, id, record } of analysis.draft.ids()) {
      const label = labelOf(list);
      entities[label] = (entities[label] ?? 0) + 1;
      const drafted = renames.get(id) ?? id;
      const resolution = this.registry.resolutionFor(drafted, analysis.documentId);
      resolved[resolution] += 1;
      resolutions[drafted] = resolution;
      relationships += countLinks(record);
    }
    const cited = new Set(Object.values(seed.sentences));
    const named = new Set(analysis.mentions.map((m) => m.sentence));
    const likelyMisses = analysis.sentences
      .filter((sentence, index) => named.has(index) && !cited.has(sentence.text))
      .map((sentence) => sentence.text);
    return { entities, relationships, resolved, resolutions, likelyMisses };
  }
}

const labelOf = (list: string): NodeKind =>
  list in NESTED_LISTS
    ? NESTED_LISTS[list as NestedList].label
    : RECORD_LISTS[list as keyof typeof RECORD_LISTS].label;

function countLinks(record: Record<string, unknown>): number {
  let count = 0;
  for (const value of Object.values(record)) {
    const values = Array.isArray(value) ? value : [value];
    for (const item of values) if (typeof item === 'object' && item !== null && 'ref' in item) count += 1;
  }
  return count;
}
