import { describe, expect, it } from 'vitest';
import { draftText } from './draftText.ts';

const BODY = 'Acme Therapeutics, Inc. (Nasdaq: ACME) today announced results.';

describe('the document rules', () => {
  it.each([
    ['WALTHAM, Mass.--(BUSINESS WIRE)--', 'Waltham, Mass.', 'Business Wire', undefined],
    [
      'SOUTH SAN FRANCISCO, Calif., March 3, 2025 /PRNewswire/ --',
      'South San Francisco, Calif.',
      'PR Newswire',
      '2025-03-03',
    ],
    ['BOSTON, May 5, 2024 (GLOBE NEWSWIRE) --', 'Boston', 'GlobeNewswire', '2024-05-05'],
    ['Basel, Switzerland, 12 June 2024 –', 'Basel, Switzerland', undefined, '2024-06-12'],
    [
      'BASEL, Switzerland & BOSTON--(BUSINESS WIRE)--May 6, 2024--',
      'Basel, Switzerland & Boston',
      'Business Wire',
      '2024-05-06',
    ],
    ['Tokyo, Japan (September 24, 2024) –', 'Tokyo, Japan', undefined, '2024-09-24'],
  ])('reads the dateline %s', async (dateline, place, distributor, date) => {
    const text = `Acme Therapeutics Announces Results\n${date ? '' : 'September 20, 2013\n'}\n${dateline} ${BODY}\n`;
    const { document } = await draftText(text);
    expect(document).toMatchObject({
      place,
      date: date ?? '2013-09-20',
      title: 'Acme Therapeutics Announces Results',
    });
    expect(document.distributor).toBe(distributor);
  });

  it('takes the date from the source address when the text has none', async () => {
    const text = `Source: https://example.com/2013-02-22-acme-news\n\nAcme Therapeutics Announces FDA Approval\nWALTHAM, Mass.--(BUSINESS WIRE)-- ${BODY}\n`;
    const { document } = await draftText(text);
    expect(document).toMatchObject({ date: '2013-02-22', url: 'https://example.com/2013-02-22-acme-news' });
  });

  it('names the company that announced as the publisher', async () => {
    const text = `Acme and Zeta Sign a Deal\n\nBOSTON, May 5, 2024 /PRNewswire/ -- ${BODY}\n`;
    const seed = await draftText(text);
    expect(seed.document.publisher).toMatchObject({ ref: 'acme-therapeutics' });
  });

  it('refuses a release with no date it can read', async () => {
    await expect(draftText(`Acme Therapeutics Announces Results\n\n${BODY}\n`)).rejects.toThrow(
      /no release date/,
    );
  });

  it('refuses a dated release that states nothing it recognises', async () => {
    const text =
      'A Quiet Day Announced\n\nBOSTON, May 5, 2024 /PRNewswire/ -- Nothing of note happened today, and the weather was mild.\n';
    await expect(draftText(text)).rejects.toThrow(/states no fact/);
  });
});

describe('datelines of several places and other wire services', () => {
  it.each([
    ['LONDON and BOSTON, Jan. 5, 2026 /PRNewswire/ --', 'London and Boston', 'PR Newswire', '2026-01-05'],
    ['OSAKA, Mar 3, 2026 - (JCN Newswire) -', 'Osaka', 'JCN Newswire', '2026-03-03'],
  ])('reads %s', async (dateline, place, distributor, date) => {
    const text = `Acme Therapeutics Announces Results\n\n${dateline} ${BODY}\n`;
    expect((await draftText(text)).document).toMatchObject({ place, distributor, date });
  });

  it('takes the first full date near the top when there is no dateline', async () => {
    const text = `Acme Therapeutics Announces Results\nPublished 12 March 2026\n\n${BODY}\n`;
    expect((await draftText(text)).document.date).toBe('2026-03-12');
  });
});
