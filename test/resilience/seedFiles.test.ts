import { rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSeed } from '../../seed/load.ts';
import { MAX_SEED_FILE_BYTES } from '../../seed/read.ts';
import { Executor } from '../../server/db/executor.ts';
import { ensureSchema } from '../../server/db/schemaSetup.ts';
import { KADCYLA_SEED } from '../integration/api/fixture.ts';
import { type GraphState, graphState } from '../integration/hardening/graphState.ts';
import { clearDatabase, connectTestDatabase, type TestDatabase } from '../support/database.ts';
import { seedYaml, VALID_BODY, writeSeedFiles } from '../unit/seed/helpers.ts';
import { MB, runNode, watchMemory } from './support.ts';

/*
 * Bad seed files through the real CLI (`npm run seed`), against a real graph: each kind of mistake is reported with
 * file, line, record and field; the 100,000-error file prints a capped list and the count of the rest; a 50 MB file
 * is read and checked in bounded memory (peak RSS of the CLI process, from /proc); nothing is ever written.
 * test/unit/seed/validate.test.ts checks each message in-process; this checks the command, its exit code, its
 * memory and the graph.
 */

/** Peak resident memory allowed to the CLI for the 100,000-error file (about 5 MB) and the 50 MB file. */
const MAX_PEAK_ERRORS = 600 * MB;
const MAX_PEAK_LARGE = 1_500 * MB;

let db: TestDatabase;
let before: GraphState;
const dirs: string[] = [];
const figures: string[] = [];

beforeAll(async () => {
  db = connectTestDatabase();
  const loader = new Executor(db.driver, { timeoutMs: 10 * 60 * 1000, logger: db.logger });
  await clearDatabase(db);
  await ensureSchema(loader);
  await loadSeed({ executor: loader, files: [KADCYLA_SEED] });
  before = await graphState(db.executor);
});

afterAll(async () => {
  console.log(`[resilience] bad seed files: ${figures.join('; ')}`);
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  await db?.close();
});

/** The small valid body with its ids made its own (`acme-bio` → `acme-bio-x`), so files do not collide. */
const own = (body: string, suffix: string) =>
  body.replace(/\b(acme-beta-zumab|zumab-target|acme-bio|beta-pharma|zumab)\b/g, `$1-${suffix}`);

async function files(named: Record<string, string>): Promise<string[]> {
  const paths = await writeSeedFiles(named);
  dirs.push(dirname(paths[0] as string));
  return paths;
}

/** Runs `npm run seed -- <paths>` as one Node process, watching its memory. */
async function seed(paths: string[]) {
  const cli = runNode('seed/cli.ts', paths, { NEO4J_URI: db.uri, LOG_LEVEL: 'warn' });
  const memory = watchMemory(cli.pid, 20);
  const started = performance.now();
  const code = await cli.exited;
  memory.stop();
  return {
    code,
    ms: performance.now() - started,
    peak: memory.peak,
    out: cli.stderr.join('\n'),
  };
}

describe('bad seed files, through the CLI', () => {
  it('reports every kind of mistake across files at once, with file, line, record and field; writes nothing', async () => {
    const paths = await files({
      malformed: seedYaml('doc-a', 'companies:\n  - id: acme\n    name: [unclosed\n'),
      types: seedYaml('doc-b', own(VALID_BODY, 't').replace('modality: ANTIBODY', 'modality: 42')),
      refs: seedYaml('doc-c', own(VALID_BODY, 'r').replace('drugs: [zumab-r]', 'drugs: [no-such-drug]')),
      duplicate: seedYaml('doc-d', VALID_BODY),
      duplicate2: seedYaml('doc-e', 'drugs:\n  - id: acme-bio\n    name: Acme\n    cite: [develops]\n'),
      missing: seedYaml('doc-f', 'companies:\n  - id: nameless\n    cite: [develops]\n'),
    });
    const run = await seed(paths);
    expect(run.code).toBe(1);
    const lines = run.out.split('\n');
    expect(lines[0]).toMatch(/^\d+ problems in the seed files; nothing was written\.$/);
    const expectLine = (pattern: RegExp) =>
      expect(
        lines.some((line) => pattern.test(line)),
        `${pattern}\n${run.out}`,
      ).toBe(true);
    expectLine(/malformed\.yaml:\d+:\d+: .*(YAML|flow|unexpected|end)/i);
    expectLine(/types\.yaml:\d+:\d+: Drug zumab-t, field modality: /);
    expectLine(/refs\.yaml:\d+:\d+: Partnership [\w-]+, field drugs\[0\]: .*no-such-drug/);
    expectLine(
      /duplicate2\.yaml:\d+:\d+: Drug acme-bio, field id: "acme-bio" is a Company in .*duplicate\.yaml/,
    );
    expectLine(/missing\.yaml:\d+:\d+: Company nameless, field name: /);
    expect(run.out).not.toMatch(/^\s+at /m);
    expect(await graphState(db.executor)).toEqual(before);
  });

  it('caps 100,000 errors at 50 lines and counts the rest, in bounded memory, writing nothing', async () => {
    const records = Array.from({ length: 100_000 }, (_, i) => `  - { id: c${i}, name: C, cite: [nope] }`);
    const [path] = await files({ many: seedYaml('doc-many', `companies:\n${records.join('\n')}\n`) });
    const run = await seed([path as string]);
    expect(run.code).toBe(1);
    const lines = run.out.trim().split('\n');
    expect(lines[0]).toBe('100000 problems in the seed files; nothing was written.');
    expect(lines).toHaveLength(1 + 50 + 1);
    expect(lines.at(-1)).toBe('… and 99950 more');
    expect(lines[1]).toMatch(/many\.yaml:11:1: Company c0, field cite: unknown sentence key "nope"/);
    expect(run.peak).toBeLessThan(MAX_PEAK_ERRORS);
    expect(await graphState(db.executor)).toEqual(before);
    figures.push(
      `100,000 errors: 50 shown + "… and 99950 more", peak RSS ${(run.peak / MB).toFixed(0)} MB, ${(run.ms / 1000).toFixed(1)} s`,
    );
  });

  it('reads a 50 MB file in bounded memory and refuses it for its one bad record, writing nothing', async () => {
    // ~250,000 valid companies (about 200 bytes each), and at the very end one that cites a sentence that is not there.
    const record = (i: number) =>
      `  - { id: big-${i}, name: Big Company ${i}, aliases: [BIG${i}, Big ${i} Holdings], ticker: B${i}, headquarters: Somewhere far away, cite: [develops] }`;
    const parts: string[] = [];
    let size = 0;
    for (let i = 0; size < 50 * MB; i++) {
      const line = record(i);
      parts.push(line);
      size += line.length + 1;
    }
    parts.push('  - { id: the-bad-one, name: Bad, cite: [no-such-sentence] }');
    const [path] = await files({ big: seedYaml('doc-big', `companies:\n${parts.join('\n')}\n`) });
    const bytes = (await stat(path as string)).size;
    expect(bytes).toBeGreaterThan(50 * MB);
    expect(bytes).toBeLessThan(MAX_SEED_FILE_BYTES);
    const run = await seed([path as string]);
    expect(run.code, run.out).toBe(1);
    expect(run.out).toMatch(
      /^1 problem in the seed files; nothing was written\.\n\S*big\.yaml:\d+:\d+: Company the-bad-one, field cite: unknown sentence key/,
    );
    expect(run.peak).toBeLessThan(MAX_PEAK_LARGE);
    expect(await graphState(db.executor)).toEqual(before);
    figures.push(
      `${(bytes / MB).toFixed(0)} MB file (${parts.length.toLocaleString('en')} records): refused for its last record in ${(run.ms / 1000).toFixed(1)} s, peak RSS ${(run.peak / MB).toFixed(0)} MB`,
    );
  });

  it('refuses a file over the size limit before parsing it', async () => {
    const [path] = await files({
      huge: seedYaml('doc-huge', `companies: []\n# ${'x'.repeat(MAX_SEED_FILE_BYTES)}\n`),
    });
    const run = await seed([path as string]);
    expect(run.code).toBe(1);
    expect(run.out).toMatch(/huge\.yaml: file is \d+ MiB; the limit is \d+ MiB: split it/);
    expect(run.peak).toBeLessThan(MAX_PEAK_ERRORS);
    expect(await graphState(db.executor)).toEqual(before);
    figures.push(`over-limit file refused before parsing, peak RSS ${(run.peak / MB).toFixed(0)} MB`);
  });
});
