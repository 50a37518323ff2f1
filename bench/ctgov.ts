/**
 * The ClinicalTrials.gov import at scale: a synthetic registry (the real v2 layout, `npm run ctgov:synthetic`)
 * imported into a fresh store by `importStudies` (in a child process, so its peak RSS is its own), against the
 * baseline: the same rows (the importer's own seed files, mapped once) written by the leanest driver code.
 *
 * Run as `node --import tsx bench/ctgov.ts --ctgov-child <registry.zip> <bolt uri>`, this file is that child.
 */
import { existsSync } from 'node:fs';
import { copyFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { importStudies } from '../seed/ctgov/import.ts';
import { REFERENCE_DIR, STEM_TABLE_FILE, STEM_TABLE_ID } from '../seed/ctgov/stemTable.ts';
import { writeSyntheticRegistry } from '../seed/ctgov/synthetic.ts';
import { createDriver } from '../server/db/driver.ts';
import { Executor } from '../server/db/executor.ts';
import { createLogger } from '../server/logger.ts';
import { freshNeo4j, type LoadResult, runBaseline, WORK_DIR } from './load.ts';
import { finished, peakRssMb, REPO_ROOT, spawnTs } from './proc.ts';

export interface CtgovBench {
  records: number;
  /** Elements (nodes and relationships) the records become, as the loader counts them. */
  elements: number;
  importSeconds: number;
  importRecordsPerSecond: number;
  importPeakRssMb: number;
  baseline: LoadResult;
  /** Import rate over baseline rate, in elements per second. */
  ratio: number;
}

const IMPORT_TIMEOUT_MS = 60 * 60 * 1000;
const STEM_TABLE_SOURCE = path.join(REFERENCE_DIR, 'sources', `${STEM_TABLE_ID}.txt`);

export async function benchCtgov(records: number, log: (message: string) => void): Promise<CtgovBench> {
  const registry = path.join(WORK_DIR, `ctgov-${records}.zip`);
  if (!existsSync(registry)) {
    log(`ctgov ${records}: generating the synthetic registry`);
    await writeSyntheticRegistry({ count: records, out: registry });
  }
  let run = await freshNeo4j(`ctgov-import-${records}`);
  let imported: { seconds: number; kept: number; peakRssMb: number };
  try {
    const child = spawnTs(path.join(REPO_ROOT, 'bench', 'ctgov.ts'), [
      '--ctgov-child',
      registry,
      run.neo4j.uri,
    ]);
    imported = JSON.parse((await finished(child)).trim().split('\n').at(-1) ?? '{}');
  } finally {
    await run.close();
    await rm(run.neo4j.dataDir, { recursive: true, force: true });
  }
  log(`ctgov ${records}: imported in ${imported.seconds.toFixed(1)} s`);
  const rows = path.join(WORK_DIR, `ctgov-${records}-rows`);
  await rm(rows, { recursive: true, force: true });
  await importStudies({ paths: [registry], writeOnlyInto: rows });
  // The stem table the studies cite is part of the rows, as the importer loads it first.
  await copyFile(STEM_TABLE_FILE, path.join(rows, path.basename(STEM_TABLE_FILE)));
  await copyFile(STEM_TABLE_SOURCE, path.join(rows, 'sources', path.basename(STEM_TABLE_SOURCE)));
  run = await freshNeo4j(`ctgov-baseline-${records}`);
  let baseline: LoadResult;
  try {
    baseline = await runBaseline(rows, run);
  } finally {
    await run.close();
    await rm(run.neo4j.dataDir, { recursive: true, force: true });
    await rm(rows, { recursive: true, force: true });
  }
  const importRate = baseline.elements / imported.seconds;
  return {
    records: imported.kept,
    elements: baseline.elements,
    importSeconds: imported.seconds,
    importRecordsPerSecond: imported.kept / imported.seconds,
    importPeakRssMb: imported.peakRssMb,
    baseline,
    ratio: importRate / baseline.elementsPerSecond,
  };
}

async function child(registry: string, uri: string): Promise<void> {
  const driver = createDriver({ uri, user: 'neo4j', password: '', connectTimeoutMs: 10_000 });
  const executor = new Executor(driver, {
    timeoutMs: IMPORT_TIMEOUT_MS,
    logger: createLogger('warn', false),
  });
  try {
    const summary = await importStudies({ paths: [registry], executor });
    console.log(
      JSON.stringify({
        seconds: summary.elapsedMs / 1000,
        kept: summary.kept,
        failed: summary.failed,
        peakRssMb: peakRssMb(process.pid),
      }),
    );
  } finally {
    await driver.close();
  }
}

if (process.argv[2] === '--ctgov-child') {
  const [registry, uri] = process.argv.slice(3);
  if (!registry || !uri) throw new Error('usage: bench/ctgov.ts --ctgov-child <registry.zip> <bolt uri>');
  await child(registry, uri);
}
