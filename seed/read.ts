import { readFile, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import jsYaml from 'js-yaml';
import { isNode, LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import type { NodeKind } from '../server/model/kinds.ts';
import {
  describeIssue,
  fieldOf,
  RECORD_LISTS,
  type RecordList,
  SeedFile,
  type SeedFileData,
  type SeedRecord,
} from './format.ts';
import type { IssueList } from './issues.ts';

/** Bigger files are refused before parsing: split them (one file per source document). */
export const MAX_SEED_FILE_BYTES = 64 * 1024 * 1024;

type Path = (string | number)[];

/** A seed file parsed and schema-checked record by record; invalid records are left out (and reported). */
export interface ReadSeedFile {
  file: string;
  data: SeedFileData;
  /** Line and column of a YAML path (the nearest existing ancestor when the path itself is missing). */
  locate(path: Path): { line: number; column: number } | undefined;
  /** Whether every record passed the schema. */
  complete: boolean;
  /** Records that failed the schema but have an id: references to them are not reported again. */
  invalidIds: { id: string; label: NodeKind }[];
}

const documentShape = (SeedFile as unknown as z.ZodObject).shape as Record<string, z.ZodType>;
const recordSchema = (list: RecordList) => RECORD_LISTS[list].schema as unknown as z.ZodType<SeedRecord>;

/**
 * Reads, parses and checks one seed file against the format. Problems go to `issues`; the result holds what is
 * usable (undefined when the file cannot be used at all: unreadable, not YAML, no valid `document`).
 */
export async function readSeedFile(file: string, issues: IssueList): Promise<ReadSeedFile | undefined> {
  let text: string;
  try {
    const size = (await stat(file)).size;
    if (size > MAX_SEED_FILE_BYTES) {
      issues.add({
        file,
        message: `file is ${(size / 2 ** 20).toFixed(0)} MiB; the limit is ${MAX_SEED_FILE_BYTES / 2 ** 20} MiB: split it`,
      });
      return undefined;
    }
    text = await readFile(file, 'utf8');
  } catch (error) {
    issues.add({ file, message: `cannot read the file: ${(error as NodeJS.ErrnoException).code ?? error}` });
    return undefined;
  }
  return parseSeedText(file, text, issues);
}

/**
 * Parses with js-yaml (an order of magnitude faster than `yaml` on large files) and, only when something must
 * be reported, parses again with `yaml` to find lines and columns.
 */
export function parseSeedText(file: string, text: string, issues: IssueList): ReadSeedFile | undefined {
  let js: unknown;
  try {
    js = jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA, filename: file });
  } catch {
    reportSyntaxErrors(file, text, issues);
    return undefined;
  }
  const top = isMap(js) ? js : {};
  const locate =
    text.length <= PRECISE_LOCATION_MAX_CHARS
      ? lazyLocator(text)
      : (path: Path) => quickLocate(text, top, path);
  return checkSeedData(file, js, locate, issues);
}

/**
 * A seed file held in memory (what the importer maps), checked as if read from disk. Its issues are located in
 * its YAML form, written only if something must be reported.
 */
export function checkSeedObject(file: string, value: unknown, issues: IssueList): ReadSeedFile | undefined {
  let locator: ReturnType<typeof lazyLocator> | undefined;
  const locate = (path: Path) => {
    locator ??= lazyLocator(seedYamlOf(value));
    return locator(path);
  };
  return checkSeedData(file, value, locate, issues);
}

/** A seed file's YAML, as the importer writes it: long lines kept whole, repeated values written out. */
export const seedYamlOf = (data: unknown): string => jsYaml.dump(data, { lineWidth: -1, noRefs: true });

const isMap = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Checks a parsed seed file against the format, record by record (see `ReadSeedFile`). */
function checkSeedData(
  file: string,
  js: unknown,
  locate: ReadSeedFile['locate'],
  issues: IssueList,
): ReadSeedFile | undefined {
  const report = (path: Path, message: string, record?: string, field?: string) =>
    issues.addLazy(() => ({ file, ...locate(path), record, field, message }));
  if (!isMap(js)) {
    report([], 'expected a map with `document`, `sentences` and lists of records');
    return undefined;
  }
  const top = js;
  let complete = true;
  const invalidIds: ReadSeedFile['invalidIds'] = [];

  for (const key of Object.keys(top)) {
    if (!(key in documentShape)) {
      complete = false;
      report([key], `unknown list "${key}"; expected one of ${Object.keys(documentShape).join(', ')}`);
    }
  }
  const documentResult = documentShape.document?.safeParse(top.document);
  if (!documentResult?.success) {
    for (const issue of documentResult?.error.issues ?? []) {
      const path = ['document', ...(issue.path as Path)];
      report(issueLocation(path, issue), describeIssue(issue), 'document', fieldOf(issue));
    }
    return undefined;
  }
  const sentencesResult = documentShape.sentences?.safeParse(top.sentences ?? {});
  let sentences: Record<string, string> = {};
  if (sentencesResult?.success) {
    sentences = sentencesResult.data as Record<string, string>;
  } else {
    complete = false;
    for (const issue of sentencesResult?.error.issues ?? []) {
      const path = ['sentences', ...(issue.path as Path)];
      report(issueLocation(path, issue), describeIssue(issue), 'sentences', fieldOf(issue));
    }
  }

  const data: SeedFileData = { document: documentResult.data as SeedFileData['document'], sentences };
  for (const list of Object.keys(RECORD_LISTS) as RecordList[]) {
    const value = top[list];
    if (value === undefined || value === null) continue;
    if (!Array.isArray(value)) {
      complete = false;
      report([list], `expected a list of ${RECORD_LISTS[list].label} records`);
      continue;
    }
    const schema = recordSchema(list);
    const valid: SeedRecord[] = [];
    const { label } = RECORD_LISTS[list];
    value.forEach((raw, index) => {
      const result = schema.safeParse(raw);
      if (result.success) {
        valid.push(result.data);
        return;
      }
      complete = false;
      const id = (raw as { id?: unknown } | null)?.id;
      const record = typeof id === 'string' ? `${label} ${id}` : `${list}[${index}]`;
      if (typeof id === 'string') invalidIds.push({ id, label });
      for (const issue of result.error.issues) {
        const path = [list, index, ...(issue.path as Path)];
        report(issueLocation(path, issue), describeIssue(issue), record, fieldOf(issue));
      }
    });
    data[list] = valid;
  }
  return { file, data, locate, complete, invalidIds };
}

/** The source text a seed file cites, resolved relative to the seed file. */
export function sourcePathOf(file: string, data: SeedFileData): string {
  return resolve(dirname(file), data.document.sourceFile);
}

function issueLocation(path: Path, issue: z.core.$ZodIssue): Path {
  if (issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined) return [...path, issue.keys[0]];
  return path;
}

/** Every syntax error of a file that js-yaml refused, with line and column, as `yaml` reports them. */
function reportSyntaxErrors(file: string, text: string, issues: IssueList) {
  const lineCounter = new LineCounter();
  // `yaml` lists every syntax error but is slow on big files; js-yaml stops at the first.
  const doc =
    text.length <= PRECISE_LOCATION_MAX_CHARS
      ? parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true })
      : undefined;
  const errors = doc?.errors.length ? doc.errors : undefined;
  if (!errors) {
    // js-yaml is stricter in a few corners (e.g. aliases); report its message.
    try {
      jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA });
    } catch (error) {
      const mark = (error as jsYaml.YAMLException).mark;
      issues.add({
        file,
        line: mark ? mark.line + 1 : undefined,
        column: mark ? mark.column + 1 : undefined,
        message: `YAML syntax: ${(error as jsYaml.YAMLException).reason}`,
      });
    }
    return;
  }
  for (const error of errors) {
    const position = lineCounter.linePos(error.pos[0]);
    issues.add({
      file,
      line: position.line,
      column: position.col,
      message: `YAML syntax: ${error.message.split('\n')[0]}`,
    });
  }
}

/** Above this size, `yaml` takes seconds to parse for positions: lines are found by searching for the id. */
const PRECISE_LOCATION_MAX_CHARS = 1_000_000;

/** The lines of records, by path or by id, found again by reading the file (for the few issues shown). */
export async function locateRecords(file: string, records: readonly { path?: Path; id?: string }[]) {
  // A file held in memory only (the importer's) has no lines to show.
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) return records.map(() => undefined);
  const top = jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA }) as Record<string, unknown>;
  return records.map(({ path, id }) =>
    id ? lineOf(text, idOffset(text, id)) : quickLocate(text, top, path ?? []),
  );
}

/** Where a record with this id starts (`id: <id>`), or -1. */
function idOffset(text: string, id: string): number {
  const escaped = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return text.search(new RegExp(`\\bid:\\s*["']?${escaped}["']?\\s*[,}\\n]`));
}

function lineOf(text: string, offset: number) {
  if (offset < 0) return undefined;
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line += 1;
  return { line, column: 1 };
}

/** The line of the record a path points into (found by its id), or of a top-level key. Column: 1. */
function quickLocate(text: string, top: Record<string, unknown>, path: Path) {
  const [list, index, ...rest] = path;
  let offset = -1;
  const record =
    typeof index === 'number' ? (top[list as string] as unknown[] | undefined)?.[index] : undefined;
  const id = (record as { id?: unknown } | undefined)?.id;
  if (typeof id === 'string') {
    offset = idOffset(text, id);
  } else if (list === 'sentences' && typeof index === 'string') {
    offset = text.search(new RegExp(`^\\s+${index}:`, 'm'));
  } else if (typeof list === 'string' && rest.length === 0) {
    offset = text.search(new RegExp(`^${list}:`, 'm'));
  }
  return lineOf(text, offset);
}

/** Line and column of a YAML path; the file is parsed for positions on the first call only. */
export function lazyLocator(text: string): (path: Path) => { line: number; column: number } | undefined {
  let located: { doc: ReturnType<typeof parseDocument>; lineCounter: LineCounter } | undefined;
  return (path) => {
    if (!located) {
      const lineCounter = new LineCounter();
      located = { doc: parseDocument(text, { lineCounter }), lineCounter };
    }
    const { doc, lineCounter } = located;
    for (let depth = path.length; depth >= 0; depth -= 1) {
      const prefix = path.slice(0, depth);
      const node = prefix.length === 0 ? doc.contents : doc.getIn(prefix, true);
      if (isNode(node) && node.range) {
        // A missing field points at the record (the nearest node that exists).
        const position = lineCounter.linePos(node.range[0]);
        return { line: position.line, column: position.col };
      }
    }
    return undefined;
  };
}
