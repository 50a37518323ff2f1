import { describe, expect, it } from 'vitest';
import { IngestRun } from '../../../seed/ingest/ingest.ts';
import { draftText, release } from './draftText.ts';

const draft = (body: string, run?: IngestRun) => draftText(release(body), 'release.txt', run);
const drugs = async (body: string) => (await draft(body)).drugs ?? [];
const refs = (links: unknown) =>
  ((links ?? []) as (string | { ref: string })[]).map((l) => (typeof l === 'string' ? l : l.ref));

describe('the drug rules', () => {
  it('ties a brand, its INN and a former code name into one drug (Kadcyla)', async () => {
    const [drug] = await drugs(
      'ImmunoGen, Inc. (Nasdaq: IMGN) today announced positive decisions for Kadcyla (trastuzumab emtansine, formerly T-DM1) in the EU.',
    );
    expect(drug).toMatchObject({ name: 'Kadcyla', genericName: 'trastuzumab emtansine', modality: 'ADC' });
    expect(drug?.aliases).toEqual(expect.arrayContaining(['trastuzumab emtansine', 'T-DM1']));
  });

  it('reads antibody, payload, linker and target from an INN it has never seen whole', async () => {
    const seed = await draft(
      'Acme Therapeutics, Inc. (Nasdaq: ACME) today dosed the first patient with AC-101 (zanotuzumab deruxtecan).',
    );
    const [drug] = seed.drugs ?? [];
    expect(drug).toMatchObject({ name: 'AC-101', genericName: 'zanotuzumab deruxtecan', modality: 'ADC' });
    expect(refs([drug?.antibody])).toEqual(['zanotuzumab']);
    expect(seed.payloads?.[0]?.name).toBe('DXd');
    expect(seed.linkers?.[0]?.name).toBe('GGFG tetrapeptide-based linker');
  });

  it('prefers the parts the text names to those the stem implies, with their owners', async () => {
    const seed = await draft(
      "Roche and ImmunoGen, Inc. (Nasdaq: IMGN) announced news about Kadcyla®. Kadcyla consists of Roche's trastuzumab antibody and ImmunoGen's DM1 cytotoxic agent. The DM1 is attached to the antibody using one of ImmunoGen's linkers.",
    );
    const [drug] = seed.drugs ?? [];
    expect(refs([drug?.payload])).toEqual(['dm1']);
    expect(seed.linkers?.map((l) => l.name)).toEqual(['ImmunoGen linker']);
    expect(refs([seed.payloads?.[0]?.owner])).toEqual(refs([seed.linkers?.[0]?.owner]));
  });

  it('finds the target in "B7-H3-directed" and "directed against", the vocabulary\'s name first', async () => {
    const seed = await draft(
      'Acme Therapeutics, Inc. (Nasdaq: ACME) today licensed KX-77, an investigational ADC directed against B7-H3 (CD276), to a partner.',
    );
    expect(refs(seed.drugs?.[0]?.targets)).toEqual(['b7-h3']);
    expect(seed.targets?.[0]).toMatchObject({ name: 'B7-H3', aliases: ['CD276'] });
  });

  it('does not take a single antibody INN alone for a drug, nor a target code for a drug code', async () => {
    const seed = await draft(
      'Acme Therapeutics, Inc. (Nasdaq: ACME) said patients had previously received trastuzumab; PD-L1 and IL-12 levels were measured.',
    );
    expect(seed.drugs ?? []).toEqual([]);
  });

  it('reads a brand a sentence introduces with "marketed ... as" and its marketer and region', async () => {
    const seed = await draft(
      "Acme Therapeutics, Inc. (Nasdaq: ACME) said Acme's first product, orlatuzumab vedotin, is licensed to Halvard Pharma AG and marketed in the United States as ORVENZA®.",
    );
    const [drug] = seed.drugs ?? [];
    expect(drug).toMatchObject({ name: 'ORVENZA', genericName: 'orlatuzumab vedotin' });
    expect(drug?.marketers).toEqual([expect.objectContaining({ region: 'us' })]);
    expect(seed.regions?.map((r) => r.id)).toContain('us');
  });

  it('states a trademark holder for every marked name before "registered trademarks of"', async () => {
    const seed = await draft(
      'Genentech, Inc. (NYSE: DNA) markets drugs. Kadcyla® and Herceptin® are registered trademarks of Genentech, Inc.',
    );
    for (const drug of seed.drugs ?? []) expect(refs(drug.trademarkHolders)).toEqual(['genentech']);
    expect(seed.drugs).toHaveLength(2);
  });

  it('reads a named technology with its acronym and owner, and links the drug the sentence names', async () => {
    const seed = await draft(
      "ImmunoGen, Inc. (Nasdaq: IMGN) said Kadcyla™ is the most advanced compound with ImmunoGen's Targeted Antibody Payload (TAP) technology.",
    );
    expect(seed.technologies?.[0]?.aliases).toEqual(expect.arrayContaining(['TAP technology']));
    expect(refs(seed.drugs?.[0]?.technologies)).toEqual([seed.technologies?.[0]?.id]);
  });

  it('resolves a drug named in an earlier release of the run, whatever name this one uses', async () => {
    const run = new IngestRun();
    const first = await draft(
      'Acme Therapeutics, Inc. (Nasdaq: ACME) today announced news on Kadcyla (trastuzumab emtansine).',
      run,
    );
    const second = await draft(
      'Acme Therapeutics, Inc. (Nasdaq: ACME) said the FDA has approved Kadcyla for patients.',
      run,
    );
    expect(second.drugs?.[0]?.id).toBe(first.drugs?.[0]?.id);
    expect(second.drugs?.[0]?.highestPhase).toBe('APPROVED');
  });

  it('names developers from possessives and development verbs, not from hedged approvals', async () => {
    const seed = await draft(
      'Velora Therapeutics, Inc. (Nasdaq: VLRA) receives exclusive rights to develop and commercialize LX-1207 globally. An approval of LX-1207 would trigger a payment.',
    );
    const [drug] = seed.drugs ?? [];
    expect(refs(drug?.developers)).toEqual(['velora-therapeutics']);
    expect(drug?.highestPhase).toBeUndefined();
  });
});

describe('names that are not drugs, and antibodies that are', () => {
  it("does not take a platform's marked name for a drug", async () => {
    const seed = await draft(
      'Acme Therapeutics, Inc. (Nasdaq: ACME) builds ADCs on its FuseLink™ site-specific conjugation platform. Its lead candidate AC-204 is built on FuseLink.',
    );
    expect(seed.drugs?.map((d) => d.name)).toEqual(['AC-204']);
  });

  it('takes an antibody INN with a development code for the drug itself, so later sentences name it', async () => {
    const seed = await draft(
      'Acme Therapeutics, Inc. (Nasdaq: ACME) announced approval of Zolvera (tovetamab, AC-0911). The approval was based on a trial in which tovetamab was compared with pembrolizumab.',
    );
    const zolvera = seed.drugs?.find((d) => d.name === 'Zolvera');
    expect(zolvera?.aliases).toContain('tovetamab');
  });
});
