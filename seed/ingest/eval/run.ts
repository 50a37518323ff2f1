import { performance } from 'node:perf_hooks';
import { IssueList } from '../../issues.ts';
import { readSeedFile } from '../../read.ts';
import { type DraftOutcome, ingestFiles } from '../ingest.ts';
import { type CorpusRelease, DEFAULT_CORPUS, readCorpus, type SkippedRelease } from './corpus.ts';
import { type Evaluation, evaluate, type ScoredRelease } from './score.ts';

/** One evaluation of the ingester over the corpus: the drafts of one run, scored against the expected seeds. */
export interface EvalRun {
  corpus: string;
  releases: CorpusRelease[];
  skipped: SkippedRelease[];
  /** Problems of the expected seeds themselves (records the format refuses are left out of the scores). */
  expectedIssues: string;
  /** One outcome per release, in corpus order. */
  drafts: DraftOutcome[];
  evaluation: Evaluation;
  /** Time spent drafting (the ingester alone), in milliseconds. */
  ingestMs: number;
}

export async function runEvaluation(corpus = DEFAULT_CORPUS): Promise<EvalRun> {
  const { releases: listed, skipped } = readCorpus(corpus);
  const issues = new IssueList();
  const releases: CorpusRelease[] = [];
  const expected: ScoredRelease['expected'][] = [];
  for (const release of listed) {
    const read = await readSeedFile(release.expected, issues);
    if (read) {
      releases.push(release);
      expected.push(read.data);
    } else skipped.push({ id: release.id, reason: `expected seed ${release.expected} cannot be used` });
  }
  await issues.resolveLines();
  const started = performance.now();
  const drafts = await ingestFiles(releases.map((release) => release.input));
  const ingestMs = performance.now() - started;
  const scored = releases.map((release, index): ScoredRelease => {
    const outcome = drafts[index] as DraftOutcome;
    return outcome.ok
      ? { id: release.id, expected: expected[index] as ScoredRelease['expected'], draft: outcome.seed }
      : { id: release.id, expected: expected[index] as ScoredRelease['expected'], refused: outcome.reason };
  });
  return {
    corpus,
    releases,
    skipped,
    expectedIssues: issues.format(),
    drafts,
    evaluation: evaluate(scored),
    ingestMs,
  };
}
