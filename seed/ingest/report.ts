import { RECORD_LISTS } from '../format.ts';
import type { DraftOutcome, DraftReport } from './ingest.ts';

const LIST_OF_LABEL = new Map<string, string>([
  ...Object.entries(RECORD_LISTS).map(([list, { label }]) => [label, list] as [string, string]),
  ['Milestone', 'milestones'],
  ['Royalty', 'royalties'],
]);
const MAX_MISSES_SHOWN = 5;

/** The lines printed for one document: where its draft went, what it holds, and what to look at. */
export function formatReport(outcome: DraftOutcome, written?: string): string {
  if (!outcome.ok) return `✗ ${outcome.file}: ${outcome.reason}; nothing written`;
  const { report } = outcome;
  const lines = [`✓ ${outcome.file} → ${written ?? outcome.documentId}`];
  lines.push(`  drafted: ${drafted(report)}; ${report.relationships} relationships`);
  const { graph, run, new: fresh } = report.resolved;
  lines.push(
    `  entities: ${graph} already in the graph, ${run} from earlier documents of this run, ${fresh} new`,
  );
  if (report.likelyMisses.length) {
    lines.push(
      `  likely misses: ${report.likelyMisses.length} sentences name a known entity but gave no fact`,
    );
    for (const sentence of report.likelyMisses.slice(0, MAX_MISSES_SHOWN))
      lines.push(`    · ${abbreviate(sentence)}`);
    if (report.likelyMisses.length > MAX_MISSES_SHOWN) {
      lines.push(`    · … and ${report.likelyMisses.length - MAX_MISSES_SHOWN} more`);
    }
  }
  return lines.join('\n');
}

function drafted(report: DraftReport): string {
  const parts = Object.entries(report.entities)
    .sort(([, a], [, b]) => (b ?? 0) - (a ?? 0))
    .map(([label, count]) => `${LIST_OF_LABEL.get(label) ?? label} ${count}`);
  return parts.join(', ') || 'nothing';
}

const abbreviate = (text: string) => (text.length > 100 ? `${text.slice(0, 97)}…` : text);
