import { readFile } from 'node:fs/promises';
import type { NodeKind, RelationshipType } from '../server/model/kinds.ts';
import {
  compileSeedFile,
  type NodeRow,
  type Origin,
  type Reference,
  type RelRow,
  relationshipKey,
} from './compile.ts';
import { IssueList, type SeedIssue } from './issues.ts';
import { type ReadSeedFile, readSeedFile, sourcePathOf } from './read.ts';

/**
 * Pass one of a load: every file is read, checked against the format, its citations against its source text,
 * and its references against the ids of all files. Nothing is kept but an index of ids and counts, so memory
 * grows with the number of ids, not with the size of the files.
 */

export interface SeedValidation {
  ok: boolean;
  issues: IssueList;
  /** The files in load order. */
  files: string[];
  nodes: Partial<Record<NodeKind, number>>;
  relationships: Partial<Record<RelationshipType, number>>;
  /** Nodes plus relationships. */
  elements: number;
}

export interface ValidateOptions {
  issueLimit?: number;
}

/** A file ready to compile: parsed, with its sentences placed in the source text. */
export interface PreparedFile {
  read: ReadSeedFile;
  sentenceOrder: Map<string, number>;
}

interface Known {
  label: NodeKind;
  file: string;
}

export async function validateSeedFiles(
  files: string[],
  options: ValidateOptions = {},
): Promise<SeedValidation> {
  const issues = new IssueList(options.issueLimit);
  const known = new Map<string, Known>();
  const deferred: (Reference & { file: string; locate: ReadSeedFile['locate'] })[] = [];
  const nodes: Partial<Record<NodeKind, number>> = {};
  const relationships: Partial<Record<RelationshipType, number>> = {};
  let elements = 0;
  // A relationship is stated once in all the files, so that a load into an empty graph can create every row
  // without looking for it first (seed/write.ts runBatch). Relationship key → the file that states it.
  const stated = new Map<string, string>();

  for (const file of files) {
    const prepared = await prepareSeedFile(file, issues);
    if (!prepared) continue;
    const { read, sentenceOrder } = prepared;
    const { data } = read;
    const report = (origin: Origin, message: string, field = origin.field) =>
      issues.addLazy(() => issueAt(file, read.locate, origin, message, field));
    for (const { id, label } of read.invalidIds) if (!known.has(id)) known.set(id, { label, file });
    const references: Reference[] = [];
    compileSeedFile(data, sentenceOrder, {
      node(row: NodeRow, origin) {
        nodes[row.label] = (nodes[row.label] ?? 0) + 1;
        elements += 1;
        if (row.label === 'Sentence') return;
        const other = known.get(row.id);
        if (other) {
          const where = other.file === file ? 'earlier in this file' : `in ${other.file}`;
          report(origin, `duplicate id "${row.id}": already used by a ${other.label} ${where}`, 'id');
          return;
        }
        known.set(row.id, { label: row.label, file });
      },
      rel(row: RelRow, origin) {
        relationships[row.type] = (relationships[row.type] ?? 0) + 1;
        elements += 1;
        const key = relationshipKey(row);
        const other = stated.get(key);
        if (other === undefined) stated.set(key, file);
        else {
          const where = other === file ? 'twice' : `again (also stated in ${other})`;
          report(origin, `states the same ${row.type} relationship (${row.from} → ${row.to}) ${where}`);
        }
      },
      reference(reference) {
        references.push(reference);
      },
      citation({ origin, key }) {
        if (!(key in data.sentences)) {
          report(origin, `unknown sentence key "${key}": add it to \`sentences\``, origin.field ?? 'cite');
        }
      },
    });
    for (const reference of references) {
      const target = known.get(reference.target);
      if (target) {
        checkKind(reference, target, (message) => report(reference.origin, message));
      } else {
        deferred.push({ ...reference, file, locate: read.locate });
      }
    }
  }

  for (const reference of deferred) {
    const target = known.get(reference.target);
    const report = (message: string) =>
      issues.addLazy(() => issueAt(reference.file, reference.locate, reference.origin, message));
    if (target) {
      checkKind(reference, target, report);
    } else {
      report(
        `unknown id "${reference.target}" (expected the id of a ${reference.kinds.join(' or ')} in one of the files)`,
      );
    }
  }

  return { ok: issues.count === 0, issues, files, nodes, relationships, elements };
}

function issueAt(
  file: string,
  locate: ReadSeedFile['locate'],
  origin: Origin,
  message: string,
  field = origin.field,
): SeedIssue {
  return { file, ...locate(origin.path), record: origin.record, field, message };
}

function checkKind(reference: Reference, target: Known, fail: (message: string) => void) {
  if (!reference.kinds.includes(target.label)) {
    fail(`"${reference.target}" is a ${target.label}; expected a ${reference.kinds.join(' or ')}`);
  }
}

/** Reads a seed file and its source text, and checks each sentence against the source. */
export async function prepareSeedFile(file: string, issues: IssueList): Promise<PreparedFile | undefined> {
  const read = await readSeedFile(file, issues);
  if (!read) return undefined;
  const { data } = read;
  const sourcePath = sourcePathOf(file, data);
  let source: string;
  try {
    source = normalizeSourceText(await readFile(sourcePath, 'utf8'));
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
  const sentenceOrder = new Map<string, number>();
  const offsets: [string, number][] = [];
  let from = 0;
  for (const [key, text] of Object.entries(data.sentences)) {
    // Sentences are usually listed in source order: look after the previous one first.
    const needle = normalizeSourceText(text);
    let offset = source.indexOf(needle, from);
    if (offset < 0) offset = source.indexOf(needle);
    else from = offset + needle.length;
    if (offset < 0) {
      issues.addLazy(() => ({
        file,
        ...read.locate(['sentences', key]),
        record: `sentence ${key}`,
        message: `text not found verbatim in ${data.document.sourceFile}: "${abbreviate(text)}"`,
      }));
      continue;
    }
    offsets.push([key, offset]);
  }
  offsets.sort((a, b) => a[1] - b[1]);
  offsets.forEach(([key], index) => {
    sentenceOrder.set(key, index);
  });
  return { read, sentenceOrder };
}

/**
 * What citations are compared on: backslash escapes of the source (`\$5 million`) read as the character they
 * escape, and every run of white space (line breaks included) as one space.
 */
export function normalizeSourceText(text: string): string {
  return text
    .replace(/\\([\\`*_{}[\]()#+\-.!$])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

const abbreviate = (text: string) => (text.length > 80 ? `${text.slice(0, 77)}…` : text);
