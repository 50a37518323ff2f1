import { describe, expect, it } from 'vitest';
import type { DrugInfo } from '../../../web/src/api/types.ts';
import { drugPartners, groupDrugs, landscapeElements } from '../../../web/src/graph/landscape.ts';

const drug = (id: string, phase: string | null, target: string | null, payload: string | null): DrugInfo => ({
  id,
  name: id.toUpperCase(),
  genericName: null,
  modality: 'ADC',
  highestPhase: phase,
  targets: target ? [{ id: target, name: target.toUpperCase() }] : [],
  payload: payload ? { id: payload, name: payload.toUpperCase() } : null,
  linker: null,
  antibody: null,
  companies: [{ company: { id: 'roche', name: 'Roche' }, relation: 'MARKETS' }],
  partnerships: [
    {
      id: 'p',
      name: 'P',
      parties: [
        { company: { id: 'immunogen', name: 'ImmunoGen' }, role: 'LICENSOR' },
        { company: { id: 'roche', name: 'Roche' }, role: 'LICENSEE' },
      ],
    },
  ],
});

const drugs = [
  drug('b', 'PHASE_2', 'her2', 'dm1'),
  drug('a', 'APPROVED', 'her2', 'dm1'),
  drug('c', null, null, 'mmae'),
  drug('d', 'PHASE_1', 'trop2', null),
];

describe('landscape', () => {
  it('groups drugs by target, most advanced first, ungrouped last', () => {
    const groups = groupDrugs(drugs, 'target');
    expect(groups.map((g) => g.key)).toEqual(['her2', 'trop2', 'none']);
    expect(groups[0]?.drugs.map((d) => d.id)).toEqual(['a', 'b']);
    expect(groupDrugs(drugs, 'payload').map((g) => g.key)).toEqual(['dm1', 'mmae', 'none']);
    expect(groupDrugs(drugs, 'linker').map((g) => g.key)).toEqual(['none']);
  });

  it('lists each partner once', () => {
    expect(drugPartners(drugs[0]!)).toEqual(['Roche', 'ImmunoGen']);
  });

  it('draws groups as compound nodes with drugs placed inside, labelled with phase and partners', () => {
    const elements = landscapeElements(groupDrugs(drugs, 'target'));
    const parents = elements.filter((e) => e.classes === 'group');
    expect(parents.map((p) => p.data.id)).toEqual(['group:her2', 'group:trop2', 'group:none']);
    const a = elements.find((e) => e.data.id === 'her2/a');
    expect(a).toMatchObject({ data: { parent: 'group:her2', kind: 'Drug', properties: { entityId: 'a' } } });
    expect(a?.data.label).toBe('A\nApproved\nRoche, ImmunoGen');
    expect(elements.every((e) => e.classes === 'group' || (e.group === 'nodes' && e.position))).toBe(true);
  });
});
