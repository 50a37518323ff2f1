import type { NodeKind, RelationshipType } from '../../../server/model/kinds.ts';
import { compileSeedFile, type PlacedSource } from '../../compile.ts';
import type { SeedFileData } from '../../format.ts';

/**
 * One side of the comparison (the drafts of a run, or the expected seeds of the corpus) as the loader sees it:
 * each file compiled with the loader's own compiler into nodes and relationships. What a file states stays with
 * its document (that is what is scored); names, properties and links are also folded over all files of the side,
 * since a later file may state an entity by id only.
 */

export interface EntityFacts {
  id: string;
  label: NodeKind;
  /** The properties this document states (a file states an entity once). */
  props: Record<string, unknown>;
}

export interface RelationshipFacts {
  type: RelationshipType;
  from: string;
  to: string;
  props: Record<string, unknown>;
}

export interface DocumentFacts {
  document: SeedFileData['document'];
  /** The entities the document states, by id, in file order. */
  entities: Map<string, EntityFacts>;
  relationships: RelationshipFacts[];
}

export interface Side {
  documents: DocumentFacts[];
  /** Name and aliases of each entity, over all files. */
  names: Map<string, Set<string>>;
  /** The properties of each entity over all files (a later file's value wins). */
  props: Map<string, Record<string, unknown>>;
  /** Relationships over all files, by `out|type|from` and `in|type|to`: the ids at the other end. */
  links: Map<string, Set<string>>;
}

/** Scoring needs no sentence positions: the compiler gets the text and no placements. */
const UNPLACED: PlacedSource = { text: '', sentences: new Map() };

/** Nodes and relationships that belong to the document itself, not to what it states. */
const BOOKKEEPING_LABELS = new Set<NodeKind>(['SourceDocument', 'Sentence']);

export function compileSide(files: readonly SeedFileData[]): Side {
  const side: Side = { documents: [], names: new Map(), props: new Map(), links: new Map() };
  for (const data of files) side.documents.push(compileDocument(data, side));
  return side;
}

function compileDocument(data: SeedFileData, side: Side): DocumentFacts {
  const facts: DocumentFacts = { document: data.document, entities: new Map(), relationships: [] };
  compileSeedFile(data, UNPLACED, {
    node({ label, id, props }) {
      if (BOOKKEEPING_LABELS.has(label)) return;
      facts.entities.set(id, { id, label, props });
      side.props.set(id, { ...side.props.get(id), ...props });
      const names = side.names.get(id) ?? new Set<string>();
      for (const name of [props.name, ...((props.aliases as unknown[] | undefined) ?? [])]) {
        if (typeof name === 'string') names.add(name);
      }
      side.names.set(id, names);
    },
    rel({ type, from, to, props }) {
      if (type === 'IN_DOCUMENT') return;
      facts.relationships.push({ type, from, to, props });
      addLink(side, `out|${type}|${from}`, to);
      addLink(side, `in|${type}|${to}`, from);
    },
  });
  return facts;
}

function addLink(side: Side, key: string, id: string): void {
  const ids = side.links.get(key) ?? new Set<string>();
  side.links.set(key, ids.add(id));
}

/** The ids at the other end of `type` relationships leaving (`out`) or reaching (`in`) `id`, over all files. */
export function linked(side: Side, id: string, type: RelationshipType, direction: 'out' | 'in'): Set<string> {
  return side.links.get(`${direction}|${type}|${id}`) ?? new Set();
}
