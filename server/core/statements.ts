import type { Executor, Row } from '../db/executor.ts';
import { STATEMENTS_AS_OF } from './asOf.ts';

/** A node or relationship map of an as-of answer (see nodeMap, relationshipFields). */
interface ElementMap {
  /** Its subject key, when it was stated again after the day asked about. */
  restated?: unknown;
  /** Its statements up to that day, once read. */
  statements?: unknown;
}

/**
 * The second step of an as-of answer (see asOf.ts): the elements the rows flag as stated again after the day get
 * their statements up to it (`statements`, which toEntity and relationshipProperties fold), read for the whole
 * answer in one round trip. Nothing happens for today's answers, nor when no element was restated.
 */
export async function attachStatements(executor: Executor, rows: readonly Row[], asOf: string | null) {
  if (asOf === null) return;
  const flagged: ElementMap[] = [];
  collectFlagged(rows, flagged);
  if (flagged.length === 0) return;
  const subjects = [...new Set(flagged.map((element) => String(element.restated)))];
  const found = await executor.read(STATEMENTS_AS_OF, { subjects, asOf });
  const bySubject = new Map(found.map((row) => [String(row.subject), row.statements]));
  for (const element of flagged) {
    const statements = bySubject.get(String(element.restated));
    if (Array.isArray(statements) && statements.length > 0) element.statements = statements;
  }
}

function collectFlagged(value: unknown, into: ElementMap[]) {
  if (Array.isArray(value)) {
    for (const item of value) if (item !== null && typeof item === 'object') collectFlagged(item, into);
  } else if (value !== null && typeof value === 'object') {
    const map = value as Record<string, unknown>;
    if (typeof map.restated === 'string') into.push(map as ElementMap);
    for (const key in map) {
      const inner = map[key];
      if (inner !== null && typeof inner === 'object') collectFlagged(inner, into);
    }
  }
}
