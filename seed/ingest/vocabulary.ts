import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';

/*
 * Domain vocabulary for the ingesters, kept as data in seed/vocabulary/*.yaml (each file names its source):
 * ADC INN stems, payloads, linkers, antibodies, targets, regulators, regions, stock exchanges and company-name
 * suffixes. The files are read and validated once, at first use; cross-references between them are checked.
 */

/** The folder of the vocabulary files. */
export const VOCABULARY_DIR = join(import.meta.dirname, '..', 'vocabulary');

/** The vocabulary files, by the key of their content in {@link Vocabulary}. */
export const VOCABULARY_FILES = {
  stems: 'inn-stems.yaml',
  payloads: 'payloads.yaml',
  linkers: 'linkers.yaml',
  antibodies: 'antibodies.yaml',
  targets: 'targets.yaml',
  agencies: 'agencies.yaml',
  regions: 'regions.yaml',
  exchanges: 'exchanges.yaml',
  companies: 'companies.yaml',
  companySuffixes: 'company-suffixes.yaml',
} as const;

export type VocabularyFile = keyof typeof VOCABULARY_FILES;

export interface VocabularySource {
  title: string;
  publisher: string;
  url: string;
  retrieved: string;
  note?: string;
}

/** The linker–payload word of an ADC INN ("deruxtecan" in "trastuzumab deruxtecan"). */
export interface InnStem {
  stem: string;
  /** Id in payloads.yaml. */
  payload?: string;
  /** Id in linkers.yaml, when the stem names the linker too. */
  linker?: string;
  implies: string;
  examples: string[];
}

export interface Payload {
  id: string;
  name: string;
  aliases: string[];
  class: string;
  mechanism: string;
}

export interface Linker {
  id: string;
  name: string;
  aliases: string[];
  type: string;
}

/** A monoclonal antibody INN (the first word of an ADC INN). */
export interface Antibody {
  name: string;
  /** Ids in targets.yaml. */
  targets: string[];
  note?: string;
}

export interface Target {
  id: string;
  name: string;
  aliases: string[];
}

export interface Agency {
  id: string;
  /** As texts write it: FDA, EMA, Health Canada. */
  short: string;
  name: string;
  aliases: string[];
  /** Id in regions.yaml. */
  region: string;
}

export interface Region {
  id: string;
  name: string;
  aliases: string[];
  note?: string;
}

export interface Exchange {
  id: string;
  name: string;
  aliases: string[];
}

/** A company releases name without a legal form or industry word ("Roche", "Amgen"), and its group. */
export interface KnownCompany {
  id: string;
  name: string;
  aliases: string[];
  memberOf?: string;
}

export interface Vocabulary {
  stems: InnStem[];
  payloads: Payload[];
  linkers: Linker[];
  antibodies: Antibody[];
  targets: Target[];
  agencies: Agency[];
  regions: Region[];
  exchanges: Exchange[];
  companies: KnownCompany[];
  /** Legal-form suffixes, dropped by {@link companyNameKey}. */
  legalForms: string[];
  /** Words that mark a company name (Pharmaceuticals, Therapeutics…) but are kept by {@link companyNameKey}. */
  industryWords: string[];
  sources: Record<VocabularyFile, VocabularySource>;
}

/** The kinds of entry {@link findTerm} looks up by id, name or alias. */
export interface TermKinds {
  payload: Payload;
  linker: Linker;
  target: Target;
  agency: Agency;
  region: Region;
  exchange: Exchange;
}
export type TermKind = keyof TermKinds;

/** The vocabulary files are invalid; each issue starts with the file and names the entry. */
export class VocabularyError extends Error {
  readonly issues: readonly string[];
  constructor(issues: readonly string[]) {
    super(
      `Invalid vocabulary (${issues.length} issue${issues.length === 1 ? '' : 's'}):\n${issues.join('\n')}`,
    );
    this.name = 'VocabularyError';
    this.issues = issues;
  }
}

// ---------------------------------------------------------------------------------------------- schemas

const text = z.string().trim().min(1);
const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a lower-case slug (a-z, 0-9, -)');
const word = z.string().regex(/^[a-z]+$/, 'must be one lower-case word');
const terms = z.array(text);

const sourceSchema = z.strictObject({
  title: text,
  publisher: text,
  url: z.url(),
  retrieved: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD'),
  note: text.optional(),
});

const fileSchemas = {
  stems: z.strictObject({
    source: sourceSchema,
    stems: z.array(
      z.strictObject({
        stem: word,
        payload: slug.optional(),
        linker: slug.optional(),
        implies: text,
        examples: z.array(text).min(1),
      }),
    ),
  }),
  payloads: z.strictObject({
    source: sourceSchema,
    payloads: z.array(z.strictObject({ id: slug, name: text, aliases: terms, class: text, mechanism: text })),
  }),
  linkers: z.strictObject({
    source: sourceSchema,
    linkers: z.array(z.strictObject({ id: slug, name: text, aliases: terms, type: text })),
  }),
  antibodies: z.strictObject({
    source: sourceSchema,
    antibodies: z.array(z.strictObject({ name: word, targets: z.array(slug).min(1), note: text.optional() })),
  }),
  targets: z.strictObject({
    source: sourceSchema,
    targets: z.array(z.strictObject({ id: slug, name: text, aliases: terms })),
  }),
  agencies: z.strictObject({
    source: sourceSchema,
    agencies: z.array(z.strictObject({ id: slug, short: text, name: text, aliases: terms, region: slug })),
  }),
  regions: z.strictObject({
    source: sourceSchema,
    regions: z.array(z.strictObject({ id: slug, name: text, aliases: terms, note: text.optional() })),
  }),
  exchanges: z.strictObject({
    source: sourceSchema,
    exchanges: z.array(z.strictObject({ id: slug, name: text, aliases: terms })),
  }),
  companies: z.strictObject({
    source: sourceSchema,
    companies: z.array(z.strictObject({ id: slug, name: text, aliases: terms, memberOf: slug.optional() })),
  }),
  companySuffixes: z.strictObject({
    source: sourceSchema,
    legalForms: z.array(text).min(1),
    industryWords: z.array(text),
  }),
} satisfies Record<VocabularyFile, z.ZodType>;

type Parsed = { [K in VocabularyFile]: z.output<(typeof fileSchemas)[K]> };

// ------------------------------------------------------------------------------------ normalisation

/** The key names and aliases are matched by: case folded, dots (not decimal points) and commas dropped, "the" dropped. */
function termKey(term: string): string {
  return term
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/(?<!\d)\.|\.(?!\d)/g, '')
    .replace(/,/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^the /, '');
}

/** The words of a company name: accents and case folded, "&" read as "and", dots and apostrophes dropped. */
export function nameTokens(name: string): string[] {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’.]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((token) => token.length > 0);
}

/**
 * The words of an INN, lower case, without the FDA's four-letter suffix ("deruxtecan-nxki") or three-letter
 * prefix ("fam-trastuzumab", "[fam-] trastuzumab", "Ado-Trastuzumab"): "fam-trastuzumab deruxtecan-nxki" →
 * ["trastuzumab", "deruxtecan"].
 */
export function innWords(inn: string): string[] {
  const words: string[] = [];
  for (const raw of inn
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[[\]()®™,;]/g, ' ')
    .split(/\s+/)) {
    if (raw === '' || /^[a-z]{3}-$/.test(raw)) continue;
    const w = raw
      .replace(/^[a-z]{3}-(?=[a-z]{4,})/, '')
      .replace(/-[a-z]{4}$/, '')
      .replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '');
    if (w !== '') words.push(w);
  }
  return words;
}

// --------------------------------------------------------------------------------------- validation

function fileLabel(file: VocabularyFile): string {
  return `seed/vocabulary/${VOCABULARY_FILES[file]}`;
}

function pathLabel(path: readonly PropertyKey[]): string {
  let label = '';
  for (const part of path) {
    if (typeof part === 'number') label += `[${part}]`;
    else label += label === '' ? String(part) : `.${String(part)}`;
  }
  return label === '' ? '(file)' : label;
}

interface Indexes {
  stems: Map<string, InnStem>;
  antibodies: Map<string, Antibody>;
  terms: { [K in TermKind]: Map<string, TermKinds[K]> };
  legalForms: string[][];
}

function termsOf(entry: { id: string; name: string; aliases: string[]; short?: string }): [string, string][] {
  const list: [string, string][] = [
    ['id', entry.id],
    ['name', entry.name],
  ];
  if (entry.short !== undefined) list.push(['short', entry.short]);
  entry.aliases.forEach((alias, i) => {
    list.push([`aliases[${i}]`, alias]);
  });
  return list;
}

function buildIndexes(v: Vocabulary, issues: string[]): Indexes {
  const termIndex = <T extends { id: string; name: string; aliases: string[]; short?: string }>(
    file: VocabularyFile,
    section: string,
    entries: T[],
  ): Map<string, T> => {
    const map = new Map<string, T>();
    const where = new Map<string, number>();
    entries.forEach((entry, i) => {
      for (const [field, term] of termsOf(entry)) {
        const key = termKey(term);
        const other = where.get(key);
        if (other !== undefined && other !== i) {
          issues.push(
            `${fileLabel(file)}: ${section}[${i}].${field}: "${term}" is already used by ${section}[${other}] (${entries[other]?.id})`,
          );
          continue;
        }
        where.set(key, i);
        map.set(key, entry);
      }
    });
    return map;
  };

  const stems = new Map<string, InnStem>();
  v.stems.forEach((stem, i) => {
    if (stems.has(stem.stem))
      issues.push(`${fileLabel('stems')}: stems[${i}].stem: "${stem.stem}" is listed twice`);
    stems.set(stem.stem, stem);
  });
  const antibodies = new Map<string, Antibody>();
  v.antibodies.forEach((antibody, i) => {
    if (antibodies.has(antibody.name)) {
      issues.push(`${fileLabel('antibodies')}: antibodies[${i}].name: "${antibody.name}" is listed twice`);
    }
    antibodies.set(antibody.name, antibody);
  });

  const legalForms: string[][] = [];
  const suffixWhere = new Map<string, string>();
  for (const [list, words] of [
    ['legalForms', v.legalForms],
    ['industryWords', v.industryWords],
  ] as const) {
    words.forEach((form, i) => {
      const tokens = nameTokens(form);
      const key = tokens.join(' ');
      const here = `${list}[${i}]`;
      const other = suffixWhere.get(key);
      if (tokens.length === 0)
        issues.push(`${fileLabel('companySuffixes')}: ${here}: "${form}" has no letters`);
      else if (other !== undefined) {
        issues.push(
          `${fileLabel('companySuffixes')}: ${here}: "${form}" is the same as ${other} once normalised`,
        );
      } else {
        suffixWhere.set(key, here);
        if (list === 'legalForms') legalForms.push(tokens);
      }
    });
  }
  legalForms.sort((a, b) => b.length - a.length);

  return {
    stems,
    antibodies,
    terms: {
      payload: termIndex('payloads', 'payloads', v.payloads),
      linker: termIndex('linkers', 'linkers', v.linkers),
      target: termIndex('targets', 'targets', v.targets),
      agency: termIndex('agencies', 'agencies', v.agencies),
      region: termIndex('regions', 'regions', v.regions),
      exchange: termIndex('exchanges', 'exchanges', v.exchanges),
    },
    legalForms,
  };
}

function checkReferences(v: Vocabulary, ix: Indexes, issues: string[]): void {
  const ids = (entries: { id: string }[]) => new Set(entries.map((entry) => entry.id));
  const payloadIds = ids(v.payloads);
  const linkerIds = ids(v.linkers);
  const targetIds = ids(v.targets);
  const regionIds = ids(v.regions);
  for (const [file, entries] of [
    ['payloads', v.payloads],
    ['linkers', v.linkers],
    ['targets', v.targets],
    ['agencies', v.agencies],
    ['regions', v.regions],
    ['exchanges', v.exchanges],
    ['companies', v.companies],
  ] as const) {
    const seen = new Set<string>();
    entries.forEach((entry, i) => {
      if (seen.has(entry.id))
        issues.push(`${fileLabel(file)}: ${file}[${i}].id: "${entry.id}" is listed twice`);
      seen.add(entry.id);
    });
  }

  const companyIds = ids(v.companies);
  v.companies.forEach((company, i) => {
    if (company.memberOf !== undefined && !companyIds.has(company.memberOf)) {
      issues.push(
        `${fileLabel('companies')}: companies[${i}].memberOf: "${company.memberOf}" is not a company id in companies.yaml`,
      );
    }
  });

  const stemsFile = fileLabel('stems');
  v.stems.forEach((stem, i) => {
    if (stem.payload !== undefined && !payloadIds.has(stem.payload)) {
      issues.push(
        `${stemsFile}: stems[${i}].payload: "${stem.payload}" is not a payload id in payloads.yaml`,
      );
    }
    if (stem.linker !== undefined && !linkerIds.has(stem.linker)) {
      issues.push(`${stemsFile}: stems[${i}].linker: "${stem.linker}" is not a linker id in linkers.yaml`);
    }
    stem.examples.forEach((example, j) => {
      const words = innWords(example);
      const here = `${stemsFile}: stems[${i}].examples[${j}]`;
      if (words.length !== 2 || words[1] !== stem.stem) {
        issues.push(`${here}: "${example}" is not "<antibody> ${stem.stem}"`);
      } else if (!ix.antibodies.has(words[0] ?? '')) {
        issues.push(`${here}: "${words[0]}" is not an antibody in antibodies.yaml`);
      }
    });
  });
  v.antibodies.forEach((antibody, i) => {
    antibody.targets.forEach((target, j) => {
      if (!targetIds.has(target)) {
        issues.push(
          `${fileLabel('antibodies')}: antibodies[${i}].targets[${j}]: "${target}" is not a target id in targets.yaml`,
        );
      }
    });
  });
  v.agencies.forEach((agency, i) => {
    if (!regionIds.has(agency.region)) {
      issues.push(
        `${fileLabel('agencies')}: agencies[${i}].region: "${agency.region}" is not a region id in regions.yaml`,
      );
    }
  });
}

function validate(raw: Partial<Record<VocabularyFile, unknown>>): {
  vocabulary: Vocabulary;
  indexes: Indexes;
} {
  const issues: string[] = [];
  const parsed: Partial<Parsed> = {};
  for (const file of Object.keys(VOCABULARY_FILES) as VocabularyFile[]) {
    if (raw[file] === undefined) {
      issues.push(`${fileLabel(file)}: missing`);
      continue;
    }
    const result = fileSchemas[file].safeParse(raw[file]);
    if (result.success) Object.assign(parsed, { [file]: result.data });
    else {
      for (const issue of result.error.issues) {
        issues.push(`${fileLabel(file)}: ${pathLabel(issue.path)}: ${issue.message}`);
      }
    }
  }
  const {
    stems,
    payloads,
    linkers,
    antibodies,
    targets,
    agencies,
    regions,
    exchanges,
    companies,
    companySuffixes,
  } = parsed;
  if (
    issues.length > 0 ||
    !stems ||
    !payloads ||
    !linkers ||
    !antibodies ||
    !targets ||
    !agencies ||
    !regions ||
    !exchanges ||
    !companies ||
    !companySuffixes
  ) {
    throw new VocabularyError(issues);
  }
  const vocabulary: Vocabulary = {
    stems: stems.stems,
    payloads: payloads.payloads,
    linkers: linkers.linkers,
    antibodies: antibodies.antibodies,
    targets: targets.targets,
    agencies: agencies.agencies,
    regions: regions.regions,
    exchanges: exchanges.exchanges,
    companies: companies.companies,
    legalForms: companySuffixes.legalForms,
    industryWords: companySuffixes.industryWords,
    sources: {
      stems: stems.source,
      payloads: payloads.source,
      linkers: linkers.source,
      antibodies: antibodies.source,
      targets: targets.source,
      agencies: agencies.source,
      regions: regions.source,
      exchanges: exchanges.source,
      companies: companies.source,
      companySuffixes: companySuffixes.source,
    },
  };
  const indexes = buildIndexes(vocabulary, issues);
  checkReferences(vocabulary, indexes, issues);
  if (issues.length > 0) throw new VocabularyError(issues);
  return { vocabulary, indexes };
}

/**
 * Validates the parsed content of the vocabulary files (keyed like {@link VOCABULARY_FILES}): their shape, and
 * that every reference between them resolves and no name or alias is used by two entries. Throws a
 * {@link VocabularyError} listing every issue, each naming the file and the entry.
 */
export function validateVocabulary(raw: Partial<Record<VocabularyFile, unknown>>): Vocabulary {
  return validate(raw).vocabulary;
}

/** The parsed YAML of every vocabulary file in `dir` (not validated). */
export function readVocabularyFiles(dir = VOCABULARY_DIR): Record<VocabularyFile, unknown> {
  const raw = {} as Record<VocabularyFile, unknown>;
  for (const [file, name] of Object.entries(VOCABULARY_FILES) as [VocabularyFile, string][]) {
    try {
      raw[file] = parse(readFileSync(join(dir, name), 'utf8'));
    } catch (error) {
      throw new VocabularyError([
        `${fileLabel(file)}: ${error instanceof Error ? error.message : String(error)}`,
      ]);
    }
  }
  return raw;
}

// ------------------------------------------------------------------------------------------ lookups

let loaded: { vocabulary: Vocabulary; indexes: Indexes } | undefined;

function load(): { vocabulary: Vocabulary; indexes: Indexes } {
  loaded ??= validate(readVocabularyFiles());
  return loaded;
}

/** The vocabulary, read and validated at the first call. */
export function vocabulary(): Vocabulary {
  return load().vocabulary;
}

/**
 * The linker–payload stem of an ADC INN, case-insensitive, FDA suffixes and prefixes ignored:
 * "fam-trastuzumab deruxtecan-nxki" → deruxtecan; "Ado-Trastuzumab Emtansine" → emtansine.
 */
export function stemOf(inn: string): InnStem | undefined {
  const { stems } = load().indexes;
  const words = innWords(inn);
  for (let i = words.length - 1; i >= 0; i--) {
    const stem = stems.get(words[i] ?? '');
    if (stem) return stem;
  }
  return undefined;
}

/** The antibody of an ADC INN (its first word, prefixes ignored): "trastuzumab deruxtecan" → trastuzumab. */
export function antibodyOf(inn: string): Antibody | undefined {
  const first = innWords(inn)[0];
  return first === undefined ? undefined : load().indexes.antibodies.get(first);
}

/** The targets of the antibody of an ADC INN (or of an antibody INN). */
export function targetsOf(inn: string): Target[] {
  const antibody = antibodyOf(inn);
  if (!antibody) return [];
  const { vocabulary: v } = load();
  return antibody.targets.flatMap((id) => v.targets.filter((target) => target.id === id));
}

/**
 * The entry of a kind whose id, name, alias (or, for agencies, short name) is `text`: case-insensitive,
 * dots and commas and a leading "the" ignored ("the U.S. Food and Drug Administration" → FDA).
 */
export function findTerm<K extends TermKind>(kind: K, text: string): TermKinds[K] | undefined {
  return load().indexes.terms[kind].get(termKey(text));
}

/**
 * A company name normalised for matching: accents and case folded, a leading "the" and trailing legal forms
 * (company-suffixes.yaml) dropped, punctuation removed: "F. Hoffmann-La Roche Ltd" → "f hoffmann la roche";
 * "ImmunoGen, Inc." → "immunogen". A legal form right after "and" is kept ("Merck & Co., Inc." → "merck and co").
 */
export function companyNameKey(name: string): string {
  const forms = load().indexes.legalForms;
  let tokens = nameTokens(name);
  if (tokens[0] === 'the' && tokens.length > 1) tokens = tokens.slice(1);
  for (let changed = true; changed; ) {
    changed = false;
    for (const form of forms) {
      const start = tokens.length - form.length;
      if (start < 1 || tokens[start - 1] === 'and') continue;
      if (form.every((token, i) => tokens[start + i] === token)) {
        tokens = tokens.slice(0, start);
        changed = true;
        break;
      }
    }
  }
  return tokens.join(' ');
}
