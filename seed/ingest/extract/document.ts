import type { Analysis } from '../analysis.ts';
import { releaseDate } from './dates.ts';

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
/** "(BUSINESS WIRE)", "(GLOBE NEWSWIRE)", "(JCN Newswire)", "/PRNewswire/", "/PRNewswire-Asia/". */
const WIRE_MARKS = /\(\s*[A-Z][A-Za-z ]{0,20}(?:WIRE|[Ww]ire)\s*\)|\/\s*PRNewswire(?:-[\w-]+)?\s*\//g;
const MONTH = String.raw`(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?`;
const DATES = new RegExp(
  String.raw`\b${MONTH}\s+\d{1,2},?\s+\d{4}\b|\b\d{1,2}\s+${MONTH}\s+\d{4}\b|\b\d{4}-\d{2}-\d{2}\b`,
  'g',
);
/** Where a dateline may end: a dash (a hyphen only between spaces), or a PR Newswire mark. */
const SEPARATORS = /\s*(?:--|–|—)\s*|\s+-\s+|\s*\/\s*PRNewswire(?:-[\w-]+)?\s*\/\s*(?:--|–)?\s*/g;
/** What is left of a dateline without its date and wire mark: capitalised places, joined by "and" or "&". */
const PLACE = /^[A-Z][A-Za-z.'’-]*(?:[ ,]+(?:[A-Z][A-Za-z.'’-]*|&|and))*$/;
const DATE_LINE = new RegExp(
  String.raw`^(?:${MONTH}\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+${MONTH}\s+\d{4}|\d{4}-\d{2}-\d{2})\b.{0,40}$`,
);
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
    else if (index < 15 && !analysis.draft.hasDocumentField('place') && datelineOf(text))
      readDateline(analysis, index);
    else if (DATE_LINE.test(text) && !analysis.date) {
      analysis.date = releaseDate(text);
      if (analysis.date) draft.describeDocument({ date: analysis.date }, [index]);
    } else if (WIRES.some(([pattern]) => pattern.test(text)) && text.length < 30) {
      draft.describeDocument({ distributor: wireOf(text) }, [index]);
    } else {
      const provider = PROVIDER.exec(text);
      if (provider) draft.describeDocument({ provider: provider[1] }, [index]);
    }
  });
  const dateline = sentences.findIndex((s) => datelineOf(s.text) !== undefined);
  const beforeDateline = sentences.findIndex((s, i) => i < dateline && isTitleLike(s.text));
  if (!analysis.date) dateFromTheTop(analysis);
  const headline = beforeDateline >= 0 ? beforeDateline : sentences.findIndex((s) => isHeadline(s.text));
  if (headline >= 0) draft.describeDocument({ title: sentences[headline]?.text }, [headline]);
  const urlDate = url ? URL_DATE.exec(url) : null;
  if (url) draft.describeDocument({ url }, []);
  if (!analysis.date && urlDate) {
    analysis.date = `${urlDate[1]}-${urlDate[2]}-${urlDate[3]}`;
    draft.describeDocument({ date: analysis.date }, headline >= 0 ? [headline] : []);
  }
}

/**
 * The dateline a sentence opens with, if any: the longest prefix up to a separator that, without its dates and
 * wire mark, is only capitalised places ("BASEL, Switzerland & BOSTON"). A short sentence may be one whole.
 */
function datelineOf(text: string): { prefix: string; place: string } | undefined {
  const head = text.slice(0, 160);
  const ends = [...head.matchAll(SEPARATORS)].map((m) => m.index + m[0].length);
  if (text.length <= 80) ends.push(text.length);
  let found: { prefix: string; place: string } | undefined;
  for (const end of ends) {
    const prefix = head.slice(0, end);
    const place = placeOf(prefix);
    if (place && (hasDate(prefix) || hasWireMark(prefix) || /\b[A-Z]{4,}\b/.test(place)))
      found = { prefix, place };
  }
  return found;
}

const hasDate = (text: string) => text.search(DATES) >= 0;
const hasWireMark = (text: string) => text.search(WIRE_MARKS) >= 0;

function placeOf(prefix: string): string | undefined {
  const parts = prefix
    .replace(WIRE_MARKS, '|')
    .replace(DATES, '|')
    .replace(/\b\d{1,2}:\d{2}\s*(?:[AP]M)?[^|]*/g, '|')
    .split(/\s*(?:--|–|—|\s-\s|\||[()])\s*/)
    .map((part) => part.replace(/^[,\s]+|[,\s]+$/g, ''))
    .filter((part) => /[A-Za-z]/.test(part));
  const [place] = parts;
  return place && parts.length <= 2 && place.length <= 60 && PLACE.test(place) ? place : undefined;
}

function readDateline(analysis: Analysis, index: number): void {
  const text = analysis.sentences[index]?.text ?? '';
  const dateline = datelineOf(text);
  if (!dateline) return;
  const wire = wireOf(dateline.prefix);
  const day = releaseDate(dateline.prefix);
  if (day && !analysis.date) analysis.date = day;
  analysis.draft.describeDocument(
    { place: titleCasePlace(dateline.place), distributor: wire, date: day ? analysis.date : undefined },
    [index],
  );
}

/** No dateline or date line: the first full date near the top, as a reader would take it. */
function dateFromTheTop(analysis: Analysis): void {
  const top = analysis.sentences.slice(0, 6);
  const index = top.findIndex(({ text }) => !SOURCE_URL.test(text) && hasDate(text));
  const day = index >= 0 ? releaseDate(top[index]?.text ?? '') : undefined;
  if (!day) return;
  analysis.date = day;
  analysis.draft.describeDocument({ date: analysis.date }, [index]);
}

/** Not the source line, a date, a wire service's name or a parenthesis; long enough to be a headline. */
function isTitleLike(text: string): boolean {
  if (SOURCE_URL.test(text) || text.startsWith('(') || DATE_LINE.test(text)) return false;
  if (/\)$/.test(text) && !text.includes('(')) return false;
  if (hasDate(text) && text.length < 80) return false;
  if (datelineOf(text)?.prefix === text) return false;
  if (WIRES.some(([pattern]) => pattern.test(text)) && text.length < 30) return false;
  return text.length >= 20 && text.length <= 300;
}

const HEADLINE_VERB =
  /\b(?:Announces?|Reports?|Receives?|Enters?|to Acquire|Acquires?|Grants?|Approv|Accept|Present|Complet|Initiat|Doses?|Submit|Launch|Sign|Agree|Expand|Names?|Appoint|Provides?|Achieves?|Secures?)/i;

/** Without a dateline to stop at: the first title-like sentence with a headline's verb. */
const isHeadline = (text: string) => isTitleLike(text) && HEADLINE_VERB.test(text);

/** The wire service a text names: the known spelling, else the mark's own ("(JCN Newswire)" → JCN Newswire). */
function wireOf(text: string): string | undefined {
  const known = WIRES.find(([pattern]) => pattern.test(text))?.[1];
  if (known) return known;
  const mark = text.match(WIRE_MARKS)?.[0]?.replace(/[()/]/g, '').trim();
  return mark && /[a-z]/.test(mark) ? mark : undefined;
}

/** `WALTHAM, Mass.` → `Waltham, Mass.`; `NEW YORK & TOKYO` → `New York & Tokyo`; mixed case stays. */
function titleCasePlace(place: string): string {
  return place
    .split(/(\s+|,|&|-)/)
    .map((word) => (/^[A-Z]{2,}$/.test(word) ? word[0] + word.slice(1).toLowerCase() : word))
    .join('');
}
