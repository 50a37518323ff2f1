import * as chrono from 'chrono-node';
import type { z } from 'zod';
import type { DatePrecision } from '../../format.ts';

/**
 * Dates as a release states them, in the seed format's loose forms: only as precise as the text ("in January
 * 2025" is `2025-01`, MONTH; "by the end of 2013" is `2013`, BY_YEAR_END; "earlier this year" is the release's
 * year, YEAR). Full dates are read by chrono-node; the coarser forms by the small patterns below.
 */

export type Precision = z.infer<typeof DatePrecision>;

export interface StatedDate {
  date: string;
  datePrecision: Precision;
  /** Offsets of the words that state it in the text read. */
  start: number;
  end: number;
  /** Read against the release date ("earlier this year"): the release's date line states it too. */
  relative?: boolean;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_WORD =
  'Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|Mar(?:ch|\\.)?|Apr(?:il|\\.)?|May|June?|July?|Aug(?:ust|\\.)?|Sept?(?:ember|\\.)?|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?';
const ORDINAL: Record<string, number> = {
  first: 1,
  '1st': 1,
  second: 2,
  '2nd': 2,
  third: 3,
  '3rd': 3,
  fourth: 4,
  '4th': 4,
};
const YEAR = '((?:19|20)\\d{2})';

const pad = (n: number) => String(n).padStart(2, '0');
const monthOf = (word: string) => MONTHS.indexOf(word.slice(0, 3).toLowerCase()) + 1;
const yearOf = (release: string | undefined) => (release ? Number(release.slice(0, 4)) : undefined);

type Reading = (
  match: RegExpExecArray,
  release: string | undefined,
) => Omit<StatedDate, 'start' | 'end'> | undefined;

/** The coarser forms: each a pattern and how it reads against the release date (YYYY-MM-DD) when relative. */
const FORMS: readonly [RegExp, Reading][] = [
  // "by the end of 2013", "by year end", "by year-end 2024", "before the end of this year", "later this year"
  [
    new RegExp(
      `\\b(?:by|before|until)\\s+(?:the\\s+)?(?:end\\s+of\\s+(?:(?:the|this)\\s+year|${YEAR})|year[-\\s]?end(?:\\s+(?:of\\s+)?${YEAR})?|(?:the\\s+)?year's\\s+end)|\\blater\\s+this\\s+year\\b`,
      'gi',
    ),
    (m, release) => {
      const stated = m[1] ?? m[2];
      const year = stated ?? yearOf(release);
      return year ? { date: String(year), datePrecision: 'BY_YEAR_END', relative: !stated } : undefined;
    },
  ],
  // "in the third quarter of 2024", "Q3 2024", "3Q 2024"
  [
    new RegExp(`\\b(first|second|third|fourth|1st|2nd|3rd|4th)\\s+quarter\\s+(?:of\\s+)?${YEAR}\\b`, 'gi'),
    (m) => quarter(ORDINAL[(m[1] ?? '').toLowerCase()], m[2]),
  ],
  [
    new RegExp(`\\b(?:Q([1-4])|([1-4])Q)\\s*(?:of\\s+)?'?${YEAR}\\b`, 'g'),
    (m) => quarter(Number(m[1] ?? m[2]), m[3]),
  ],
  // The second half of a year ends with it; the first half or the middle has no precision of its own.
  [
    new RegExp(`\\b(?:second|2nd)\\s+half\\s+(?:of\\s+)?${YEAR}\\b|\\b(?:2H|H2)\\s*${YEAR}\\b`, 'gi'),
    (m) => ({ date: m[1] ?? m[2] ?? '', datePrecision: 'BY_YEAR_END' }),
  ],
  [
    new RegExp(`\\b(?:(?:first|1st)\\s+half\\s+(?:of\\s+)?|1H\\s*|H1\\s*|mid-?\\s*)${YEAR}\\b`, 'gi'),
    (m) => ({ date: m[1] ?? '', datePrecision: 'YEAR' }),
  ],
  // "in January 2025" (a month and year with no day: a full date is chrono's)
  [
    new RegExp(`\\b(${MONTH_WORD})\\s+(?:of\\s+)?${YEAR}\\b`, 'g'),
    (m) => ({ date: `${m[2]}-${pad(monthOf(m[1] ?? ''))}`, datePrecision: 'MONTH' }),
  ],
  // "in 2022", "during 2025", "for 2024"
  [
    new RegExp(
      `\\b(?:in|during|within|for|of)\\s+(?:(?:calendar|fiscal)\\s+(?:year\\s+)?)?${YEAR}\\b(?![-/])`,
      'gi',
    ),
    (m) => ({ date: m[1] ?? '', datePrecision: 'YEAR' }),
  ],
  [
    /\b(?:earlier\s+)?this\s+year\b/gi,
    (_m, release) => {
      const year = yearOf(release);
      return year ? { date: String(year), datePrecision: 'YEAR', relative: true } : undefined;
    },
  ],
  [
    /\blast\s+year\b/gi,
    (_m, release) => {
      const year = yearOf(release);
      return year ? { date: String(year - 1), datePrecision: 'YEAR', relative: true } : undefined;
    },
  ],
  [
    /\b(?:earlier\s+)?this\s+month\b/gi,
    (_m, release) =>
      release ? { date: release.slice(0, 7), datePrecision: 'MONTH', relative: true } : undefined,
  ],
];

function quarter(
  n: number | undefined,
  year: string | undefined,
): Omit<StatedDate, 'start' | 'end'> | undefined {
  if (!n || !year) return undefined;
  return { date: `${year}-${pad((n - 1) * 3 + 1)}`, datePrecision: 'QUARTER' };
}

/** Full dates ("February 26, 2013", "Nov. 15, 2024", "2024-05-02") whose year, month and day the text gives. */
function fullDates(text: string): StatedDate[] {
  return chrono.en.strict
    .parse(text)
    .filter(
      (r) => WITH_YEAR.test(r.text) && ['year', 'month', 'day'].every((c) => r.start.isCertain(c as 'day')),
    )
    .map((r) => ({
      date: `${r.start.get('year')}-${pad(r.start.get('month') ?? 0)}-${pad(r.start.get('day') ?? 0)}`,
      datePrecision: 'DAY' as const,
      start: r.index,
      end: r.index + r.text.length,
    }));
}

/** chrono also reads "in the second" and "within 67 days" as days: a date stated in full writes its year. */
const WITH_YEAR = /\b(?:19|20)\d{2}\b/;

/** Every form below names a year, "this/last year/month" or a year end: a sentence without them has no date. */
const ANY_DATE = /(?:19|20)\d{2}|\b(?:this|last)\s+(?:year|month)\b|\byear(?:[-\s]?end|'s\s+end)\b/i;

/** A year with a month or digits before it: chrono (the costly part) is asked only then. */
const HAS_FULL_DATE = new RegExp(
  `(?:${MONTH_WORD}|\\d[-/.])[^]{0,12}(?:19|20)\\d{2}|(?:19|20)\\d{2}-\\d`,
  'i',
);

/**
 * The date a sentence states, the first in the text (the longest where two start together), read against the
 * release date for relative forms; undefined when it states none.
 */
export function statedDate(sentence: string, releaseDate?: string): StatedDate | undefined {
  return statedDates(sentence, releaseDate)[0];
}

/** Every date a sentence states, in text order, none overlapping an earlier one. */
export function statedDates(sentence: string, releaseDate?: string): StatedDate[] {
  if (!ANY_DATE.test(sentence)) return [];
  const found: StatedDate[] = HAS_FULL_DATE.test(sentence) ? fullDates(sentence) : [];
  for (const [pattern, read] of FORMS) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(sentence); m; m = pattern.exec(sentence)) {
      const reading = read(m, releaseDate);
      if (reading) found.push({ ...reading, start: m.index, end: m.index + m[0].length });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: StatedDate[] = [];
  for (const date of found) if (!kept.some((k) => date.start < k.end && k.start < date.end)) kept.push(date);
  return kept;
}

/** The first full date (YYYY-MM-DD) a text gives, as a release's date line does; undefined when none. */
export function releaseDate(text: string): string | undefined {
  return HAS_FULL_DATE.test(text) ? fullDates(text)[0]?.date : undefined;
}
