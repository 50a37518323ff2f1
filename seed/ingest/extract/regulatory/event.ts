import type { z } from 'zod';
import type { EventStatus, EventType } from '../../../format.ts';
import type { Mention } from '../../analysis.ts';
import type { Agency, Region } from '../../vocabulary.ts';
import type { StatedDate } from '../dates.ts';
import type { Named } from '../regulators.ts';

/** A regulatory event as read: the statements of it, each from one clause. */

export type Type = z.infer<typeof EventType>;
export type Status = z.infer<typeof EventStatus>;

/** Kinds of event that are one event over time: a decision expected becomes the approval (or the rejection). */
export type Family = 'decision' | 'opinion' | 'filing' | 'withdrawal';
export const FAMILY: Record<Type, Family> = {
  APPROVAL: 'decision',
  DECISION_EXPECTED: 'decision',
  REJECTION: 'decision',
  POSITIVE_OPINION: 'opinion',
  NEGATIVE_OPINION: 'opinion',
  FILING: 'filing',
  WITHDRAWAL: 'withdrawal',
};

export interface Span {
  start: number;
  end: number;
}

/** One clause's statement of an event. */
export interface Statement {
  sentence: number;
  type: Type;
  status: Status;
  drug: Mention;
  region: Region;
  /** The text's spelling of the region, when it names it. */
  regionText?: string;
  agency?: Named<Agency>;
  date?: StatedDate;
  /** The words that state the event, for the mention. */
  cue: Span;
}

/** Where a statement's event happens: the regulator's region, the region the text names, or its application's. */
export type Where = Pick<Statement, 'region' | 'regionText' | 'agency'> & { byApplication?: boolean };

/** A statement as read, before the drug or region a clause leaves out is found. */
export type Raw = Omit<Statement, 'drug' | 'region'> & {
  drug?: Mention;
  region?: Region;
  byApplication?: boolean;
};

/** The event of a (drug, region, family): the statements that state it, in text order. */
export interface Event {
  key: string;
  id?: string;
  statements: Statement[];
}

export const within = (inner: Span, outer: Span) => inner.start >= outer.start && inner.end <= outer.end;

export function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
