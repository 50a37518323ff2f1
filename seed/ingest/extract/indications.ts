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
  '(?:unresectable|inoperable|locally advanced|advanced|metastatic|recurrent|relapsed|refractory|early[- ]stage|extensive[- ]stage|limited[- ]stage|platinum-resistant|platinum-sensitive|newly diagnosed|treatment-naive)';
const SETTING = `${SETTING_WORD}(?:,?\\s+(?:(?:or|and|and/or)\\s+)?${SETTING_WORD})*`;
const STATUS =
  '(?:[Pp]ositive|[Nn]egative|[Ll]ow|[Hh]igh|[Ee]xpressing|[Oo]verexpressing|[Mm]utated|[Mm]utant|[Aa]mplified)';
const BIOMARKER = `[A-Z][A-Za-z0-9.]*(?:-[A-Z0-9][A-Za-z0-9]*)?[- ]${STATUS}`;
const DISEASE_HEAD =
  '(?:[Cc]ancer|[Cc]arcinoma|[Aa]denocarcinoma|[Ss]olid [Tt]umou?rs|[Ll]ymphoma|[Ll]eukaemia|[Ll]eukemia|[Mm]yeloma|[Ss]arcoma|[Mm]elanoma|[Mm]esothelioma|[Gg]lioblastoma|NSCLC|SCLC|TNBC)';
/** Up to five words naming the organ or type ("gastric or gastroesophageal junction (GEJ)", "small cell lung"). */
const DISEASE = `(?:(?:[A-Za-z][a-z-]*|\\([A-Z]{2,6}\\))\\s+){0,5}?${DISEASE_HEAD}(?![\\w-])`;
/** Words right before an indication that say a population is treated or studied. */
const CONTEXT =
  '(?:treatment of|to treat|patients with|people with|adults with|(?:trial|study|studies) in|beginning with|indicated for|[Ff]or(?: the)?(?: (?:first|second|third)-line treatment of)?)\\s+(?:(?:adult |adult patients |patients |people |adults )?with\\s+)?';
const INDICATION = new RegExp(
  `${CONTEXT}((?:(${SETTING}),?\\s+)?(?:(${BIOMARKER}),?\\s+)?(?:(${SETTING}),?\\s+)?(?:(${BIOMARKER})\\s+)?(${DISEASE}))`,
  'g',
);
const LINE = /\b(first|second|third|1st|2nd|3rd)[- ]line\b/i;
const PRIOR =
  /^\s*,?\s*(?:who (?:have |has |had )?(?:previously )?(?:received|been treated with)(?: prior treatment with)?|(?:previously |who were )?treated with|after|following|whose disease has progressed (?:on|after))\s+([^;]+?)(?=\s*(?:[;.]|,\s*(?:which|meeting|based|and the|where)\b|\s+based on\b|$))/;

const ORDINAL: Record<string, string> = {
  first: 'first',
  second: 'second',
  third: 'third',
  '1st': 'first',
  '2nd': 'second',
  '3rd': 'third',
};
const NUMBER: Record<string, string> = { one: 'second', two: 'third', three: 'fourth' };

export function findIndications(text: string): IndicationPhrase[] {
  const found: IndicationPhrase[] = [];
  for (const match of text.matchAll(INDICATION)) {
    const start = (match.index ?? 0) + match[0].length - (match[1] as string).length;
    const setting = clean(match[2] ?? match[4]);
    const biomarker = normaliseBiomarker(match[3] ?? match[5]);
    const written = (match[6] as string).trim();
    const disease =
      /^[A-Z][a-z]/.test(written) && !/[a-z] [a-z]/.test(written) ? written.toLowerCase() : written;
    // "solid tumors" or "cancer" alone is what a company works on, not a population it treats.
    if (!setting && !biomarker && /^(?:solid tumou?rs|cancers?|tumou?rs)$/i.test(disease)) continue;
    // "patients with this cancer" points back to an indication named before; it names none itself.
    if (/^(?:this|that|these|those|the|their|its|such|other)\s/i.test(match[1] as string)) continue;
    let end = start + (match[1] as string).length;
    const prior = PRIOR.exec(text.slice(end));
    const priorTherapy = prior?.[1]?.replace(/[®™]/g, '').trim();
    if (prior) end += prior[0].length;
    const lineOfTherapy = lineOf(text.slice(Math.max(0, start - 40), start), priorTherapy);
    const phrase = (match[1] as string).replace(/,/g, '').replace(/\s+/g, ' ');
    const lineWords =
      lineOfTherapy && !/later/.test(lineOfTherapy) && LINE.test(text.slice(Math.max(0, start - 40), start))
        ? `${capitalise(lineOfTherapy.replace(' ', '-'))} `
        : '';
    const body = lineWords ? phrase : capitalise(phrase);
    const after = priorTherapy ? ` after ${priorTherapy.replace(/\s*\([^)]*\)/g, '')}` : '';
    const population = /(?:patients|people|adults)\s+with\s+$/i.exec(text.slice(0, start));
    found.push({
      disease,
      biomarker,
      setting,
      lineOfTherapy,
      priorTherapy,
      population: population ? text.slice(population.index, end).replace(/[®™]/g, '') : undefined,
      name: `${lineWords}${body}${after}`,
      start,
      end,
    });
  }
  return found;
}

function lineOf(before: string, priorTherapy: string | undefined): string | undefined {
  const line = LINE.exec(before.split(/[;,]/).at(-1) ?? '');
  if (line) return `${ORDINAL[(line[1] as string).toLowerCase()]} line`;
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
function normaliseBiomarker(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const at = text.search(
    /[- ](?:positive|negative|low|high|expressing|overexpressing|mutated|mutant|amplified)$/i,
  );
  return at < 0 ? text : `${text.slice(0, at)}-${text.slice(at + 1).toLowerCase()}`;
}
