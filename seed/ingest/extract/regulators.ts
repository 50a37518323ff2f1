import { type Agency, findTerm, type Region, vocabulary } from '../vocabulary.ts';
import { escapeRegExp } from './mentions.ts';

/**
 * Where a sentence names a regulator or a region, by the vocabulary's spellings (seed/vocabulary/agencies.yaml,
 * regions.yaml). Short forms and region names are matched in their own case ("US" is not "us", "EC" is not
 * "ec"); an agency's full name in any case, since headlines capitalise every word.
 */

export interface Named<T> {
  entry: T;
  /** The text's spelling. */
  text: string;
  start: number;
  end: number;
}

interface Matchers {
  exact: RegExp;
  folded: RegExp;
}

let agencyMatchers: Matchers | undefined;
let regionMatcher: RegExp | undefined;

const escapeSpelling = (text: string) => escapeRegExp(text).replace(/\s+/g, '\\s+');

/** One alternation of `spellings`, longest first, bounded by anything but a letter or digit. */
function alternation(spellings: readonly string[], flags: string): RegExp {
  const sorted = [...new Set(spellings)].sort((a, b) => b.length - a.length).map(escapeSpelling);
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${sorted.join('|')})(?![\\p{L}\\p{N}])`, `gu${flags}`);
}

/** A spelling written in capitals (FDA, U.S. FDA, CFDA) is matched in its own case. */
const isAcronym = (spelling: string) => !/\p{Ll}/u.test(spelling);

function matchers(): Matchers {
  if (agencyMatchers) return agencyMatchers;
  const spellings = vocabulary().agencies.flatMap((a) => [a.short, a.name, ...a.aliases]);
  agencyMatchers = {
    exact: alternation(spellings.filter(isAcronym), ''),
    folded: alternation(
      spellings.filter((s) => !isAcronym(s)),
      'i',
    ),
  };
  return agencyMatchers;
}

function allMatches<T>(
  pattern: RegExp,
  text: string,
  entryOf: (spelling: string) => T | undefined,
): Named<T>[] {
  const found: Named<T>[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    const entry = entryOf(m[0].replace(/\s+/g, ' '));
    if (entry) found.push({ entry, text: m[0], start: m.index, end: m.index + m[0].length });
  }
  return found;
}

/** The regulators a text names, in text order, none inside another's spelling. */
export function agenciesIn(text: string): Named<Agency>[] {
  const { exact, folded } = matchers();
  const entryOf = (spelling: string) => findTerm('agency', spelling);
  const found = [...allMatches(folded, text, entryOf), ...allMatches(exact, text, entryOf)];
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  return found.filter((n, i) => !found.slice(0, i).some((o) => n.start < o.end && o.start < n.end));
}

/** The regions a text names ("in the US", "in Japan"), in text order; "Global" is no regulator's region. */
export function regionsIn(text: string): Named<Region>[] {
  regionMatcher ??= alternation(
    vocabulary()
      .regions.filter((r) => r.id !== 'global')
      .flatMap((r) => [r.name, ...r.aliases]),
    '',
  );
  return allMatches(regionMatcher, text, (spelling) => findTerm('region', spelling));
}

/** A leading country word or possessive before an agency's name ("Japanese", "EMA's"), when the rest is a name too. */
const QUALIFIER =
  /^(?:the\s+)?(?:\p{Lu}[\p{L}.]*(?:'s|’s)|Japanese|Chinese|Australian|Canadian|Swiss|British)\s+/u;

/** How a text spells an agency's name without the country word before it (the name as the agency writes it). */
export function agencyNameSpelling(named: Named<Agency>): string {
  const text = named.text.replace(/\s+/g, ' ');
  const bare = text.replace(QUALIFIER, '');
  return bare !== text && findTerm('agency', bare)?.id === named.entry.id ? bare : text;
}
