import { readFile } from 'node:fs/promises';
import type { NodeKind, RelationshipType } from '../server/model/kinds.ts';
import {
  compileSeedFile,
  documentOfSentence,
  isSentenceId,
  type NodeRow,
  type Origin,
  type PlacedSource,
  type Reference,
  type RelRow,
  relationshipKey,
} from './compile.ts';
import { missingFieldsMessage, requiredFieldsOf, type SeedFileData } from './format.ts';
import type { GraphLookup } from './graphLookup.ts';
import { type History, readHistory } from './history.ts';
import { IssueList, type SeedIssue } from './issues.ts';
import { NameIndex } from './names.ts';
import { checkSeedObject, type ReadSeedFile, readSeedFile, sourcePathOf } from './read.ts';

/**
 * Pass one of a load: every file is read, checked against the format, its citations against its source text,
 * and its references against the ids of all files (and of the graph, when one is given). Any file may state
 * things about any entity, so an id may recur across files (with one kind); what an entity needs (its name …) is
 * checked over all of its statements. Nothing is kept but an index of ids, so memory grows with the number of
 * ids, not with the size of the files; subjects stated by two or more files are read again with their values
 * (history.ts), to fold them and to warn where documents of the same date disagree.
 */

export interface SeedValidation {
  ok: boolean;
  issues: IssueList;
  /** Not errors: likely duplicates and same-date disagreements. */
  warnings: IssueList;
  /** The files in load order. */
  files: string[];
  /** The documents of the files, by id, with the ids of their sentences. */
  documents: Map<string, { file: string; date: string; sentences: string[] }>;
  /** New-looking entities whose required fields (name …) only the graph gives: checked again once written. */
  completedByGraph: string[];
  /** The ids of the files' documents and entities the graph already held (null when no graph was asked). */
  heldByGraph: ReadonlySet<string> | null;
  /** Every entity id the files state something about, and every relationship key. */
  subjects: { nodes: Map<string, NodeKind>; relationships: Set<string> };
  /** The statements of each subject that two or more files state, in document order. */
  history: History;
  nodes: Partial<Record<NodeKind, number>>;
  relationships: Partial<Record<RelationshipType, number>>;
  /** Nodes plus relationships. */
  elements: number;
}

export interface ValidateOptions {
  issueLimit?: number;
  /** The graph the files will be loaded into: ids and names the files may refer to or repeat. */
  graph?: GraphLookup;
  inMemory?: SeedFilesInMemory;
}

/**
 * Seed files held in memory, by the path they stand for, with their source texts: what the importer hands the
 * loader without writing and parsing them again. Any other path is read from disk.
 */
export type SeedFilesInMemory = ReadonlyMap<string, SeedFileInMemory>;

export interface SeedFileInMemory {
  data: SeedFileData;
  text: string;
}

/** A file ready to compile: parsed, with its sentences placed in the source text. */
export interface PreparedFile {
  read: ReadSeedFile;
  source: PlacedSource;
}

interface Known {
  label: NodeKind;
  /** The last file that stated it (a file states an entity once). */
  file: string;
  /** How many files state it. */
  files: number;
  /** Required fields no statement has given yet, and where the first statement is. */
  missing?: { fields: Set<string>; file: string; path: Origin['path'] };
}

export async function validateSeedFiles(
  files: string[],
  options: ValidateOptions = {},
): Promise<SeedValidation> {
  const issues = new IssueList(options.issueLimit);
  const warnings = new IssueList(options.issueLimit);
  const known = new Map<string, Known>();
  const documents: SeedValidation['documents'] = new Map();
  const deferred: (Reference & { file: string; locate: ReadSeedFile['locate'] })[] = [];
  // Citations of another document's sentences (`<document id>#<key>`): checked once every file is read.
  const crossCitations: { origin: Origin; id: string; file: string; locate: ReadSeedFile['locate'] }[] = [];
  const nodes: Partial<Record<NodeKind, number>> = {};
  const relationships: Partial<Record<RelationshipType, number>> = {};
  const names = new NameIndex();
  let elements = 0;
  // Relationship key → the last file that states it, and how many do.
  const stated = new Map<string, { file: string; files: number }>();
  // Subjects stated by two or more files, and the files that state them: only those are read again for history.
  const multiple = new Set<string>();
  const historyFiles = new Set<string>();
  const stateAgain = (subject: string, earlierFile: string, file: string) => {
    multiple.add(subject);
    historyFiles.add(earlierFile).add(file);
  };

  for (const file of files) {
    const prepared = await prepareSeedFile(file, issues, options.inMemory);
    if (!prepared) continue;
    const { read, source } = prepared;
    const { data } = read;
    const report = (origin: Origin, message: string, field = origin.field) =>
      issues.addLazy(() => issueAt(file, read.locate, origin, message, field));
    const document = documents.get(data.document.id);
    if (document) {
      report(
        { path: ['document', 'id'], record: `SourceDocument ${data.document.id}` },
        `duplicate document id: ${document.file} transcribes the same document`,
        'id',
      );
      continue;
    }
    const sentences: string[] = [];
    documents.set(data.document.id, { file, date: data.document.date, sentences });
    for (const { id, label } of read.invalidIds) {
      if (!known.has(id)) known.set(id, { label, file, files: 1 });
    }
    const references: Reference[] = [];
    compileSeedFile(data, source, {
      node(row: NodeRow, origin) {
        // Counted once per entity, however many files state it.
        if (!known.has(row.id)) {
          nodes[row.label] = (nodes[row.label] ?? 0) + 1;
          elements += 1;
        }
        if (row.label === 'Sentence') {
          sentences.push(row.id);
          return;
        }
        if (row.label === 'SourceDocument') {
          known.set(row.id, { label: row.label, file, files: 1 });
          return;
        }
        const other = known.get(row.id);
        if (other && other.label !== row.label) {
          const where = other.file === file ? 'earlier in this file' : `in ${other.file}`;
          report(origin, `"${row.id}" is a ${other.label} ${where}; one id is one entity`, 'id');
          return;
        }
        if (other?.file === file) {
          report(origin, `duplicate id "${row.id}": stated earlier in this file`, 'id');
          return;
        }
        const entity = other ?? { label: row.label, file, files: 0 };
        if (other) stateAgain(row.id, other.file, file);
        entity.file = file;
        entity.files += 1;
        known.set(row.id, entity);
        const missing = requiredFieldsOf(row.label).filter((field) => row.props[field] === undefined);
        if (!other && missing.length) {
          // A file and a path, not a closure: that would keep the whole parsed file alive until the end.
          entity.missing = { fields: new Set(missing), file, path: origin.path };
        } else if (entity.missing) {
          for (const field of requiredFieldsOf(row.label)) {
            if (row.props[field] !== undefined) entity.missing.fields.delete(field);
          }
        }
        names.add(row, file);
      },
      rel(row: RelRow, origin) {
        if (row.type === 'PARTY_TO') known.get(row.to)?.missing?.fields.delete('parties');
        const key = relationshipKey(row);
        const other = stated.get(key);
        if (!other) {
          relationships[row.type] = (relationships[row.type] ?? 0) + 1;
          elements += 1;
        }
        if (other?.file === file) {
          report(origin, `states the same ${row.type} relationship (${row.from} → ${row.to}) twice`);
          return;
        }
        if (other) {
          stateAgain(key, other.file, file);
          other.file = file;
          other.files += 1;
        } else stated.set(key, { file, files: 1 });
      },
      reference(reference) {
        references.push(reference);
      },
      citation({ origin, key }) {
        if (isSentenceId(key)) {
          crossCitations.push({ origin, id: key, file, locate: read.locate });
        } else if (!(key in data.sentences)) {
          report(origin, `unknown sentence key "${key}": add it to \`sentences\``, origin.field ?? 'cite');
        }
      },
    });
    for (const reference of references) {
      const target = known.get(reference.target);
      if (target) checkKind(reference, target.label, (message) => report(reference.origin, message));
      else deferred.push({ ...reference, file, locate: read.locate });
    }
  }

  const unresolved = [...new Set(deferred.filter((r) => !known.has(r.target)).map((r) => r.target))];
  const incomplete = [...known].filter(([, entity]) => entity.missing?.fields.size).map(([id]) => id);
  // One look-up of every id the files state or refer to: for references, what the graph already gives, and names.
  // An id the graph holds as another kind is found where it is written: a conflict, in the same transaction.
  const inGraph = options.graph
    ? await options.graph.labelsOf([...unresolved, ...known.keys()])
    : new Map<string, NodeKind>();

  for (const reference of deferred) {
    const target = known.get(reference.target)?.label ?? inGraph.get(reference.target);
    const report = (message: string) =>
      issues.addLazy(() => issueAt(reference.file, reference.locate, reference.origin, message));
    if (target) {
      checkKind(reference, target, report);
    } else {
      const where = options.graph ? 'in one of the files or in the graph' : 'in one of the files';
      report(
        `unknown id "${reference.target}" (expected the id of a ${reference.kinds.join(' or ')} ${where})`,
      );
    }
  }
  await checkCrossCitations(crossCitations, documents, options.graph, issues);
  for (const id of incomplete) {
    const entity = known.get(id) as Known;
    if (inGraph.has(id) || !entity.missing) continue;
    const { fields, file, path } = entity.missing;
    issues.addLazy(() => ({
      file,
      path,
      record: `${entity.label} ${id}`,
      field: [...fields].join(', '),
      message: missingFieldsMessage(entity.label, [...fields]),
    }));
  }
  await names.warn(warnings, known, inGraph, options.graph);
  await issues.resolveLines();
  await warnings.resolveLines();

  const history =
    issues.count === 0 && multiple.size > 0
      ? await readHistory(
          files.filter((file) => historyFiles.has(file)),
          multiple,
          warnings,
          options.inMemory,
        )
      : (new Map() as History);
  return {
    ok: issues.count === 0,
    issues,
    warnings,
    files,
    documents,
    subjects: {
      nodes: new Map([...known].map(([id, entity]) => [id, entity.label])),
      relationships: new Set(stated.keys()),
    },
    history,
    completedByGraph: incomplete.filter((id) => inGraph.has(id)),
    heldByGraph: options.graph ? new Set(inGraph.keys()) : null,
    nodes,
    relationships,
    elements,
  };
}

/**
 * Citations of another document's sentences: the sentence must be stated by a file of this load or be in the graph
 * already. Sentences of a document this load states are that file's alone (a load replaces a document's sentences),
 * so the graph is asked only about documents no file states.
 */
async function checkCrossCitations(
  citations: readonly { origin: Origin; id: string; file: string; locate: ReadSeedFile['locate'] }[],
  documents: SeedValidation['documents'],
  graph: GraphLookup | undefined,
  issues: IssueList,
) {
  if (!citations.length) return;
  const stated = new Map<string, Set<string>>();
  const sentencesOf = (documentId: string) => {
    let sentences = stated.get(documentId);
    if (!sentences) {
      sentences = new Set(documents.get(documentId)?.sentences);
      stated.set(documentId, sentences);
    }
    return sentences;
  };
  const fromGraph = [
    ...new Set(citations.map(({ id }) => id).filter((id) => !documents.has(documentOfSentence(id)))),
  ];
  const inGraph = graph && fromGraph.length ? await graph.sentencesIn(fromGraph) : new Set<string>();
  for (const { origin, id, file, locate } of citations) {
    const documentId = documentOfSentence(id);
    const document = documents.get(documentId);
    if (document ? sentencesOf(documentId).has(id) : inGraph.has(id)) continue;
    const message = document
      ? `unknown sentence "${id}": ${document.file} states document ${documentId} but no sentence "${id.slice(documentId.length + 1)}"`
      : `unknown sentence "${id}": no file of this load states document ${documentId}${graph ? ', and the graph holds no such sentence' : ''}`;
    issues.addLazy(() => issueAt(file, locate, origin, message, origin.field ?? 'cite'));
  }
}

export function issueAt(
  file: string,
  locate: ReadSeedFile['locate'],
  origin: Origin,
  message: string,
  field = origin.field,
): SeedIssue {
  return { file, ...locate(origin.path), record: origin.record, field, message };
}

function checkKind(reference: Reference, label: NodeKind, fail: (message: string) => void) {
  if (!reference.kinds.includes(label)) {
    fail(`"${reference.target}" is a ${label}; expected a ${reference.kinds.join(' or ')}`);
  }
}

/** Reads a seed file and its source text, and checks each sentence against the source. */
export async function prepareSeedFile(
  file: string,
  issues: IssueList,
  inMemory?: SeedFilesInMemory,
): Promise<PreparedFile | undefined> {
  const held = inMemory?.get(file);
  if (!held) return prepare(file, issues);
  // A load prepares each file up to three times (validation, history, writing): in memory, once.
  const cached = preparedInMemory.get(held);
  if (cached) return cached;
  const before = issues.count;
  const prepared = await prepare(file, issues, held);
  if (prepared && issues.count === before) preparedInMemory.set(held, prepared);
  return prepared;
}

const preparedInMemory = new WeakMap<SeedFileInMemory, PreparedFile>();

async function prepare(
  file: string,
  issues: IssueList,
  held?: SeedFileInMemory,
): Promise<PreparedFile | undefined> {
  const read = held ? checkSeedObject(file, held.data, issues) : await readSeedFile(file, issues);
  if (!read) return undefined;
  const { data } = read;
  const sourcePath = sourcePathOf(file, data);
  let text: string;
  try {
    text = held ? held.text : await readFile(sourcePath, 'utf8');
  } catch {
    issues.addLazy(() => ({
      file,
      ...read.locate(['document', 'sourceFile']),
      record: `SourceDocument ${data.document.id}`,
      field: 'sourceFile',
      message: `cannot read the source text ${sourcePath}`,
    }));
    return undefined;
  }
  const normalized = normalizeWithOffsets(text);
  const found: [string, number, number][] = [];
  let from = 0;
  for (const [key, sentence] of Object.entries(data.sentences)) {
    // Sentences are usually listed in source order: look after the previous one first.
    const needle = normalizeSourceText(sentence);
    let offset = normalized.text.indexOf(needle, from);
    if (offset < 0) offset = normalized.text.indexOf(needle);
    else from = offset + needle.length;
    if (offset < 0 || needle.length === 0) {
      issues.addLazy(() => ({
        file,
        ...read.locate(['sentences', key]),
        record: `sentence ${key}`,
        message: `text not found verbatim in ${data.document.sourceFile}: "${abbreviate(sentence)}"`,
      }));
      continue;
    }
    const start = normalized.offsets[offset] as number;
    const end = (normalized.offsets[offset + needle.length - 1] as number) + 1;
    found.push([key, start, end]);
  }
  found.sort((a, b) => a[1] - b[1]);
  const sentences = new Map(found.map(([key, start, end], index) => [key, { index, start, end }]));
  return { read, source: { text, sentences } };
}

/**
 * What citations are compared on: backslash escapes of the source (`\$5 million`) read as the character they
 * escape, and every run of white space (line breaks included) as one space.
 */
export function normalizeSourceText(text: string): string {
  return normalizeWithOffsets(text).text;
}

const ESCAPABLE = new Set('\\`*_{}[]()#+-.!$');

/** The normalized text, and for each of its characters the offset of the character it comes from. */
export function normalizeWithOffsets(text: string): { text: string; offsets: number[] } {
  let out = '';
  const offsets: number[] = [];
  let space = -1;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (isSpace(code, text, i)) {
      if (space < 0) space = i;
      continue;
    }
    if (space >= 0 && out.length > 0) {
      out += ' ';
      offsets.push(space);
    }
    space = -1;
    const at = i;
    if (code === BACKSLASH && ESCAPABLE.has(text[i + 1] ?? '')) i += 1;
    out += text[i];
    offsets.push(at);
  }
  return { text: out, offsets };
}

const BACKSLASH = 92;

/** `\s`, without a regular expression for the common characters (this runs over every source text). */
function isSpace(code: number, text: string, i: number): boolean {
  if (code === 32 || (code >= 9 && code <= 13)) return true;
  return code >= 160 && /\s/.test(text[i] as string);
}

const abbreviate = (text: string) => (text.length > 80 ? `${text.slice(0, 77)}…` : text);
