import type { Analysis } from '../analysis.ts';
import { slug } from '../registry.ts';
import { companyNameKey, findTerm, vocabulary } from '../vocabulary.ts';
import {
  CAPITALISED,
  type Found,
  isCompanyName,
  listedNames,
  mergeByKey,
  nameBefore,
  named,
  trimName,
} from './companyNames.ts';
import { escapeRegExp, findAll, mentionAll } from './mentions.ts';

/**
 * Companies: names that end in a legal form ("Genentech, Inc.") or an industry word ("Velora Therapeutics"),
 * names before a ticker ("(Nasdaq: IMGN)"), groups ("a member of the Roche Group"), companies the vocabulary
 * knows, and the partners a sentence lists ("partnerships with Amgen, Bayer HealthCare and Sanofi"). Every
 * name found anywhere then counts wherever the release repeats it.
 */

/** A ticker in the parenthesis after a name: "(Nasdaq: IMGN)", "("Lanxin", HKEX: 2487)", "(TSE: 4619, hereafter …)". */
const TICKER = /\((?:[^()]*?[;,]\s*)?([A-Z][A-Za-z ]{1,40}?)\s*:\s*([A-Z0-9.]{1,8})\s*(?:[;,][^)]*)?\)/g;
/** A defined short name: `Suzhou Lanxin Biopharmaceutical Co., Ltd. ("Lanxin", …)`, `(hereafter "Kisaragi")`. */
const DEFINED_NAME =
  /^\s*\((?:[^()"“]*?[;,]\s*)?(?:here(?:in)?after\s+(?:referred\s+to\s+as\s+)?)?(?:the\s+)?\\?["“]([A-Z][\w&'’ .-]{1,40}?)\\?["”]/;
/** "Professor of Gynecologic Oncology": a field of work, not a company. */
const FIELD_OF =
  /\b(?:Professor|Department|Division|Head|Director|Chair|School|Institute|Vice President|Chief)\s+of\s+$/;
/** Capitalised first words too common to stand for a company alone. */
const GENERIC_FIRST_WORDS = new Set([
  'First',
  'Global',
  'United',
  'American',
  'National',
  'General',
  'International',
  'China',
  'Japan',
  'European',
  'North',
  'South',
  'East',
  'West',
  'Bayer',
]);

/** Words that make a capitalised name an institution, not a company ("European Medicines Agency"). */
const INSTITUTIONS =
  /^\s+(?:Agency|Administration|Authority|Institute|Foundation|University|Association|Council|Committee|Commission|Center|Centre|Society|Hospital|Network|Ministry)\b/;
const MEMBER_OF = /,\s+a\s+member\s+of\s+(the\s+)?([A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)\s+Group/g;
const PARTNER_LIST = new RegExp(
  String.raw`\b(?:partnerships?|collaborations?|agreements?|alliances?)\s+with\s+((?:${CAPITALISED})(?:\s*,\s*(?:and\s+)?${CAPITALISED}|\s+and\s+${CAPITALISED})*)`,
  'g',
);
const KIND_OF_COMPANY: readonly [RegExp, 'BIOTECH' | 'PHARMA'][] = [
  [/\b(?:biotechnology|biopharmaceutical|biotech)\s+company\b/i, 'BIOTECH'],
  [/\bpharmaceutical\s+company\b/i, 'PHARMA'],
];
const APPOSITIVE = /^,\s+(an?\s+[^,]*?company\b[^,]*?(?:,[^,]*?)*?),\s+(?:today\s+)?announced/;
const WEBSITE = /\bwww\.[a-z0-9-]+\.[a-z.]+[a-z]/i;

export function extractCompanies(analysis: Analysis): void {
  const found = findCompanies(analysis);
  const ids = new Map<string, string>();
  for (const company of found) {
    const names = [company.name, ...company.aliases];
    const proposed = company.known ?? slug(companyNameKey(company.name));
    const id = analysis.entity('companies', names, company.fields, [company.sentence], proposed);
    for (const name of [company.name, ...company.aliases]) ids.set(name, id);
  }
  draftKnownCompanies(analysis, ids);
  mentionAll(analysis, 'Company', ids);
  linkGroups(analysis);
  describePublisher(analysis);
}

function findCompanies(analysis: Analysis): Found[] {
  const found: Found[] = [];
  const { legalForms, industryWords } = vocabulary();
  const legal = new RegExp(
    String.raw`(${CAPITALISED}),?\s+(${legalForms.map(escapeRegExp).join('|')})(?![\w])`,
    'g',
  );
  const nameThenParenthesis = new RegExp(
    String.raw`(${CAPITALISED}(?:,?\s+(?:${legalForms.map(escapeRegExp).join('|')}))*)(?=\s*\()`,
    'g',
  );
  const industry = new RegExp(
    String.raw`((?:[A-Z][\w&'’-]*\s+){0,3}(?:${industryWords.map(escapeRegExp).join('|')}))\b`,
    'g',
  );
  analysis.sentences.forEach(({ text }, sentence) => {
    if (isTitleCase(text)) return;
    for (const match of text.matchAll(TICKER)) {
      const exchange = findTerm('exchange', match[1] as string);
      if (!exchange) continue;
      const name = nameBefore(text, match.index);
      if (name)
        found.push(
          named(name, sentence, { ticker: match[2], exchange: exchange.name }, [match[2] as string]),
        );
    }
    for (const match of text.matchAll(nameThenParenthesis)) {
      const defined = DEFINED_NAME.exec(text.slice(match.index + match[0].length));
      const name = trimName(match[1] as string);
      if (defined?.[1] && defined[1] !== 'Company' && isCompanyName(name))
        found.push(named(name, sentence, {}, [defined[1]]));
    }
    for (const match of text.matchAll(legal)) {
      const name = trimName(
        `${match[1]}${text.slice(match.index + (match[1] as string).length, match.index + match[0].length)}`,
      );
      if (isCompanyName(name)) found.push(named(name, sentence));
    }
    for (const match of text.matchAll(industry)) {
      const name = trimName(match[1] as string);
      const institution = INSTITUTIONS.test(text.slice(match.index + match[0].length));
      const field = FIELD_OF.test(text.slice(0, match.index));
      if (isCompanyName(name) && /\s/.test(name) && !institution && !field) found.push(named(name, sentence));
    }
    for (const match of text.matchAll(MEMBER_OF)) {
      const group = match[2] as string;
      found.push(named(group, sentence, {}, [`${group} Group`, `the ${group} Group`]));
    }
    for (const match of text.matchAll(PARTNER_LIST)) {
      for (const name of listedNames(match[1] as string)) {
        if (isCompanyName(name)) found.push(named(trimName(name), sentence));
      }
    }
    for (const company of vocabulary().companies) {
      for (const name of [company.name, ...company.aliases]) {
        const alone = findAll(text, name).some(({ end }) => !/^\s+[A-Z]/.test(text.slice(end)));
        if (alone) {
          found.push({ ...named(company.name, sentence, {}, company.aliases), known: company.id });
        }
      }
    }
  });
  describe(analysis, found);
  const companies = mergeByKey(found);
  addFirstWordAliases(analysis, companies);
  return companies;
}

/** "Velora" for "Velora Therapeutics, Inc.", when the release writes it alone: the name people use. */
function addFirstWordAliases(analysis: Analysis, companies: Found[]): void {
  for (const company of companies) {
    const first = /^[A-Z][\p{L}\d-]{3,}/u.exec(company.name)?.[0];
    if (!first || company.known || !/\s/.test(company.name) || GENERIC_FIRST_WORDS.has(first)) continue;
    if (companies.some((other) => other !== company && other.name.startsWith(`${first} `))) continue;
    const alone = analysis.sentences.some(({ text }) =>
      findAll(text, first).some(({ end }) => !/^\s+[A-Z]/.test(text.slice(end))),
    );
    if (alone && !company.aliases.includes(first)) company.aliases.push(first);
  }
}

/** Headlines capitalise every word, so capitalised words there say nothing about names. */
function isTitleCase(text: string): boolean {
  const words = text.split(/\s+/).filter((word) => /^[\p{L}]{4,}/u.test(word));
  return words.length >= 4 && words.filter((word) => /^\p{Lu}/u.test(word)).length / words.length > 0.7;
}

/** The publisher's appositive ("a biotechnology company that develops …"), kind of company and website. */
function describe(analysis: Analysis, found: Found[]): void {
  for (const company of found) {
    const text = analysis.sentences[company.sentence]?.text ?? '';
    const after = text
      .slice(text.indexOf(company.name) + company.name.length)
      .replace(TICKER, '')
      .replace(/^\s+/, '');
    const appositive = APPOSITIVE.exec(after.startsWith(',') ? after : `, ${after}`);
    if (appositive?.[1]) {
      const description = appositive[1];
      company.fields.description ??= `${description[0]?.toUpperCase()}${description.slice(1)}.`;
      const kind = KIND_OF_COMPANY.find(([pattern]) => pattern.test(description));
      if (kind) company.fields.companyType ??= kind[1];
    }
  }
  const keys = found.map((company) => [company, companyNameKey(company.name).replace(/\s+/g, '')] as const);
  analysis.sentences.forEach(({ text }) => {
    const site = WEBSITE.exec(text)?.[0];
    if (!site) return;
    const owner = keys.find(([, key]) => site.toLowerCase().includes(key))?.[0];
    if (owner) owner.fields.website ??= site;
  });
}

/**
 * Companies earlier releases of the run named, written here only by a name no pattern finds ("Lanxin" after
 * "Suzhou Lanxin Biopharmaceutical Co., Ltd." was introduced elsewhere): each counts where it stands alone.
 */
function draftKnownCompanies(analysis: Analysis, ids: Map<string, string>): void {
  for (const [name, id] of analysis.knownSpellings('Company')) {
    if (ids.has(name) || name.length < 3) continue;
    const sentence = analysis.sentences.findIndex(({ text }) =>
      findAll(text, name).some(({ end }) => !/^\s+[A-Z]/.test(text.slice(end))),
    );
    if (sentence < 0) continue;
    if (![...ids.values()].includes(id)) analysis.entity('companies', [name], {}, [sentence]);
    ids.set(name, id);
  }
}

/** "Genentech, a member of the Roche Group": MEMBER_OF. */
function linkGroups(analysis: Analysis): void {
  analysis.sentences.forEach(({ text }, sentence) => {
    for (const match of text.matchAll(MEMBER_OF)) {
      const member = analysis
        .mentionsIn(sentence, 'Company')
        .filter((m) => m.end <= match.index)
        .at(-1);
      const group = analysis.find('Company', match[2] as string);
      if (member && group && member.id !== group) {
        analysis.draft.link('companies', member.id, 'memberOf', group, [sentence]);
      }
    }
  });
}

/** The publisher: the company that "announced" in the first sentences, or the one a `Source:` line names. */
function describePublisher(analysis: Analysis): void {
  const limit = Math.min(analysis.sentences.length, 12);
  for (let sentence = 0; sentence < limit; sentence += 1) {
    const text = analysis.sentences[sentence]?.text ?? '';
    if (!/\b(?:today\s+)?announced|\bannounces?\b|\breports?\b/i.test(text) && !/^Source:\s+[A-Z]/.test(text))
      continue;
    const first = analysis.mentionsIn(sentence, 'Company')[0];
    if (!first) continue;
    analysis.publisher = first.id;
    analysis.draft.describeDocument(
      { publisher: { ref: first.id, cite: [analysis.draft.cite(sentence)] } },
      [],
    );
    return;
  }
}
