import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { targetResults } from '../../../seed/ingest/eval/report.ts';
import { type EvalRun, runEvaluation } from '../../../seed/ingest/eval/run.ts';
import { validateSeedFiles } from '../../../seed/validate.ts';

/*
 * The ingester's targets over its development corpus (seed/ingest/corpus), measured as `npm run ingest:eval`
 * measures them. These fail until the extraction rules reach the targets: that is the honest state.
 */

let run: EvalRun;
let folder: string;

beforeAll(async () => {
  run = await runEvaluation();
  folder = await mkdtemp(join(tmpdir(), 'ingest-quality-'));
}, 60_000);

afterAll(async () => {
  if (folder) await rm(folder, { recursive: true, force: true });
});

const target = (name: string) => {
  const result = targetResults(run.evaluation).find((t) => t.name === name);
  if (!result) throw new Error(`no target ${name}`);
  return result;
};

describe('the ingester over its corpus', () => {
  it('has every listed release (input and expected seed)', () => {
    expect(run.skipped).toEqual([]);
    expect(run.releases.length).toBeGreaterThanOrEqual(4);
  });

  it.each(['entities F1', 'relationships F1', 'money precision'])('meets the target %s', (name) => {
    const { value, min } = target(name);
    expect(value, `${name}: run npm run ingest:eval -- --verbose`).toBeGreaterThanOrEqual(min);
  });

  it('drafts seed files the loader accepts with zero errors', async () => {
    const files: string[] = [];
    await mkdir(join(folder, 'sources'), { recursive: true });
    for (const outcome of run.drafts) {
      if (!outcome.ok) continue;
      const file = join(folder, `${outcome.documentId}.yaml`);
      await writeFile(join(folder, outcome.seed.document.sourceFile), outcome.source.text);
      await writeFile(file, stringify(outcome.seed));
      files.push(file);
    }
    const validation = await validateSeedFiles(files);
    expect(validation.issues.format()).toBe('');
    expect(validation.ok).toBe(true);
  });
});
