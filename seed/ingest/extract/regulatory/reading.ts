import type { Analysis } from '../../analysis.ts';
import type { Agency } from '../../vocabulary.ts';
import { releaseDate } from '../dates.ts';
import { escapeRegExp } from '../mentions.ts';
import { agenciesIn, agencyNameSpelling, type Named } from '../regulators.ts';
import { EVENT_HINT } from './clauses.ts';
import type { Event } from './event.ts';

/** The regulatory events of one document as read so far, and what the rules look up while reading them. */
export interface RegulatoryReading {
  readonly analysis: Analysis;
  readonly events: Map<string, Event>;
  /** Sentence → the events it states or refers to, for "This decision is based on …". */
  readonly stated: Map<number, Event[]>;
  readonly release?: { date: string; sentence?: number };
  /** Agencies by id → how this document writes them: its short form if it uses it, its name if it spells it. */
  readonly agencyLabels: Map<string, { agency: string; agencyName?: string }>;
  readonly agenciesBySentence: Named<Agency>[][];
  /** Sentences that name an event already stated ("This event triggers …"). */
  readonly references: { event: Event; sentence: number; start: number; end: number }[];
  /** Trials named as an event's basis, with the sentence that says so. */
  readonly basis: { event: Event; trial: string; sentence: number }[];
}

/** A web address: its digits are no date line ("…/article/2012-11-06/…"). */
const ADDRESS = /https?:\/\/|www\./i;

export function regulatoryReading(analysis: Analysis): RegulatoryReading {
  const date = analysis.date;
  let release: RegulatoryReading['release'];
  if (date) {
    const sentence = analysis.sentences.findIndex(
      (s) => !ADDRESS.test(s.text) && /\d{4}/.test(s.text) && releaseDate(s.text) === date,
    );
    release = { date, sentence: sentence >= 0 ? sentence : undefined };
  }
  const agenciesBySentence = analysis.sentences.map((s) =>
    EVENT_HINT.test(s.text) ? agenciesIn(s.text) : [],
  );
  return {
    analysis,
    events: new Map(),
    stated: new Map(),
    release,
    agencyLabels: agencyLabels(agenciesBySentence),
    agenciesBySentence,
    references: [],
    basis: [],
  };
}

/** An agency is its short form where the document uses it ("FDA"), with the name it spells out. */
function agencyLabels(agenciesBySentence: Named<Agency>[][]): RegulatoryReading['agencyLabels'] {
  const labels: RegulatoryReading['agencyLabels'] = new Map();
  const byAgency = new Map<string, Named<Agency>[]>();
  for (const named of agenciesBySentence.flat()) {
    byAgency.set(named.entry.id, [...(byAgency.get(named.entry.id) ?? []), named]);
  }
  for (const [id, spellings] of byAgency) {
    const short = spellings.find((n) => usesShort(n));
    const full = spellings.find((n) => !usesShort(n));
    const agency = short ? short.entry.short : full ? agencyNameSpelling(full) : undefined;
    if (!agency) continue;
    const agencyName = short && full ? agencyNameSpelling(full) : undefined;
    labels.set(id, { agency, agencyName: agencyName !== agency ? agencyName : undefined });
  }
  return labels;
}

const usesShort = (named: Named<Agency>) =>
  new RegExp(`(?<![\\p{L}])${escapeRegExp(named.entry.short)}(?![\\p{L}])`, 'u').test(named.text);
