import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateSeedFiles } from '../../../seed/validate.ts';

const run = promisify(execFile);
const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'ingest', 'inputs');
const GOOD = join(import.meta.dirname, '..', '..', '..', 'seed', 'ingest', 'corpus', 'inputs', 'a-01.txt');

let dir: string;
let result: { code: number; stdout: string; stderr: string };

/** `npm run ingest` as a user runs it, on one good release and every kind of bad input. */
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ingest-cli-'));
  const huge = join(dir, 'huge.txt');
  await writeFile(huge, '');
  await truncate(huge, 11 * 1024 * 1024);
  const factFree = join(dir, 'weather.txt');
  await writeFile(
    factFree,
    'A Quiet Day\n\nBOSTON, May 5, 2024 /PRNewswire/ -- The weather was mild and nothing happened.\n',
  );
  const inputs = [
    GOOD,
    join(FIXTURES, 'blank.txt'),
    join(FIXTURES, 'binary.bin'),
    join(FIXTURES, 'french.txt'),
    join(FIXTURES, 'no-text.pdf'),
    huge,
    factFree,
  ];
  const cli = join(import.meta.dirname, '..', '..', '..', 'seed', 'ingest', 'cli.ts');
  try {
    const { stdout, stderr } = await run('node', [
      '--import',
      'tsx',
      cli,
      ...inputs,
      '--out',
      join(dir, 'out'),
      '--no-graph',
    ]);
    result = { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    result = { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}, 60_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('npm run ingest', () => {
  it('drafts the good release and says that something failed in its exit code', () => {
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/✓ .*a-01\.txt → .*a-01\.yaml/);
    expect(result.stdout).toContain('1 of 7 drafted');
  });

  it('gives each bad file one line naming it and the reason', () => {
    const refusals = result.stdout.split('\n').filter((line) => line.startsWith('✗'));
    expect(refusals).toHaveLength(6);
    for (const [file, reason] of [
      ['blank.txt', /empty/],
      ['binary.bin', /binary/],
      ['french.txt', /not look like English/],
      ['no-text.pdf', /no text layer/],
      ['huge.txt', /larger than the 10 MB limit/],
      ['weather.txt', /states no fact/],
    ] as const) {
      const line = refusals.find((l) => l.includes(file));
      expect(line, file).toMatch(reason);
      expect(line).toContain('nothing written');
    }
  });

  it('writes nothing for a refused file: only the good draft and its source', async () => {
    expect(await readdir(join(dir, 'out'))).toEqual(['a-01.yaml', 'sources']);
    expect(await readdir(join(dir, 'out', 'sources'))).toEqual(['a-01.txt']);
  });

  it('writes a draft that the loader validates with zero errors, its source verbatim', async () => {
    const validation = await validateSeedFiles([join(dir, 'out', 'a-01.yaml')]);
    expect(validation.issues.kept).toEqual([]);
    expect(await readFile(join(dir, 'out', 'sources', 'a-01.txt'), 'utf8')).toBe(
      await readFile(GOOD, 'utf8'),
    );
  });
});
