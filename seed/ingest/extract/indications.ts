/**
 * Indications in a sentence: "patients with HER2-positive, unresectable locally advanced or metastatic breast
 * cancer who have received prior treatment with Herceptin® (trastuzumab) and a taxane", read into disease,
 * biomarker, setting, line of therapy and prior therapy. Only where the words before say a population is
 * treated or studied ("for the treatment of", "patients with", "trial in", "for"), not wherever a disease is named.
 */

export interface IndicationPhrase {
  disease: string;
  biomarker?: string;
  setting?: string;
  lineOfTherapy?: string;
  priorTherapy?: string;
  population?: string;
  /** A readable name: "First-line HER2-positive metastatic breast cancer after trastuzumab and a taxane". */
  name: string;
  start: number;
  end: number;
}

const SETTING_WORD =
  '(?:unresectable|inoperable|locally advanced|advanced|metastatic|recurrent|relapsed|refractory|early[- ]stage|extensive[- ]stage|limited[- ]stage|platinum-resistant|platinum-sensitive|castration-resistant|hormone-sensitive|newly diagnosed|treatment-naive)';
const SETTING = `${SETTING_WORD}(?:,?\\s+(?:(?:or|and|and/or)\\s+)?${SETTING_WORD})*`;
const STATUS =
  '(?:[Pp]ositive|[Nn]egative|[Ll]ow|[Hh]igh|[Ee]xpressing|[Oo]verexpressing|[Mm]utated|[Mm]utant|[Aa]mplified)';
/** "HER2-positive", "FRα-positive", "Claudin 18.2-positive", "folate receptor alpha (FRα)-positive". */
const BIOMARKER = `(?:[A-Z][A-Za-zα-ω0-9.]*(?:-[A-Z0-9][A-Za-z0-9]*| \\d[\\d.]*)?|(?:[a-z]+\\s+){1,4}\\([A-Z][A-Za-zα-ω0-9.]*\\))[- ]${STATUS}`;
const NAMED_HEAD =
  '(?:[Cc]ancers?|[Cc]arcinoma|[Aa]denocarcinoma|[Ss]olid [Tt]umou?rs|[Ll]ymphoma|[Ll]eukaemia|[Ll]eukemia|[Mm]yeloma|[Ss]arcoma|[Mm]elanoma|[Mm]esothelioma|[Gg]lioblastoma)';
/** A disease's last word, or its abbreviation ("ES-SCLC") where no named disease word follows ("GEJ adenocarcinoma"). */
const DISEASE_HEAD = `(?:${NAMED_HEAD}|[a-z]?[A-Z]{2,6}(?:-[A-Z]{2,6})?(?![\\w-])(?!\\s+(?:[a-z][a-z-]*\\s+){0,2}${NAMED_HEAD}))`;
/** A word of a disease's name: not a preposition or pronoun, which would run on into the rest of the sentence. */
const DISEASE_WORD =
  '(?!(?:in|with|for|to|of|the|a|an|who|which|that|whose|including|its|their)\\s)(?:[A-Za-z][a-z-]*|[A-Z]{2,6}|\\([A-Z]{2,6}\\))';
/** Organs listed before the last: "epithelial ovarian, fallopian tube or primary peritoneal cancer". */
const ORGAN_LIST = `(?:[A-Za-z][a-z-]*(?:\\s+[a-z][a-z-]*){0,3},\\s+)+`;
/** Up to six words naming the organ or type ("gastric or gastroesophageal junction (GEJ)", "small cell lung"). */
const DISEASE = `(?:${ORGAN_LIST})?(?:${DISEASE_WORD}\\s+){0,6}?${DISEASE_HEAD}(?![\\w-])`;
/** Words right before an indication that say a population is treated or studied. */
const CONTEXT =
  '(?:treatment of|to treat|patients with|people with|adults with|(?:trial|study|studies) in|beginning with|indicated for|(?:evaluate|evaluates|evaluating|assess|assesses|assessing|investigate|investigating)\\s+[\\w-]+(?:\\s+\\([^)]*\\))?\\s+in|[Ff]or(?: the)?(?: (?:first|second|third)-line treatment of)?)\\s+(?:(?:adult |adult patients |patients |people |adults )?with\\s+)?';
const PHRASE = `((?:(${SETTING}),?\\s+)?(?:(${BIOMARKER}),?\\s+)?(?:(${SETTING}),?\\s+)?(?:(${BIOMARKER})\\s+)?(${DISEASE}))`;
const INDICATION = new RegExp(`${CONTEXT}${PHRASE}`, 'g');
/** The next of a list of indications, or a narrower one: ", metastatic … (mCRPC) and esophageal …", ", including X". */
const LIST_NEXT = new RegExp(
  `^(?:\\s*\\([^)]*\\))?(?:,\\s+(?:and\\s+|or\\s+|including\\s+)?|\\s+(?:and|or|including)\\s+)(?=${PHRASE})`,
);
const PHRASE_AT = new RegExp(PHRASE, 'y');
/** A disease written as setting and disease ("extensive-stage small cell lung cancer"), for expanded abbreviations. */
const SETTING_AND_DISEASE = new RegExp(`^(?:(${SETTING})\\s+)?(.+)$`);
const ENDS_IN_DISEASE = new RegExp(`${NAMED_HEAD}$`);
/** Abbreviations of diseases releases use without spelling them out. */
const DISEASE_ABBREVIATION = /^(?:NSCLC|SCLC|TNBC)$/;
const LINE = /\b(first|second|third|1st|2nd|3rd)[- ]line\b/i;
const PRIOR =
  /^(?:\s*\([^)]*\))?\s*,?\s*(?:who (?:have |has |had )?(?:previously )?(?:received|been treated with)(?: prior treatment with)?|(?:previously |who were )?treated with|after|following|whose disease (?:has )?progressed (?:on or after|on|after))\s+([^;]+?)(?=\s*(?:[;.]|,\s*(?:which|meeting|based|and the|where)\b|\s+based on\b|$))/;

const ORDINAL: Record<string, string> = {
  first: 'first',
  second: 'second',
  third: 'third',
  '1st': 'first',
  '2nd': 'second',
  '3rd': 'third',
};
const NUMBER: Record<string, string> = { one: 'second', two: 'third', three: 'fourth' };
const NEXT_LINE: Record<string, string> = { first: 'second', second: 'third', third: 'fourth' };

/**
 * The indications of `text`. `abbreviations` (short → long form, from the whole release) spell out a disease
 * written as its abbreviation: "ES-SCLC" is extensive-stage small cell lung cancer, "GEJ" in a disease is
 * "gastroesophageal junction (GEJ)".
 */
export function findIndications(
  text: string,
  abbreviations: ReadonlyMap<string, string> = new Map(),
): IndicationPhrase[] {
  const found: IndicationPhrase[] = [];
  for (const match of text.matchAll(INDICATION)) {
    let start = (match.index ?? 0) + match[0].length - (match[1] as string).length;
    if (found.some((f) => start < f.end)) continue;
    let phrase: RegExpExecArray | null = match as unknown as RegExpExecArray;
    while (phrase) {
      const read = readPhrase(text, phrase, start, abbreviations);
      found.push(...read.indications);
      const next = LIST_NEXT.exec(text.slice(read.end));
      if (!next) break;
      start = read.end + next[0].length;
      PHRASE_AT.lastIndex = start;
      phrase = PHRASE_AT.exec(text);
    }
  }
  return found;
}

/** One phrase of an indication (groups 1–6 of PHRASE) at `start`: one indication, or one per listed organ. */
function readPhrase(
  text: string,
  match: RegExpMatchArray,
  start: number,
  abbreviations: ReadonlyMap<string, string>,
): { indications: IndicationPhrase[]; end: number } {
  const phraseText = match[1] as string;
  let end = start + phraseText.length;
  const spelled = spellOut((match[6] as string).trim(), abbreviations);
  if (!spelled) return { indications: [], end };
  const written = spelled.disease;
  const setting = [clean(match[2] ?? match[4]), spelled.setting].filter(Boolean).join(' ') || undefined;
  const biomarker = normaliseBiomarker(match[3] ?? match[5]);
  // "solid tumors", "cancer" or "gastrointestinal cancers" alone is what a company works on, not a population.
  if (!setting && !biomarker && /^(?:solid tumou?rs|cancers?|tumou?rs|[\w-]+ cancers)$/i.test(written))
    return { indications: [], end };
  // "patients with this cancer" points back to an indication named before; it names none itself.
  if (/^(?:this|that|these|those|the|their|its|such|other)\s/i.test(phraseText))
    return { indications: [], end };
  const prior = PRIOR.exec(text.slice(end));
  const priorTherapy = prior?.[1]?.replace(/[®™]/g, '').trim();
  if (prior) end += prior[0].length;
  const lineOfTherapy = lineOf(text.slice(Math.max(0, start - 40), start), priorTherapy);
  const lineWords =
    lineOfTherapy && !/later/.test(lineOfTherapy) && LINE.test(text.slice(Math.max(0, start - 40), start))
      ? `${capitalise(lineOfTherapy.replace(' ', '-'))} `
      : '';
  const after = priorTherapy ? ` after ${priorTherapy.replace(/\s*\([^)]*\)/g, '')}` : '';
  const population = /(?:patients|people|adults)\s+with\s+$/i.exec(text.slice(0, start));
  const indications = diseasesOf(written).map((disease) => {
    const words = phraseText.replace(/,/g, '').replace(/\s+/g, ' ');
    const named =
      spelled.changed || disease !== written
        ? [biomarker, setting, disease].filter(Boolean).join(' ')
        : words;
    const body = lineWords ? named : capitalise(named);
    return {
      disease: /^[A-Z][a-z]/.test(disease) && !/[a-z] [a-z]/.test(disease) ? disease.toLowerCase() : disease,
      biomarker,
      setting,
      lineOfTherapy,
      priorTherapy,
      population: population ? text.slice(population.index, end).replace(/[®™]/g, '') : undefined,
      name: `${lineWords}${body}${after}`,
      start,
      end,
    };
  });
  return { indications, end };
}

/**
 * A disease with its abbreviations spelled out: the whole disease abbreviated ("ES-SCLC") is its long form, read
 * into setting and disease; an abbreviation inside it ("gastric or GEJ adenocarcinoma") is its long form with the
 * abbreviation after it, as releases define it. An unknown abbreviation is no disease.
 */
function spellOut(
  disease: string,
  abbreviations: ReadonlyMap<string, string>,
): { disease: string; setting?: string; changed: boolean } | undefined {
  const words = disease.split(/\s+/);
  const head = words.at(-1) as string;
  let changed = false;
  const spelled = words.map((word, i) => {
    const long = abbreviations.get(word);
    if (!long || i === words.length - 1) return word;
    changed = true;
    return `${long} (${word})`;
  });
  if (/^[a-z]?[A-Z]{2,6}(?:-[A-Z]{2,6})?$/.test(head)) {
    const long = abbreviations.get(head);
    if (!long) return DISEASE_ABBREVIATION.test(head) ? { disease: spelled.join(' '), changed } : undefined;
    const [, setting, rest] = SETTING_AND_DISEASE.exec(long) ?? [];
    if (!rest || !ENDS_IN_DISEASE.test(rest)) return undefined;
    spelled[spelled.length - 1] = rest;
    return { disease: spelled.join(' '), setting, changed: true };
  }
  return { disease: spelled.join(' '), changed };
}

/** "ovarian and renal cancers" is two diseases, ovarian cancer and renal cancer; any other disease is one. */
function diseasesOf(disease: string): string[] {
  const plural = /^([a-z-]+(?:,\s+[a-z-]+)*),?\s+(?:and|or)\s+([a-z-]+)\s+cancers$/i.exec(disease);
  if (!plural) return [disease];
  return [...(plural[1] as string).split(/,\s+/), plural[2] as string].map((organ) => `${organ} cancer`);
}

/**
 * Abbreviations the release defines, "long form (ABBR)", with the long form the fewest words before the
 * parenthesis whose letters hold the abbreviation's in order, its first letter starting a word.
 */
export function abbreviationsIn(texts: readonly string[]): Map<string, string> {
  const found = new Map<string, string>();
  for (const text of texts) {
    for (const match of text.matchAll(DEFINED_ABBREVIATION)) {
      const short = match[2] as string;
      const long = longForm((match[1] as string).trim(), short);
      if (long && !found.has(short)) found.set(short, long);
    }
  }
  return found;
}

// Tried at word starts only: from inside a word it would scan to the word's end again at every letter.
const DEFINED_ABBREVIATION = /(?<![\w-])((?:[A-Za-z][\w-]*\s+){1,8})\(([a-z]?[A-Z]{2,6}(?:-[A-Z]{2,6})?)\)/g;

function longForm(before: string, short: string): string | undefined {
  const letters = short.replace(/-/g, '').toLowerCase();
  const words = before.split(/\s+/);
  for (let count = 1; count <= words.length; count += 1) {
    const candidate = words.slice(-count).join(' ');
    if (holdsLetters(candidate.toLowerCase(), letters)) return candidate;
  }
  return undefined;
}

/** Whether `letters` occur in `text` in order, the first at the start of `text`, each later one after it. */
function holdsLetters(text: string, letters: string): boolean {
  if (text[0] !== letters[0]) return false;
  let at = 1;
  for (const letter of letters.slice(1)) {
    const next = text.indexOf(letter, at);
    if (next < 0) return false;
    at = next + 1;
  }
  return true;
}

function lineOf(before: string, priorTherapy: string | undefined): string | undefined {
  const line = LINE.exec(before.split(/[;,]/).at(-1) ?? '');
  if (line) return `${ORDINAL[(line[1] as string).toLowerCase()]} line`;
  const after = priorTherapy && /^(first|second|third)-line\b/i.exec(priorTherapy);
  if (after) return `${NEXT_LINE[(after[1] as string).toLowerCase()]} line`;
  const prior =
    priorTherapy &&
    /\b(?:at least )?(one|two|three)(?: or more)? prior (?:lines?|therap|regimen|chemotherap)/i.exec(
      priorTherapy,
    );
  if (!prior) return undefined;
  const next = NUMBER[(prior[1] as string).toLowerCase()];
  return /at least|or more/i.test(prior[0]) ? `${next} line or later` : `${next} line`;
}

const clean = (text: string | undefined) => text?.replace(/,/g, '').replace(/\s+/g, ' ').trim();
const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** "HER2-Low" → "HER2-low": the marker as written, the status in lower case. */
function normaliseBiomarker(written: string | undefined): string | undefined {
  // "folate receptor alpha (FRα)-positive" → "FRα-positive": the marker by its short name.
  const text = written?.replace(/^(?:[a-z]+\s+)+\(([^)]+)\)/, '$1');
  if (!text) return undefined;
  const at = text.search(
    /[- ](?:positive|negative|low|high|expressing|overexpressing|mutated|mutant|amplified)$/i,
  );
  return at < 0 ? text : `${text.slice(0, at)}-${text.slice(at + 1).toLowerCase()}`;
}
