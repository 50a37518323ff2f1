import { locateRecords } from './read.ts';

/** One problem found in a seed file: where it is and what was expected. */
export interface SeedIssue {
  file: string;
  line?: number;
  column?: number;
  /** `Drug kadcyla`, or the path (`drugs[3]`) when the record has no usable id. */
  record?: string;
  /** The field inside the record, such as `payload` or `marketers[0].region`. */
  field?: string;
  message: string;
  /** The YAML path, or the id, of the record, when its line is found only if the issue is shown (resolveLines). */
  path?: (string | number)[];
  recordId?: string;
}

export const DEFAULT_ISSUE_LIMIT = 50;

/**
 * Collects issues across all files, keeping the first `limit` and counting the rest, so a file with 100,000
 * errors costs a counter, not 100,000 messages.
 */
export class IssueList {
  readonly kept: SeedIssue[] = [];
  count = 0;

  constructor(readonly limit = DEFAULT_ISSUE_LIMIT) {}

  add(issue: SeedIssue): void {
    this.count += 1;
    if (this.kept.length < this.limit) this.kept.push(issue);
  }

  /** Builds the issue only if it will be kept (finding a line number can cost a parse). */
  addLazy(make: () => SeedIssue): void {
    if (this.full) this.count += 1;
    else this.add(make());
  }

  /**
   * Finds the lines of the kept issues that have only a path, reading each of their files again: warnings keep no
   * file text in memory while a load runs, and only the ones shown cost a read.
   */
  async resolveLines(): Promise<void> {
    const byFile = new Map<string, SeedIssue[]>();
    for (const issue of this.kept) {
      if ((!issue.path && !issue.recordId) || issue.line !== undefined) continue;
      byFile.set(issue.file, [...(byFile.get(issue.file) ?? []), issue]);
    }
    for (const [file, issues] of byFile) {
      const lines = await locateRecords(
        file,
        issues.map((issue) => ({ path: issue.path, id: issue.recordId })),
      );
      issues.forEach((issue, index) => {
        Object.assign(issue, lines[index]);
        delete issue.path;
        delete issue.recordId;
      });
    }
  }

  get full(): boolean {
    return this.kept.length >= this.limit;
  }

  get omitted(): number {
    return this.count - this.kept.length;
  }

  /** One line per kept issue, then `… and N more`. */
  format(): string {
    const lines = this.kept.map(formatIssue);
    if (this.omitted > 0) lines.push(`… and ${this.omitted} more`);
    return lines.join('\n');
  }
}

export function formatIssue(issue: SeedIssue): string {
  const where = [issue.file, issue.line, issue.line === undefined ? undefined : issue.column]
    .filter((part) => part !== undefined)
    .join(':');
  const subject = [issue.record, issue.field === undefined ? undefined : `field ${issue.field}`]
    .filter(Boolean)
    .join(', ');
  return `${where}: ${subject ? `${subject}: ` : ''}${issue.message}`;
}

/** Thrown when validation fails: nothing was written. */
export class SeedValidationError extends Error {
  override name = 'SeedValidationError';
  constructor(readonly issues: IssueList) {
    super(
      `${issues.count} problem${issues.count === 1 ? '' : 's'} in the seed files; nothing was written.\n${issues.format()}`,
    );
  }
}

/** Thrown inside a write transaction, so that the transaction rolls back: the load or removal writes nothing. */
export class SeedWriteError extends Error {
  override name = 'SeedWriteError';
}

/** The executor wraps errors for API clients; the loader's own errors are for the person loading: unwrapped. */
export async function withSeedErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Error && error.cause instanceof SeedWriteError) throw error.cause;
    throw error;
  }
}
