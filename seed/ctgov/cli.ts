import { Command } from 'commander';
import { ConfigError, loadConfig } from '../../server/config.ts';
import type { Database } from '../../server/db/connect.ts';
import { ensureSchema } from '../../server/db/schemaSetup.ts';
import { createLogger } from '../../server/logger.ts';
import { type ImportSummary, importStudies } from './import.ts';
import { formatIssue } from './issues.ts';
import { writeStemTable } from './stemTable.ts';

/** `npm run import:ctgov -- <path…> [--filter adc] [--dry-run]`: ClinicalTrials.gov study records into the graph. */
const program = new Command('npm run import:ctgov --')
  .description(
    'Import ClinicalTrials.gov study records (API v2 JSON): one study, a page of {"studies": [...]}, a folder of\n' +
      'NCT*.json, or the ZIP of the whole registry, read as a stream. Each record version becomes a source document\n' +
      'its facts cite; a newer version of a study supersedes the older (as-of still shows it), the same version\n' +
      'again changes nothing. Sponsors and drugs land on the companies and drugs the graph already holds.',
  )
  .argument('[paths...]', 'study JSON files, folders of them, or ZIP archives')
  .option('--filter <kind>', 'keep only some studies: "adc" keeps those with an antibody–drug conjugate')
  .option('--dry-run', 'read, map and validate; write nothing')
  .option('--write-stem-table', 'regenerate seed/reference/inn-stem-table.yaml from seed/vocabulary and exit')
  .addHelpText(
    'after',
    '\nExamples:\n' +
      '  npm run import:ctgov -- NCT01120184.json\n' +
      '  npm run import:ctgov -- ctg-studies.json.zip --filter adc\n' +
      '  npm run ctgov:synthetic -- --count 1000 --out .data/registry.zip && npm run import:ctgov -- .data/registry.zip\n' +
      '\nExit codes: 0 imported, 1 some input could not be read or mapped (the rest is imported), 2 bad\n' +
      'configuration or usage, 3 database error.',
  );

async function main(): Promise<number> {
  program.parse();
  const options = program.opts<{ filter?: string; dryRun?: boolean; writeStemTable?: boolean }>();
  if (options.writeStemTable) {
    const { seedFile, sourceFile } = await writeStemTable();
    console.log(`wrote ${seedFile} and ${sourceFile}`);
    return 0;
  }
  if (!program.args.length)
    program.error('error: give at least one path (a study JSON file, a folder or a ZIP)', { exitCode: 2 });
  if (options.filter !== undefined && options.filter !== 'adc') {
    program.error(`error: --filter takes "adc", not "${options.filter}"`, { exitCode: 2 });
  }
  let database: Database | undefined;
  try {
    if (!options.dryRun) {
      const config = loadConfig();
      const logger = createLogger(config.LOG_LEVEL === 'info' ? 'error' : config.LOG_LEVEL);
      const { connectDatabase } = await import('../../server/db/connect.ts');
      database = await connectDatabase(config, logger);
      await ensureSchema(database.executor);
    }
    const summary = await importStudies({
      paths: program.args,
      filter: options.filter === 'adc' ? 'adc' : undefined,
      dryRun: options.dryRun,
      executor: database?.executor,
      onProgress: progressLine(),
    });
    console.log(formatImportSummary(summary, Boolean(options.dryRun)));
    return summary.issueCount || summary.failed ? 1 : 0;
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      return 2;
    }
    console.error(`\nThe import failed: ${(error as Error).message}`);
    return 3;
  } finally {
    await database?.close();
  }
}

/** A line every few seconds: how far the import is. */
function progressLine(intervalMs = 5_000) {
  const started = performance.now();
  let last = 0;
  return ({ read, kept, loaded }: { read: number; kept: number; loaded: number }) => {
    const now = performance.now();
    if (now - last < intervalMs) return;
    last = now;
    const rate = Math.round(read / Math.max((now - started) / 1000, 0.001));
    process.stderr.write(
      `read ${read.toLocaleString('en')} records (${rate.toLocaleString('en')}/s), kept ${kept.toLocaleString('en')}, loaded ${loaded.toLocaleString('en')}\n`,
    );
  };
}

export function formatImportSummary(summary: ImportSummary, dryRun: boolean): string {
  const n = (value: number) => value.toLocaleString('en');
  const lines = [
    `${dryRun ? 'Checked (nothing written)' : 'Imported'}: ${n(summary.read)} records read, ${n(summary.kept)} kept (${n(summary.new)} new, ${n(summary.updated)} updated, ${n(summary.unchanged)} unchanged)` +
      (summary.filtered ? `, ${n(summary.filtered)} left out by the filter` : '') +
      `, in ${(summary.elapsedMs / 1000).toFixed(1)} s.`,
  ];
  for (const [reason, count] of summary.skipped) lines.push(`  skipped ${n(count)}: ${reason}`);
  if (summary.failed)
    lines.push(`  not loaded: ${n(summary.failed)} (their batches were refused; nothing of them written)`);
  if (summary.issueCount) {
    lines.push(`${n(summary.issueCount)} problem${summary.issueCount === 1 ? '' : 's'}:`);
    for (const issue of summary.issues) lines.push(`  ${formatIssue(issue)}`);
    if (summary.issueCount > summary.issues.length)
      lines.push(`  … and ${n(summary.issueCount - summary.issues.length)} more`);
  }
  return lines.join('\n');
}

process.exitCode = await main();
