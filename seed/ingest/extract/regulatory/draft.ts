import type { Mention } from '../../analysis.ts';
import { slug } from '../../registry.ts';
import type { Region } from '../../vocabulary.ts';
import type { StatedDate } from '../dates.ts';
import { type Event, FAMILY, type Family, type Statement, type Type, uniqueBy } from './event.ts';
import type { RegulatoryReading } from './reading.ts';
import { BASED_ON } from './references.ts';

/** The word of an event's id: the decision on a drug is its approval (kadcyla-us-approval-2013). */
const ID_WORD: Record<Family, string> = {
  decision: 'approval',
  opinion: 'opinion',
  filing: 'filing',
  withdrawal: 'withdrawal',
};
/** How an event's name reads: "<agency> <noun> <drug>". */
const NOUN: Record<Type, string> = {
  APPROVAL: 'approval of',
  DECISION_EXPECTED: 'decision on',
  REJECTION: 'complete response letter for',
  POSITIVE_OPINION: 'positive opinion on',
  NEGATIVE_OPINION: 'negative opinion on',
  FILING: 'review of',
  WITHDRAWAL: 'withdrawal of the application for',
};
/** The sentence after a filing that gives its indication. */
const PROPOSED_INDICATION = /^\s*The\s+(?:proposed\s+)?indication\b/i;

/** Drafts each event with its region, drugs and indications, then the references to it and its basis. */
export function draftEvents(reading: RegulatoryReading): void {
  for (const event of reading.events.values()) draftEvent(reading, event);
  for (const { event, sentence, start, end } of reading.references) {
    if (event.id) reading.analysis.mention({ label: 'RegulatoryEvent', id: event.id, sentence, start, end });
  }
  for (const { event, trial, sentence } of reading.basis) {
    if (event.id) reading.analysis.draft.link('regulatoryEvents', event.id, 'basedOn', trial, [sentence]);
  }
}

function draftEvent(reading: RegulatoryReading, event: Event): void {
  const { analysis, release } = reading;
  const { statements } = event;
  const decisive = statements.filter((s) => s.type !== 'DECISION_EXPECTED' && s.status === 'COMPLETED');
  const main = decisive[0] ?? statements[0];
  if (!main) return;
  const chosen = statements.filter((s) => s.type === main.type);
  const dated = chosen.find((s) => s.date);
  const date = dated?.date ?? (main.status === 'COMPLETED' ? releaseDay(reading) : undefined);
  const at = [...new Set(statements.map((s) => s.sentence))];
  const dateAt =
    (!dated || dated.date?.relative) && date && release?.sentence !== undefined ? [release.sentence] : [];
  const agency = statements.find((s) => s.agency)?.agency;
  const label = agency ? reading.agencyLabels.get(agency.entry.id) : undefined;
  const drugName = spelling(reading, main.drug);
  const where = label?.agency ?? main.regionText ?? statements.find((s) => s.regionText)?.regionText;
  const name = `${where ?? main.region.name} ${NOUN[main.type]} ${drugName}`;
  const year = date?.date.slice(0, 4) ?? release?.date.slice(0, 4);
  const proposedId = slug(
    `${main.drug.id}-${main.region.id}-${ID_WORD[FAMILY[main.type]]}${year ? `-${year}` : ''}`,
  );
  const id = analysis.entity(
    'regulatoryEvents',
    [name],
    {
      agency: label?.agency,
      agencyName: label?.agencyName,
      eventType: main.type,
      status: main.status,
      date: date?.date,
      datePrecision: date?.datePrecision,
    },
    [...at, ...dateAt],
    proposedId,
    [`regulatory event ${event.key}`],
  );
  event.id = id;
  const region = draftRegion(reading, main.region, statements);
  const { draft } = analysis;
  draft.link('regulatoryEvents', id, 'region', region, at);
  for (const drug of uniqueBy(statements, (s) => s.drug.id)) {
    draft.link('regulatoryEvents', id, 'concerns', drug.drug.id, at);
  }
  if (main.type === 'APPROVAL' && main.status === 'COMPLETED') {
    draft.link('regulatoryEvents', id, 'opensMarket', region, at);
  }
  linkIndications(reading, id, main.type, at);
  for (const s of statements) {
    analysis.mention({
      label: 'RegulatoryEvent',
      id,
      sentence: s.sentence,
      start: s.cue.start,
      end: s.cue.end,
    });
  }
}

/** The indications the event's sentences name (and, for a filing, "The proposed indication is …" after it). */
function linkIndications(reading: RegulatoryReading, id: string, type: Type, at: readonly number[]): void {
  const { analysis } = reading;
  const sentences = [...at];
  if (type === 'FILING') {
    for (const i of at)
      if (PROPOSED_INDICATION.test(analysis.sentences[i + 1]?.text ?? '')) sentences.push(i + 1);
  }
  for (const i of sentences.filter((i) => !BASED_ON.test(analysis.sentences[i]?.text ?? ''))) {
    for (const m of uniqueBy(analysis.mentionsIn(i, 'Indication'), (m) => m.id)) {
      analysis.draft.link('regulatoryEvents', id, 'covers', m.id, [i]);
    }
  }
}

/** The region's record: the vocabulary's name, the text's spellings as aliases. */
function draftRegion(reading: RegulatoryReading, region: Region, statements: readonly Statement[]): string {
  const spelled = statements.filter((s) => s.region.id === region.id && s.regionText);
  const names = [region.name, ...new Set(spelled.map((s) => s.regionText ?? ''))].filter(
    (n, i, all) => n && all.indexOf(n) === i,
  );
  const at = (spelled.length ? spelled : statements).map((s) => s.sentence);
  return reading.analysis.entity('regions', names, {}, at, region.id);
}

/** A completed event the text does not date happened on or before the release. */
function releaseDay(reading: RegulatoryReading): StatedDate | undefined {
  return reading.release
    ? { date: reading.release.date, datePrecision: 'ON_OR_BEFORE', start: 0, end: 0 }
    : undefined;
}

function spelling(reading: RegulatoryReading, mention: Mention): string {
  const text = reading.analysis.sentences[mention.sentence]?.text ?? '';
  return text.slice(mention.start, mention.end).replace(/\s+/g, ' ');
}
