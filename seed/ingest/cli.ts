import { join } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { loadConfig } from '../../server/config.ts';
import type { Database } from '../../server/db/connect.ts';
import { createLogger } from '../../server/logger.ts';
import { type GraphLookup, graphLookup } from '../graphLookup.ts';
import { formatIssue } from '../issues.ts';
import { SEED_DIR } from '../load.ts';
import { validateSeedFiles } from '../validate.ts';
import { removeSeedFiles, type SeedFiles, writeDraft } from './emit.ts';
import { type DraftOutcome, ingestFiles } from './ingest.ts';
import { formatReport } from './report.ts';

/** `npm run ingest -- <file…> [--out DIR]`: draft a seed file from each press release. */
const program = new Command('npm run ingest --')
  .description(
    'Draft a seed file from each press release (plain text, HTML or PDF with a text layer): every fact cites the\n' +
      'sentences it was read from, names already in the graph keep their ids, and each draft passes\n' +
      '`npm run seed -- --dry-run`. Review the drafts, then load them with `npm run seed -- <out>`.',
  )
  .argument('<files...>', 'press releases: .txt, .html or .pdf, at most 10 MB each')
  .option(
    '--out <dir>',
    'where the drafts go (one seed file and its source text per release)',
    join(SEED_DIR, 'drafts'),
  )
  .option(
    '--no-graph',
    'do not look names up in Neo4j (by default: NEO4J_URI, or the local Neo4j if it is running)',
  )
  .option('--max-errors <n>', 'validation problems to show per run', positive, 20)
  .addHelpText(
    'after',
    '\nExamples:\n' +
      '  npm run ingest -- release.html                   draft seed/drafts/release.yaml\n' +
      '  npm run ingest -- q3/*.pdf --out seed/q3         one draft per release, resolved across all of them\n' +
      '\nExit codes: 0 every file drafted, 1 some file refused or a draft invalid (the others are written), 2 bad\n' +
      'configuration.',
  );

function positive(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a positive whole number');
  return n;
}

async function main(): Promise<number> {
  program.parse();
  const options = program.opts<{ out: string; graph: boolean; maxErrors: number }>();
  const database = options.graph ? await reachableDatabase() : undefined;
  try {
    const graph = database ? graphLookup(database.executor) : undefined;
    const outcomes = await ingestFiles(program.args, { graph });
    const written = new Map<DraftOutcome, SeedFiles>();
    for (const outcome of outcomes) {
      if (outcome.ok)
        written.set(outcome, await writeDraft(options.out, outcome.seed, outcome.source.text, outcome.file));
    }
    const invalid = await refuseInvalidDrafts(written, graph, options.maxErrors);
    for (const outcome of outcomes) {
      const draft = written.get(outcome);
      console.log(formatReport(outcome, draft && !invalid.has(outcome) ? draft.seedFile : undefined));
    }
    const refused = outcomes.filter((o) => !o.ok).length + invalid.size;
    console.log(
      `\n${outcomes.length - refused} of ${outcomes.length} drafted${database ? '' : ' (names resolved within this run only: no Neo4j reachable)'}.` +
        (outcomes.length > refused ? ` Review, then: npm run seed -- ${options.out}` : ''),
    );
    return refused ? 1 : 0;
  } finally {
    await database?.close();
  }
}

/** Drafts are valid by construction; one that is not is a bug, reported and taken out rather than left half-right. */
async function refuseInvalidDrafts(
  written: Map<DraftOutcome, SeedFiles>,
  graph: GraphLookup | undefined,
  issueLimit: number,
): Promise<Set<DraftOutcome>> {
  const invalid = new Set<DraftOutcome>();
  if (!written.size) return invalid;
  const validation = await validateSeedFiles(
    [...written.values()].map((d) => d.seedFile),
    { graph, issueLimit },
  );
  if (validation.ok) return invalid;
  const bad = new Set(validation.issues.kept.map((issue) => issue.file));
  for (const [outcome, draft] of written) {
    if (!bad.has(draft.seedFile)) continue;
    invalid.add(outcome);
    await removeSeedFiles(draft);
  }
  console.error('Drafts that failed validation (an ingester bug: please report it with the release):');
  for (const issue of validation.issues.kept) console.error(`  ${formatIssue(issue)}`);
  return invalid;
}

/** The graph to resolve names in: NEO4J_URI, or the local Neo4j if it is already running; never started here. */
async function reachableDatabase(): Promise<Database | undefined> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL === 'info' ? 'error' : config.LOG_LEVEL);
  const { connectDatabase } = await import('../../server/db/connect.ts');
  const { isLocalPortOpen } = await import('../../server/db/localNeo4j.ts');
  if (!config.NEO4J_URI && !(await isLocalPortOpen(config.NEO4J_BOLT_PORT))) return undefined;
  try {
    return await connectDatabase(config, logger);
  } catch (error) {
    console.error(
      `${(error as Error).message}\nDrafting without the graph: names are resolved within this run only.`,
    );
    return undefined;
  }
}

process.exitCode = await main();
