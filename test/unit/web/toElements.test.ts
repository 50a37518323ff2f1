import { describe, expect, it } from 'vitest';
import type { Graph } from '../../../web/src/api/types.ts';
import { toElements, truncateLabel } from '../../../web/src/graph/toElements.ts';

const graph: Graph = {
  nodes: [
    { id: 'kadcyla', kind: 'Drug', label: 'Kadcyla', properties: { modality: 'ADC' } },
    {
      id: 'ms-eu',
      kind: 'Milestone',
      label: '$5 million on EU approval',
      properties: { amount: 5_000_000, currency: 'USD' },
    },
    {
      id: 'ec',
      kind: 'RegulatoryEvent',
      label: 'EC decision',
      properties: { sortDate: '2013-11-15', date: '2013' },
    },
    { id: 'immunogen', kind: 'Company', label: 'ImmunoGen', properties: {} },
    { id: 'deal', kind: 'Partnership', label: 'Roche–ImmunoGen', properties: { startDate: '2000-05' } },
  ],
  edges: [
    { id: 'e1', source: 'ec', target: 'ms-eu', type: 'TRIGGERS', label: 'triggers', properties: {} },
    { id: 'e2', source: 'deal', target: 'kadcyla', type: 'LICENSES_DRUG', label: 'licenses', properties: {} },
    {
      id: 'e3',
      source: 'immunogen',
      target: 'deal',
      type: 'PARTY_TO',
      label: 'party to',
      properties: { role: 'LICENSOR' },
    },
    {
      id: 'e4',
      source: 'deal',
      target: 'missing',
      type: 'HAS_MILESTONE',
      label: 'milestone',
      properties: {},
    },
    { id: 'e2', source: 'deal', target: 'kadcyla', type: 'LICENSES_DRUG', label: 'licenses', properties: {} },
  ],
};

describe('toElements', () => {
  const elements = toElements(graph);
  const byId = new Map(elements.map((e) => [e.data.id, e]));

  it('puts nodes first, keeps kinds, and drops duplicates and edges to nodes it does not have', () => {
    expect(elements.filter((e) => e.group === 'nodes')).toHaveLength(5);
    expect(elements.findIndex((e) => e.group === 'edges')).toBe(5);
    expect(byId.has('e4')).toBe(false);
    expect(elements.filter((e) => e.data.id === 'e2')).toHaveLength(1);
    expect(byId.get('kadcyla')?.data).toMatchObject({ kind: 'Drug', label: 'Kadcyla' });
  });

  it('labels edges with the relationship and the money it moves', () => {
    expect(byId.get('e1')?.data.label).toBe('triggers $5M');
    expect(byId.get('e2')?.data.label).toBe('licenses');
    expect(byId.get('e3')?.data.label).toBe('party to (licensor)');
  });

  it('skips what is already on the canvas but keeps edges to it', () => {
    const more = toElements(graph, new Set(['kadcyla', 'deal', 'e2']));
    expect(more.some((e) => e.data.id === 'kadcyla' || e.data.id === 'e2')).toBe(false);
    expect(more.some((e) => e.data.id === 'e3')).toBe(true);
  });

  it('keeps hostile names as plain text labels', () => {
    const name = '<img src=x onerror=alert(1)>';
    const [node] = toElements({
      nodes: [{ id: 'x', kind: 'Company', label: name, properties: {} }],
      edges: [],
    });
    expect(node?.data.label).toBe(name);
  });

  it('shortens long labels with an ellipsis and collapses whitespace', () => {
    expect(truncateLabel('a  b\nc')).toBe('a b c');
    expect(truncateLabel('x'.repeat(60), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});
