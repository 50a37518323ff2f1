import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../../seed/issues.ts';
import { defaultSeedFiles } from '../../../seed/load.ts';
import { normalizeSourceText, validateSeedFiles } from '../../../seed/validate.ts';
import { SOURCE, seedYaml, VALID_BODY, writeSeedFiles } from './helpers.ts';

/** Validates the files and returns the formatted problems. */
async function problems(files: Record<string, string>, source = SOURCE) {
  const paths = await writeSeedFiles(files, source);
  const result = await validateSeedFiles(paths);
  return { result, paths, lines: result.issues.kept.map(formatIssue) };
}

describe('seed validation', () => {
  it('accepts the Kadcyla seed', async () => {
    const result = await validateSeedFiles(await defaultSeedFiles());
    expect(result.issues.format()).toBe('');
    expect(result.ok).toBe(true);
    const drugs = [...result.subjects.nodes].filter(([, label]) => label === 'Drug').map(([id]) => id);
    expect(drugs.sort()).toEqual(['herceptin', 'kadcyla']);
    expect(result.history.get('kadcyla')?.length).toBe(4);
    expect(result.documents.size).toBe(4);
  });

  it('accepts a small valid file', async () => {
    const { result, lines } = await problems({ a: seedYaml('doc-a', VALID_BODY) });
    expect(lines).toEqual([]);
    expect(result.nodes).toMatchObject({
      Company: 2,
      Drug: 1,
      Partnership: 1,
      Sentence: 3,
      SourceDocument: 1,
    });
    expect(result.relationships).toMatchObject({ PARTY_TO: 2, DEVELOPS: 1, TARGETS: 1, IN_DOCUMENT: 3 });
  });

  it('reports YAML syntax errors with line and column', async () => {
    const { result, paths, lines } = await problems({
      a: seedYaml('doc-a', 'companies:\n  - id: x\n    name: [unclosed\n'),
    });
    expect(result.ok).toBe(false);
    expect(lines[0]).toMatch(new RegExp(`^${escapeRegExp(paths[0])}:\\d+:\\d+: YAML syntax`));
  });

  it('reports a duplicate key as a YAML error', async () => {
    const { lines } = await problems({ a: seedYaml('doc-a', 'companies: []\ncompanies: []\n') });
    expect(lines[0]).toMatch(/:11:1: YAML syntax: Map keys must be unique/);
  });

  it('reports a wrong type with file, line, record and field', async () => {
    const body = VALID_BODY.replace('modality: ANTIBODY', 'modality: 42');
    const { paths, lines } = await problems({ a: seedYaml('doc-a', body) });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      new RegExp(
        `^${escapeRegExp(paths[0])}:\\d+:\\d+: Drug zumab, field modality: expected one of ADC, ANTIBODY`,
      ),
    );
  });

  it('reports a missing required field', async () => {
    const body = VALID_BODY.replace('    name: Zumab\n', '');
    const { lines } = await problems({ a: seedYaml('doc-a', body) });
    expect(lines).toEqual([
      expect.stringMatching(
        /:\d+:\d+: Drug zumab, field name: missing: a new Drug needs name, and no file states it$/,
      ),
    ]);
  });

  it('reports an unknown field', async () => {
    const body = VALID_BODY.replace('    name: Zumab\n', '    name: Zumab\n    colour: blue\n');
    const { lines } = await problems({ a: seedYaml('doc-a', body) });
    expect(lines).toEqual([expect.stringMatching(/Drug zumab, field colour: unknown field "colour"/)]);
  });

  it('reports a record without a usable id by its path', async () => {
    const body = VALID_BODY.replace('  - id: zumab\n', '  - id: Not An Id\n');
    const { lines } = await problems({ a: seedYaml('doc-a', body) });
    expect(lines[0]).toMatch(/Drug Not An Id, field id: expected an id/);
  });

  it('reports an unknown reference', async () => {
    const body = VALID_BODY.replace('developers: [acme-bio]', 'developers: [acme-biotech]');
    const { lines } = await problems({ a: seedYaml('doc-a', body) });
    expect(lines).toEqual([
      expect.stringMatching(
        /:\d+:\d+: Drug zumab, field developers\[0\]: unknown id "acme-biotech" \(expected the id of a Company/,
      ),
    ]);
  });

  it('reports a reference to the wrong kind', async () => {
    const body = VALID_BODY.replace('developers: [acme-bio]', 'developers: [zumab-target]');
    const { lines } = await problems({ a: seedYaml('doc-a', body) });
    expect(lines).toEqual([
      expect.stringMatching(
        /Drug zumab, field developers\[0\]: "zumab-target" is a Target; expected a Company/,
      ),
    ]);
  });

  it('resolves references across files, in either order', async () => {
    const companies = VALID_BODY.split('targets:')[0] as string;
    const rest = `targets:${VALID_BODY.split('targets:').slice(1).join('targets:')}`;
    const { lines } = await problems({ b: seedYaml('doc-b', rest), a: seedYaml('doc-a', companies) });
    expect(lines).toEqual([]);
  });

  it('lets a second document add to an entity of the first, and keeps both statements', async () => {
    const { result, lines } = await problems({
      a: seedYaml('doc-a', VALID_BODY),
      b: seedYaml(
        'doc-b',
        'drugs:\n  - id: zumab\n    aliases: [ZB-1]\n    highestPhase: PHASE_2\n    cite: [targets]\n',
      ).replace('date: 2020-01-02', 'date: 2021-05-06'),
    });
    expect(lines).toEqual([]);
    const history = result.history.get('zumab') ?? [];
    expect(history.map((statement) => [statement.document, statement.date])).toEqual([
      ['doc-a', '2020-01-02'],
      ['doc-b', '2021-05-06'],
    ]);
    expect(history[1]?.values).toEqual({ aliases: ['ZB-1'], highestPhase: 'PHASE_2' });
  });

  it('reports an id used for two kinds, naming both files', async () => {
    const { paths, lines } = await problems({
      a: seedYaml('doc-a', VALID_BODY),
      b: seedYaml('doc-b', 'drugs:\n  - id: acme-bio\n    name: Acme\n    cite: [develops]\n'),
    });
    expect(lines).toEqual([
      expect.stringMatching(
        new RegExp(
          `^${escapeRegExp(paths[1])}:\\d+:\\d+: Drug acme-bio, field id: "acme-bio" is a Company in ${escapeRegExp(paths[0])}; one id is one entity`,
        ),
      ),
    ]);
  });

  it('reports an id stated twice in one file, and a document transcribed twice', async () => {
    const twice = VALID_BODY.replace(
      'targets:\n',
      '  - id: acme-bio\n    name: Acme again\n    cite: [develops]\ntargets:\n',
    );
    const { lines } = await problems({ a: seedYaml('doc-a', twice), b: seedYaml('doc-a', VALID_BODY) });
    expect(lines).toEqual([
      expect.stringMatching(
        /a\.yaml:\d+:\d+: Company acme-bio, field id: duplicate id "acme-bio": stated earlier in this file/,
      ),
      expect.stringMatching(
        /b\.yaml:\d+:\d+: SourceDocument doc-a, field id: duplicate document id: .*a\.yaml transcribes the same document/,
      ),
    ]);
  });

  it("requires a new entity's name from some document, not from each", async () => {
    const addition = 'drugs:\n  - id: newdrug\n    modality: ADC\n    cite: [develops]\n';
    const { lines } = await problems({ a: seedYaml('doc-a', VALID_BODY), b: seedYaml('doc-b', addition) });
    expect(lines).toEqual([
      expect.stringMatching(/b\.yaml:\d+:\d+: Drug newdrug, field name: missing: a new Drug needs name/),
    ]);
  });

  it('warns of likely duplicates by name or alias, ignoring case and accents', async () => {
    const twin = 'drugs:\n  - id: zumab-2\n    name: ZÜMAB\n    cite: [develops]\n';
    const { result, lines } = await problems({
      a: seedYaml('doc-a', VALID_BODY),
      b: seedYaml('doc-b', twin),
    });
    expect(lines).toEqual([]);
    expect(result.warnings.kept.map(formatIssue)).toEqual([
      expect.stringMatching(
        /b\.yaml:\d+:\d+: Drug zumab-2, field name: "ZÜMAB" is also the name or an alias of Drug zumab \("Zumab"\)/,
      ),
    ]);
  });

  it('warns when two documents of the same date disagree, naming both citations', async () => {
    const phase = (value: string) =>
      `drugs:\n  - id: zumab\n    highestPhase: ${value}\n    cite: [targets]\n`;
    const { result, lines } = await problems({
      a: seedYaml('doc-a', VALID_BODY),
      b: seedYaml('doc-b', phase('PHASE_2')),
      c: seedYaml('doc-c', phase('PHASE_3')),
    });
    expect(lines).toEqual([]);
    expect(result.warnings.kept.map(formatIssue)).toEqual([
      expect.stringMatching(
        /c\.yaml:\d+:\d+: Drug zumab, field highestPhase: "PHASE_2" \(doc-b, citing doc-b#targets\) and "PHASE_3" \(doc-c, citing doc-c#targets\) are stated on the same day, 2020-01-02; the value of doc-c/,
      ),
    ]);
  });

  it('reports an unknown sentence key', async () => {
    const body = VALID_BODY.replace('cite: [targets] }]', 'cite: [target] }]');
    const { lines } = await problems({ a: seedYaml('doc-a', body) });
    expect(lines).toEqual([
      expect.stringMatching(/Drug zumab, field targets\[0\]\.cite: unknown sentence key "target"/),
    ]);
  });

  it('reports a sentence that is not verbatim in the source', async () => {
    const yaml = seedYaml('doc-a', VALID_BODY).replace('Zumab targets HER2.', 'Zumab targets HER3.');
    const { lines } = await problems({ a: yaml });
    expect(lines).toEqual([
      expect.stringMatching(/:\d+:\d+: sentence targets: text not found verbatim in sources\/doc-a\.txt/),
    ]);
  });

  it('reports a missing source file', async () => {
    const yaml = seedYaml('doc-a', VALID_BODY).replace(
      'sourceFile: sources/doc-a.txt',
      'sourceFile: sources/nowhere.txt',
    );
    const { lines } = await problems({ a: yaml });
    expect(lines).toEqual([
      expect.stringMatching(/SourceDocument doc-a, field sourceFile: cannot read the source text/),
    ]);
  });

  it('reports a date whose precision does not match', async () => {
    const body = `${VALID_BODY}regulatoryEvents:
  - id: approval
    name: Approval
    eventType: APPROVAL
    status: COMPLETED
    date: '2020'
    datePrecision: DAY
    concerns: [zumab]
    cite: [develops]
`;
    const { lines } = await problems({ a: seedYaml('doc-a', body) });
    expect(lines).toEqual([
      expect.stringMatching(
        /RegulatoryEvent approval, field datePrecision: expected a date of the form YYYY-MM-DD/,
      ),
    ]);
  });

  it('reports the same relationship stated twice', async () => {
    const body = VALID_BODY.replace('developers: [acme-bio]', 'developers: [acme-bio, acme-bio]');
    const { lines } = await problems({ a: seedYaml('doc-a', body) });
    expect(lines).toEqual([
      expect.stringMatching(/Drug zumab, field developers\[1\]: states the same DEVELOPS relationship/),
    ]);
  });

  it('reports every problem of every file at once', async () => {
    const broken = VALID_BODY.replace('modality: ANTIBODY', 'modality: PILL').replace(
      'drugs: [zumab]',
      'drugs: [nobody]',
    );
    const { result } = await problems({
      a: seedYaml('doc-a', broken),
      b: seedYaml('doc-b', 'companies: 3\n'),
    });
    expect(result.issues.count).toBe(3);
  });

  it('caps the kept problems and counts the rest (100,000 errors)', { timeout: 30_000 }, async () => {
    const records = Array.from(
      { length: 100_000 },
      (_, i) => `  - { id: c${i}, name: C, cite: [nope] }`,
    ).join('\n');
    const { result } = await problems({ a: seedYaml('doc-a', `companies:\n${records}\n`) });
    expect(result.issues.count).toBe(100_000);
    expect(result.issues.kept).toHaveLength(50);
    expect(result.issues.format()).toMatch(/… and 99950 more$/);
  });

  it('reads a source with backslash escapes and line breaks as plain text', () => {
    expect(normalizeSourceText('a \\$5 million\n  payment')).toBe('a $5 million payment');
  });

  it('refuses a file that is not a map', async () => {
    const paths = await writeSeedFiles({ a: '- just\n- a list\n' });
    await writeFile(join(dirname(paths[0] as string), 'sources', 'a.txt'), SOURCE);
    const result = await validateSeedFiles(paths);
    expect(result.issues.kept.map(formatIssue)).toEqual([
      expect.stringMatching(/expected a map with `document`/),
    ]);
  });
});

const escapeRegExp = (text: string | undefined) => (text ?? '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
