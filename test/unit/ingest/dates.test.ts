import { describe, expect, it } from 'vitest';
import { releaseDate, statedDate, statedDates } from '../../../seed/ingest/extract/dates.ts';

const RELEASE = '2013-09-20';
const read = (text: string) => {
  const date = statedDate(text, RELEASE);
  return date && { date: date.date, datePrecision: date.datePrecision };
};

describe('statedDate', () => {
  it.each([
    ['a PDUFA goal date of February 26, 2013', '2013-02-26', 'DAY'],
    ['On June 9, 2025, the NMPA approved', '2025-06-09', 'DAY'],
    ['a decision in January 2025', '2025-01', 'MONTH'],
    ['expected to close in the third quarter of 2024', '2024-07', 'QUARTER'],
    ['submission planned for Q4 2025', '2025-10', 'QUARTER'],
    ['expected by the end of 2013', '2013', 'BY_YEAR_END'],
    ['is expected by year end', '2013', 'BY_YEAR_END'],
    ['anticipated in the second half of 2025', '2025', 'BY_YEAR_END'],
    ['plans to submit in the first half of 2025', '2025', 'YEAR'],
    ['approved in 2022', '2022', 'YEAR'],
    ['approved for marketing in the US earlier this year', '2013', 'YEAR'],
    ['approved last year', '2012', 'YEAR'],
  ])('reads "%s" as %s, %s', (text, date, datePrecision) => {
    expect(read(text)).toEqual({ date, datePrecision });
  });

  it('reads no date where the text gives none, nor a span of time', () => {
    expect(read('within six months')).toBeUndefined();
    expect(read('A decision is expected within approximately 67 days')).toBeUndefined();
    expect(read('the FDA has approved Kadcyla')).toBeUndefined();
  });

  it('marks dates read against the release date as relative', () => {
    expect(statedDate('earlier this year', RELEASE)?.relative).toBe(true);
    expect(statedDate('by the end of 2013', RELEASE)?.relative).toBeFalsy();
  });

  it('gives every date of a sentence once, in text order', () => {
    const dates = statedDates(
      'submitted in January 2024, with a decision expected by the end of 2024',
      RELEASE,
    );
    expect(dates.map((d) => [d.date, d.datePrecision])).toEqual([
      ['2024-01', 'MONTH'],
      ['2024', 'BY_YEAR_END'],
    ]);
  });
});

describe('releaseDate', () => {
  it('reads the date line', () => {
    expect(releaseDate('WALTHAM, Mass. -- November 06, 2012')).toBe('2012-11-06');
    expect(releaseDate('BASEL, Switzerland, Nov. 15, 2024 (GLOBE NEWSWIRE) --')).toBe('2024-11-15');
    expect(releaseDate('Copenhagen, Denmark – 25 November 2024 – Oresund Bio')).toBe('2024-11-25');
    expect(releaseDate('WALTHAM, Mass.--(BUSINESS WIRE)--')).toBeUndefined();
  });
});
