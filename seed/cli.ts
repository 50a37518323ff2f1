import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { ConfigError, loadConfig } from '../server/config.ts';
import type { Database } from '../server/db/connect.ts';
import { ensureSchema } from '../server/db/schemaSetup.ts';
import { createLogger } from '../server/logger.ts';
import { seedJsonSchema } from './format.ts';
import { DEFAULT_ISSUE_LIMIT, SeedValidationError, SeedWriteError } from './issues.ts';
import { DEFAULT_MAX_TRANSACTION_ELEMENTS, loadSeed, SEED_DIR } from './load.ts';
import { createProgressReporter, formatRemoval, formatSummary } from './progress.ts';
import { removeDocuments } from './remove.ts';
import { DEFAULT_BATCH_ROWS } from './write.ts';

/** `npm run seed -- [files…] [--reset] [--dry-run]`: validate the seed files, then load them into Neo4j. */

/** A load may take minutes; the server's per-query timeout does not apply to it. */
const LOAD_TIMEOUT_MS = 30 * 60 * 1000;

const positiveInt = (value: string) => {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1)
    throw new InvalidArgumentError('expected a positive whole number');
  return parsed;
};

const program = new Command('seed')
  .description(
    'Validate seed files (YAML, one per source document) and load them into Neo4j. Every file is checked ' +
      'before anything is written; a load is all-or-nothing, and loading the same files again changes nothing. ' +
      'Neo4j: NEO4J_URI (with NEO4J_USER, NEO4J_PASSWORD), or the local Neo4j in NEO4J_DATA_DIR when NEO4J_URI ' +
      'is not set.',
  )
  .argument('[files...]', 'seed files or folders of them, in load order (default: seed/*.yaml)')
  .option('--reset', 'remove every entity and relationship that the files do not hold')
  .option('--dry-run', 'validate only; write nothing')
  .addOption(
    new Option(
      '--remove <document ids...>',
      'take out exactly what these documents contributed (the graph then equals a load of the other files)',
    ).conflicts(['dryRun', 'reset']),
  )
  .option('--max-errors <n>', 'problems to print before "… and N more"', positiveInt, DEFAULT_ISSUE_LIMIT)
  .option('--batch-rows <n>', 'rows per UNWIND statement', positiveInt, DEFAULT_BATCH_ROWS)
  .option(
    '--max-transaction-elements <n>',
    'largest load written in one transaction; larger loads are journalled batches',
    positiveInt,
    DEFAULT_MAX_TRANSACTION_ELEMENTS,
  )
  .option(
    '--write-json-schema',
    `write ${join('seed', 'schema', 'seed.schema.json')} from the format and exit`,
  )
  .addHelpText(
    'after',
    '\nExamples:\n' +
      '  npm run seed                              load seed/*.yaml\n' +
      '  npm run seed -- --dry-run                 check them\n' +
      '  npm run seed -- --reset seed/a.yaml       make the graph hold exactly seed/a.yaml\n' +
      '  npm run seed -- --remove immunogen-kadcyla-2013-11-20-eu-approval\n' +
      '                                            take one document out again\n' +
      '\nExit codes: 0 loaded, 1 invalid files (nothing written), 2 bad configuration, 3 database error.',
  );

async function main(): Promise<number> {
  program.parse();
  const options = program.opts<{
    reset?: boolean;
    dryRun?: boolean;
    remove?: string[];
    maxErrors: number;
    batchRows: number;
    maxTransactionElements: number;
    writeJsonSchema?: boolean;
  }>();
  if (options.remove && program.args.length) {
    program.error(
      `error: --remove takes document ids, not files (${program.args.join(', ')}); load files separately`,
    );
  }
  if (options.writeJsonSchema) {
    const path = join(SEED_DIR, 'schema', 'seed.schema.json');
    await writeFile(path, `${JSON.stringify(seedJsonSchema(), null, 2)}\n`);
    console.log(`wrote ${path}`);
    return 0;
  }
  let database: Database | undefined;
  try {
    const onProgress = createProgressReporter();
    if (!options.dryRun) {
      const config = loadConfig();
      // The CLI prints its own outcome; the executor's warnings about a refused statement would repeat it.
      const logger = createLogger(config.LOG_LEVEL === 'info' ? 'error' : config.LOG_LEVEL);
      // Loaded here so that --dry-run and --write-json-schema need no database code.
      const { connectDatabase } = await import('../server/db/connect.ts');
      database = await connectDatabase({ ...config, NEO4J_QUERY_TIMEOUT_MS: LOAD_TIMEOUT_MS }, logger);
      await ensureSchema(database.executor);
    }
    if (options.remove) {
      console.log(formatRemoval(await removeDocuments((database as Database).executor, options.remove)));
      return 0;
    }
    const summary = await loadSeed({
      executor: database?.executor,
      files: program.args,
      reset: options.reset,
      dryRun: options.dryRun,
      issueLimit: options.maxErrors,
      batchRows: options.batchRows,
      maxTransactionElements: options.maxTransactionElements,
      onProgress,
    });
    console.log(formatSummary(summary));
    return 0;
  } catch (error) {
    if (error instanceof SeedValidationError) {
      console.error(error.message);
      return 1;
    }
    if (error instanceof SeedWriteError && options.remove) {
      console.error(`Nothing was removed: ${error.message}`);
      return 1;
    }
    if (error instanceof ConfigError) {
      console.error(error.message);
      return 2;
    }
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
    console.error(
      `\nThe load failed; none of it is kept (a large load that could not be undone now is undone at the next load or\nserver start).\n${(error as Error).message}${cause}`,
    );
    return 3;
  } finally {
    await database?.close();
  }
}

process.exitCode = await main();
