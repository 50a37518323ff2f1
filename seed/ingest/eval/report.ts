import type { EvalRun } from './run.ts';
import type { Evaluation, Miss, Score } from './score.ts';

/** The ingester's targets over the whole corpus (issue 12). */
export const TARGETS = [
  { name: 'entities F1', at: (e: Evaluation) => e.entities.f1, min: 0.9 },
  { name: 'relationships F1', at: (e: Evaluation) => e.relationships.f1, min: 0.8 },
  { name: 'money precision', at: (e: Evaluation) => e.money.precision, min: 1 },
] as const;

/** Releases per second the ingester should draft on one core; reported, not checked (it depends on the machine). */
export const SPEED_TARGET = 20;

export interface TargetResult {
  name: string;
  value: number;
  min: number;
  pass: boolean;
}

export const targetResults = (evaluation: Evaluation): TargetResult[] =>
  TARGETS.map(({ name, at, min }) => ({ name, value: at(evaluation), min, pass: at(evaluation) >= min }));

export const releasesPerSecond = (run: EvalRun): number =>
  run.ingestMs === 0 ? Number.POSITIVE_INFINITY : run.releases.length / (run.ingestMs / 1000);

/** Everything the evaluation found, for --json. */
export function jsonReport(run: EvalRun) {
  return {
    corpus: run.corpus,
    releases: run.releases.map(({ id }) => id),
    skipped: run.skipped,
    refused: run.drafts.flatMap((outcome) =>
      outcome.ok ? [] : [{ file: outcome.file, reason: outcome.reason }],
    ),
    expectedIssues: run.expectedIssues || undefined,
    ingestMs: run.ingestMs,
    releasesPerSecond: releasesPerSecond(run),
    targets: targetResults(run.evaluation),
    ...run.evaluation,
  };
}

const number = (value: number) => value.toFixed(2);
const pad = (text: string, width: number) => text.padEnd(width);
const right = (text: string | number, width: number) => String(text).padStart(width);

const SCORE_HEADER = `${right('TP', 5)}${right('FP', 5)}${right('FN', 5)}${right('P', 7)}${right('R', 7)}${right('F1', 7)}`;
const scoreColumns = (s: Score) =>
  `${right(s.tp, 5)}${right(s.fp, 5)}${right(s.fn, 5)}${right(number(s.precision), 7)}${right(number(s.recall), 7)}${right(number(s.f1), 7)}`;

function scoreTable(title: string, rows: Record<string, Score | undefined>, total: Score): string[] {
  const width = Math.max(title.length, ...Object.keys(rows).map((key) => key.length + 2), 5) + 2;
  const lines = [`${pad(title, width)}${SCORE_HEADER}`];
  for (const [key, score] of Object.entries(rows).sort(([a], [b]) => a.localeCompare(b))) {
    if (score) lines.push(`${pad(`  ${key}`, width)}${scoreColumns(score)}`);
  }
  lines.push(`${pad('  all', width)}${scoreColumns(total)}`);
  return lines;
}

function documentTable(evaluation: Evaluation): string[] {
  const width = Math.max(10, ...evaluation.documents.map(({ id }) => id.length)) + 4;
  const f = (s: Score) =>
    `${right(number(s.precision), 6)}${right(number(s.recall), 6)}${right(number(s.f1), 6)}`;
  const lines = [
    `${pad('Documents', width)}${right('entities P/R/F1', 18)}   ${right('relationships P/R/F1', 18)}   money P`,
  ];
  for (const document of evaluation.documents) {
    const note = document.refused ? `   refused: ${document.refused}` : '';
    lines.push(
      `${pad(`  ${document.id}`, width)}${f(document.entities)}   ${f(document.relationships)}   ${right(number(document.money.precision), 7)}${note}`,
    );
  }
  return lines;
}

/** One line per miss, grouped by document: kind, what, label, detail. */
function missLines(misses: readonly Miss[]): string[] {
  const lines: string[] = [];
  let document: string | undefined;
  for (const miss of misses) {
    if (miss.document !== document) {
      document = miss.document;
      lines.push(`  ${document}`);
    }
    lines.push(`    ${pad(miss.kind, 6)}${pad(miss.what, 13)}${pad(miss.label, 26)}${miss.detail}`);
  }
  return lines;
}

/** The readable report: scores by kind, type, money property, document field and document; the targets. */
export function formatReport(run: EvalRun, options: { verbose?: boolean } = {}): string {
  const { evaluation } = run;
  const refused = run.drafts.filter((outcome) => !outcome.ok).length;
  const speed = releasesPerSecond(run);
  const lines = [
    `Ingester evaluation: ${run.releases.length} releases (${run.releases.length - refused} drafted, ${refused} refused), one run in ${run.ingestMs.toFixed(0)} ms (${speed.toFixed(0)} releases/s; target ≥ ${SPEED_TARGET})`,
    ...run.skipped.map(({ id, reason }) => `  left out ${id}: ${reason}`),
    ...(run.expectedIssues
      ? ['Problems in the expected seeds (bad records left out):', run.expectedIssues]
      : []),
    '',
    ...scoreTable('Entities', evaluation.byLabel, evaluation.entities),
    '',
    ...scoreTable('Relationships', evaluation.byType, evaluation.relationships),
    '',
    ...scoreTable('Money', evaluation.byMoneyField, evaluation.money),
    '',
    ...scoreTable('Document fields', evaluation.byDocumentField, evaluation.documentFields),
    '',
    ...documentTable(evaluation),
    '',
    'Targets',
    ...targetResults(evaluation).map(
      ({ name, value, min, pass }) =>
        `  ${pad(`${name} ≥ ${number(min)}`, 26)}${right(number(value), 6)}  ${pass ? 'pass' : 'MISS'}`,
    ),
  ];
  if (options.verbose) {
    lines.push('', `Misses (${evaluation.misses.length})`, ...missLines(evaluation.misses));
  }
  return lines.join('\n');
}
