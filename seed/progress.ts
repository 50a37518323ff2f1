import type { LoadPhase, LoadProgress, LoadSummary } from './load.ts';
import type { RemoveSummary } from './remove.ts';
import type { Outcome } from './write.ts';

/** Progress of a load: a redrawn bar on a terminal, a line every few seconds otherwise (CI logs, pipes). */
export function createProgressReporter(stream: NodeJS.WriteStream = process.stderr, intervalMs = 5_000) {
  const tty = Boolean(stream.isTTY);
  const started = performance.now();
  let lastLine = 0;
  let lastPhase: LoadPhase | undefined;
  let drawn = false;
  const labels: Record<LoadPhase, string> = {
    validate: 'validating',
    recover: 'checking for an interrupted load',
    reset: 'clearing the graph',
    write: 'writing',
    prune: 'removing what the files no longer hold',
    rollback: 'rolling back',
    finish: 'finishing',
  };
  const report = ({ phase, done, total }: LoadProgress) => {
    const now = performance.now();
    const seconds = (now - started) / 1000;
    if (phase !== 'write') {
      if (phase === lastPhase) return;
      lastPhase = phase;
      if (drawn) stream.write('\n');
      drawn = false;
      if (phase !== 'validate' || tty) stream.write(`${labels[phase]}…\n`);
      return;
    }
    lastPhase = phase;
    const fraction = total ? done / total : 1;
    const rate = Math.round(done / Math.max(seconds, 0.001));
    const text = `${(fraction * 100).toFixed(0).padStart(3)}% ${done.toLocaleString('en')}/${total.toLocaleString('en')} elements, ${rate.toLocaleString('en')}/s`;
    if (tty) {
      const width = 30;
      const filled = Math.round(fraction * width);
      stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${text}`);
      drawn = true;
      if (done >= total) {
        stream.write('\n');
        drawn = false;
      }
    } else if (now - lastLine >= intervalMs || done >= total) {
      lastLine = now;
      stream.write(`writing: ${text}\n`);
    }
  };
  return report;
}

/** The end-of-load summary: created, updated and unchanged per label and relationship type, time and rate. */
export function formatSummary(summary: LoadSummary): string {
  const { validation, stats } = summary;
  const lines: string[] = [];
  if (validation.warnings.count) {
    const count = validation.warnings.count;
    lines.push(
      `${count} warning${count === 1 ? '' : 's'} (loaded anyway):`,
      validation.warnings.format(),
      '',
    );
  }
  const files = validation.files.length;
  const seconds = summary.elapsedMs / 1000;
  if (summary.mode === 'dry-run') {
    lines.push(`Dry run: ${files} file${files === 1 ? '' : 's'} valid; nothing written.`);
    const table = (entries: [string, number | undefined][]) =>
      entries.map(([name, count]) => `  ${name.padEnd(20)} ${String(count ?? 0).padStart(9)}`);
    lines.push('Nodes:', ...table(Object.entries(validation.nodes)));
    lines.push('Relationships:', ...table(Object.entries(validation.relationships)));
    lines.push(`${validation.elements.toLocaleString('en')} elements, checked in ${seconds.toFixed(1)} s.`);
    return lines.join('\n');
  }
  const outcomes: Outcome[] = ['created', 'updated', 'unchanged'];
  const header = `  ${'kind'.padEnd(20)} ${outcomes.map((o) => o.padStart(9)).join(' ')}`;
  const rows = (table: Map<string, Record<Outcome, number>>) =>
    [...table].map(
      ([name, counts]) =>
        `  ${name.padEnd(20)} ${outcomes.map((o) => String(counts[o]).padStart(9)).join(' ')}`,
    );
  lines.push('Nodes:', header, ...rows(stats.nodes as Map<string, Record<Outcome, number>>));
  lines.push('Relationships:', header, ...rows(stats.relationships as Map<string, Record<Outcome, number>>));
  if (summary.pruned) {
    lines.push(
      `Removed (not in the files): ${summary.pruned.nodes} nodes, ${summary.pruned.relationships} relationships.`,
    );
  }
  const history = stats.statements;
  if (history.created + history.updated + history.unchanged) {
    lines.push(
      `History: ${history.created} statements created, ${history.updated} updated, ${history.unchanged} unchanged.`,
    );
  }
  const changed = stats.total('created') + stats.total('updated');
  lines.push(
    `${files} file${files === 1 ? '' : 's'}, ${validation.elements.toLocaleString('en')} elements ` +
      `(${stats.total('created').toLocaleString('en')} created, ${stats.total('updated').toLocaleString('en')} updated, ` +
      `${stats.total('unchanged').toLocaleString('en')} unchanged${changed === 0 ? ': nothing changed' : ''}) ` +
      `in ${seconds.toFixed(1)} s, ${Math.round(summary.elementsPerSecond).toLocaleString('en')} elements/s, ` +
      `${summary.mode === 'journalled' ? 'journalled batches' : 'one transaction'}.`,
  );
  return lines.join('\n');
}

/** What a `--remove` did. */
export function formatRemoval(summary: RemoveSummary): string {
  const lines: string[] = [];
  if (summary.absent.length)
    lines.push(`Not in the graph (nothing to remove): ${summary.absent.join(', ')}.`);
  if (!summary.removed.length) return lines.join('\n') || 'Nothing removed.';
  lines.push(
    `Removed ${summary.removed.join(', ')}: ${summary.deleted.nodes} entities and ${summary.deleted.relationships} relationships only ${summary.removed.length === 1 ? 'it' : 'they'} stated are gone; ` +
      `${summary.stats.total()} that other documents also state now hold what those say.`,
  );
  return lines.join('\n');
}
