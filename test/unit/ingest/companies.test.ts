import { describe, expect, it } from 'vitest';
import { IngestRun } from '../../../seed/ingest/ingest.ts';
import { draftText, release } from './draftText.ts';

const companies = async (body: string) => (await draftText(release(body))).companies ?? [];
const names = async (body: string) => (await companies(body)).map((c) => c.name);

describe('the company rules', () => {
  it('reads a name with its legal form, ticker, exchange and appositive', async () => {
    const [company] = await companies(
      'Velora Therapeutics, Inc. (Nasdaq: VLRA), a clinical-stage biotechnology company developing ADCs, today announced a plan.',
    );
    expect(company).toMatchObject({
      id: 'velora-therapeutics',
      name: 'Velora Therapeutics, Inc.',
      ticker: 'VLRA',
      exchange: 'Nasdaq',
      companyType: 'BIOTECH',
    });
    expect(company?.aliases).toEqual(expect.arrayContaining(['Velora Therapeutics', 'VLRA']));
  });

  it('takes a defined short name and a ticker inside the same parenthesis', async () => {
    const [company] = await companies(
      'Suzhou Lanxin Biopharmaceutical Co., Ltd. ("Lanxin", HKEX: 2487) today announced approval. Lanxin will launch it.',
    );
    expect(company).toMatchObject({ name: 'Suzhou Lanxin Biopharmaceutical Co., Ltd.', ticker: '2487' });
    expect(company?.aliases).toContain('Lanxin');
  });

  it('knows large groups by their bare name, and "a member of the Roche Group"', async () => {
    const drafted = await companies(
      'Genentech, a member of the Roche Group, will market it; Amgen and Sanofi have partnerships with Acme Bio.',
    );
    const genentech = drafted.find((c) => c.id === 'genentech');
    expect(genentech?.memberOf).toBe('roche');
    expect(drafted.map((c) => c.id)).toEqual(
      expect.arrayContaining(['roche', 'amgen', 'sanofi', 'acme-bio']),
    );
  });

  it('does not take agencies, fields of work, possessives or headline capitals for companies', async () => {
    const found = await names(
      'Acme Bio, Inc. today announced that the European Medicines Agency validated it, said Jane Roe, Professor of Gynecologic Oncology at a university. Halvard’s Biologics License Application is under review.',
    );
    expect(found).toEqual(['Acme Bio, Inc.']);
  });

  it('resolves a company of an earlier release of the run, and says so', async () => {
    const run = new IngestRun();
    await draftText(
      release('Kestrel Oncology, Inc. (Nasdaq: KSTL) today announced a trial.'),
      'one.txt',
      run,
    );
    const outcome = await run.draft({
      file: 'two.txt',
      format: 'text',
      text: release('Kestrel Oncology today announced results; Kestrel will present them.'),
    });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const kestrel = outcome.seed.companies?.find((c) => c.id === 'kestrel-oncology');
    expect(kestrel?.name).toBeUndefined();
    expect(outcome.report.resolved.run).toBeGreaterThan(0);
  });
});
