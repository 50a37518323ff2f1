import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SeedFileData, SeedRecord } from '../../../seed/format.ts';
import { DEFAULT_CORPUS, defaultJsonPath, readCorpus } from '../../../seed/ingest/eval/corpus.ts';
import { evaluate, type ScoredRelease } from '../../../seed/ingest/eval/score.ts';

/** A tiny seed file: one document, one sentence every record cites. */
function seed(id: string, lists: Partial<Record<string, Partial<SeedRecord>[]>> = {}): SeedFileData {
  const cited = Object.fromEntries(
    Object.entries(lists).map(([list, records]) => [
      list,
      records?.map((record) => ({ cite: ['s1'], ...record })),
    ]),
  );
  return {
    document: {
      id,
      title: 'A release',
      date: '2024-05-02',
      sourceFile: `sources/${id}.txt`,
      place: 'Boston',
    },
    sentences: { s1: 'A sentence.' },
    ...cited,
  } as SeedFileData;
}

const one = (expected: SeedFileData, draft: SeedFileData): ScoredRelease[] => [{ id: 'r', expected, draft }];

const companies = [
  { id: 'immunogen', name: 'ImmunoGen, Inc.', aliases: ['ImmunoGen'] },
  { id: 'roche', name: 'Roche' },
];
const deal = (upfront: number, amount: number) => ({
  id: 'deal',
  name: 'Roche–ImmunoGen license',
  upfront,
  currency: 'USD',
  parties: [
    { ref: 'immunogen', role: 'LICENSOR' },
    { ref: 'roche', role: 'LICENSEE' },
  ],
  drugs: ['kadcyla'],
  milestones: [
    {
      id: 'approval-milestone',
      name: 'Approval milestone',
      amount,
      currency: 'USD',
      status: 'PENDING',
      cite: ['s1'],
    },
  ],
});
const full = (upfront = 20_000_000, amount = 10_500_000) =>
  seed('doc', {
    companies,
    drugs: [{ id: 'kadcyla', name: 'Kadcyla', aliases: ['T-DM1'], developers: ['roche'] }],
    partnerships: [deal(upfront, amount)],
  });

describe('evaluate', () => {
  it('scores a draft equal to the expected seed 1.0 everywhere', () => {
    const result = evaluate(one(full(), full()));
    expect(result.entities).toMatchObject({ tp: 5, fp: 0, fn: 0, f1: 1 });
    expect(result.relationships).toMatchObject({ fp: 0, fn: 0, f1: 1 });
    expect(result.relationships.tp).toBeGreaterThan(0);
    expect(result.money).toMatchObject({ tp: 2, precision: 1, recall: 1 });
    expect(result.documentFields).toMatchObject({ precision: 1, recall: 1 });
    expect(result.misses).toEqual([]);
  });

  it('lowers entity recall, not precision, for a missing entity', () => {
    const draft = seed('doc', { companies: [companies[0] as Partial<SeedRecord>] });
    const result = evaluate(one(seed('doc', { companies }), draft));
    expect(result.entities).toMatchObject({ tp: 1, fp: 0, fn: 1, precision: 1, recall: 0.5 });
    expect(result.byLabel.Company?.recall).toBe(0.5);
    expect(result.misses).toContainEqual(
      expect.objectContaining({ kind: 'FN', what: 'entity', label: 'Company' }),
    );
  });

  it('counts a wrong amount against money precision', () => {
    const result = evaluate(one(full(), full(25_000_000)));
    expect(result.money).toMatchObject({ tp: 1, fp: 1, fn: 1, precision: 0.5 });
    expect(result.byMoneyField.upfront).toMatchObject({ tp: 0, fp: 1 });
    expect(result.misses).toContainEqual(
      expect.objectContaining({ kind: 'WRONG', label: 'Partnership.upfront' }),
    );
  });

  it('does not align a milestone whose amount differs (no trigger to go by)', () => {
    const result = evaluate(one(full(), full(20_000_000, 10_000_000)));
    expect(result.byLabel.Milestone).toMatchObject({ tp: 0, fp: 1, fn: 1 });
    expect(result.money.precision).toBe(0.5);
  });

  it('matches by any name or alias, and companies without their legal form', () => {
    const expected = seed('doc', {
      companies: [{ id: 'immunogen', name: 'ImmunoGen, Inc.' }],
      drugs: [{ id: 'kadcyla', name: 'Kadcyla', aliases: ['trastuzumab emtansine', 'T-DM1'] }],
    });
    const draft = seed('doc', {
      companies: [{ id: 'immunogen-inc', name: 'ImmunoGen Inc' }],
      drugs: [{ id: 't-dm1', name: 'T-DM1' }],
    });
    expect(evaluate(one(expected, draft)).entities).toMatchObject({ tp: 2, fp: 0, fn: 0 });
  });

  it('knows an entity stated by id only by its names in the other files of its side', () => {
    const releases: ScoredRelease[] = [
      { id: 'r1', expected: seed('e1', { companies }), draft: seed('d1', { companies }) },
      {
        id: 'r2',
        expected: seed('e2', { companies: [{ id: 'roche', ticker: 'RHHBY' }] }),
        draft: seed('d2', { companies: [{ id: 'roche', ticker: 'RHHBY' }] }),
      },
    ];
    const result = evaluate(releases);
    expect(result.documents[1]?.entities).toMatchObject({ tp: 1, fp: 0, fn: 0 });
  });

  it('matches an indication by disease and biomarker', () => {
    const expected = seed('doc', {
      indications: [
        { id: 'hr', name: 'HR-positive breast cancer', disease: 'breast cancer', biomarker: 'HR-positive' },
        {
          id: 'her2',
          name: 'HER2-positive mBC',
          disease: 'breast cancer',
          biomarker: 'HER2-positive',
          setting: 'metastatic',
        },
      ],
    });
    const draft = seed('doc', {
      indications: [
        { id: 'x', name: 'Some name', disease: 'Breast Cancer', biomarker: 'HER2-positive' },
        { id: 'y', name: 'HR-positive breast cancer', disease: 'gastric cancer', biomarker: 'HR-positive' },
      ],
    });
    const result = evaluate(one(expected, draft));
    expect(result.byLabel.Indication).toMatchObject({ tp: 1, fp: 1, fn: 1 });
    expect(result.misses).toContainEqual(
      expect.objectContaining({ kind: 'FN', detail: expect.stringMatching(/^hr /) }),
    );
  });

  it('counts a relationship only when both of its ends align', () => {
    const expected = seed('doc', {
      companies,
      drugs: [{ id: 'kadcyla', name: 'Kadcyla', developers: ['roche'] }],
    });
    const draft = seed('doc', {
      companies: [...companies, { id: 'genentech', name: 'Genentech' }],
      drugs: [{ id: 'kadcyla', name: 'Kadcyla', developers: ['roche', 'genentech'] }],
    });
    const result = evaluate(one(expected, draft));
    expect(result.byType.DEVELOPS).toMatchObject({ tp: 1, fp: 1, fn: 0 });
  });

  it('scores every expected fact as missed when the ingester refused the release', () => {
    const result = evaluate([{ id: 'r', expected: full(), refused: 'no date' }]);
    expect(result.entities).toMatchObject({ tp: 0, fp: 0, fn: 5, recall: 0, f1: 0 });
    expect(result.documents[0]?.refused).toBe('no date');
  });
});

describe('the corpus manifests', () => {
  const holdout = join(
    import.meta.dirname,
    '..',
    '..',
    '..',
    'seed',
    'ingest',
    'corpus',
    'holdout',
    'holdout.yaml',
  );

  it('writes the development corpus to ingest-eval.json and another manifest to a file named for it', () => {
    expect(defaultJsonPath()).toBe(join('bench', 'results', 'ingest-eval.json'));
    expect(defaultJsonPath(DEFAULT_CORPUS)).toBe(join('bench', 'results', 'ingest-eval.json'));
    expect(defaultJsonPath(holdout)).toBe(join('bench', 'results', 'ingest-eval-holdout.json'));
    expect(defaultJsonPath('seed/ingest/corpus/holdout/holdout.yaml')).toBe(
      join('bench', 'results', 'ingest-eval-holdout.json'),
    );
  });

  it('reads the held-out set apart from the development corpus: its own releases, none shared', () => {
    const held = readCorpus(holdout);
    expect(held.skipped).toEqual([]);
    const heldIds = held.releases.map((release) => release.id);
    expect(heldIds).toEqual(['h-02', 'h-03', 'h-06', 'h-07', 'h-08', 'h-09']);
    expect(held.releases.find((release) => release.id === 'h-03')?.input).toMatch(/h-03\.html$/);
    const development = readCorpus().releases.map((release) => release.id);
    expect(development.filter((id) => heldIds.includes(id))).toEqual([]);
  });
});
