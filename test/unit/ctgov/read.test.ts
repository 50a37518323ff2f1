import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatIssue, type ImportIssue } from '../../../seed/ctgov/issues.ts';
import { locateJsonError, type ReadLimits, readStudies, type StudyInput } from '../../../seed/ctgov/read.ts';
import { ZipWriter } from '../../../seed/ctgov/synthetic.ts';

const FIXTURES = join(import.meta.dirname, '../../fixtures/ctgov');
const fixture = (name: string) => join(FIXTURES, name);

async function readAll(paths: string[], limits?: ReadLimits): Promise<StudyInput[]> {
  const items: StudyInput[] = [];
  for await (const item of readStudies(paths, limits)) items.push(item);
  return items;
}

const nctIdOf = (study: unknown) =>
  (study as { protocolSection: { identificationModule: { nctId?: string } } }).protocolSection
    .identificationModule.nctId;

/** What was read, in order: an NCT id (or "study" without one) per study, "issue" per issue. */
function summary(items: StudyInput[]): string[] {
  return items.map((item) => ('study' in item ? (nctIdOf(item.study) ?? 'study') : 'issue'));
}

const issues = (items: StudyInput[]): ImportIssue[] =>
  items.flatMap((item) => ('issue' in item ? [item.issue] : []));

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ctgov-read-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('formatIssue', () => {
  it('prints source, NCT id, field and message on one line, leaving out what the issue lacks', () => {
    expect(
      formatIssue({ source: 'a.zip!NCT01.json', nctId: 'NCT00000001', field: 'overallStatus', message: 'x' }),
    ).toBe('a.zip!NCT01.json NCT00000001 overallStatus: x');
    expect(formatIssue({ source: 'page.json', message: 'expected a page\nof studies' })).toBe(
      'page.json: expected a page of studies',
    );
  });
});

describe('readStudies: the input forms', () => {
  it('reads a file holding one study object', async () => {
    const path = fixture('studies/NCT09000001.json');
    const items = await readAll([path]);
    expect(items).toHaveLength(1);
    expect(items[0]?.source).toBe(path);
    expect(summary(items)).toEqual(['NCT09000001']);
    const study = (items[0] as { study: { hasResults: boolean } }).study;
    expect(study.hasResults).toBe(true);
  });

  it('reads a page of studies, naming each by its place in the page', async () => {
    const path = fixture('page.json');
    const items = await readAll([path]);
    expect(summary(items)).toEqual(['NCT09000011', 'NCT09000012']);
    expect(items.map((item) => item.source)).toEqual([`${path}#studies[0]`, `${path}#studies[1]`]);
  });

  it('reports the elements of a page that are not studies, and keeps the others', async () => {
    const path = fixture('page-with-bad-element.json');
    const items = await readAll([path]);
    expect(summary(items)).toEqual(['NCT09000011', 'issue', 'issue']);
    expect(issues(items).map(formatIssue)).toEqual([
      `${path}#studies[1]: expected a study object with a protocolSection, found an object with "hasResults"`,
      `${path}#studies[2]: expected a study object with a protocolSection, found a string`,
    ]);
  });

  it('reads a directory: NCT*.json first in name order, then the other *.json; nothing else, not subdirectories', async () => {
    const folder = join(dir, 'folder');
    await cp(fixture('studies'), folder, { recursive: true });
    await mkdir(join(folder, 'nested'));
    await cp(fixture('page.json'), join(folder, 'nested', 'NCT00000001.json'));
    await writeFile(join(folder, 'notes.txt'), 'not a study');
    await cp(fixture('page.json'), join(folder, 'a-page.json'));
    const items = await readAll([folder]);
    expect(summary(items)).toEqual([
      'NCT09000001',
      'NCT09000002',
      'NCT09000003',
      'NCT09000004',
      'NCT09000005',
      'NCT09000011',
      'NCT09000012',
      'study',
    ]);
    expect(items.at(-1)?.source).toBe(join(folder, 'no-nct-id.json'));
  });

  it('reads a ZIP archive entry by entry, in archive order, passing over entries that are not JSON', async () => {
    const path = fixture('small.zip');
    const items = await readAll([path]);
    expect(summary(items)).toEqual(['NCT09000001', 'NCT09000002', 'NCT09000003']);
    expect(items[0]?.source).toBe(`${path}!ctg-studies/NCT09000001.json`);
  });

  it('recognises a ZIP by its signature whatever its name', async () => {
    const path = join(dir, 'download.bin');
    await cp(fixture('small.zip'), path);
    expect(summary(await readAll([path]))).toEqual(['NCT09000001', 'NCT09000002', 'NCT09000003']);
  });

  it('reads the paths in the order given, and a byte-order mark is no obstacle', async () => {
    const bom = join(dir, 'NCT09000003.json');
    await writeFile(bom, `\ufeff${await readFile(fixture('studies/NCT09000003.json'), 'utf8')}`);
    const items = await readAll([bom, fixture('studies/NCT09000002.json')]);
    expect(summary(items)).toEqual(['NCT09000003', 'NCT09000002']);
  });
});

describe('readStudies: bad input is reported and the rest goes on', () => {
  it('an unreadable path', async () => {
    const missing = join(dir, 'missing.json');
    const items = await readAll([missing, fixture('studies/NCT09000002.json')]);
    expect(summary(items)).toEqual(['issue', 'NCT09000002']);
    const [issue] = issues(items);
    expect(issue?.source).toBe(missing);
    expect(issue?.message).toMatch(
      /^cannot read the path \(ENOENT: no such file or directory.*\); expected a study JSON file/,
    );
  });

  it('malformed JSON: where (line, column, position) and what was expected', async () => {
    const path = fixture('malformed-json.txt');
    const items = await readAll([path]);
    expect(issues(items).map(formatIssue)).toEqual([
      `${path}: malformed JSON at line 7, column 5 (position 146): Expected ',' or '}' after property value; expected a study object or a page of studies`,
    ]);
  });

  it('malformed JSON where V8 gives no position: found by the scanner', async () => {
    const path = join(dir, 'NCT09000007.json');
    await writeFile(path, '{\n  "protocolSection": {\n    "overallStatus": COMPLETED\n  }\n}\n');
    const [issue] = issues(await readAll([path]));
    expect(issue?.nctId).toBe('NCT09000007');
    expect(issue?.message).toBe(
      "malformed JSON at line 3, column 22 (position 46): Unexpected token 'C'; expected a study object or a page of studies",
    );
  });

  it('locateJsonError finds the first bad character, and nothing in valid JSON', () => {
    expect(locateJsonError('{"a": [1, 2,, 3]}')).toBe(12);
    expect(locateJsonError('{"a": "b\\q"}')).toBe(9);
    expect(locateJsonError('{"a": tru}')).toBe(9);
    expect(locateJsonError('{"a": 1} x')).toBe(9);
    expect(locateJsonError('{"a": {"b": [true, false, null, -1.5e3, "\\u00e9"]}}')).toBeUndefined();
    expect(locateJsonError('')).toBe(0);
  });

  it('an empty file', async () => {
    const path = join(dir, 'empty.json');
    await writeFile(path, '');
    const [issue] = issues(await readAll([path]));
    expect(issue?.message).toBe(
      'malformed JSON at line 1, column 1 (position 0): Unexpected end of JSON input; expected a study object or a page of studies',
    );
  });

  it('a JSON that is neither a study nor a page', async () => {
    const path = fixture('not-a-study.json');
    expect(issues(await readAll([path])).map(formatIssue)).toEqual([
      `${path}: expected a study object ({ "protocolSection": {…} }) or a page ({ "studies": [...] }), found an object with "totalCount", "results"`,
    ]);
    const array = join(dir, 'array.json');
    await writeFile(array, '[{"protocolSection": {}}]');
    expect(issues(await readAll([array]))[0]?.message).toMatch(/found an array of 1$/);
  });

  it('a truncated ZIP: one issue naming the archive, then the next path', async () => {
    const path = fixture('truncated.zip');
    const items = await readAll([path, fixture('studies/NCT09000003.json')]);
    expect(summary(items)).toEqual(['issue', 'NCT09000003']);
    expect(formatIssue(issues(items)[0] as ImportIssue)).toBe(
      `${path}: not a readable ZIP archive (End of central directory record signature not found. Either not a zip file, or file is truncated.); expected a complete ZIP of NCT*.json study records — is the download truncated?`,
    );
  });

  it('a damaged entry: an issue naming the entry and its NCT id, the other entries read', async () => {
    const path = fixture('damaged-entry.zip');
    const items = await readAll([path]);
    expect(summary(items)).toEqual(['NCT09000001', 'issue', 'NCT09000003']);
    const [issue] = issues(items);
    expect(issue?.source).toBe(`${path}!ctg-studies/NCT09000002.json`);
    expect(issue?.nctId).toBe('NCT09000002');
    expect(issue?.message).toMatch(
      /^the entry's data is damaged \(.+\); expected 3458 bytes of JSON \(\d+ compressed\)$/,
    );
  });

  it('an entry whose inflated data ends early', async () => {
    const path = join(dir, 'short-entry.zip');
    const zip = new ZipWriter(path);
    await zip.add(
      'NCT09000021.json',
      Buffer.from('{"protocolSection": {"identificationModule": {}}}'),
      new Date(),
    );
    await zip.add(
      'NCT09000022.json',
      Buffer.from('{"protocolSection": {"identificationModule": {}}}'),
      new Date(),
    );
    await zip.close();
    // Make the directory state a larger size than the data inflates to, for the first entry (local and central).
    const bytes = await readFile(path);
    bytes.writeUInt32LE(bytes.readUInt32LE(22) + 40, 22);
    const central = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bytes.writeUInt32LE(bytes.readUInt32LE(central + 24) + 40, central + 24);
    await writeFile(path, bytes);
    const items = await readAll([path]);
    expect(summary(items)).toEqual(['issue', 'study']);
    expect(formatIssue(issues(items)[0] as ImportIssue)).toMatch(
      new RegExp(
        `^${path}!NCT09000021\\.json NCT09000021: the entry's data is damaged \\(.*\\bexpected 89\\b.*\\); expected 89 bytes of JSON`,
      ),
    );
  });

  it("a damaged central directory: the entries before it, then an issue saying the rest isn't read", async () => {
    const path = join(dir, 'damaged-directory.zip');
    const bytes = Buffer.from(await readFile(fixture('small.zip')));
    const first = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    const second = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), first + 4);
    bytes.writeUInt32LE(0xdeadbeef, second);
    await writeFile(path, bytes);
    const items = await readAll([path]);
    expect(summary(items)).toEqual(['NCT09000001', 'issue']);
    expect(issues(items)[0]?.message).toBe(
      "the archive's directory is damaged after 1 entries (invalid central directory file header signature: 0xdeadbeef); expected a complete ZIP of NCT*.json study records, the rest of it is not read",
    );
  });

  it('a JSON entry of a ZIP that is not a study', async () => {
    const path = join(dir, 'odd-entry.zip');
    const zip = new ZipWriter(path);
    await zip.add('studies/NCT09000031.json', Buffer.from('{"protocolSection": "x"}'), new Date());
    await zip.close();
    expect(issues(await readAll([path])).map(formatIssue)).toEqual([
      `${path}!studies/NCT09000031.json NCT09000031: expected a study object ({ "protocolSection": {…} }) or a page ({ "studies": [...] }), found an object with "protocolSection"`,
    ]);
  });

  it('an empty archive and an empty directory', async () => {
    const path = join(dir, 'empty.zip');
    await new ZipWriter(path).close();
    const folder = join(dir, 'empty-folder');
    await mkdir(folder);
    expect(issues(await readAll([path, folder])).map(formatIssue)).toEqual([
      `${path}: the archive is empty; expected NCT*.json study records`,
      `${folder}: the directory holds no *.json file; expected NCT*.json study records`,
    ]);
  });

  it('a file or an entry over the size limit', async () => {
    const page = fixture('page.json');
    const [fileIssue] = issues(await readAll([page], { maxFileBytes: 1024 }));
    expect(formatIssue(fileIssue as ImportIssue)).toBe(
      `${page}: the file is 0.0 MB, over the 0.0 MB a JSON file may have; expected a study or a page of at most a few thousand studies (split it, or use the ZIP archive)`,
    );
    const zip = fixture('small.zip');
    const items = await readAll([zip], { maxEntryBytes: 4000 });
    expect(summary(items)).toEqual(['issue', 'NCT09000002', 'NCT09000003']);
    expect(formatIssue(issues(items)[0] as ImportIssue)).toBe(
      `${zip}!ctg-studies/NCT09000001.json NCT09000001: the entry is 0.0 MB, over the 0.0 MB a study record may have; expected one study record`,
    );
  });
});
