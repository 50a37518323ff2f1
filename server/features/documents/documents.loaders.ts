import DataLoader from 'dataloader';
import { type GraphEdgeModel, type GraphNodeModel, toEntity } from '../../core/index.ts';
import type { Executor } from '../../db/executor.ts';
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
  /** Whether the document states more than were read. */
  readonly truncated: boolean;
}

/** A document and how many of its sentences or facts to read. */
interface DocumentKey {
  readonly id: string;
  readonly first: number;
}

const cacheKey = (key: DocumentKey) => `${key.first}\u0000${key.id}`;

/** Texts, sentences and facts of every document asked for in one tick, one round trip each (per `first`). */
export function createDocumentLoaders(executor: Executor) {
  const text = new DataLoader<string, string | null>(async (ids) => {
    const rows = await executor.read(DOCUMENT_TEXTS, { ids });
    const found = new Map(
      rows.map((row) => [String(row.id), typeof row.text === 'string' ? row.text : null]),
    );
    return ids.map((id) => found.get(id) ?? null);
  });

  /** A loader of something read for documents, `first` at a time: one round trip per distinct `first`. */
  const byIdAndFirst = <T>(
    load: (ids: readonly string[], first: number) => Promise<Map<string, T>>,
    missing: T,
  ) =>
    new DataLoader<DocumentKey, T, string>(
      async (keys) => {
        const found = new Map<string, T>();
        for (const first of new Set(keys.map((key) => key.first))) {
          const ids = keys.filter((key) => key.first === first).map((key) => key.id);
          for (const [id, value] of await load(ids, first)) found.set(cacheKey({ id, first }), value);
        }
        return keys.map((key) => found.get(cacheKey(key)) ?? missing);
      },
      { cacheKeyFn: cacheKey },
    );

  const sentences = byIdAndFirst<DocumentSentenceModel[]>(async (ids, first) => {
    const rows = await executor.read(DOCUMENT_SENTENCES, { ids, first });
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

  const facts = byIdAndFirst<DocumentFactsModel>(
    async (ids, first) => {
      const rows = await executor.read(DOCUMENT_FACTS, { ids, first });
      return new Map(rows.map((row) => [String(row.id), toFacts(row.facts, row.truncated === true)]));
    },
    { nodes: [], edges: [], truncated: false },
  );

  return { text, sentences, facts };
}

function toFacts(value: unknown, truncated: boolean): DocumentFactsModel {
  const nodes: GraphNodeModel[] = [];
  const edges: GraphEdgeModel[] = [];
  for (const fact of (value ?? []) as { node: unknown; edge: EdgeRow | null }[]) {
    const entity = fact.node ? toEntity(fact.node) : null;
    if (entity) nodes.push(toGraphNode(entity));
    if (fact.edge) edges.push(toGraphEdge(fact.edge));
  }
  return { nodes, edges, truncated };
}
