import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, relative } from 'node:path';
import { Command } from 'commander';
import { DEFAULT_CORPUS, defaultJsonPath } from './corpus.ts';
import { formatReport, jsonReport, targetResults } from './report.ts';
import { runEvaluation } from './run.ts';

/**
 * `npm run ingest:eval -- [--corpus <manifest>] [--verbose] [--json <path>] [--check]`: score the ingester's drafts
 * of the corpus (the development corpus unless told; seed/ingest/corpus/holdout/holdout.yaml is the held-out set).
 */

const program = new Command('ingest:eval')
  .description(
    'Draft every release of the ingester corpus in one run and score the drafts against the expected seeds: ' +
      'precision, recall and F1 of entities (by kind) and relationships (by type), money amounts and document ' +
      'fields, per document and overall, against the targets.',
  )
  .option(
    '--corpus <manifest>',
    'the list of releases to score (seed/ingest/corpus/holdout/holdout.yaml: the held-out set)',
    relative(process.cwd(), DEFAULT_CORPUS),
  )
  .option(
    '--json <path>',
    `where to write every score and miss as JSON (default: ${defaultJsonPath()}, or ` +
      'bench/results/ingest-eval-<manifest name>.json for another --corpus)',
  )
  .option('--verbose', 'list every false positive, false negative and wrong value')
  .option('--check', 'exit 1 when a target is missed or a release is left out (for CI)')
  .addHelpText(
    'after',
    '\nExamples:\n' +
      '  npm run ingest:eval                      scores and targets\n' +
      '  npm run ingest:eval -- --verbose         and each miss, to guide rule work\n' +
      '  npm run ingest:eval -- --check           fail when a target is missed\n' +
      '  npm run ingest:eval -- --corpus seed/ingest/corpus/holdout/holdout.yaml\n' +
      '                                           the held-out set (JSON: bench/results/ingest-eval-holdout.json)\n' +
      '\nExit codes: 0 measured (whatever the scores); 1 with --check when a target is missed or a release is\n' +
      'left out (its input or expected seed missing).',
  );

async function main(): Promise<number> {
  program.parse();
  const options = program.opts<{ corpus: string; json?: string; verbose?: boolean; check?: boolean }>();
  const json = options.json ?? defaultJsonPath(options.corpus);
  const run = await runEvaluation(options.corpus);
  console.log(formatReport(run, { verbose: options.verbose }));
  await mkdir(dirname(json), { recursive: true });
  await writeFile(json, `${JSON.stringify(jsonReport(run), null, 2)}\n`);
  console.log(`\nwrote ${json}`);
  const missed = targetResults(run.evaluation).some((target) => !target.pass) || run.skipped.length > 0;
  return options.check && missed ? 1 : 0;
}

process.exitCode = await main();
