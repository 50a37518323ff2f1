import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';

/**
 * The ingester's development corpus (seed/ingest/corpus/corpus.yaml): releases listed one by one, then every
 * input of a folder that has an expected seed of the same id in another. Paths are relative to corpus.yaml.
 */

export const DEFAULT_CORPUS = join(import.meta.dirname, '..', 'corpus', 'corpus.yaml');

/** Where a run's JSON goes unless told: ingest-eval.json for the development corpus, else named for the manifest. */
export function defaultJsonPath(corpus: string = DEFAULT_CORPUS): string {
  const name = resolve(corpus) === resolve(DEFAULT_CORPUS) ? '' : `-${basename(corpus, extname(corpus))}`;
  return join('bench', 'results', `ingest-eval${name}.json`);
}

/** One release to draft and score: absolute paths. */
export interface CorpusRelease {
  id: string;
  input: string;
  expected: string;
}

/** A release left out of the scores, and why. */
export interface SkippedRelease {
  id: string;
  reason: string;
}

const CorpusFile = z
  .object({
    releases: z.array(z.object({ input: z.string(), expected: z.string() }).strict()).default([]),
    discover: z.object({ inputs: z.string(), expected: z.string() }).strict().optional(),
  })
  .strict();

/** Inputs the ingester reads in the corpus. */
const INPUT_EXTENSIONS = new Set(['.txt', '.html']);

export function readCorpus(file = DEFAULT_CORPUS): { releases: CorpusRelease[]; skipped: SkippedRelease[] } {
  const parsed = CorpusFile.safeParse(parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file}: ${z.prettifyError(parsed.error)}`);
  const folder = dirname(file);
  const listed = parsed.data.releases.map(({ input, expected }) => ({
    id: basename(input, extname(input)),
    input: resolve(folder, input),
    expected: resolve(folder, expected),
  }));
  const { discover } = parsed.data;
  const found = discover
    ? discoverReleases(resolve(folder, discover.inputs), resolve(folder, discover.expected))
    : [];
  const releases: CorpusRelease[] = [];
  const skipped: SkippedRelease[] = [];
  for (const release of [...listed, ...found]) {
    const missing = [release.input, release.expected].filter((path) => !existsSync(path));
    if (missing.length === 0) releases.push(release);
    else
      skipped.push({
        id: release.id,
        reason: `missing ${missing.map((path) => relative(process.cwd(), path)).join(' and ')}`,
      });
  }
  return { releases, skipped };
}

/** Every input of the folder, in id order (a-2 before a-10), each with `<expected>/<id>.yaml`; orphan seeds too. */
function discoverReleases(inputs: string, expected: string): CorpusRelease[] {
  const inputFiles = readdirSync(inputs).filter((name) => INPUT_EXTENSIONS.has(extname(name)));
  const ids = new Set(inputFiles.map((name) => basename(name, extname(name))));
  const orphans = readdirSync(expected)
    .filter((name) => extname(name) === '.yaml' && !ids.has(basename(name, '.yaml')))
    .map((name) => ({ id: basename(name, '.yaml'), input: join(inputs, `${basename(name, '.yaml')}.txt`) }));
  return [
    ...inputFiles.map((name) => ({ id: basename(name, extname(name)), input: join(inputs, name) })),
    ...orphans,
  ]
    .sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }))
    .map(({ id, input }) => ({ id, input, expected: join(expected, `${id}.yaml`) }));
}
