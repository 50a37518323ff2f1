import type { Mention } from '../../analysis.ts';
import { type Region, vocabulary } from '../../vocabulary.ts';
import { type StatedDate, statedDates } from '../dates.ts';
import { regionsIn } from '../regulators.ts';
import { clauses, eventKinds, statusOf } from './clauses.ts';
import { type Raw, type Span, uniqueBy, type Where, within } from './event.ts';
import type { RegulatoryReading } from './reading.ts';

/** A condition, not an event: "upon FDA approval", "if approved", "pending approval". */
const CONDITION = /\b(?:upon|if|once|pending|on|after)\s+(?:[\w.'’-]+\s+){0,4}$/i;
/** An application that names its region when the text names no regulator ("Tianrui submitted the BLA"). */
const APPLICATION_REGION: readonly [RegExp, string][] = [
  [/\b(?:s?BLA|Biologics\s+License\s+Application)\b/, 'us'],
  [/\b(?:MAA|Marketing\s+Authori[sz]ation\s+Application)\b/i, 'eu'],
];
/** After these the drugs named are the population's treatments or comparators, not the event's drug. */
const DRUG_SCOPE_END =
  /\bfor\s+(?:the\s+)?(?:treatment|patients|people|adults?|use)\b|\b(?:in|to)\s+(?:combination|patients|adults|people)\b|\bwho\b|\bcompared\s+(?:to|with)\b|\bversus\b|\bbased\s+(?:up)?on\b/i;

/**
 * What sentence `index` states, clause by clause: a statement per regulator (or region) and drug the clause
 * names; one that names neither is the previous clause's or sentence's event told again ("with the filing
 * accepted in January 2025"; "A decision is anticipated in the second half of 2025").
 */
export function rawStatementsIn(reading: RegulatoryReading, index: number, before: readonly Raw[][]): Raw[] {
  const text = reading.analysis.sentences[index]?.text ?? '';
  const raws: Raw[] = [];
  for (const part of clauses(text).flatMap((clause) => byRegulator(reading, index, clause))) {
    const partText = text.slice(part.start, part.end);
    const kinds = eventKinds(partText);
    if (!kinds.length) continue;
    const scope = DRUG_SCOPE_END.exec(partText);
    const inScope = { start: part.start, end: part.start + (scope?.index ?? partText.length) };
    const wheres = wheresIn(reading, index, part, inScope);
    const drugs = drugsIn(reading, index, part, inScope);
    const status = statusOf(partText);
    const dates = statedDates(partText, reading.release?.date).filter((d) => !isDateLine(reading, index, d));
    const context = raws.at(-1) ?? before[index - 1]?.at(-1);
    for (const kind of kinds) {
      const cue = { start: part.start + kind.start, end: part.start + kind.end };
      if (CONDITION.test(text.slice(0, cue.start))) continue;
      // With an acceptance and a PDUFA date in one clause, the date is the decision's.
      const date = kinds.length > 1 && kind.type !== 'DECISION_EXPECTED' ? undefined : dates[0];
      const type = kind.type === 'APPROVAL' && status === 'EXPECTED' ? 'DECISION_EXPECTED' : kind.type;
      const told = {
        sentence: index,
        type,
        status: type === 'DECISION_EXPECTED' ? 'EXPECTED' : status,
        cue,
        date,
      };
      if (wheres.length) {
        for (const where of wheres) {
          if (drugs.length) for (const drug of drugs) raws.push({ ...told, ...where, drug });
          else raws.push({ ...told, ...where });
        }
      } else if (drugs.length) for (const drug of drugs) raws.push({ ...told, drug });
      else if (context?.region) {
        raws.push({
          ...told,
          region: context.region,
          agency: context.agency,
          drug: context.drug,
        });
      }
    }
  }
  return raws;
}

/** A clause cut where it names a regulator of another region ("FDA Complete Response Letter … and NMPA Acceptance"). */
function byRegulator(reading: RegulatoryReading, index: number, clause: Span): Span[] {
  const parts: Span[] = [];
  let region: string | undefined;
  for (const named of reading.agenciesBySentence[index]?.filter((a) => within(a, clause)) ?? []) {
    if (region !== undefined && named.entry.region !== region) {
      const last = parts.at(-1);
      if (last) last.end = named.start;
      parts.push({ start: named.start, end: clause.end });
    }
    region = named.entry.region;
  }
  return parts.length ? [{ start: clause.start, end: parts[0]?.start ?? clause.end }, ...parts] : [clause];
}

/** Where a clause's event is: its regulators' regions, else the regions it names, else its application's. */
function wheresIn(reading: RegulatoryReading, index: number, part: Span, inScope: Span): Where[] {
  const text = reading.analysis.sentences[index]?.text ?? '';
  const agencies = reading.agenciesBySentence[index]?.filter((a) => within(a, part)) ?? [];
  if (agencies.length) {
    return uniqueBy(agencies, (a) => a.entry.region).flatMap((agency) => {
      const region = regionById().get(agency.entry.region);
      return region ? [{ region, agency }] : [];
    });
  }
  const named = regionsIn(text.slice(inScope.start, inScope.end)).map((r) => ({
    region: r.entry,
    regionText: r.text.replace(/\s+/g, ' '),
  }));
  if (named.length) return uniqueBy(named, (w) => w.region.id);
  const application = APPLICATION_REGION.find(([pattern]) => pattern.test(text.slice(part.start, part.end)));
  const region = application && regionById().get(application[1]);
  return region ? [{ region, byApplication: true }] : [];
}

/** The drugs a clause is about: those named before its population or comparators (or the first it names). */
function drugsIn(reading: RegulatoryReading, index: number, part: Span, inScope: Span): Mention[] {
  const mentions = reading.analysis.mentionsIn(index, 'Drug').filter((m) => within(m, part));
  const scoped = mentions.filter((m) => m.start < inScope.end);
  return uniqueBy(scoped.length ? scoped : mentions.slice(0, 1), (m) => m.id);
}

/** The release's own date line inside a sentence ("Tokyo, Japan (September 24, 2024) – … has received approval"). */
function isDateLine(reading: RegulatoryReading, index: number, date: StatedDate): boolean {
  return index === reading.release?.sentence && date.date === reading.release.date;
}

let regions: Map<string, Region> | undefined;
const regionById = (): Map<string, Region> => {
  regions ??= new Map(vocabulary().regions.map((region) => [region.id, region]));
  return regions;
};
