import DataLoader from 'dataloader';
import type { Executor } from '../../db/executor.ts';
import type { GraphEdgeModel, GraphNodeModel } from '../entities/entity.model.ts';
import { toEntity } from '../entities/toEntity.ts';
import { type EdgeRow, toGraphEdge, toGraphNode } from '../graph/index.ts';
import { DOCUMENT_FACTS, DOCUMENT_SENTENCES, DOCUMENT_TEXTS } from './documents.cypher.ts';

/** A sentence of a document and its place in the document's text. */
export interface DocumentSentenceModel {
  readonly id: string;
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** What a document states, as graph elements. */
export interface DocumentFactsModel {
  readonly nodes: GraphNodeModel[];
  readonly edges: GraphEdgeModel[];
}

/** Texts, sentences and facts of every document asked for in one tick, one round trip each. */
export function createDocumentLoaders(executor: Executor) {
  const byId = <T>(load: (ids: readonly string[]) => Promise<Map<string, T>>, missing: T) =>
    new DataLoader<string, T>(async (ids) => {
      const found = await load(ids);
      return ids.map((id) => found.get(id) ?? missing);
    });

  const text = byId<string | null>(async (ids) => {
    const rows = await executor.read(DOCUMENT_TEXTS, { ids });
    return new Map(rows.map((row) => [String(row.id), typeof row.text === 'string' ? row.text : null]));
  }, null);

  const sentences = byId<DocumentSentenceModel[]>(async (ids) => {
    const rows = await executor.read(DOCUMENT_SENTENCES, { ids });
    return new Map(
      rows.map((row) => [
        String(row.id),
        ((row.sentences ?? []) as Record<string, unknown>[]).map((sentence) => ({
          id: String(sentence.id),
          text: String(sentence.text ?? ''),
          start: Number(sentence.start ?? -1),
          end: Number(sentence.end ?? -1),
        })),
      ]),
    );
  }, []);

  const facts = byId<DocumentFactsModel>(
    async (ids) => {
      const rows = await executor.read(DOCUMENT_FACTS, { ids });
      return new Map(rows.map((row) => [String(row.id), toFacts(row.facts)]));
    },
    { nodes: [], edges: [] },
  );

  return { text, sentences, facts };
}

function toFacts(value: unknown): DocumentFactsModel {
  const nodes: GraphNodeModel[] = [];
  const edges: GraphEdgeModel[] = [];
  for (const fact of (value ?? []) as { node: unknown; edge: EdgeRow | null }[]) {
    const entity = fact.node ? toEntity(fact.node) : null;
    if (entity) nodes.push(toGraphNode(entity));
    if (fact.edge) edges.push(toGraphEdge(fact.edge));
  }
  return { nodes, edges };
}
