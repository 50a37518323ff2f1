import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..', '..', '..');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'ctgov');

/** `npm run import:ctgov` as a user runs it, with --dry-run so that no database is needed. */
async function importCtgov(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(
      'node',
      ['--import', 'tsx', join(ROOT, 'seed', 'ctgov', 'cli.ts'), ...args],
      {
        cwd: ROOT,
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('npm run import:ctgov', () => {
  it('checks good records, reports every bad input on its own line, and says so in its exit code', async () => {
    const result = await importCtgov(
      '--dry-run',
      join(FIXTURES, 'studies'),
      join(FIXTURES, 'truncated.zip'),
      join(FIXTURES, 'malformed-json.txt'),
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /Checked \(nothing written\): 8 records read, 5 kept \(5 new, 0 updated, 0 unchanged\)/,
    );
    const problems = result.stdout.split('\n').filter((line) => line.startsWith('  '));
    expect(problems.some((line) => /truncated\.zip: .*truncated/.test(line))).toBe(true);
    expect(problems.some((line) => /malformed-json\.txt: malformed JSON at line \d+/.test(line))).toBe(true);
    expect(
      problems.some((line) => /NCT09000004 statusModule\.overallStatus: expected one of/.test(line)),
    ).toBe(true);
    expect(problems.some((line) => /no-nct-id\.json: skipped: no NCT id/.test(line))).toBe(true);
  }, 60_000);

  it('keeps only studies of an antibody–drug conjugate with --filter adc', async () => {
    const result = await importCtgov(
      '--dry-run',
      '--filter',
      'adc',
      join(FIXTURES, 'studies', 'NCT09000002.json'),
      join(FIXTURES, 'studies', 'NCT09000003.json'),
    );
    expect(result.stdout).toMatch(/2 records read, 1 kept .*1 left out by the filter/);
  }, 60_000);

  it('refuses an unknown filter as a usage error', async () => {
    const result = await importCtgov('--dry-run', '--filter', 'bispecific', join(FIXTURES, 'page.json'));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--filter takes "adc"');
  });
});
