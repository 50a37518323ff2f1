import { describe, expect, it } from 'vitest';
import { draftText, release } from './draftText.ts';

const people = async (text: string) => (await draftText(text)).people ?? [];

describe('the people rules', () => {
  it('reads a quote, its speaker, title and company', async () => {
    const [person] = await people(
      release(
        'Velora Therapeutics, Inc. (Nasdaq: VLRA) today announced a deal.\n"This deal matters for patients," said Mariana Okafor, M.D., Chief Executive Officer of Velora. "We will move quickly."',
      ),
    );
    expect(person).toMatchObject({
      id: 'mariana-okafor',
      name: 'Mariana Okafor',
      aliases: ['Mariana Okafor, M.D.'],
    });
    expect(person?.worksFor).toEqual([{ ref: 'velora-therapeutics', title: 'Chief Executive Officer' }]);
    expect(person?.quotedIn).toEqual([
      expect.objectContaining({ ref: 'release', quote: 'This deal matters for patients' }),
    ]);
  });

  it('cites the whole paragraph of a quote, not only the sentence that names its speaker', async () => {
    const seed = await draftText(
      release(
        'Acme Therapeutics, Inc. (Nasdaq: ACME) today announced a deal.\n"This deal matters," said Dan Roe, Chief Executive Officer of Acme. "We will move quickly."',
      ),
    );
    const [person] = seed.people ?? [];
    const quoted = (person?.quotedIn ?? []) as { cite?: string[] }[];
    const cited = (quoted[0]?.cite ?? person?.cite ?? []).map((key) => seed.sentences[key]);
    expect(cited).toContain('"We will move quickly."');
  });

  it('gives a quote without a company to the publisher', async () => {
    const [person] = await people(
      release(
        'Acme Therapeutics, Inc. (Nasdaq: ACME) today announced a deal.\n"It is a big day," commented Dan Roe, President and CEO.',
      ),
    );
    expect(person?.worksFor).toEqual([{ ref: 'acme-therapeutics', title: 'President and CEO' }]);
  });

  it('reads contact blocks, one field per line or all on one line', async () => {
    const drafted = await people(
      `${release('Acme Therapeutics, Inc. (Nasdaq: ACME) today announced a deal.')}\nInvestor Contact:\nPriya Raman\nVice President, Investor Relations\nAcme Therapeutics, Inc.\nir@acme.com\n+1 (650) 555-0142\n\nMedia Contact:\nTom Reilly, Harbor Street Communications\ntreilly@harbor.com\n`,
    );
    expect(drafted.find((p) => p.id === 'priya-raman')).toMatchObject({
      email: 'ir@acme.com',
      phone: '+1 (650) 555-0142',
      worksFor: [{ ref: 'acme-therapeutics', title: 'Vice President, Investor Relations' }],
      contactFor: [{ ref: 'release', audience: 'INVESTORS' }],
    });
    expect(drafted.find((p) => p.id === 'tom-reilly')).toMatchObject({
      worksFor: ['harbor-street-communications'],
      contactFor: [{ ref: 'release', audience: 'MEDIA' }],
    });
  });
});

describe('contact headings', () => {
  it('reads "<Company> Investors:" blocks, field labels, and the audience from a title when the heading has none', async () => {
    const drafted = await people(
      `${release('Acme Therapeutics, Inc. (Nasdaq: ACME) and Zeta Pharma today announced a deal.')}\nAcme Investors:\nJane Park\n+1 646-555-0142\nir@acme.com\n\nFor further information, please contact:\nJonas Holm, Chief Financial Officer\nTel: +45 70 55 12 00\nE-mail: finance@acme.com\n`,
    );
    expect(drafted.find((p) => p.id === 'jane-park')).toMatchObject({
      contactFor: [{ ref: 'release', audience: 'INVESTORS' }],
      worksFor: ['acme-therapeutics'],
    });
    expect(drafted.find((p) => p.id === 'jonas-holm')).toMatchObject({
      phone: '+45 70 55 12 00',
      email: 'finance@acme.com',
      contactFor: [{ ref: 'release', audience: 'INVESTORS' }],
    });
  });
});
