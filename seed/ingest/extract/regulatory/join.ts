import type { Mention } from '../../analysis.ts';
import { EVENT_HINT } from './clauses.ts';
import { type Event, FAMILY, type Raw, type Statement, uniqueBy } from './event.ts';
import type { RegulatoryReading } from './reading.ts';
import { rawStatementsIn } from './statements.ts';

/** Boilerplate that names events only as risks. */
const FORWARD_LOOKING = /\bforward-looking\s+statements?\b/i;
/** How far back a sentence that names no drug looks for the one it is about. */
const LOOK_BACK = 3;

/**
 * The document's events: each sentence's statements, the complete ones first, then those a clause leaves
 * without a drug or a region, completed from the others.
 */
export function readEvents(reading: RegulatoryReading): void {
  const raws: Raw[][] = [];
  reading.analysis.sentences.forEach((sentence, index) => {
    const read = EVENT_HINT.test(sentence.text) && !FORWARD_LOOKING.test(sentence.text);
    raws.push(read ? rawStatementsIn(reading, index, raws) : []);
  });
  const all = raws.flat();
  for (const raw of all) if (raw.drug && raw.region) add(reading, raw as Statement);
  for (const raw of all) {
    if (!raw.drug || !raw.region)
      for (const statement of complete(reading, raw, raws)) add(reading, statement);
  }
}

/**
 * A statement that names no drug or no region, once every complete one is known. Without a region, it is
 * the document's one event of its drug and kind told again ("Kadcyla has been approved for the treatment of
 * …"). Without a drug ("A decision by the European Commission is expected by year end"): the drug another
 * clause of the sentence names, else that of the document's event of the same region (and kind), else the
 * document's only drug of any event, else, when it names its regulator or application, a sentence's just before.
 */
function complete(reading: RegulatoryReading, raw: Raw, raws: readonly Raw[][]): Statement[] {
  const events = [...reading.events.values()].reverse();
  const lead = (e: Event) => e.statements[0] as Statement;
  const family = FAMILY[raw.type];
  if (!raw.region) {
    const matching = events.filter(
      (e) => lead(e).drug.id === raw.drug?.id && FAMILY[lead(e).type] === family,
    );
    const event = matching.length === 1 ? matching[0] : undefined;
    return event && raw.drug
      ? [{ ...lead(event), ...raw, region: lead(event).region, drug: raw.drug, date: undefined }]
      : [];
  }
  const region = raw.region;
  const withDrug = (drugs: readonly Mention[]) =>
    uniqueBy(drugs, (d) => d.id).map((drug) => ({ ...raw, region, drug }));
  const sameSentence = (raws[raw.sentence] ?? []).flatMap((r) => (r.drug ? [r.drug] : []));
  if (sameSentence.length) return withDrug(sameSentence);
  const sameRegion = events.filter((e) => lead(e).region.id === region.id);
  const same = sameRegion.find((e) => FAMILY[lead(e).type] === family) ?? sameRegion[0];
  if (same) return withDrug([lead(same).drug]);
  const drugs = uniqueBy(
    events.map((e) => lead(e).drug),
    (d) => d.id,
  );
  if (drugs.length === 1) return withDrug(drugs);
  if (!raw.agency && !raw.byApplication) return [];
  for (let i = raw.sentence - 1; i >= Math.max(0, raw.sentence - LOOK_BACK); i--) {
    const mentioned = reading.analysis.mentionsIn(i, 'Drug');
    if (mentioned[0]) return withDrug([mentioned[0]]);
  }
  return [];
}

/** A statement joins the event of its drug, region and family, and its sentence states that event. */
function add(reading: RegulatoryReading, statement: Statement): void {
  const key = `${statement.drug.id}|${statement.region.id}|${FAMILY[statement.type]}`;
  const event = reading.events.get(key) ?? { key, statements: [] };
  reading.events.set(key, event);
  event.statements.push(statement);
  const here = reading.stated.get(statement.sentence) ?? [];
  if (!here.includes(event)) here.push(event);
  reading.stated.set(statement.sentence, here);
}
