import { DevelopmentStage } from '../../format.ts';
import type { Analysis } from '../analysis.ts';
import { slug } from '../registry.ts';
import { antibodyOf, findTerm, stemOf, vocabulary } from '../vocabulary.ts';
import { drugsOf, findDrugNames, type NameHit, notDrugNamesIn, sameDrugPairs } from './drugNames.ts';
import { escapeRegExp } from './mentions.ts';
import { draftRegion, REGION_NAME } from './regions.ts';

/**
 * Drugs and their parts: the drug's names (brand, INN, codes), modality and highest stage, its antibody, payload,
 * linker and targets (named in the text or read from the INN through the vocabulary), the technologies it uses,
 * and the companies that develop it, market it (with the region) and hold its trademark. Every name of a drug
 * or part is recorded as a mention wherever a sentence repeats it, for the rules that follow.
 */

interface Drug {
  id: string;
  names: string[];
  /** Names whose case the text may vary ("Trastuzumab Emtansine"): matched without case. */
  caseless: Set<string>;
  inn?: string;
  /** Sentences that give the INN, cited by what is read from it. */
  innAt: number[];
  generic?: NameHit;
}

export function extractDrugs(analysis: Analysis): void {
  const drugs = draftDrugs(analysis);
  mentionDrugs(analysis, drugs);
  const about = sentencesByDrug(analysis);
  for (const drug of drugs) {
    draftParts(analysis, drug, about.get(drug.id) ?? []);
    draftStage(analysis, drug);
  }
  analysis.sentences.forEach((_, index) => {
    draftCompanyLinks(analysis, index);
    draftTechnologies(analysis, index);
  });
}

// ------------------------------------------------------------------------------------------------ names

interface Group {
  hits: { hit: NameHit; sentence: number }[];
}

/** A capitalised word right before a parenthesis of drug names is a brand: "Kadcyla (trastuzumab emtansine)". */
const WORD_BEFORE_PARENTHESIS = /\b([A-Z][A-Za-z0-9-]+)[®™]?\s*\($/;
/** A capitalised word, which may be a drug an earlier release of the run named. */
const CAPITALISED_WORD = /\b[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*\b/g;
/** Where a single antibody INN stands as a drug, not as an antibody or a prior therapy. */
const ANTIBODY_AS_DRUG_BEFORE = /(?:in combination with|plus|versus|vs\.?|compared (?:with|to))\s+$/i;

/** Per release, the names it gives trials and platforms (not drugs). */
const notDrugNamesByAnalysis = new WeakMap<Analysis, Set<string>>();
function notDrugNamesOf(analysis: Analysis): Set<string> {
  let names = notDrugNamesByAnalysis.get(analysis);
  if (!names) {
    names = notDrugNamesIn(analysis.sentences.map((s) => s.text));
    notDrugNamesByAnalysis.set(analysis, names);
  }
  return names;
}

function hitsOf(analysis: Analysis, text: string): NameHit[] {
  const isCompany = (name: string) => Boolean(analysis.find('Company', name));
  const notDrugs = notDrugNamesOf(analysis);
  const hits = findDrugNames(text, isCompany, (name) => notDrugs.has(name));
  for (const hit of [...hits]) {
    const before = WORD_BEFORE_PARENTHESIS.exec(text.slice(0, hit.start));
    const word = before?.[1];
    if (!word || isCompany(word)) continue;
    const start = (before.index ?? 0) + before[0].indexOf(word);
    if (hits.some((h) => start < h.end && h.start < start + word.length)) continue;
    hits.push({ name: word, kind: 'brand', start, end: start + word.length });
  }
  for (const match of text.matchAll(CAPITALISED_WORD)) {
    const start = match.index ?? 0;
    const end = start + match[0].length;
    if (hits.some((h) => start < h.end && h.start < end)) continue;
    if (analysis.find('Drug', match[0])) hits.push({ name: match[0], kind: 'brand', start, end });
  }
  return hits.sort((a, b) => a.start - b.start);
}

/** Groups the release's drug names into drugs: names a sentence ties together, and the same name anywhere. */
function groupNames(analysis: Analysis): Group[] {
  const parent = new Map<string, string>();
  const root = (key: string): string => {
    const up = parent.get(key) ?? key;
    if (up === key) return key;
    const top = root(up);
    parent.set(key, top);
    return top;
  };
  const join = (a: string, b: string) => parent.set(root(a), root(b));
  const all: { hit: NameHit; sentence: number }[] = [];
  let last: NameHit | undefined;
  analysis.sentences.forEach(({ text }, sentence) => {
    const hits = hitsOf(analysis, text).filter((hit) => hit.kind !== 'mab' || isAntibodyDrug(text, hit));
    for (const hit of hits) {
      parent.set(key(hit), parent.get(key(hit)) ?? key(hit));
      all.push({ hit, sentence });
    }
    for (const [first, second] of sameDrugPairs(text, hitsOf(analysis, text))) {
      const before = first ?? last;
      if (!before) continue;
      for (const hit of [before, second]) {
        if (!parent.has(key(hit))) {
          parent.set(key(hit), key(hit));
          all.push({ hit, sentence });
        }
      }
      join(key(second), key(before));
    }
    last = hits.at(-1) ?? last;
  });
  const groups = new Map<string, Group>();
  for (const entry of all) {
    const top = root(key(entry.hit));
    const group = groups.get(top) ?? { hits: [] };
    group.hits.push(entry);
    groups.set(top, group);
  }
  return [...groups.values()];
}

const key = (hit: NameHit) => hit.name.toLowerCase();

function isAntibodyDrug(text: string, hit: NameHit): boolean {
  return ANTIBODY_AS_DRUG_BEFORE.test(text.slice(0, hit.start));
}

/** Drafts each group as a drug: the brand its name, else the name the text uses first. */
function draftDrugs(analysis: Analysis): Drug[] {
  return groupNames(analysis).map(({ hits }) => {
    const brand = hits.find(({ hit }) => hit.kind === 'brand')?.hit;
    const inn = hits.find(({ hit }) => hit.kind === 'inn')?.hit;
    const generic = inn ?? hits.find(({ hit }) => hit.kind === 'mab' || hit.kind === 'smallMolecule')?.hit;
    const genericKey = generic && key(generic);
    // A single antibody INN beside a brand is its generic name, not another name: "trastuzumab" alone is the
    // antibody. With a development code beside it, the antibody is the drug itself: "Lanvestra (ravonetamab, AB-0911)".
    const coded = hits.some(({ hit }) => hit.kind === 'code');
    const named = hits.some(({ hit }) => hit.kind !== 'mab')
      ? hits.filter(({ hit }) => hit.kind !== 'mab' || coded)
      : hits;
    const names = [
      ...new Set([brand?.name ?? (named[0] as (typeof hits)[0]).hit.name, ...named.map((h) => h.hit.name)]),
    ];
    const innAt = hits.filter(({ hit }) => key(hit) === genericKey).map(({ sentence }) => sentence);
    const cite = [...new Set(hits.map(({ sentence }) => sentence))];
    const id = analysis.entity(
      'drugs',
      names,
      { genericName: generic?.name },
      cite,
      slug(brand?.name ?? inn?.name ?? (names[0] as string)),
    );
    const caseless = new Set(
      hits.filter(({ hit }) => hit.kind !== 'brand' && hit.kind !== 'code').map((h) => h.hit.name),
    );
    return { id, names, caseless, inn: inn?.name, innAt, generic };
  });
}

/** Records every occurrence of every drug name, longest names first. */
function mentionDrugs(analysis: Analysis, drugs: readonly Drug[]): void {
  const patterns = drugs
    .flatMap((drug) => drug.names.map((name) => ({ drug, name })))
    .sort((a, b) => b.name.length - a.name.length)
    .map(({ drug, name }) => ({
      id: drug.id,
      pattern: new RegExp(`(?<![\\w-])${escapeRegExp(name)}(?![\\w-])`, drug.caseless.has(name) ? 'gi' : 'g'),
    }));
  analysis.sentences.forEach(({ text }, sentence) => {
    const taken: [number, number][] = [];
    for (const { id, pattern } of patterns) {
      for (const match of text.matchAll(pattern)) {
        const start = match.index ?? 0;
        const end = start + match[0].length;
        if (taken.some(([s, e]) => start < e && s < end)) continue;
        taken.push([start, end]);
        analysis.mention({ label: 'Drug', id, sentence, start, end });
      }
    }
  });
}

// ------------------------------------------------------------------------------------------------ parts

type Term = { id: string; name: string; aliases: string[] };

/** A regex of the names and aliases of vocabulary terms; short capitalised ones match only as written. */
function termPattern(terms: readonly Term[]): { exact: RegExp; caseless: RegExp } {
  const spellings = terms.flatMap((t) => [t.name, ...t.aliases]).sort((a, b) => b.length - a.length);
  const exact = spellings.filter((s) => s.length <= 4 || /^[A-Z0-9-]+$/.test(s));
  const caseless = spellings.filter((s) => !exact.includes(s));
  const of = (list: string[], flags: string) =>
    new RegExp(list.length ? `(?<!\\w)(?:${list.map(escapeRegExp).join('|')})(?!\\w)` : '(?!)', flags);
  return { exact: of(exact, 'g'), caseless: of(caseless, 'gi') };
}

let patterns: Record<'payload' | 'linker' | 'target', { exact: RegExp; caseless: RegExp }> | undefined;
function termPatterns() {
  const v = vocabulary();
  patterns ??= {
    payload: termPattern(v.payloads),
    linker: termPattern(v.linkers),
    target: termPattern(v.targets),
  };
  return patterns;
}

/** The vocabulary terms of a kind that `text` names, with their spelling and place. */
function termsIn(kind: 'payload' | 'linker' | 'target', text: string) {
  const { exact, caseless } = termPatterns()[kind];
  const found: { term: Term; spelling: string; start: number; end: number }[] = [];
  for (const pattern of [exact, caseless]) {
    for (const match of text.matchAll(pattern)) {
      const term = findTerm(kind, match[0]);
      const start = match.index ?? 0;
      if (term && !found.some((f) => start < f.end && f.start < start + match[0].length)) {
        found.push({ term, spelling: match[0], start, end: start + match[0].length });
      }
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Words around a target name that say a drug or antibody is directed at it. */
const TARGETING_BEFORE =
  /(?:\banti-|\btargeting\s+|\btargets\s+|\bdirected (?:against|at|to)\s+|\bbinds(?: to)?\s+)$/i;
const TARGETING_AFTER = /^(?:\s*\([^)]*\))?-(?:directed|targeted|targeting|specific)\b/i;
/** A target the vocabulary may not know, named by its targeting suffix: "GPC3-directed". */
const UNKNOWN_TARGET = /\b([A-Z][A-Z0-9.]{1,8}(?:-[A-Z0-9]{1,4})?)-(?:directed|targeted)\b/g;
const ANTIBODY_IN_TEXT = /\b(?:([A-Z][\w-]*)['’]s?\s+)?([a-z]{4,}mab)\s+antibody\b/;
const COMPANY_LINKER =
  /\b(?:one of ([A-Z][\w-]*)['’]s? (?:proprietary )?linkers|([A-Z][\w-]*)['’]s? (?:proprietary )?linker)\b/;
const POSSESSIVE_BEFORE = /\b([A-Z][\w-]*)['’]s?\s+$/;

interface Part {
  list: 'antibodies' | 'payloads' | 'linkers';
  names: string[];
  proposedId: string;
  owner?: string;
  at: number[];
}

/**
 * The sentences about each drug: those naming it, and those that go on about it in the same paragraph, but not
 * those about another drug too (a part then cannot be the other drug's). Read once, after every drug is
 * mentioned: a long release names hundreds of drugs in thousands of sentences.
 */
function sentencesByDrug(analysis: Analysis): Map<string, number[]> {
  const about = new Map<string, number[]>();
  analysis.sentences.forEach((_, index) => {
    const drugs = drugsOf(analysis, index);
    if (drugs.length !== 1) return;
    const [drugId] = drugs as [string];
    const sentences = about.get(drugId);
    if (sentences) sentences.push(index);
    else about.set(drugId, [index]);
  });
  return about;
}

function draftParts(analysis: Analysis, drug: Drug, about: readonly number[]): void {
  const stem = drug.inn ? stemOf(drug.inn) : undefined;
  const antibody = antibodyInText(analysis, about) ?? antibodyOfInn(drug);
  const payload = termPart(analysis, about, 'payload') ?? stemPart('payload', stem?.payload, drug.innAt);
  const linker =
    termPart(analysis, about, 'linker') ??
    companyLinker(analysis, about) ??
    stemPart('linker', stem?.linker, drug.innAt);
  const links = { antibody, payload, linker } as const;
  for (const [field, part] of Object.entries(links)) {
    if (!part) continue;
    const id = analysis.entity(part.list, part.names, {}, part.at, part.proposedId);
    if (part.owner) analysis.draft.link(part.list, id, 'owner', part.owner, part.at);
    analysis.draft.link('drugs', drug.id, field, id, part.at);
    if (part.list === 'antibodies') draftAntibodyTargets(analysis, drug, id, part, about);
  }
  for (const index of about) draftTextTargets(analysis, drug.id, index);
  if (stem || (antibody && (payload || linker)))
    analysis.draft.entity('drugs', drug.id, { modality: 'ADC' }, drug.innAt);
  draftModality(analysis, drug);
}

function antibodyInText(analysis: Analysis, about: readonly number[]): Part | undefined {
  for (const index of about) {
    const match = ANTIBODY_IN_TEXT.exec(analysis.sentences[index]?.text ?? '');
    if (!match?.[2]) continue;
    const owner = match[1] ? analysis.find('Company', match[1]) : undefined;
    return { list: 'antibodies', names: [match[2]], proposedId: match[2], owner, at: [index] };
  }
  return undefined;
}

/** The antibody an INN names: its first word ("trastuzumab" of "ado-trastuzumab emtansine"). */
function antibodyOfInn(drug: Drug): Part | undefined {
  const name = drug.inn ?? (drug.generic?.kind === 'mab' ? drug.generic.name : undefined);
  const word = name?.split(' ')[0]?.replace(/^[a-z]{3}-/, '');
  if (!word?.endsWith('mab')) return undefined;
  const at = drug.innAt.length ? drug.innAt : [];
  return at.length ? { list: 'antibodies', names: [word], proposedId: word, at } : undefined;
}

/** A payload or linker the sentences about the drug name, owned by the company whose possessive precedes it. */
function termPart(
  analysis: Analysis,
  about: readonly number[],
  kind: 'payload' | 'linker',
): Part | undefined {
  for (const index of about) {
    const text = analysis.sentences[index]?.text ?? '';
    const [found] = termsIn(kind, text);
    if (!found) continue;
    const possessive = POSSESSIVE_BEFORE.exec(text.slice(0, found.start))?.[1];
    const owner = possessive ? analysis.find('Company', possessive) : undefined;
    const names = [found.term.name, found.spelling].filter((n, i, all) => all.indexOf(n) === i);
    return {
      list: kind === 'payload' ? 'payloads' : 'linkers',
      names,
      proposedId: found.term.id,
      owner,
      at: [index],
    };
  }
  return undefined;
}

/** "one of ImmunoGen's linkers": a linker of that company's, not named. */
function companyLinker(analysis: Analysis, about: readonly number[]): Part | undefined {
  for (const index of about) {
    const match = COMPANY_LINKER.exec(analysis.sentences[index]?.text ?? '');
    const company = match?.[1] ?? match?.[2];
    const owner = company ? analysis.find('Company', company) : undefined;
    if (!company || !owner) continue;
    const name = `${company} linker`;
    return { list: 'linkers', names: [name], proposedId: slug(name), owner, at: [index] };
  }
  return undefined;
}

/** The payload or linker an INN's stem implies, under the vocabulary's name. */
function stemPart(kind: 'payload' | 'linker', id: string | undefined, at: number[]): Part | undefined {
  if (!id || !at.length) return undefined;
  const v = vocabulary();
  const term = (kind === 'payload' ? v.payloads : v.linkers).find((t) => t.id === id);
  if (!term) return undefined;
  return { list: kind === 'payload' ? 'payloads' : 'linkers', names: [term.name], proposedId: term.id, at };
}

/** The antibody's targets: the vocabulary's, and "anti-X" where the text describes the antibody. */
function draftAntibodyTargets(
  analysis: Analysis,
  drug: Drug,
  antibodyId: string,
  part: Part,
  about: readonly number[],
): void {
  const known = antibodyOf(part.names[0] as string)?.targets ?? [];
  const v = vocabulary();
  for (const targetId of known) {
    const target = v.targets.find((t) => t.id === targetId);
    if (!target) continue;
    const id = analysis.entity('targets', [target.name], {}, part.at, target.id);
    analysis.draft.link('antibodies', antibodyId, 'targets', id, part.at);
    analysis.draft.link('drugs', drug.id, 'targets', id, part.at);
  }
  for (const index of about) {
    const text = analysis.sentences[index]?.text ?? '';
    for (const found of termsIn('target', text)) {
      if (!/^-\S*\s+(?:\S+\s+){0,3}(?:monoclonal )?antibody/.test(text.slice(found.end))) continue;
      if (!/anti-$/i.test(text.slice(0, found.start))) continue;
      const id = draftTarget(analysis, found.term, found.spelling, index);
      analysis.draft.link('antibodies', antibodyId, 'targets', id, [index]);
    }
  }
}

function draftTarget(analysis: Analysis, term: Term, spelling: string, index: number): string {
  const names = [term.name, spelling].filter((n, i, all) => all.indexOf(n) === i);
  const id = analysis.entity('targets', names, {}, [index], term.id);
  return id;
}

/** Targets a sentence about the drug says it is directed at: "targeting HER2", "anti-TROP2", "B7-H3-directed". */
function draftTextTargets(analysis: Analysis, drugId: string, index: number): void {
  const text = analysis.sentences[index]?.text ?? '';
  const found = termsIn('target', text).filter(
    (f) => TARGETING_BEFORE.test(text.slice(0, f.start)) || TARGETING_AFTER.test(text.slice(f.end)),
  );
  const terms = found.map((f) => ({ term: f.term, spelling: f.spelling, start: f.start }));
  for (const match of text.matchAll(UNKNOWN_TARGET)) {
    const name = match[1] as string;
    if (!findTerm('target', name))
      terms.push({ term: { id: slug(name), name, aliases: [] }, spelling: name, start: 0 });
  }
  for (const { term, spelling } of terms) {
    const id = draftTarget(analysis, term, spelling, index);
    analysis.draft.link('drugs', drugId, 'targets', id, [index]);
  }
  // A target named again in parentheses is one more spelling of it: "B7-H3 (CD276)".
  for (const f of found) {
    const again = termsIn('target', text).find(
      (o) => o.term.id === f.term.id && o.start > f.end && o.start - f.end < 4,
    );
    if (again) draftTarget(analysis, again.term, again.spelling, index);
  }
  for (const f of termsIn('target', text)) {
    analysis.mention({ label: 'Target', id: f.term.id, sentence: index, start: f.start, end: f.end });
  }
}

// ------------------------------------------------------------------------------------- modality, stage

const MODALITY_WORDS: readonly [RegExp, string][] = [
  [/\bbispecific\b/i, 'BISPECIFIC'],
  [/\bantibody[- ]drug conjugates?\b|\bADCs?\b(?!\s+(?:technology|platform))/, 'ADC'],
  [/\bsmall[- ]molecule\b/i, 'SMALL_MOLECULE'],
  [/\bCAR[- ]T\b|\bcell therapy\b/i, 'CELL_THERAPY'],
  [/\bgene therapy\b/i, 'GENE_THERAPY'],
  [/\bvaccine\b/i, 'VACCINE'],
  [/\bpeptide\b/i, 'PEPTIDE'],
  [/\bmonoclonal antibody\b/i, 'ANTIBODY'],
];

/** The modality the words right after the drug's name give ("LX-1207, a B7-H3-directed ADC"), else its INN's. */
function draftModality(analysis: Analysis, drug: Drug): void {
  for (const mention of analysis.mentions.filter((m) => m.label === 'Drug' && m.id === drug.id)) {
    const text = analysis.sentences[mention.sentence]?.text ?? '';
    const next = analysis
      .mentionsIn(mention.sentence, 'Drug')
      .find((m) => m.start > mention.end && m.id !== drug.id);
    const after =
      text.slice(mention.end, Math.min(next?.start ?? text.length, mention.end + 100)).split(/[;.]/)[0] ?? '';
    if (
      !/^[®™]?\s*(?:\([^)]*\)\s*)?(?:,\s*(?:an?|the|its|[A-Z][\w-]*['’]s?)\b|is an?\b|consists|comprises)/.test(
        after,
      )
    )
      continue;
    const modality = MODALITY_WORDS.find(([pattern]) => pattern.test(after))?.[1];
    if (modality) analysis.draft.entity('drugs', drug.id, { modality }, [mention.sentence]);
  }
  const kind = drug.generic?.kind;
  const modality = kind === 'mab' ? 'ANTIBODY' : kind === 'smallMolecule' ? 'SMALL_MOLECULE' : undefined;
  if (modality) analysis.draft.entity('drugs', drug.id, { modality }, []);
}

/** Development stages, earliest first: the format's own order. */
export const STAGES = DevelopmentStage.options;
export type Stage = (typeof STAGES)[number];

const APPROVED =
  /\b(?:(?:has|have|was|were|been|is) (?:been )?approved|approval (?:of|for|to|in)\b|(?:received|receives|granted|grants) (?:\w+ ){0,3}approval|marketed (?:in|by|as))\b/i;
const FILED =
  /\b(?:BLA|sBLA|NDA|sNDA|MAA|Biologics License Application|New Drug Application|Marketing ?Authori[sz]ation Application|under (?:priority )?review|accepted for review)\b/;
const PRECLINICAL = /\bpre-?clinical\b/i;
const HEDGED =
  /\b(?:would|could|may|might|potential(?:ly)?|expected|anticipated|seeks?|seeking|if|plans?|intends?|will)\b/i;

/** The furthest stage a sentence naming the drug states of it: approved, filed, preclinical. */
function draftStage(analysis: Analysis, drug: Drug): void {
  let best: { stage: Stage; at: number[] } | undefined;
  const sentences = new Set(
    analysis.mentions
      .filter(
        (m) =>
          m.label === 'Drug' &&
          m.id === drug.id &&
          analysis.mentionsIn(m.sentence, 'Drug')[0]?.id === drug.id,
      )
      .map((m) => m.sentence),
  );
  for (const index of sentences) {
    const text = analysis.sentences[index]?.text ?? '';
    const stage: Stage | undefined =
      APPROVED.test(text) && !HEDGED.test(text)
        ? 'APPROVED'
        : FILED.test(text)
          ? 'FILED'
          : PRECLINICAL.test(text) && drugsOf(analysis, index).length === 1
            ? 'PRECLINICAL'
            : undefined;
    if (!stage) continue;
    if (!best || STAGES.indexOf(stage) > STAGES.indexOf(best.stage)) best = { stage, at: [index] };
    else if (stage === best.stage) best.at.push(index);
  }
  if (best) analysis.draft.entity('drugs', drug.id, { highestPhase: best.stage }, best.at);
}

// --------------------------------------------------------------------------- developers, marketers, marks

/** After a company's possessive, a noun for the drug: "Kestrel's lead antibody-drug conjugate". */
const DRUG_NOUN =
  /^['’]s?\s+(?:[\w-]+\s+){0,4}?(?:product|drug|ADC|antibody-drug conjugate|conjugate|candidate|compound|asset|program|medicine|therapy)\b(?!\s+(?:technology|platform))/;
const PIPELINE_INCLUDES = /^['’]s?\s+(?:[\w-]+\s+)?pipeline (?:also )?includes\s+$/;
const BY_DEVELOPER = /\b(?:discovered|developed|originated|invented)(?: and developed)? by\s+$/;
const DEVELOP_VERB =
  /\b(?:co-develop|develop|developing|development)\b(?![^,;]*?\b(?:antibody-drug conjugates|ADCs|therapeutics|products|medicines|treatments)\b)/g;
const MARKETED_BY = /\bmarketed\s+(?:in\s+(?:the\s+)?([A-Z][\w.]*(?:\s[A-Z][\w.]*)?)\s+)?by\s+$/;
const LICENSED_AND_MARKETED = /^\s+and marketed in (?:the )?([A-Z][\w.]*(?:\s[A-Z][\w.]*)?)\s+as\b/;
const TRADEMARK_OF = /\b(?:is|are) (?:a |the )?(?:registered )?trademarks? of\s+/;

function draftCompanyLinks(analysis: Analysis, index: number): void {
  const text = analysis.sentences[index]?.text ?? '';
  const drugs = analysis.mentionsIn(index, 'Drug');
  const companies = analysis.mentionsIn(index, 'Company');
  if (!companies.length) return;
  const about = drugsOf(analysis, index);
  const developer = (drug: string, company: string) =>
    analysis.draft.link('drugs', drug, 'developers', company, [index]);
  for (const company of companies) {
    const after = text.slice(company.end);
    const before = text.slice(0, company.start);
    const drugNoun = DRUG_NOUN.exec(after);
    if (drugNoun) {
      const nounEnd = company.end + drugNoun[0].length;
      const adjacent = drugs.find(
        (d) =>
          /^[®™]?(?:\s*\([^)]*\))?,\s*$/.test(text.slice(d.end, company.start)) ||
          /^,?\s*$/.test(text.slice(nounEnd, d.start)),
      );
      if (adjacent) developer(adjacent.id, company.id);
    }
    const direct = drugs.find((d) => /^['’]s?\s+$/.test(text.slice(company.end, d.start)));
    if (direct) developer(direct.id, company.id);
    const listed = drugs.find(
      (d) => d.start > company.end && PIPELINE_INCLUDES.test(text.slice(company.end, d.start)),
    );
    if (listed) developer(listed.id, company.id);
    const by = [...drugs]
      .reverse()
      .find((d) => d.end <= company.start && BY_DEVELOPER.test(before.slice(d.end)));
    if (by) developer(by.id, company.id);
    const marketed = MARKETED_BY.exec(before);
    const licensed = /\blicensed to\s+$/.test(before) ? LICENSED_AND_MARKETED.exec(after) : null;
    const region = marketed ? marketed[1] : licensed?.[1];
    if ((marketed || licensed) && about.length === 1)
      draftMarketer(analysis, about[0] as string, company.id, region, index);
  }
  for (const verb of text.matchAll(DEVELOP_VERB)) {
    const at = verb.index ?? 0;
    const drug = drugs.find((d) => d.start > at && d.start - at < 80 && !/[;]/.test(text.slice(at, d.start)));
    if (!drug) continue;
    const clauseStart = text.lastIndexOf(';', at) + 1;
    for (const company of companies) {
      if (company.start >= clauseStart && company.end <= at) developer(drug.id, company.id);
    }
  }
  const mark = TRADEMARK_OF.exec(text);
  const holder = mark && companies.find((c) => c.start >= (mark.index ?? 0) + mark[0].length);
  if (mark && holder) {
    for (const drug of drugs.filter((d) => d.end <= (mark.index ?? 0))) {
      analysis.draft.link('drugs', drug.id, 'trademarkHolders', holder.id, [index]);
    }
  }
}

function draftMarketer(
  analysis: Analysis,
  drug: string,
  company: string,
  regionText: string | undefined,
  index: number,
) {
  const region =
    regionText && REGION_NAME.test(regionText) ? draftRegion(analysis, regionText, index) : undefined;
  analysis.draft.link('drugs', drug, 'marketers', company, [index], { region });
}

// ------------------------------------------------------------------------------------------ technologies

/** A named technology or platform: "Targeted Antibody Payload (TAP) technology", "TOPO1 payload-linker platform". */
const TECHNOLOGY =
  /((?:[A-Z][\w-]*|antibody-drug conjugate|payload-linker|linker-payload|drug-linker)(?:\s+(?:[A-Z][\w-]*|\([A-Z0-9]{2,}\)|payload-linker|linker-payload|drug-linker|conjugate))*)\s+(technology|platform)\b/g;
/** A technology named only by what it is, which needs its owner's name to be told apart. */
const GENERIC_TECHNOLOGY = /^(?:ADC|antibody-drug conjugate(?: \(ADC\))?)$/;
const NOT_TECHNOLOGY_WORDS = /^(?:The|Our|Its|Their|This|These|A|An|Company['’]s|Platform|Technology)\s+/;

function draftTechnologies(analysis: Analysis, index: number): void {
  const text = analysis.sentences[index]?.text ?? '';
  for (const match of text.matchAll(TECHNOLOGY)) {
    let phrase = match[1] as string;
    while (NOT_TECHNOLOGY_WORDS.test(phrase)) phrase = phrase.replace(NOT_TECHNOLOGY_WORDS, '');
    const start = (match.index ?? 0) + (match[1] as string).length - phrase.length;
    const leadCompany = analysis.mentionsIn(index, 'Company').find((c) => c.start === start);
    if (leadCompany) phrase = phrase.slice(leadCompany.end - leadCompany.start).trim();
    if (!phrase || !/[A-Z]|antibody-drug/.test(phrase)) continue;
    const owner = leadCompany?.id ?? ownerBefore(analysis, index, text.slice(0, start));
    const word = match[2] as string;
    const names = technologyNames(phrase, word);
    if (GENERIC_TECHNOLOGY.test(phrase)) {
      const ownerName = ownerNameBefore(analysis, index, text.slice(0, start), leadCompany);
      if (!ownerName) continue;
      names.unshift(`${ownerName} ${phrase.replace(/^antibody-drug conjugate \(ADC\)$/, 'ADC')} ${word}`);
    }
    const id = analysis.entity('technologies', names, {}, [index]);
    if (owner) analysis.draft.link('technologies', id, 'owner', owner, [index]);
    analysis.mention({
      label: 'Technology',
      id,
      sentence: index,
      start,
      end: (match.index ?? 0) + match[0].length,
    });
    const drug = analysis.mentionsIn(index, 'Drug')[0];
    if (drug) analysis.draft.link('drugs', drug.id, 'technologies', id, [index]);
  }
}

/** "Targeted Antibody Payload (TAP) technology" is also "TAP technology" and "Targeted Antibody Payload technology". */
function technologyNames(phrase: string, word: string): string[] {
  const names = [`${phrase} ${word}`];
  const acronym = /^(.*?)\s*\(([A-Z0-9]{2,})\)$/.exec(phrase);
  if (acronym) names.push(`${acronym[2]} ${word}`, `${acronym[1]} ${word}`);
  return names;
}

/** The owner a possessive before the technology names: "ImmunoGen's", or "its"/"our" (the sentence's company). */
function ownerBefore(analysis: Analysis, index: number, before: string): string | undefined {
  const possessive = /([A-Z][\w-]*)['’]s?\s+$/.exec(before);
  if (possessive) return analysis.find('Company', possessive[1] as string);
  if (/\bits\s+$/i.test(before)) return analysis.mentionsIn(index, 'Company')[0]?.id;
  if (/\bour\s+$/i.test(before)) return analysis.publisher;
  return undefined;
}

function ownerNameBefore(
  analysis: Analysis,
  index: number,
  before: string,
  lead: { start: number; end: number } | undefined,
): string | undefined {
  const text = analysis.sentences[index]?.text ?? '';
  if (lead) return text.slice(lead.start, lead.end);
  const possessive = /([A-Z][\w-]*)['’]s?\s+$/.exec(before)?.[1];
  if (possessive && analysis.find('Company', possessive)) return possessive;
  const first = analysis.mentionsIn(index, 'Company')[0];
  return /\bits\s+$/i.test(before) && first ? text.slice(first.start, first.end) : undefined;
}
