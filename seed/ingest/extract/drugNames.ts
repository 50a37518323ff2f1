import type { Analysis } from '../analysis.ts';
import { findTerm, stemOf } from '../vocabulary.ts';

/**
 * Drug names in a sentence and which of them name one drug: brand names (a capitalised word marked ® or ™, or
 * "under the brand name X"), INNs (the two-word ADC INN "trastuzumab deruxtecan", a single-word antibody or
 * kinase-inhibitor INN) and development codes ("DS-8201", "T-DM1"). "Kadcyla (trastuzumab emtansine, formerly
 * T-DM1)" and "marketed ... as ORVENZA®" tie names into one drug.
 */

export type NameKind = 'brand' | 'inn' | 'mab' | 'smallMolecule' | 'code';

export interface NameHit {
  /** The name as the drug record writes it (INNs in lower case). */
  name: string;
  kind: NameKind;
  start: number;
  end: number;
}

/** A brand: a capitalised word marked ® or ™ ("Kadcyla™", "ZENVYRA®"). */
const MARKED_BRAND = /\b([A-Z][A-Za-z0-9-]*[A-Za-z0-9])\s?[®™]/g;
/** A brand the text introduces in words. */
const NAMED_BRAND = /\b(?:under the (?:brand|trade) name|marketed\b[^.;]{0,60}?\bas)\s+([A-Z][A-Za-z0-9-]+)/g;
/** A two-word INN whose first word is an antibody ("mab"), prefixes ("ado-", "fam-") and FDA suffixes kept. */
const TWO_WORD_INN = /\b((?:[a-z]{3}-)?[a-z]+mab)\s+([a-z]+)(-[a-z]{4})?\b/gi;
/** Payload words of ADC INNs the vocabulary may not list yet ("govitecan", "tirumotecan"). */
const CONJUGATE_ENDING = /(?:tecan|dotin|tansine|mycin|tirine|talirine|carmazine|bulin)$/;
const ANTIBODY_INN = /\b[a-z]{4,}mab\b/g;
const SMALL_MOLECULE_INN =
  /\b[a-z]{3,}(?:tinib|rafenib|ciclib|parib|lisib|degib|zomib|metinib|sertib|tasvir)\b/g;
/** A development code: letters, a dash, digits ("DS-8201a", "VLR-207") or letters and digits ("T-DM1"). */
const CODE = /\b[A-Z]{1,4}[0-9]?-(?:[0-9]{2,5}[a-z]?|[A-Z]{1,3}[0-9]{1,3})\b/g;
/** Codes that are not drugs: cytokines, receptors, viruses. */
const NOT_A_CODE = /^(?:IL|CD|PD|COVID|SARS|FGF|VEGF|TNF|HPV|HIV|HLA|ER|PR)-/;
/** A code that names a trial: "VELA-B7 (NCT06688120)", "the ABC-12 trial". */
const TRIAL_CODE = new RegExp(
  `(${CODE.source})\\s*(?:\\(NCT\\d{8}\\)|(?:Phase\\s+\\S+\\s+)?(?:trial|study)\\b)`,
  'g',
);
/** A name of a platform or technology: "ArcLink™ site-specific conjugation platform", "TopoQ payload-linker platform". */
const PLATFORM_NAME =
  /\b([A-Z][A-Za-z0-9-]+)[®™]?\s+(?:(?:[a-z]+-[a-z-]+|conjugation|linker|payload|drug)\s+){0,3}(?:platform|technology)\b/g;

/** The names the release gives trials and platforms, which are then not drugs wherever it writes them. */
export function notDrugNamesIn(texts: readonly string[]): Set<string> {
  return new Set(
    texts.flatMap((text) =>
      [...text.matchAll(TRIAL_CODE), ...text.matchAll(PLATFORM_NAME)].map((m) => m[1] as string),
    ),
  );
}

/** Words that, right before a name, say it is another name of the drug before it. */
const ANOTHER_NAME =
  /(?:\bformerly(?: known as| called)?|\balso known as|\bpreviously (?:known|referred to|called) as|\bunder the (?:code|brand|trade) name|\b(?:development|code) (?:code|name)\s*:?|\bcode[- ]named|\bgeneric name\s*:?|\bmarketed\b[^.;]{0,60}?\bas|\bnow (?:known as|called))\s*$/i;
/** What else may stand in a parenthesis of names: "(generic name: X)", "(X; Also Known as Y)". */
const PARENTHESIS_FILLER =
  /\b(?:formerly|also known as|previously (?:known|referred to) as|generic name|development code|code name|INN|or|and)\b|[\s,;:®™]/gi;

/** The drug names of `text`, in text order, without overlaps (longest first). */
export function findDrugNames(
  text: string,
  isCompany: (name: string) => boolean,
  isOther: (name: string) => boolean = () => false,
): NameHit[] {
  const hits: NameHit[] = [];
  const add = (hit: NameHit) => {
    if (!hits.some((other) => hit.start < other.end && other.start < hit.end)) hits.push(hit);
  };
  for (const match of text.matchAll(TWO_WORD_INN)) {
    const [whole, antibody = '', payloadWord = ''] = match;
    const lower = payloadWord.toLowerCase();
    if (!stemOf(lower) && !CONJUGATE_ENDING.test(lower)) continue;
    add({
      name: `${antibody} ${payloadWord}${match[3] ?? ''}`.toLowerCase(),
      kind: 'inn',
      ...span(match, whole),
    });
  }
  for (const pattern of [MARKED_BRAND, NAMED_BRAND]) {
    for (const match of text.matchAll(pattern)) {
      const name = match[1] ?? '';
      if (isCompany(name) || isOther(name) || isVocabularyTerm(name)) continue;
      const start = (match.index ?? 0) + match[0].lastIndexOf(name);
      add({ name, kind: 'brand', start, end: start + name.length });
    }
  }
  for (const match of text.matchAll(CODE)) {
    const name = match[0];
    if (NOT_A_CODE.test(name) || isVocabularyTerm(name)) continue;
    if (isOther(name)) continue;
    add({ name, kind: 'code', ...span(match, name) });
  }
  for (const [pattern, kind] of [
    [ANTIBODY_INN, 'mab'],
    [SMALL_MOLECULE_INN, 'smallMolecule'],
  ] as const) {
    for (const match of text.matchAll(pattern)) add({ name: match[0], kind, ...span(match, match[0]) });
  }
  return hits.sort((a, b) => a.start - b.start);
}

const span = (match: RegExpMatchArray, whole: string) => ({
  start: match.index ?? 0,
  end: (match.index ?? 0) + whole.length,
});

/** A target, payload or linker of the vocabulary ("B7-H3", "SN-38", "DX-8951"), not a drug code. */
const isVocabularyTerm = (name: string) =>
  Boolean(findTerm('target', name) || findTerm('payload', name) || findTerm('linker', name));

/**
 * Pairs of hits of one sentence that name the same drug: a name in a parenthesis right after another
 * ("Kadcyla (trastuzumab emtansine, formerly T-DM1)"), or after words such as "formerly", "under the brand
 * name" (`null` as the first: the drug named before, in an earlier sentence).
 */
export function sameDrugPairs(text: string, hits: readonly NameHit[]): [NameHit | null, NameHit][] {
  const pairs: [NameHit | null, NameHit][] = [];
  hits.forEach((hit, i) => {
    const inside = parenthesisAfter(text, hit.end);
    if (inside) {
      const within = hits.filter((other) => other.start >= inside.start && other.end <= inside.end);
      let rest = text.slice(inside.start, inside.end);
      for (const other of [...within].reverse()) {
        rest = rest.slice(0, other.start - inside.start) + rest.slice(other.end - inside.start);
      }
      if (within.length && rest.replace(PARENTHESIS_FILLER, '') === '') {
        for (const other of within) pairs.push([hit, other]);
      }
    }
    const before = text.slice(i > 0 ? (hits[i - 1] as NameHit).end : 0, hit.start);
    if (ANOTHER_NAME.test(before)) pairs.push([i > 0 ? (hits[i - 1] as NameHit) : null, hit]);
  });
  return pairs;
}

/** The span inside "(…)" right after `end` (a ® or ™ may come first), if any. */
function parenthesisAfter(text: string, end: number): { start: number; end: number } | undefined {
  const open = /^[®™]?\s*\(/.exec(text.slice(end));
  if (!open) return undefined;
  const start = end + open[0].length;
  const close = text.indexOf(')', start);
  return close < 0 ? undefined : { start, end: close };
}

/** Sentence `index` and the one before are in one paragraph (no blank line between them). */
export function sameParagraph(analysis: Analysis, index: number): boolean {
  const previous = analysis.sentences[index - 1];
  const current = analysis.sentences[index];
  if (!previous || !current) return false;
  return !/\n\s*\n/.test(analysis.source.text.slice(previous.end, current.start));
}

/**
 * The drugs sentence `index` is about: those it names, else the drugs of the sentence before in its paragraph
 * ("It consists of…", "The DM1 is attached…" after a sentence naming the drug).
 */
export function drugsOf(analysis: Analysis, index: number): string[] {
  for (let i = index; i >= 0; i -= 1) {
    const named = [...new Set(analysis.mentionsIn(i, 'Drug').map((m) => m.id))];
    if (named.length) return named;
    if (!sameParagraph(analysis, i)) return [];
  }
  return [];
}

/** `text` for use inside a RegExp. */
