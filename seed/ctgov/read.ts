import { open as openFile, readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Readable } from 'node:stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import type { ImportIssue } from './issues.ts';

/**
 * Reads ClinicalTrials.gov API v2 study JSON in each form users get it, as one stream of study records:
 * - a file holding one study object `{ protocolSection, derivedSection?, hasResults? }`;
 * - a file holding a page of search results `{ "studies": [...], "nextPageToken"?: ... }`;
 * - a directory: its `*.json` files (not its subdirectories), `NCT*.json` first, each group in name order;
 * - a ZIP archive (the registry's full download, `NCT*.json` entries, possibly in a folder), read one entry at a
 *   time, so memory stays flat whatever the archive's size. Entries are read in archive order; directories,
 *   entries not ending in `.json` and macOS resource forks (`__MACOSX/`, `._*`) are passed over silently.
 * Bad input (an unreadable path, malformed JSON, a JSON that is neither a study nor a page, a truncated or
 * corrupt ZIP, a damaged or oversized entry) yields an issue and the reading goes on with the rest.
 */

export type StudyInput = { source: string; study: unknown } | { source: string; issue: ImportIssue };

/** A JSON file is read whole up to this size (a page of 1,000 studies is 10–50 MB). */
export const MAX_JSON_FILE_BYTES = 200 * 1024 * 1024;
/** A ZIP entry holds one study record; the largest real ones are a few MB. */
export const MAX_ZIP_ENTRY_BYTES = 20 * 1024 * 1024;

export interface ReadLimits {
  maxFileBytes?: number;
  maxEntryBytes?: number;
}

const MB = 1024 * 1024;
const megabytes = (bytes: number) => `${(bytes / MB).toFixed(bytes < 10 * MB ? 1 : 0)} MB`;
const NCT_FILE = /^(NCT\d{8})/i;

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function issueFrom(source: string, message: string, nctId?: string): StudyInput {
  const issue: ImportIssue = nctId ? { source, nctId, message } : { source, message };
  return { source, issue };
}

export async function* readStudies(paths: string[], limits: ReadLimits = {}): AsyncGenerator<StudyInput> {
  const maxFileBytes = limits.maxFileBytes ?? MAX_JSON_FILE_BYTES;
  const maxEntryBytes = limits.maxEntryBytes ?? MAX_ZIP_ENTRY_BYTES;
  for (const path of paths) {
    let info: Awaited<ReturnType<typeof stat>>;
    try {
      info = await stat(path);
    } catch (error) {
      yield issueFrom(
        path,
        `cannot read the path (${errorText(error)}); expected a study JSON file, a page of studies, a directory of NCT*.json or a ZIP of them`,
      );
      continue;
    }
    if (info.isDirectory()) yield* readDirectory(path, maxFileBytes);
    else if (await isZip(path)) yield* readZip(path, maxEntryBytes);
    else yield* readJsonFile(path, info.size, maxFileBytes);
  }
}

/** `NCT*.json` first, then the other `*.json`, each in name order; subdirectories are not read. */
async function* readDirectory(dir: string, maxFileBytes: number): AsyncGenerator<StudyInput> {
  let names: string[];
  try {
    names = (await readdir(dir, { withFileTypes: true }))
      .filter((entry) => entry.isFile() && entry.name.toLowerCase().endsWith('.json'))
      .map((entry) => entry.name);
  } catch (error) {
    yield issueFrom(
      dir,
      `cannot list the directory (${errorText(error)}); expected a readable directory of NCT*.json files`,
    );
    return;
  }
  const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const nct = names.filter((name) => NCT_FILE.test(name)).sort(byName);
  const others = names.filter((name) => !NCT_FILE.test(name)).sort(byName);
  if (nct.length === 0 && others.length === 0) {
    yield issueFrom(dir, 'the directory holds no *.json file; expected NCT*.json study records');
    return;
  }
  for (const name of [...nct, ...others]) {
    const path = join(dir, name);
    let size: number;
    try {
      size = (await stat(path)).size;
    } catch (error) {
      yield issueFrom(path, `cannot read the file (${errorText(error)}); expected a study JSON file`);
      continue;
    }
    yield* readJsonFile(path, size, maxFileBytes);
  }
}

/** A ZIP starts with a local file header (PK\3\4) or, when empty, the end of central directory (PK\5\6). */
async function isZip(path: string): Promise<boolean> {
  if (path.toLowerCase().endsWith('.zip')) return true;
  let handle: Awaited<ReturnType<typeof openFile>> | undefined;
  try {
    handle = await openFile(path, 'r');
    const head = Buffer.alloc(4);
    const { bytesRead } = await handle.read(head, 0, 4, 0);
    return bytesRead === 4 && head[0] === 0x50 && head[1] === 0x4b && (head[2] === 3 || head[2] === 5);
  } catch {
    return false; // readJsonFile reports the unreadable file
  } finally {
    await handle?.close();
  }
}

async function* readJsonFile(path: string, size: number, maxFileBytes: number): AsyncGenerator<StudyInput> {
  const nctId = NCT_FILE.exec(basename(path))?.[1]?.toUpperCase();
  if (size > maxFileBytes) {
    yield issueFrom(
      path,
      `the file is ${megabytes(size)}, over the ${megabytes(maxFileBytes)} a JSON file may have; expected a study or a page of at most a few thousand studies (split it, or use the ZIP archive)`,
      nctId,
    );
    return;
  }
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    yield issueFrom(path, `cannot read the file (${errorText(error)}); expected a study JSON file`, nctId);
    return;
  }
  yield* studiesOf(path, text, nctId);
}

/** The studies a JSON text holds (one, or a page's), or an issue saying what was expected. */
export function* studiesOf(source: string, text: string, nctId?: string): Generator<StudyInput> {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    yield issueFrom(
      source,
      `malformed JSON ${describeJsonError(body, error)}; expected a study object or a page of studies`,
      nctId,
    );
    return;
  }
  if (isStudy(value)) {
    yield { source, study: value };
    return;
  }
  if (isObject(value) && Array.isArray(value.studies)) {
    let index = 0;
    for (const study of value.studies) {
      const at = `${source}#studies[${index}]`;
      if (isStudy(study)) yield { source: at, study };
      else
        yield issueFrom(at, `expected a study object with a protocolSection, found ${describeValue(study)}`);
      index += 1;
    }
    return;
  }
  yield issueFrom(
    source,
    `expected a study object ({ "protocolSection": {…} }) or a page ({ "studies": [...] }), found ${describeValue(value)}`,
    nctId,
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStudy(value: unknown): boolean {
  return isObject(value) && isObject(value.protocolSection);
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (isObject(value)) {
    const keys = Object.keys(value);
    if (keys.length === 0) return 'an empty object';
    const shown = keys.slice(0, 5).map((key) => JSON.stringify(key));
    return `an object with ${shown.join(', ')}${keys.length > 5 ? ', …' : ''}`;
  }
  return `a ${typeof value}`;
}

// ---------------------------------------------------------------------------------------------------------
// Where a JSON text goes wrong

/** "at line 3, column 7 (position 41): Expected ',' or '}' after property value". */
export function describeJsonError(text: string, error: unknown): string {
  const message = errorText(error)
    .replace(/ in JSON at position \d+.*$/s, '')
    .replace(/, .*is not valid JSON$/s, '');
  const stated = /at position (\d+)/.exec(errorText(error));
  const position = stated ? Number(stated[1]) : locateJsonError(text);
  if (position === undefined) return `(${message})`;
  const { line, column } = lineAndColumn(text, position);
  return `at line ${line}, column ${column} (position ${position}): ${message}`;
}

function lineAndColumn(text: string, position: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(position, text.length);
  for (let at = text.indexOf('\n'); at !== -1 && at < end; at = text.indexOf('\n', at + 1)) {
    line += 1;
    lineStart = at + 1;
  }
  return { line, column: end - lineStart + 1 };
}

/**
 * The offset of the first character at which `text` stops being JSON (V8 does not always say): a small
 * validating scanner, run only once JSON.parse has failed. Undefined when it finds nothing wrong.
 */
export function locateJsonError(text: string): number | undefined {
  let at = 0;
  const fail = (): never => {
    throw at;
  };
  const space = () => {
    while (at < text.length && ' \t\n\r'.includes(text[at] as string)) at += 1;
  };
  const literal = (word: string) => {
    for (const char of word) {
      if (text[at] !== char) fail();
      at += 1;
    }
  };
  const string = () => {
    at += 1; // the opening quote
    for (;;) {
      if (at >= text.length) fail();
      const code = text.charCodeAt(at);
      if (code === 0x22) {
        at += 1;
        return;
      }
      if (code < 0x20) fail();
      if (code === 0x5c) {
        at += 1;
        const escaped = text[at];
        if (escaped === 'u') {
          for (let digit = 1; digit <= 4; digit += 1) if (!/[0-9a-fA-F]/.test(text[at + digit] ?? '')) fail();
          at += 5;
        } else if (escaped !== undefined && '"\\/bfnrt'.includes(escaped)) at += 1;
        else fail();
      } else at += 1;
    }
  };
  const number = () => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(at, at + 400));
    if (!match || match[0] === '' || match[0] === '-') fail();
    at += (match as RegExpExecArray)[0].length;
  };
  const value = (depth: number): void => {
    if (depth > 10_000) fail();
    space();
    const char = text[at];
    if (char === '{') {
      at += 1;
      space();
      if (text[at] === '}') {
        at += 1;
        return;
      }
      for (;;) {
        space();
        if (text[at] !== '"') fail();
        string();
        space();
        if (text[at] !== ':') fail();
        at += 1;
        value(depth + 1);
        space();
        if (text[at] === ',') at += 1;
        else if (text[at] === '}') {
          at += 1;
          return;
        } else fail();
      }
    }
    if (char === '[') {
      at += 1;
      space();
      if (text[at] === ']') {
        at += 1;
        return;
      }
      for (;;) {
        value(depth + 1);
        space();
        if (text[at] === ',') at += 1;
        else if (text[at] === ']') {
          at += 1;
          return;
        } else fail();
      }
    }
    if (char === '"') string();
    else if (char === 't') literal('true');
    else if (char === 'f') literal('false');
    else if (char === 'n') literal('null');
    else if (char === '-' || (char !== undefined && char >= '0' && char <= '9')) number();
    else fail();
  };
  try {
    value(0);
    space();
    return at < text.length ? at : undefined;
  } catch (thrown) {
    return typeof thrown === 'number' ? thrown : undefined;
  }
}

// ---------------------------------------------------------------------------------------------------------
// ZIP archives

function openZip(path: string): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, autoClose: false, validateEntrySizes: true }, (error, zip) => {
      if (error || !zip) reject(error ?? new Error('no archive'));
      else resolve(zip);
    });
  });
}

/** The archive's next entry, or null at its end; rejects when the central directory is damaged. */
function nextEntry(zip: ZipFile): Promise<Entry | null> {
  return new Promise((resolve, reject) => {
    const settle = () => {
      zip.off('entry', onEntry);
      zip.off('end', onEnd);
      zip.off('error', onError);
    };
    const onEntry = (entry: Entry) => {
      settle();
      resolve(entry);
    };
    const onEnd = () => {
      settle();
      resolve(null);
    };
    const onError = (error: Error) => {
      settle();
      reject(error);
    };
    zip.on('entry', onEntry);
    zip.on('end', onEnd);
    zip.on('error', onError);
    zip.readEntry();
  });
}

function openEntry(zip: ZipFile, entry: Entry): Promise<Readable> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error || !stream) reject(error ?? new Error('no stream'));
      else resolve(stream);
    });
  });
}

/** The entry's inflated bytes; throws when the data is damaged or ends early. */
async function entryBytes(zip: ZipFile, entry: Entry): Promise<Buffer> {
  const stream = await openEntry(zip, entry);
  const data = Buffer.allocUnsafe(entry.uncompressedSize);
  let length = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    if (length + chunk.length > data.length) {
      stream.destroy();
      throw new Error(`more data than the ${entry.uncompressedSize} bytes the archive's directory states`);
    }
    chunk.copy(data, length);
    length += chunk.length;
  }
  if (length !== entry.uncompressedSize)
    throw new Error(`the data ends after ${length} of ${entry.uncompressedSize} bytes`);
  return data;
}

function skipEntry(name: string): boolean {
  const base = name.slice(name.lastIndexOf('/') + 1);
  return (
    name.endsWith('/') ||
    !base.toLowerCase().endsWith('.json') ||
    base.startsWith('._') ||
    name.startsWith('__MACOSX/') ||
    name.includes('/__MACOSX/')
  );
}

async function* readZip(path: string, maxEntryBytes: number): AsyncGenerator<StudyInput> {
  let zip: ZipFile;
  try {
    zip = await openZip(path);
  } catch (error) {
    yield issueFrom(
      path,
      `not a readable ZIP archive (${errorText(error)}); expected a complete ZIP of NCT*.json study records — is the download truncated?`,
    );
    return;
  }
  let entries = 0;
  try {
    for (;;) {
      let entry: Entry | null;
      try {
        entry = await nextEntry(zip);
      } catch (error) {
        yield issueFrom(
          path,
          `the archive's directory is damaged after ${entries} entries (${errorText(error)}); expected a complete ZIP of NCT*.json study records, the rest of it is not read`,
        );
        return;
      }
      if (entry === null) break;
      entries += 1;
      const name = entry.fileName;
      if (skipEntry(name)) continue;
      const source = `${path}!${name}`;
      const nctId = NCT_FILE.exec(name.slice(name.lastIndexOf('/') + 1))?.[1]?.toUpperCase();
      if (entry.uncompressedSize > maxEntryBytes) {
        yield issueFrom(
          source,
          `the entry is ${megabytes(entry.uncompressedSize)}, over the ${megabytes(maxEntryBytes)} a study record may have; expected one study record`,
          nctId,
        );
        continue;
      }
      let data: Buffer;
      try {
        data = await entryBytes(zip, entry);
      } catch (error) {
        yield issueFrom(
          source,
          `the entry's data is damaged (${errorText(error)}); expected ${entry.uncompressedSize} bytes of JSON (${entry.compressedSize} compressed)`,
          nctId,
        );
        continue;
      }
      yield* studiesOf(source, data.toString('utf8'), nctId);
    }
    if (entries === 0) yield issueFrom(path, 'the archive is empty; expected NCT*.json study records');
  } finally {
    zip.close();
  }
}
