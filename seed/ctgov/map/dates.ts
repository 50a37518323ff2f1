/** How far ahead a registry date may be (an estimated completion date) before it is taken for a typo. */
export const MAX_YEARS_AHEAD = 30;
export const EARLIEST_YEAR = 1900;

const LOOSE_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Today as YYYY-MM-DD (UTC). */
export const todayIso = (): string => new Date().toISOString().slice(0, 10);

/**
 * What is wrong with a registry date (`2009-02` or `2009-02-15`, a year alone too), or undefined: not a date,
 * before 1900, or more than 30 years after `today`. `day` asks for a full date.
 */
export function dateProblem(value: string, today: string, day = false): string | undefined {
  const match = LOOSE_DATE.exec(value);
  const form = day ? 'a date such as 2019-05-07' : 'a date such as 2009-02 or 2009-02-15';
  if (!match || (day && match[3] === undefined)) return `expected ${form}, got ${JSON.stringify(value)}`;
  const year = Number(match[1]);
  const month = match[2] === undefined ? 1 : Number(match[2]);
  const dayOfMonth = match[3] === undefined ? 1 : Number(match[3]);
  const date = new Date(Date.UTC(year, month - 1, dayOfMonth));
  if (
    month < 1 ||
    month > 12 ||
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== dayOfMonth
  ) {
    return `expected ${form}, got ${JSON.stringify(value)} (no such day)`;
  }
  if (year < EARLIEST_YEAR) return `expected a date from ${EARLIEST_YEAR} on, got ${JSON.stringify(value)}`;
  const latest = `${Number(today.slice(0, 4)) + MAX_YEARS_AHEAD}${today.slice(4)}`;
  const first = `${match[1]}-${match[2] ?? '01'}-${match[3] ?? '01'}`;
  if (first > latest) {
    return `expected a date at most ${MAX_YEARS_AHEAD} years ahead (by ${latest}), got ${JSON.stringify(value)}`;
  }
  return undefined;
}
