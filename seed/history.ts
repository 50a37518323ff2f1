import { foldElement, type StatementProps } from '../server/model/fold.ts';
import type { NodeKind, RelationshipType } from '../server/model/kinds.ts';
import { compileSeedFile, type Origin, relationshipKey } from './compile.ts';
import { IssueList } from './issues.ts';
import { prepareSeedFile, type SeedFilesInMemory } from './validate.ts';

/**
 * Statements and their fold (docs/model.md, "History and provenance"). A statement is what one document says about
 * one subject (an entity, by id, or a relationship, by its key); the stored element is the fold of its statements
 * in document order, and a subject stated by two or more documents keeps each statement as a `:Statement` node.
 */

export interface Statement {
  subject: string;
  kind: 'node' | 'relationship';
  /** The entity's label or the relationship's type. */
  label: NodeKind | RelationshipType;
  document: string;
  /** The document's date, YYYY-MM-DD. */
  date: string;
  /** The properties the document states, citations aside. */
  values: Record<string, unknown>;
  citedIn: string[];
  /** Where a seed file states it (for warnings); absent for statements read from the graph. */
  at?: { file: string; origin: Origin };
}

/** Each subject's statements, in document order. */
export type History = Map<string, Statement[]>;

export const byDocumentOrder = (a: Statement, b: Statement) =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : a.document < b.document ? -1 : a.document > b.document ? 1 : 0;

/** A statement as a `:Statement` node stores it: its values, `citedIn`, and `_`-prefixed bookkeeping. */
export const storedStatement = (statement: Statement): StatementProps => ({
  ...statement.values,
  citedIn: statement.citedIn,
  _document: statement.document,
  _date: statement.date,
});

/**
 * The stored element of a subject: the fold the API also uses for "as of" answers (server/model/fold.ts), so the
 * loader's current state and the API's past states follow one rule. `statements` must be in document order.
 */
export function fold(statements: readonly Statement[]): Record<string, unknown> {
  if (!statements.length) throw new Error('fold needs at least one statement');
  return foldElement(statements.map(storedStatement));
}

export interface Disagreement {
  property: string;
  earlier: Statement;
  later: Statement;
}

/** Properties that two documents of the same date state differently (aliases accumulate, so they never do). */
export function sameDateDisagreements(statements: readonly Statement[]): Disagreement[] {
  const found: Disagreement[] = [];
  for (let i = 0; i < statements.length; i += 1) {
    for (let j = i + 1; j < statements.length; j += 1) {
      const [earlier, later] = [statements[i] as Statement, statements[j] as Statement];
      if (earlier.date !== later.date || earlier.document === later.document) continue;
      for (const [property, value] of Object.entries(later.values)) {
        if (property === 'aliases' || !(property in earlier.values)) continue;
        if (JSON.stringify(earlier.values[property]) !== JSON.stringify(value)) {
          found.push({ property, earlier, later });
        }
      }
    }
  }
  return found;
}

/** The warning for a same-date disagreement: both values, both documents, both citations. */
export function disagreementMessage({ property, earlier, later }: Disagreement): string {
  const side = (s: Statement) =>
    `${JSON.stringify(s.values[property])} (${s.document}, citing ${s.citedIn.join(', ')})`;
  return `${side(earlier)} and ${side(later)} are stated on the same day, ${later.date}; the value of ${later.document}, the later document id, is current until a curator decides`;
}

/** Reports each same-date disagreement of a history as a warning. */
export function warnDisagreements(history: History, warnings: IssueList): void {
  for (const statements of history.values()) {
    for (const disagreement of sameDateDisagreements(statements)) {
      const at = disagreement.later.at ?? disagreement.earlier.at;
      const record = `${disagreement.later.label} ${disagreement.later.subject}`;
      warnings.addLazy(() => ({
        file: at?.file ?? '(graph)',
        path: at?.origin.path,
        record,
        field: disagreement.property,
        message: disagreementMessage(disagreement),
      }));
    }
  }
}

/** Reads the files again and keeps the statements of `subjects`, in document order; warns where they disagree. */
export async function readHistory(
  files: readonly string[],
  subjects: ReadonlySet<string>,
  warnings: IssueList,
  inMemory?: SeedFilesInMemory,
): Promise<History> {
  const history: History = new Map();
  const keep = (statement: Statement) => {
    const list = history.get(statement.subject) ?? [];
    list.push(statement);
    history.set(statement.subject, list);
  };
  for (const file of files) {
    const prepared = await prepareSeedFile(file, new IssueList(1), inMemory);
    if (!prepared) continue;
    const { document } = prepared.read.data;
    const make = (
      subject: string,
      kind: Statement['kind'],
      label: Statement['label'],
      props: Record<string, unknown>,
      origin: Origin,
    ): Statement => {
      const { citedIn, ...values } = props;
      if (kind === 'node') delete values.id;
      return {
        subject,
        kind,
        label,
        document: document.id,
        date: document.date,
        values,
        citedIn: (citedIn as string[] | undefined) ?? [],
        at: { file, origin },
      };
    };
    compileSeedFile(prepared.read.data, prepared.source, {
      node(row, origin) {
        if (subjects.has(row.id)) keep(make(row.id, 'node', row.label, row.props, origin));
      },
      rel(row, origin) {
        const key = relationshipKey(row);
        if (subjects.has(key)) keep(make(key, 'relationship', row.type, row.props, origin));
      },
    });
  }
  for (const statements of history.values()) statements.sort(byDocumentOrder);
  warnDisagreements(history, warnings);
  await warnings.resolveLines();
  return history;
}
