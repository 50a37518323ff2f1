import { readFileSync } from 'node:fs';
import { buildSchema, type GraphQLEnumType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { compileSeedFile, type NodeRow } from '../../../seed/compile.ts';
import {
  ActualOrEstimated,
  RegistryPhase,
  RegistryStatus,
  SeedFile,
  type SeedFileData,
  SponsorClass,
  StudyType,
} from '../../../seed/format.ts';
import type { GraphLookup } from '../../../seed/graphLookup.ts';
import { fold, type Statement } from '../../../seed/history.ts';
import { formatIssue } from '../../../seed/issues.ts';
import { validateSeedFiles } from '../../../seed/validate.ts';
import type { NodeKind } from '../../../server/model/kinds.ts';
import { seedYaml, VALID_BODY, writeSeedFiles } from './helpers.ts';

/** A trial with every registry field (docs/model.md, Trial). */
const TRIAL = `trials:
  - id: zumab-101
    name: Zumab in HER2-positive cancer
    nctId: NCT01120184
    aliases: [NCT01120184]
    officialTitle: A Study of Zumab in HER2-Positive Cancer
    acronym: ZUMA
    studyType: INTERVENTIONAL
    registryStatus: ACTIVE_NOT_RECRUITING
    status: ONGOING
    phases: [PHASE1, PHASE2]
    phase: PHASE_1_2
    startDate: 2009-02
    startDateType: ACTUAL
    primaryCompletionDate: 2012-11-15
    primaryCompletionDateType: ACTUAL
    completionDate: 2026-12
    completionDateType: ESTIMATED
    enrollment: 991
    enrollmentType: ACTUAL
    lastUpdate: 2019-05-07
    tests: [{ ref: zumab, role: INVESTIGATIONAL }]
    cite: [develops]
`;

const parse = (yaml: Record<string, unknown>) => SeedFile.safeParse(yaml);

function trialFile(trial: Record<string, unknown>) {
  return {
    document: { id: 'doc-a', title: 'A', date: '2020-01-02', sourceFile: 'sources/doc-a.txt' },
    sentences: { s: 'S.' },
    trials: [{ id: 't', name: 'T', cite: ['s'], ...trial }],
  };
}

const messages = (result: ReturnType<typeof parse>) =>
  result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);

async function validate(files: Record<string, string>, graph?: GraphLookup) {
  const paths = await writeSeedFiles(files);
  const result = await validateSeedFiles(paths, graph ? { graph } : {});
  return { result, paths, lines: result.issues.kept.map(formatIssue) };
}

/** A graph that holds the drug and target of VALID_BODY, and the given sentences. */
const IN_GRAPH = new Map<string, NodeKind>([
  ['zumab', 'Drug'],
  ['zumab-target', 'Target'],
]);
const graphWith = (sentences: string[]): GraphLookup => ({
  isEmpty: async () => false,
  labelsOf: async (ids) => new Map([...IN_GRAPH].filter(([id]) => ids.includes(id))),
  sentencesIn: async (ids) => new Set(ids.filter((id) => sentences.includes(id))),
  entitiesNamed: async (names) => names.map(() => []),
  entitiesWith: async () => [],
});

describe('registry fields of a trial', () => {
  it('accepts every field and stores a sort date with each loose date', async () => {
    const { result, lines } = await validate({ a: seedYaml('doc-a', VALID_BODY + TRIAL) });
    expect(lines).toEqual([]);
    expect(result.ok).toBe(true);

    const data = parse({
      ...trialFile({
        startDate: '2009-02',
        startDateType: 'ACTUAL',
        completionDate: '2026',
        primaryCompletionDate: '2012-11-15',
      }),
    });
    expect(data.success).toBe(true);
    const rows: NodeRow[] = [];
    compileSeedFile(
      data.data as SeedFileData,
      { text: 'S.', sentences: new Map() },
      { node: (row) => rows.push(row), rel: () => {} },
    );
    expect(rows.find((row) => row.id === 't')?.props).toMatchObject({
      startDate: '2009-02',
      startDateType: 'ACTUAL',
      startSortDate: '2009-02-01',
      primaryCompletionSortDate: '2012-11-15',
      completionSortDate: '2026-01-01',
    });
  });

  it('refuses malformed values with what was expected', () => {
    expect(messages(parse(trialFile({ nctId: 'NCT123' })))).toEqual([
      'trials.0.nctId: expected an NCT id: "NCT" and 8 digits, such as NCT01120184',
    ]);
    expect(messages(parse(trialFile({ phases: ['PHASE_1'] })))[0]).toMatch(
      /^trials\.0\.phases\.0: .*EARLY_PHASE1/,
    );
    expect(messages(parse(trialFile({ registryStatus: 'ONGOING' })))[0]).toMatch(
      /^trials\.0\.registryStatus: .*NOT_YET_RECRUITING/,
    );
    expect(messages(parse(trialFile({ enrollment: -1 })))[0]).toMatch(/^trials\.0\.enrollment: /);
    expect(messages(parse(trialFile({ enrollment: 2.5 })))).toEqual([
      'trials.0.enrollment: expected a whole number',
    ]);
    expect(messages(parse(trialFile({ startDate: '2009-13' })))[0]).toMatch(/^trials\.0\.startDate: /);
    expect(messages(parse(trialFile({ lastUpdate: '2019-05' })))[0]).toMatch(/^trials\.0\.lastUpdate: /);
    expect(messages(parse(trialFile({ completionDateType: 'ACTUAL' })))).toEqual([
      'trials.0.completionDate: expected completionDate with completionDateType',
    ]);
    expect(messages(parse(trialFile({ enrollmentType: 'ESTIMATED' })))).toEqual([
      'trials.0.enrollment: expected enrollment with enrollmentType',
    ]);
  });

  it('has the same registry values as the API', () => {
    const schema = buildSchema(readFileSync('schema.graphql', 'utf8'));
    const values = (name: string) =>
      (schema.getType(name) as GraphQLEnumType).getValues().map((value) => value.name);
    for (const [name, zodEnum] of Object.entries({
      StudyType,
      RegistryStatus,
      RegistryPhase,
      ActualOrEstimated,
      SponsorClass,
    })) {
      expect(values(name), name).toEqual(zodEnum.options);
    }
  });

  it('gives companies a sponsor class', () => {
    const file = (sponsorClass: string) => ({
      document: { id: 'doc-a', title: 'A', date: '2020-01-02', sourceFile: 'sources/doc-a.txt' },
      sentences: { s: 'S.' },
      companies: [{ id: 'c', name: 'C', cite: ['s'], sponsorClass }],
    });
    expect(parse(file('INDUSTRY')).success).toBe(true);
    expect(messages(parse(file('PHARMA')))[0]).toMatch(/^companies\.0\.sponsorClass: .*INDUSTRY/);
  });

  it('keeps a finer trial date, and its type, when a later record states a coarser form', () => {
    const statement = (document: string, date: string, values: Record<string, unknown>): Statement => ({
      subject: 't',
      kind: 'node',
      label: 'Trial',
      document,
      date,
      values,
      citedIn: [`${document}#s`],
    });
    const props = fold([
      statement('v1', '2019-01-01', {
        startDate: '2009-02-15',
        startSortDate: '2009-02-15',
        startDateType: 'ACTUAL',
        completionDate: '2020-06',
        completionSortDate: '2020-06-01',
        completionDateType: 'ESTIMATED',
      }),
      statement('v2', '2020-01-01', {
        startDate: '2009-02',
        startSortDate: '2009-02-01',
        startDateType: 'ESTIMATED',
        completionDate: '2020-07-30',
        completionSortDate: '2020-07-30',
        completionDateType: 'ACTUAL',
      }),
    ]);
    expect(props).toMatchObject({
      startDate: '2009-02-15',
      startSortDate: '2009-02-15',
      startDateType: 'ACTUAL',
      completionDate: '2020-07-30',
      completionSortDate: '2020-07-30',
      completionDateType: 'ACTUAL',
    });
  });
});

/** A second document whose trial cites a sentence of doc-a. */
const citing = (cite: string, id = 'doc-b') => `document:
  id: ${id}
  title: Test document ${id}
  date: 2020-02-01
  sourceFile: sources/${id}.txt
sentences:
  targets: Zumab targets HER2.
drugs:
  - id: zumab
    targets: [{ ref: zumab-target, cite: [${cite}] }]
    cite: [targets]
`;

describe('citations of another document', () => {
  it('accepts a sentence another file of the load states, in either order, and cites it by its id', async () => {
    for (const order of [
      ['a', 'b'],
      ['b', 'a'],
    ]) {
      const all = { a: seedYaml('doc-a', VALID_BODY), b: citing('doc-a#targets') };
      const files = Object.fromEntries(order.map((name) => [name, all[name as 'a' | 'b']]));
      const { result, lines } = await validate(files);
      expect(lines).toEqual([]);
      expect(result.ok).toBe(true);
    }
    const data = parse({
      document: { id: 'doc-b', title: 'B', date: '2020-01-02', sourceFile: 'sources/doc-b.txt' },
      sentences: { s: 'S.' },
      drugs: [{ id: 'd', name: 'D', cite: ['s', 'doc-a#targets'] }],
    });
    expect(data.success).toBe(true);
    const rows: NodeRow[] = [];
    compileSeedFile(
      data.data as SeedFileData,
      { text: 'S.', sentences: new Map() },
      { node: (row) => rows.push(row), rel: () => {} },
    );
    expect(rows.find((row) => row.id === 'd')?.props.citedIn).toEqual(['doc-b#s', 'doc-a#targets']);
  });

  it('refuses a sentence the other file does not state, naming file, record, field and sentence', async () => {
    const { result, paths, lines } = await validate({
      a: seedYaml('doc-a', VALID_BODY),
      b: citing('doc-a#nothing'),
    });
    expect(result.ok).toBe(false);
    expect(lines).toEqual([
      expect.stringMatching(
        new RegExp(
          `^${paths[1]}:\\d+:\\d+: Drug zumab, field targets\\[0\\]\\.cite: unknown sentence "doc-a#nothing": ${paths[0]} states document doc-a but no sentence "nothing"$`,
        ),
      ),
    ]);
  });

  it('refuses a document no file states and the graph does not hold', async () => {
    const { paths, lines } = await validate({ b: citing('doc-z#targets') }, graphWith([]));
    expect(lines).toEqual([
      expect.stringMatching(
        new RegExp(
          `^${paths[0]}:\\d+:\\d+: Drug zumab, field targets\\[0\\]\\.cite: unknown sentence "doc-z#targets": no file of this load states document doc-z, and the graph holds no such sentence$`,
        ),
      ),
    ]);
    const alone = await validate({ b: citing('doc-z#targets') });
    expect(alone.lines).toContainEqual(
      expect.stringMatching(/unknown sentence "doc-z#targets": no file of this load states document doc-z$/),
    );
  });

  it('accepts a sentence only the graph holds', async () => {
    const { lines } = await validate({ b: citing('doc-a#targets') }, graphWith(['doc-a#targets']));
    expect(lines).toEqual([]);
  });

  it('explains a malformed entry', () => {
    const file = (cite: string[]) => ({
      document: { id: 'doc-a', title: 'A', date: '2020-01-02', sourceFile: 'sources/doc-a.txt' },
      sentences: { s: 'S.' },
      drugs: [{ id: 'd', name: 'D', cite }],
    });
    expect(messages(parse(file(['Doc-A#s'])))).toEqual([
      'drugs.0.cite.0: expected <document id>#<sentence key>: a document id (lower-case letters, digits, single dashes or dots), "#", then a sentence key (letters, digits, "-" or "_"), such as "inn-stem-table#deruxtecan"',
    ]);
    expect(messages(parse(file(['a key'])))[0]).toMatch(/^drugs\.0\.cite\.0: expected a sentence key: /);
  });
});
