import { describe, expect, it } from 'vitest';
import { documentMeta } from '../../../web/src/ui/reader.ts';

describe('documentMeta', () => {
  const doc = { date: '2013-11-20', publisher: null, distributor: 'Business Wire', place: 'Waltham, Mass.' };

  it('says when, by whom, through whom and where', () => {
    expect(documentMeta({ ...doc, publisher: 'ImmunoGen, Inc.' })).toBe(
      '2013-11-20 · ImmunoGen, Inc. · via Business Wire · Waltham, Mass.',
    );
  });

  it('names the companies that published it when the document has no publisher of its own', () => {
    expect(documentMeta({ ...doc, publishedBy: [{ name: 'ImmunoGen, Inc.' }, { name: 'Roche' }] })).toBe(
      '2013-11-20 · ImmunoGen, Inc., Roche · via Business Wire · Waltham, Mass.',
    );
    expect(documentMeta({ date: null, publisher: null, distributor: null, place: null })).toBe('');
  });
});
