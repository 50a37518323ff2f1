import { describe, expect, it } from 'vitest';
import { DraftBuilder } from '../../../seed/ingest/draft.ts';
import { splitSentences } from '../../../seed/ingest/sentences.ts';

const TEXT =
  'Acme Bio licensed AB-1 to Zeta Pharma. Zeta Pharma will pay $5 million upfront. Acme Bio said so.';

function builder() {
  return new DraftBuilder('doc-1', splitSentences(TEXT));
}

describe('DraftBuilder', () => {
  it('copies each cited sentence verbatim and keys it by its position', () => {
    const draft = builder();
    draft.entity('companies', 'acme-bio', { name: 'Acme Bio' }, [2, 0]);
    const seed = draft.toSeedFile('sources/doc-1.txt');
    expect(seed.sentences).toEqual({
      s1: 'Acme Bio licensed AB-1 to Zeta Pharma.',
      s3: 'Acme Bio said so.',
    });
    expect(seed.companies).toEqual([{ id: 'acme-bio', name: 'Acme Bio', cite: ['s1', 's3'] }]);
  });

  it('keeps the first value of a property and accumulates aliases', () => {
    const draft = builder();
    draft.entity('drugs', 'ab-1', { name: 'AB-1', modality: 'ADC', aliases: ['AB1'] }, [0]);
    draft.entity('drugs', 'ab-1', { name: 'Other', modality: 'ANTIBODY', aliases: ['AB 1', 'AB1'] }, [1]);
    expect(draft.record('drugs', 'ab-1')).toMatchObject({
      name: 'AB-1',
      modality: 'ADC',
      aliases: ['AB1', 'AB 1'],
    });
  });

  it('writes a link as a bare id when the record already cites its sentences, else with its own citation', () => {
    const draft = builder();
    draft.entity('drugs', 'ab-1', { name: 'AB-1' }, [0]);
    draft.link('drugs', 'ab-1', 'developers', 'acme-bio', [0]);
    draft.entity('companies', 'zeta', { name: 'Zeta Pharma' }, [0]);
    draft.link('companies', 'zeta', 'memberOf', 'acme-bio', [2]);
    const seed = draft.toSeedFile('sources/doc-1.txt');
    expect(seed.drugs?.[0]?.developers).toEqual(['acme-bio']);
    // The record cites the link's sentence too, so the bare form inherits it.
    expect(seed.companies?.[0]).toMatchObject({ memberOf: 'acme-bio', cite: ['s1', 's3'] });
  });

  it('merges the citations of a link stated twice', () => {
    const draft = builder();
    draft.entity('drugs', 'ab-1', { name: 'AB-1' }, [0]);
    draft.link('drugs', 'ab-1', 'targets', 'her2', [0]);
    draft.link('drugs', 'ab-1', 'targets', 'her2', [1]);
    expect(draft.record('drugs', 'ab-1')?.targets).toEqual([{ ref: 'her2', cite: ['s1', 's2'] }]);
  });

  it('leaves out a link the format needs properties for when they are missing', () => {
    const draft = builder();
    draft.entity('drugs', 'ab-1', { name: 'AB-1' }, [0]);
    draft.link('drugs', 'ab-1', 'marketers', 'zeta', [1]);
    draft.link('drugs', 'ab-1', 'marketers', 'acme-bio', [1], { region: 'us' });
    const seed = draft.toSeedFile('sources/doc-1.txt');
    expect(seed.drugs?.[0]?.marketers).toEqual([{ ref: 'acme-bio', region: 'us' }]);
  });

  it('nests milestones and royalties under their partnership', () => {
    const draft = builder();
    draft.entity('partnerships', 'deal', { name: 'Deal' }, [0]);
    draft.child('deal', 'milestones', 'deal-upfront', { name: 'Upfront', amount: 5e6, status: 'PAID' }, [1]);
    draft.link('milestones', 'deal-upfront', 'payer', 'zeta', [1]);
    const [partnership] = draft.toSeedFile('sources/doc-1.txt').partnerships ?? [];
    expect(partnership?.milestones).toEqual([
      { id: 'deal-upfront', name: 'Upfront', amount: 5e6, status: 'PAID', payer: 'zeta', cite: ['s2'] },
    ]);
  });

  it('refuses a relationship the record kind does not have', () => {
    const draft = builder();
    draft.entity('companies', 'acme', { name: 'Acme Bio' }, [0]);
    expect(() => draft.link('companies', 'acme', 'payload', 'x', [0])).toThrow(/no relationship payload/);
  });
});
