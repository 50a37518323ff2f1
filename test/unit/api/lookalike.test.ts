import { describe, expect, it } from 'vitest';
import { lookalikeOf, looksAlike } from '../../../server/features/curation/lookalike.ts';

/* New entities of a draft that look like the graph's, as the curation draft flags them (with the vocabulary's legal forms). */

describe('look-alike names', () => {
  it('match up to legal forms, punctuation and case, or when one name begins with the whole other', () => {
    expect(looksAlike('Halvard Pharma AG', 'halvard pharma')).toBe(true);
    expect(looksAlike('Genentech, Inc.', 'Genentech')).toBe(true);
    expect(looksAlike('Roche', 'Roche Holding AG')).toBe(true);
    expect(looksAlike('Roche', 'Rocket Pharma')).toBe(false);
    expect(looksAlike('Inc.', 'AG')).toBe(false);
  });

  it('flags the first hit of the same kind that looks alike, never the entity itself', async () => {
    const hits = [
      { id: 'roche-diagnostics', kind: 'Drug' as const, name: 'Roche', score: 3 },
      { id: 'roche', kind: 'Company' as const, name: 'Roche', score: 2 },
    ];
    const search = async () => hits;
    expect(
      await lookalikeOf({ id: 'roche-holding', kind: 'Company', name: 'Roche Holding AG' }, search),
    ).toBe(hits[1]);
    expect(await lookalikeOf({ id: 'roche', kind: 'Company', name: 'Roche' }, search)).toBeNull();
  });
});
