import { normalizeText } from '../../core/index.ts';

/*
 * Turns what a user typed into a Lucene query for the `entity_search` full-text index, safely: the text is split
 * into words of letters and digits (so no Lucene syntax survives), each word must match, either exactly (boosted)
 * or as a prefix (for autocomplete), and the whole text as a phrase ranks highest. "T-DM1" becomes the words `t`
 * and `dm1`, as the index's analyzer splits "T-DM1" when it indexes it.
 */

/** At most this many words are searched; the rest of the text is ignored. */
export const MAX_SEARCH_TERMS = 8;

/** The words of a text, as the index's standard tokenizer would find them (letters and digits). */
export function searchTerms(text: string): string[] {
  return normalizeText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, MAX_SEARCH_TERMS);
}

const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/** Escapes Lucene syntax (a second guard: terms hold only letters and digits already). */
export const escapeLucene = (term: string) => term.replace(LUCENE_SPECIAL, (char) => `\\${char}`);

/** The Lucene query for a text, or null when the text holds no word at all. */
export function buildSearchQuery(text: string): string | null {
  const terms = searchTerms(text).map(escapeLucene);
  if (terms.length === 0) return null;
  const clauses = terms.map((term) => `+(${term}^3 OR ${term}*)`);
  if (terms.length > 1) clauses.push(`"${terms.join(' ')}"^5`);
  return clauses.join(' ');
}
