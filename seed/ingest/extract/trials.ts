import type { Analysis } from '../analysis.ts';
import { slug } from '../registry.ts';
import { drugsOf, sameParagraph } from './drugNames.ts';
import { STAGES, type Stage } from './drugs.ts';
import { abbreviationsIn, findIndications } from './indications.ts';
import { draftRegion, regionIdOf, regionPattern } from './regions.ts';

/**
 * Trials and indications. A trial is named ("the EMILIA Phase III trial", "KESTREL-2 (NCT05894412)") or
 * described by its phase ("a Japanese Phase II trial", then named for the drug it tests); it gets its NCT id as
 * an alias, phase, design, comparator, endpoints, outcome, status, the drugs it tests, the indication it
 * studies, its sponsor and region. Indications are drafted wherever a sentence names a treated or studied
 * population; a drug is investigated for one where a trial under way tests it there or the text says studies
 * assess it there.
 */

const PHASE = String.raw`Phase\s+(?:[1-4]|IV|I{1,3})[ab]?(?:\s*\/\s*(?:[1-4]|I{1,3})[ab]?)?`;
const TRIAL_NAME = String.raw`[A-Z][A-Z0-9]{2,}(?:-(?:[A-Z][a-z]+)?[A-Z0-9]*\d[A-Za-z0-9]*|-[A-Z]{2,4}\b)?`;
/**
 * "the EMILIA Phase III trial", "the global Phase 3 TIDEWAY-01 trial", "KESTREL-2 (NCT05894412)", "LANTERN-302,
 * a global Phase 3 trial of …".
 */
const NAMED_TRIAL = new RegExp(
  String.raw`\b(?:(${PHASE})\s+)?(${TRIAL_NAME})(?:\s+(${PHASE}))?(?:\s+(?:trial|study)\b|(?=\s*\(NCT\d{8}\))|(?=,\s+an?\s+[^.;()]*?${PHASE}[^.;()]*?\b(?:trial|study)\b))`,
  'g',
);
/** "a Japanese Phase II trial", "Lanxin's ongoing Phase 1 dose-escalation and expansion trial". */
const DESCRIBED_TRIAL = new RegExp(
  String.raw`(?:\b([A-Z][\w-]*)['’]s?\s+)?((?:(?:[A-Z][a-z]+|global|pivotal|randomized|ongoing|open-label|registrational|multinational)\s+)*)(${PHASE}|[Ff]irst-in-human)((?:\s+(?!trial|study)[a-z][\w-]*){0,4}?)\s+(trial|study)\b(?!\s+(?:data|results))`,
  'g',
);
const DESCRIBED_AFTER_NAME = new RegExp(
  String.raw`^\s*(?:\(NCT\d{8}\))?,\s+an?\s+[^.;()]*?(${PHASE})[^.;()]*?\b(?:trial|study)\b`,
);
const NCT = /\bNCT\d{8}\b/;
/** The region right after an unnamed trial: "… trial in China", "… trial of X conducted in Japan". */
const TRIAL_REGION =
  /^\s+(?:of\s+[\w-]+\s+)?(?:(?:being\s+)?conducted\s+)?in\s+(?:the\s+)?([A-Z][\w.]*(?:\s[A-Z][\w.]*)?)/;
/** All-capital words that are not trial names. */
const NOT_A_TRIAL =
  /^(?:FDA|EMA|ADC|ADCS|BLA|NDA|MAA|ORR|PFS|OS|TPC|NCT|CHMP|MHLW|PMDA|HER2|IHC|NHI|USA|GEJ)$/;
const DESIGN_WORDS =
  /\b(?:randomi[sz]ed|open-label|single-arm|double-blind|placebo-controlled|multicenter|dose-escalation and expansion|dose-escalation|dose-expansion)\b/gi;
const COMPARED_TO = /\b(?:compared (?:to|with)|versus|vs\.?)\s+([^,.;()]+?)(?=\s+(?:for|in)\b|[,.;(]|$)/;
const COMPARED_X_WITH = /\bcompared\s+(?!to\b|with\b)[^,;]+?\s+with\s+([^,.;]+?)(?=\s+in\b|\s*[,.;(]|$)/;
const PRIMARY_ENDPOINT =
  /\bprimary endpoint (?:is |was |of )?([^,.;]+?)(?=\s+(?:as assessed|by|was|is)\b|[,.;]|$)/;
const SECONDARY_ENDPOINT = /([A-Za-z][\w -]*?)(?:,| is| was)\s+a key secondary endpoint/;
const OUTCOME =
  /\b(?:met|meeting|did not meet|hazard ratio|demonstrated|showed|reduced the risk|improvement in)\b/i;
const ONGOING =
  /\b(?:ongoing|being evaluated|is evaluating|currently|enrolling|have been dosed|first patient|completed enrollment)\b/i;
const PLANNED =
  /\b(?:intends?|plans?|planned|will (?:initiate|begin|start|move)|expected to (?:begin|start|initiate))\b/i;
const COMPLETED = /\b(?:trial|study) (?:was |has been )?completed\b(?! enrollment)/i;
const STUDIES_ASSESSING = /\b(?:studies|trials?)\s+(?:assessing|evaluating|investigating)\b/i;
const BASED_ON = /\bbased on\b/i;
const CONDUCTING = /\b(?:is|are) (?:conducting|running|sponsoring)\b/i;

interface TrialFound {
  id: string;
  sentence: number;
  phase?: string;
  status?: string;
  tests: string[];
  studies: string[];
  sponsor?: string;
}

export function extractTrials(analysis: Analysis): void {
  const indications = draftIndications(analysis);
  const trials: TrialFound[] = [];
  const named = new Map<string, string>();
  analysis.sentences.forEach(({ text }, index) => {
    for (const found of findTrials(analysis, text, index, named)) {
      trials.push(draftTrial(analysis, found, text, index, indications.get(index) ?? []));
    }
    describeNamedTrials(analysis, text, index, named);
  });
  for (const trial of trials) linkInvestigation(analysis, trial);
  draftTrialStages(analysis, trials);
  draftStudiesAssessing(analysis, indications);
}

// ---------------------------------------------------------------------------------------------- indications

interface IndicationAt {
  id: string;
  start: number;
  end: number;
}

function draftIndications(analysis: Analysis): Map<number, IndicationAt[]> {
  const byKey = new Map<string, string>();
  const bySentence = new Map<number, IndicationAt[]>();
  const abbreviations = abbreviationsIn(analysis.sentences.map((s) => s.text));
  analysis.sentences.forEach(({ text }, index) => {
    for (const found of findIndications(text, abbreviations)) {
      const key = [found.disease, found.biomarker, found.setting, found.lineOfTherapy, found.priorTherapy]
        .join('|')
        .toLowerCase();
      const { start, end, name, ...fields } = found;
      const id = byKey.get(key) ?? analysis.entity('indications', [name], fields, [index], slug(name));
      analysis.draft.entity('indications', id, {}, [index]);
      byKey.set(key, id);
      analysis.mention({ label: 'Indication', id, sentence: index, start, end });
      bySentence.set(index, [...(bySentence.get(index) ?? []), { id, start, end }]);
      linkPriorTherapies(analysis, index, id, start, end);
    }
  });
  return bySentence;
}

/** Drugs (and antibodies named alone) in an indication's prior therapy: "after Herceptin® (trastuzumab)". */
function linkPriorTherapies(
  analysis: Analysis,
  index: number,
  indication: string,
  start: number,
  end: number,
) {
  const text = analysis.sentences[index]?.text ?? '';
  const prior = /\b(?:received|treated with|after|following|progressed on)\b/.exec(text.slice(start, end));
  if (!prior) return;
  const from = start + (prior.index ?? 0);
  const drugs = analysis.mentionsIn(index, 'Drug').filter((m) => m.start >= from && m.end <= end);
  for (const drug of drugs)
    analysis.draft.link('indications', indication, 'priorTherapies', drug.id, [index]);
  const inDrugs = (at: number) =>
    drugs.some((d) => at >= d.start && at < d.end + 20 && text.slice(d.end, at).includes('('));
  for (const match of text.slice(from, end).matchAll(/\b[a-z]{4,}mab\b/g)) {
    const at = from + (match.index ?? 0);
    if (inDrugs(at)) continue;
    const antibody = analysis.entity('antibodies', [match[0]], {}, [index], match[0]);
    analysis.draft.link('indications', indication, 'priorTherapies', antibody, [index]);
  }
}

// ---------------------------------------------------------------------------------------------------- trials

interface Candidate {
  name: string;
  aliases: string[];
  phase?: string;
  start: number;
  end: number;
  sponsorName?: string;
  /** The sponsors' ids, where the words around an unnamed trial say who runs it. */
  sponsors?: string[];
  regionText?: string;
  /** What identifies an unnamed trial across releases: sponsor, phase, drug and region. */
  keys?: string[];
}

function findTrials(
  analysis: Analysis,
  text: string,
  index: number,
  named: Map<string, string>,
): Candidate[] {
  const found: Candidate[] = [];
  for (const match of text.matchAll(NAMED_TRIAL)) {
    const name = match[2] as string;
    if (NOT_A_TRIAL.test(name) || analysis.find('Company', name) || analysis.find('Drug', name)) continue;
    if (
      analysis
        .mentionsIn(index)
        .some(
          (m) =>
            m.label !== 'Trial' &&
            m.start <= (match.index ?? 0) + match[0].indexOf(name) &&
            m.end > (match.index ?? 0) + match[0].indexOf(name),
        )
    )
      continue;
    const start = match.index ?? 0;
    // "KESTREL-2 (NCT05894412), an open-label, single-arm Phase 2 trial": the description is the named trial's.
    const described = DESCRIBED_AFTER_NAME.exec(text.slice(start + match[0].length));
    const end = start + match[0].length + (described?.[0].length ?? 0);
    found.push({ name, aliases: [], phase: match[1] ?? match[3] ?? described?.[1], start, end });
  }
  for (const match of text.matchAll(DESCRIBED_TRIAL)) {
    const start = (match.index ?? 0) + (match[1] ? 0 : 0);
    const end = (match.index ?? 0) + match[0].length;
    if (found.some((f) => start < f.end && f.start < end)) continue;
    if (/\b(?:trials|studies)\b/.test(match[0])) continue;
    const drug = drugsOf(analysis, index)[0];
    if (!drug) continue;
    const adjectives = (match[2] ?? '').replace(/\b(?:ongoing)\s+/g, '');
    const possessive = match[1] ? `${match[1]}'s ` : '';
    const words = `${possessive}${adjectives}${match[3]}${match[4] ?? ''} ${match[5]}`.replace(/\s+/g, ' ');
    const inRegion = TRIAL_REGION.exec(text.slice(end));
    const region = inRegion?.[1] && regionPattern().test(inRegion[1]) ? inRegion[1] : undefined;
    regionPattern().lastIndex = 0;
    const sponsors = sponsorsOf(analysis, text, index, { start, end, sponsorName: match[1] });
    const drugName = drugNameFor(analysis, drug, sponsors[0]);
    if (!drugName) continue;
    const name = capitalise(`${words} of ${drugName}${region ? ` in ${region}` : ''}`);
    const phase = phaseOf(match[3]);
    const keys = sponsors.length
      ? [
          `trial of ${drug} by ${sponsors.join(', ')} in ${phase ?? '?'} in ${(region && regionIdOf(region)) ?? 'any region'}`,
        ]
      : [];
    found.push({ name, aliases: [], phase: match[3], start, end, sponsors, regionText: region, keys });
  }
  for (const trial of found) {
    const nct = NCT.exec(text.slice(trial.start, trial.end + 80));
    if (
      nct &&
      !found.some(
        (other) =>
          other !== trial && other.start > trial.start && other.start < trial.start + (nct.index ?? 0),
      )
    ) {
      trial.aliases.push(nct[0]);
    }
    named.set(trial.name, '');
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * The name to call a drug by in an unnamed trial's name: the sponsor's own code for it where the drug has one
 * (a licensee renames a drug: "VLR-207", Velora's code for Lanxin's "LX-1207"), else the drug's name.
 */
function drugNameFor(analysis: Analysis, drugId: string, sponsor: string | undefined): string | undefined {
  const record = analysis.draft.record('drugs', drugId);
  // A drug an earlier release named has no name in this draft: the text's spellings stand for it.
  const spellings = analysis.mentions
    .filter((m) => m.label === 'Drug' && m.id === drugId)
    .map((m) => analysis.sentences[m.sentence]?.text.slice(m.start, m.end));
  const names = [record?.name, ...((record?.aliases as unknown[] | undefined) ?? []), ...spellings].filter(
    (n): n is string => typeof n === 'string',
  );
  const sponsorNames = sponsor ? companyNamesIn(analysis, sponsor) : [];
  const own = names.find((name) => {
    const prefix = CODE_PREFIX.exec(name)?.[1]?.toLowerCase();
    return prefix && sponsorNames.some((company) => abbreviates(prefix, company.toLowerCase()));
  });
  return own ?? names[0];
}

/** The letters before a development code's number: "VLR" of "VLR-207". */
const CODE_PREFIX = /^([A-Z]{2,4})-?\d/;

/** The names the release writes for a company (as its mentions spell them). */
function companyNamesIn(analysis: Analysis, company: string): string[] {
  return analysis.mentions
    .filter((m) => m.label === 'Company' && m.id === company)
    .map((m) => analysis.sentences[m.sentence]?.text.slice(m.start, m.end) ?? '');
}

/**
 * Whether `letters` abbreviate `name`: the first starts one of its words, the rest follow in order ("vlr" of
 * "Velora", "lx" of "Suzhou Lanxin").
 */
function abbreviates(letters: string, name: string): boolean {
  const word = name.search(new RegExp(`(?:^|\\s)${letters[0]}`));
  if (word < 0) return false;
  let at = word + (name[word] === letters[0] ? 1 : 2);
  for (const letter of letters.slice(1)) {
    const next = name.indexOf(letter, at);
    if (next < 0) return false;
    at = next + 1;
  }
  return true;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function phaseOf(text: string | undefined): string | undefined {
  if (!text?.startsWith('Phase')) return undefined;
  const roman: Record<string, string> = { I: '1', II: '2', III: '3', IV: '4' };
  const numbers = text
    .replace(/^Phase\s+/, '')
    .split('/')
    .map((part) => part.trim().replace(/[ab]$/, ''))
    .map((part) => roman[part] ?? part);
  if (numbers.length === 1) return `PHASE_${numbers[0]}`;
  return numbers[0] === numbers[1] ? `PHASE_${numbers[0]}` : `PHASE_${numbers[0]}_${numbers[1]}`;
}

function draftTrial(
  analysis: Analysis,
  candidate: Candidate,
  text: string,
  index: number,
  indications: readonly IndicationAt[],
): TrialFound {
  const status = COMPLETED.test(text)
    ? 'COMPLETED'
    : PLANNED.test(text)
      ? 'PLANNED'
      : ONGOING.test(text)
        ? 'ONGOING'
        : undefined;
  const design = [...new Set([...text.matchAll(DESIGN_WORDS)].map((m) => m[0]))].join(', ') || undefined;
  const comparator = (COMPARED_X_WITH.exec(text) ?? COMPARED_TO.exec(text))?.[1]?.trim();
  const phase = phaseOf(candidate.phase);
  const id = analysis.entity(
    'trials',
    [candidate.name, ...candidate.aliases],
    { phase, status, design, comparator, ...endpointsAndOutcome(text) },
    [index],
    slug(candidate.name),
    candidate.keys,
  );
  analysis.mention({ label: 'Trial', id, sentence: index, start: candidate.start, end: candidate.end });
  const comparatorAt = comparator ? text.indexOf(comparator) : -1;
  const inIndication = (at: number) => indications.some((i) => at >= i.start && at < i.end);
  const drugs = analysis.mentionsIn(index, 'Drug').filter((d) => !inIndication(d.start));
  const tested = drugs.length
    ? drugs
    : drugsOf(analysis, index).map((drugId) => ({ id: drugId, start: -1, end: -1 }));
  const tests: string[] = [];
  for (const drug of tested) {
    const role =
      comparatorAt >= 0 && drug.start >= comparatorAt && drug.start < comparatorAt + (comparator?.length ?? 0)
        ? 'COMPARATOR'
        : 'INVESTIGATIONAL';
    if (role === 'INVESTIGATIONAL' && drugs.length > 1 && drug.start > candidate.start && tests.length)
      continue;
    analysis.draft.link('trials', id, 'tests', drug.id, [index], { role });
    if (role === 'INVESTIGATIONAL') tests.push(drug.id);
  }
  // An indication before the trial in "approved for X based on the Y trial" is the approval's, not the trial's.
  const studied =
    indications.find((i) => i.start >= candidate.start) ?? (BASED_ON.test(text) ? undefined : indications[0]);
  if (studied) analysis.draft.link('trials', id, 'studies', studied.id, [index]);
  const sponsors = candidate.sponsors ?? sponsorsOf(analysis, text, index, candidate);
  for (const sponsor of sponsors) {
    analysis.draft.link('trials', id, 'conductedBy', sponsor, [index]);
    for (const drug of tests) analysis.draft.link('drugs', drug, 'developers', sponsor, [index]);
  }
  const sponsor = sponsors[0];
  const regionText = candidate.regionText ?? regionIn(candidate.name);
  const region =
    regionText && !/^(?:global|worldwide)$/i.test(regionText)
      ? draftRegion(analysis, regionText, index)
      : undefined;
  if (region) analysis.draft.link('trials', id, 'regions', region, [index]);
  return { id, sentence: index, phase, status, tests, studies: studied ? [studied.id] : [], sponsor };
}

function regionIn(name: string): string | undefined {
  const pattern = regionPattern();
  pattern.lastIndex = 0;
  const match = pattern.exec(name.split(/ of /)[0] ?? '');
  pattern.lastIndex = 0;
  return match?.[0];
}

/**
 * Who runs a trial: a possessive before it ("Lanxin's Phase 1 trial"), "conducted (in China) by X" after it, the
 * subject of a verb of running it ("Arbonyx expects to start a …", "The two companies will jointly run X"), or
 * for "We intend to move … into a … study" in a quote, the speaker's company.
 */
function sponsorsOf(
  analysis: Analysis,
  text: string,
  index: number,
  candidate: { start: number; end: number; sponsorName?: string },
): string[] {
  const one = sponsorOf(analysis, text, index, candidate);
  return one === undefined ? [] : typeof one === 'string' ? [one] : one;
}

function sponsorOf(
  analysis: Analysis,
  text: string,
  index: number,
  candidate: { start: number; end: number; sponsorName?: string },
): string | string[] | undefined {
  if (candidate.sponsorName) return analysis.find('Company', candidate.sponsorName);
  const before = text.slice(0, candidate.start);
  const possessive = /([A-Z][\w-]*)['’]s?\s+(?:[\w-]+\s+){0,3}$/.exec(before);
  const company = possessive?.[1] && analysis.find('Company', possessive[1]);
  if (company) return company;
  const companies = analysis.mentionsIn(index, 'Company');
  const by = RUN_BY.exec(text.slice(candidate.end));
  if (by) {
    const at = candidate.end + by[0].length;
    const named = companies.find((c) => c.start === at);
    if (named) return named.id;
  }
  const run = RUN_VERB.exec(before);
  if (!run) return undefined;
  const subject = before.slice(0, run.index);
  const last = [...companies].reverse().find((c) => c.end <= (run.index ?? 0));
  if (last && /^['’]?\s*$/.test(subject.slice(last.end))) return last.id;
  if (/\b(?:[Tt]he two|[Bb]oth) companies\s*$/.test(subject)) return pairOfCompanies(analysis, index);
  if (/\b[Ww]e\s*$/.test(subject)) return speakersCompany(analysis, index);
  return undefined;
}

/** "conducted in China by X", "sponsored by X": the words between a trial and its sponsor. */
const RUN_BY =
  /^[^.;]*?\b(?:sponsored|conducted|run|led)(?:\s+in\s+(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)?\s+by\s+/;
/** A verb of running a trial right before it, its subject before the verb: "X expects to start a first-in-human". */
const RUN_VERB =
  /\s+(?:(?:is|are|has|have)\s+)?(?:(?:also|jointly|currently)\s+)?(?:(?:expects?|plans?|intends?|aims?)\s+to\s+|will\s+)?(?:jointly\s+)?(?:start|initiate|begin|run|conduct|sponsor|launch|started|initiated|began|running|conducting|sponsoring|launched|runs|conducts|sponsors|move\s+[^.;]{1,40}?\s+into)\s+(?:(?:a|an|the|its|their)\s+)?(?:[\w-]+\s+){0,5}?$/;

/** "The two companies": the two companies the paragraph names, if it names exactly two. */
function pairOfCompanies(analysis: Analysis, index: number): string[] | undefined {
  const ids = new Set<string>();
  for (let i = index; i >= 0; i -= 1) {
    for (const m of analysis.mentionsIn(i, 'Company')) ids.add(m.id);
    if (!sameParagraph(analysis, i)) break;
  }
  return ids.size === 2 ? [...ids] : undefined;
}

/** The company of whoever speaks in sentence `index`: the person named in it or before it in its paragraph. */
function speakersCompany(analysis: Analysis, index: number): string | undefined {
  for (let i = index; i >= 0; i -= 1) {
    const person = analysis.mentionsIn(i, 'Person').at(-1);
    if (person) {
      const works = analysis.draft.record('people', person.id)?.worksFor as { ref: string }[] | undefined;
      return works?.[0]?.ref;
    }
    if (!sameParagraph(analysis, i)) break;
  }
  return undefined;
}

function endpointsAndOutcome(text: string): Record<string, unknown> {
  const endpoints = [PRIMARY_ENDPOINT.exec(text)?.[1], SECONDARY_ENDPOINT.exec(text)?.[1]]
    .filter((e): e is string => Boolean(e))
    .map((e) => e.trim());
  return {
    endpoints: endpoints.length ? endpoints : undefined,
    outcome: OUTCOME.test(text) ? text : undefined,
  };
}

/** A trial named again ("In LUMINA-BC3, …", "The EMILIA trial assessed …"): its mention, endpoints, outcome. */
function describeNamedTrials(
  analysis: Analysis,
  text: string,
  index: number,
  named: Map<string, string>,
): void {
  for (const name of named.keys()) {
    if (!/^[A-Z0-9-]+$/.test(name)) continue;
    const at = text.search(new RegExp(`\\b${name}\\b`));
    if (at < 0 || analysis.mentionsIn(index, 'Trial').length) continue;
    const id = analysis.find('Trial', name);
    if (!id) continue;
    analysis.mention({ label: 'Trial', id, sentence: index, start: at, end: at + name.length });
    const comparator = (COMPARED_X_WITH.exec(text) ?? COMPARED_TO.exec(text))?.[1]?.trim();
    analysis.draft.entity('trials', id, { comparator, ...endpointsAndOutcome(text) }, [index]);
  }
}

// ------------------------------------------------------------------------------------------- investigations

/** A trial under way or planned that tests a drug in an indication: the drug is investigated for it. */
function linkInvestigation(analysis: Analysis, trial: TrialFound): void {
  if (trial.status !== 'ONGOING' && trial.status !== 'PLANNED') return;
  for (const drug of trial.tests) {
    for (const indication of trial.studies) {
      analysis.draft.link('drugs', drug, 'investigatedFor', indication, [trial.sentence], {
        sponsor: trial.sponsor,
        status: trial.status,
      });
    }
  }
}

/** A drug's furthest trial under way or done, where no rule of its own stated a stage. */
function draftTrialStages(analysis: Analysis, trials: readonly TrialFound[]): void {
  const best = new Map<string, { stage: Stage; at: number }>();
  for (const trial of trials) {
    if (!trial.phase || trial.status === 'PLANNED') continue;
    for (const drug of trial.tests) {
      const stage = trial.phase as Stage;
      const known = best.get(drug);
      if (!known || STAGES.indexOf(stage) > STAGES.indexOf(known.stage))
        best.set(drug, { stage, at: trial.sentence });
    }
  }
  for (const [drug, { stage, at }] of best) {
    if (!analysis.draft.record('drugs', drug)?.highestPhase) {
      analysis.draft.entity('drugs', drug, { highestPhase: stage }, [at]);
    }
  }
}

/** "Roche is conducting a number of studies assessing Kadcyla … These include for …". */
function draftStudiesAssessing(analysis: Analysis, indications: ReadonlyMap<number, IndicationAt[]>): void {
  analysis.sentences.forEach(({ text }, index) => {
    if (!STUDIES_ASSESSING.test(text)) return;
    const drug = analysis.mentionsIn(index, 'Drug')[0];
    if (!drug) return;
    const sponsor = CONDUCTING.test(text) ? analysis.mentionsIn(index, 'Company')[0]?.id : undefined;
    const status = /\b(?:is|are) conducting|ongoing\b/i.test(text) ? 'ONGOING' : undefined;
    const next = analysis.sentences[index + 1]?.text ?? '';
    const at = [index, ...(/^(?:These|They) include\b/.test(next) ? [index + 1] : [])];
    for (const sentence of at) {
      for (const indication of indications.get(sentence) ?? []) {
        analysis.draft.link('drugs', drug.id, 'investigatedFor', indication.id, at, { sponsor, status });
      }
    }
  });
}
