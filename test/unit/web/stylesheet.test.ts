import { describe, expect, it } from 'vitest';
import { NODE_KINDS } from '../../../server/model/kinds.ts';
import {
  ENTITY_KINDS,
  isEntityKind,
  KIND_STYLES,
  kindStyle,
  OKABE_ITO,
} from '../../../web/src/graph/kinds.ts';
import { buildStylesheet } from '../../../web/src/graph/stylesheet.ts';

describe('kinds', () => {
  it('gives every kind its own shape-and-colour pair, colours from the Okabe–Ito palette', () => {
    const pairs = ENTITY_KINDS.map((k) => `${KIND_STYLES[k].shape}/${KIND_STYLES[k].color}`);
    expect(new Set(pairs).size).toBe(ENTITY_KINDS.length);
    const palette = new Set<string>([...Object.values(OKABE_ITO), '#BBBBBB']);
    for (const kind of ENTITY_KINDS) expect(palette.has(KIND_STYLES[kind].color)).toBe(true);
    expect(kindStyle('Unknown').title).toBe('Entity');
  });

  it("lists each of the server's entity kinds once (every node kind but Sentence), in the legend's order", () => {
    expect(new Set(ENTITY_KINDS).size).toBe(ENTITY_KINDS.length);
    expect([...ENTITY_KINDS].sort()).toEqual(NODE_KINDS.filter((kind) => kind !== 'Sentence').sort());
    expect(ENTITY_KINDS.slice(0, 2)).toEqual(['Company', 'Drug']);
    expect(ENTITY_KINDS.every(isEntityKind)).toBe(true);
    expect(isEntityKind('Sentence')).toBe(false);
    expect(isEntityKind('Entity')).toBe(false);
  });
});

describe('buildStylesheet', () => {
  const rules = buildStylesheet();
  const rule = (selector: string) => rules.find((r) => r.selector === selector)?.style;

  it('styles each kind and labels nodes and edges', () => {
    for (const kind of ENTITY_KINDS)
      expect(rule(`node[kind = "${kind}"]`)).toMatchObject({ shape: KIND_STYLES[kind].shape });
    expect(rule('node')).toMatchObject({ label: 'data(label)' });
    expect(rule('edge')).toMatchObject({ label: 'data(label)', 'curve-style': 'bezier' });
  });

  it('stops drawing labels that would be too small to read', () => {
    expect(rule('node')?.['min-zoomed-font-size']).toBeGreaterThan(0);
    expect(rule('edge')?.['min-zoomed-font-size']).toBeGreaterThan(0);
  });

  it('draws large graphs cheaply: straight edges, no edge labels', () => {
    const large = buildStylesheet({ large: true });
    const edge = large.find((r) => r.selector === 'edge')?.style;
    expect(edge).toMatchObject({ 'curve-style': 'haystack' });
    expect(edge).not.toHaveProperty('label');
  });

  it('leaves node labels out of a large graph seen from afar', () => {
    const far = buildStylesheet({ large: true, labels: false }).find((r) => r.selector === 'node')?.style;
    expect(far?.label).toBe('');
    expect(buildStylesheet({ large: true }).find((r) => r.selector === 'node')?.style.label).toBe(
      'data(label)',
    );
  });

  it('has the classes the app toggles', () => {
    for (const cls of ['.faded', '.hidden', '.filtered', 'node.changed', 'edge.path', 'node.group'])
      expect(rule(cls)).toBeDefined();
  });
});
