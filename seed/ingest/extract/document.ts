import * as chrono from 'chrono-node';
import type { Analysis } from '../analysis.ts';

/**
 * The release itself: headline, date, dateline place, wire service. Datelines come in the wire services'
 * forms: `WALTHAM, Mass.--(BUSINESS WIRE)--`, `SAN DIEGO, Jan. 8, 2025 /PRNewswire/ --`,
 * `BOSTON, May 5, 2024 (GLOBE NEWSWIRE) --`, `Basel, Switzerland, 12 June 2024 –`, `WALTHAM, Mass. -- November 06, 2012`.
 */

const WIRES: readonly [RegExp, string][] = [
  [/business\s*wire/i, 'Business Wire'],
  [/pr\s*newswire/i, 'PR Newswire'],
  [/globe\s*newswire/i, 'GlobeNewswire'],
  [/accesswire/i, 'ACCESSWIRE'],
  [/marketwired/i, 'Marketwired'],
];
const WIRE_MARK =
  /\(\s*(?:BUSINESS WIRE|GLOBE NEWSWIRE|ACCESSWIRE|MARKETWIRED)\s*\)|\/\s*PRNewswire(?:-\w+)?\s*\//i;
/** The place that opens a dateline: capitals, commas, dots, `&`; up to the first date, wire mark or dash. */
const DATELINE =
  /^([A-Z][A-Za-z.'’&\- ]+?(?:,\s*[A-Z][A-Za-z.'’ ]+?)?)\s*(?:,\s*|\s+)?(?=--|–|—|\(|\/|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d|\d{1,2}\s+[A-Z][a-z]+\s+\d{4})/;
const DASH_END = /(?:--|–|—)\s*$/;
const DATE_ONLY = /^(?:[A-Z][a-z]+\.?\s+\d{1,2},\s*\d{4}|\d{1,2}\s+[A-Z][a-z]+\s+\d{4}|\d{4}-\d{2}-\d{2})$/;
const SOURCE_URL = /^Source:\s*(https?:\/\/\S+)/;
const URL_DATE = /(\d{4})[-/](\d{2})[-/](\d{2})/;
const PROVIDER = /^News Provided by (.+?)\.?$/i;

export function extractDocument(analysis: Analysis): void {
  const { sentences, draft } = analysis;
  let url: string | undefined;
  sentences.forEach((sentence, index) => {
    const text = sentence.text;
    const source = SOURCE_URL.exec(text);
    if (source && index < 3) url = source[1];
    else if (isDateline(text)) readDateline(analysis, index);
    else if (DATE_ONLY.test(text) && !analysis.date) {
      analysis.date = dayOf(text);
      if (analysis.date) draft.describeDocument({ date: analysis.date }, [index]);
    } else if (WIRES.some(([pattern]) => pattern.test(text)) && text.length < 30) {
      draft.describeDocument({ distributor: wireOf(text) }, [index]);
    } else {
      const provider = PROVIDER.exec(text);
      if (provider) draft.describeDocument({ provider: provider[1] }, [index]);
    }
  });
  const headline = sentences.findIndex((s) => isHeadline(s.text));
  if (headline >= 0) draft.describeDocument({ title: sentences[headline]?.text }, [headline]);
  const urlDate = url ? URL_DATE.exec(url) : null;
  if (url) draft.describeDocument({ url }, []);
  if (!analysis.date && urlDate) {
    analysis.date = `${urlDate[1]}-${urlDate[2]}-${urlDate[3]}`;
    draft.describeDocument({ date: analysis.date }, headline >= 0 ? [headline] : []);
  }
}

/** A dateline: a capitalised place and a wire mark or dash, at the start of a sentence of its own. */
function isDateline(text: string): boolean {
  if (text.length > 120 || !DATELINE.test(text)) return false;
  return (
    WIRE_MARK.test(text) ||
    DASH_END.test(text) ||
    /^[A-Z][A-Z .,&'-]+(?:,\s*[A-Z][a-z.]+)?\s*--\s*\w/.test(text)
  );
}

function readDateline(analysis: Analysis, index: number): void {
  const text = analysis.sentences[index]?.text ?? '';
  const place = DATELINE.exec(text)?.[1]?.replace(/[,\s]+$/, '');
  const wire = WIRES.find(([pattern]) => pattern.test(text))?.[1];
  const day = chrono.strict.parse(text)[0];
  if (day && !analysis.date) analysis.date = isoDay(day.start.date());
  analysis.draft.describeDocument(
    {
      place: place ? titleCasePlace(place) : undefined,
      distributor: wire,
      date: day ? analysis.date : undefined,
    },
    [index],
  );
}

function isHeadline(text: string): boolean {
  if (SOURCE_URL.test(text) || text.startsWith('(') || DATE_ONLY.test(text) || isDateline(text)) return false;
  if (WIRES.some(([pattern]) => pattern.test(text)) && text.length < 30) return false;
  return (
    text.length >= 20 &&
    text.length <= 300 &&
    /\b(?:Announces?|Reports?|Receives?|Enters?|to Acquire|Acquires?|Grants?|Approv|Accept|Present|Complet|Initiat|Doses?|Submit|Launch|Sign|Agree|Expand|Names?|Appoint|Provides?|Achieves?|Secures?)/i.test(
      text,
    )
  );
}

const wireOf = (text: string) => WIRES.find(([pattern]) => pattern.test(text))?.[1];

function dayOf(text: string): string | undefined {
  const parsed = chrono.strict.parseDate(text);
  return parsed ? isoDay(parsed) : undefined;
}

const isoDay = (date: Date) =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

/** `WALTHAM, Mass.` → `Waltham, Mass.`; `NEW YORK & TOKYO` → `New York & Tokyo`; mixed case stays. */
function titleCasePlace(place: string): string {
  return place
    .split(/(\s+|,|&|-)/)
    .map((word) => (/^[A-Z]{2,}$/.test(word) ? word[0] + word.slice(1).toLowerCase() : word))
    .join('');
}
