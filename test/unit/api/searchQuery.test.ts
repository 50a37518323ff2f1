import { describe, expect, it } from 'vitest';
import { normalizeText, phraseQuery } from '../../../server/core/rootQuery.ts';
import { buildSearchQuery, escapeLucene, searchTerms } from '../../../server/features/search/searchQuery.ts';

describe('search query', () => {
  it('splits text into lower-case, accent-free words, as the index does', () => {
    expect(searchTerms('T-DM1')).toEqual(['t', 'dm1']);
    expect(searchTerms('  Synthétique   BIOLOGICS ')).toEqual(['synthetique', 'biologics']);
    expect(normalizeText('Ménière')).toBe('meniere');
  });

  it('requires every word, exactly (boosted) or as a prefix, and boosts the phrase', () => {
    expect(buildSearchQuery('kadc')).toBe('+(kadc^3 OR kadc*)');
    expect(buildSearchQuery('T-DM1')).toBe('+(t^3 OR t*) +(dm1^3 OR dm1*) "t dm1"^5');
  });

  it('leaves no Lucene syntax from the user', () => {
    for (const text of [
      'a:b',
      'x OR y',
      '"quoted"',
      'a* ?b ~c',
      '(a) [b] {c}',
      '\\',
      'a AND NOT b',
      "'); DROP //",
    ]) {
      const query = buildSearchQuery(text) ?? '';
      const userPart = query.replace(/\+\(|\^3 OR |\*\)|"\^5|"/g, ' ');
      expect(userPart, text).toMatch(/^[\p{L}\p{N}\s]*$/u);
    }
    expect(buildSearchQuery('*** ??? !!!')).toBeNull();
    expect(buildSearchQuery('')).toBeNull();
  });

  it('caps the number of words', () => {
    expect(searchTerms('a b c d e f g h i j k l')).toHaveLength(8);
  });

  it('escapes Lucene specials as a second guard, and quotes phrases safely', () => {
    expect(escapeLucene('a+b-c:d')).toBe('a\\+b\\-c\\:d');
    expect(phraseQuery('Roche "Group"\\')).toBe('"roche \\"group\\"\\\\"');
  });
});
