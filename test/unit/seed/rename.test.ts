import { describe, expect, it } from 'vitest';
import type { SeedFileData } from '../../../seed/format.ts';
import { renameSeedFile, unnameSeedFile } from '../../../seed/rename.ts';

const seed: SeedFileData = {
  document: { id: 'doc', title: 'Doc', date: '2024-01-01', sourceFile: 'sources/doc.txt', publisher: 'acme' },
  sentences: { s1: 'Acme markets AB-1 in the US.' },
  companies: [{ id: 'acme', name: 'Acme', cite: ['s1'] }],
  drugs: [
    {
      id: 'ab-1',
      name: 'AB-1',
      developers: ['acme'],
      marketers: [{ ref: 'acme', region: 'usa' }],
      investigatedFor: [{ ref: 'nsclc', sponsor: 'acme' }],
      cite: ['s1'],
    },
  ],
  partnerships: [
    {
      id: 'deal',
      name: 'Deal',
      parties: [{ ref: 'acme', role: 'LICENSOR' }],
      milestones: [{ id: 'm1', name: 'M1', status: 'PENDING', payee: 'acme', cite: ['s1'] }],
      cite: ['s1'],
    },
  ],
};

describe('renameSeedFile', () => {
  it('renames records and every reference to them: bare ids, links, link properties, nested records', () => {
    const renamed = renameSeedFile(
      seed,
      new Map([
        ['acme', 'acme-inc'],
        ['usa', 'us'],
        ['m1', 'deal-m1'],
      ]),
    );
    expect(renamed.document.publisher).toBe('acme-inc');
    expect(renamed.companies?.[0]?.id).toBe('acme-inc');
    expect(renamed.drugs?.[0]).toMatchObject({
      developers: ['acme-inc'],
      marketers: [{ ref: 'acme-inc', region: 'us' }],
      investigatedFor: [{ ref: 'nsclc', sponsor: 'acme-inc' }],
    });
    expect(renamed.partnerships?.[0]).toMatchObject({
      parties: [{ ref: 'acme-inc', role: 'LICENSOR' }],
      milestones: [{ id: 'deal-m1', payee: 'acme-inc' }],
    });
    expect(seed.companies?.[0]?.id).toBe('acme');
  });

  it('merges two records that become one entity: first values, all citations, aliases and links once', () => {
    const two: SeedFileData = {
      ...seed,
      sentences: { s1: 'a', s2: 'b' },
      drugs: [
        { id: 'kadcyla', name: 'Kadcyla', modality: 'ADC', targets: ['her2'], cite: ['s1'] },
        { id: 't-dm1', name: 'T-DM1', modality: 'OTHER', targets: ['her2', 'erbb2'], cite: ['s2'] },
      ],
      partnerships: [],
    };
    const [drug, ...rest] = renameSeedFile(two, new Map([['t-dm1', 'kadcyla']])).drugs ?? [];
    expect(rest).toEqual([]);
    expect(drug).toEqual({
      id: 'kadcyla',
      name: 'Kadcyla',
      aliases: ['T-DM1'],
      modality: 'ADC',
      targets: ['her2', 'erbb2'],
      cite: ['s1', 's2'],
    });
  });

  it('turns the name of an entity the graph already holds into an alias', () => {
    const unnamed = unnameSeedFile(seed, new Set(['acme']));
    expect(unnamed.companies?.[0]).toEqual({ id: 'acme', aliases: ['Acme'], cite: ['s1'] });
    expect(unnamed.drugs?.[0]?.name).toBe('AB-1');
  });
});
