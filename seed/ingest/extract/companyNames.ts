import { companyNameKey, vocabulary } from '../vocabulary.ts';
import { escapeRegExp } from './mentions.ts';

/** How company names are spelled, trimmed, compared and merged: the company rules' name handling. */

/** A run of capitalised words ("Bayer HealthCare", "Merck & Co."): where a company name may be. */
export const CAPITALISED = String.raw`[A-Z][\w&'’.-]*(?:\s+(?:&\s+)?[A-Z][\w&'’.-]*)*`;

/** A company a rule found: the spelling it names it by, other spellings, the sentence, and what it states. */
export interface Found {
  /** The vocabulary's id, for a company it knows. */
  known?: string;
  name: string;
  aliases: string[];
  sentence: number;
  fields: Record<string, unknown>;
}

/** "Amgen, Bayer HealthCare and Suzhou Lanxin Co., Ltd." → the three names, legal forms kept with theirs. */
export function listedNames(list: string): string[] {
  const names: string[] = [];
  for (const part of list.split(/\s*,\s*(?:and\s+)?|\s+and\s+/)) {
    const isForm = vocabulary().legalForms.some((form) => form.toLowerCase() === part.toLowerCase());
    if (isForm && names.length) names[names.length - 1] += `, ${part}`;
    else names.push(part);
  }
  return names;
}

export function named(
  name: string,
  sentence: number,
  fields: Record<string, unknown> = {},
  aliases: string[] = [],
): Found {
  const short = companyNameKey(name) !== name.toLowerCase() ? shortName(name) : undefined;
  return { name, aliases: [...(short && short !== name ? [short] : []), ...aliases], sentence, fields };
}

/** The same company found by several patterns: one entry, the longest spelling its name. */
export function mergeByKey(found: Found[]): Found[] {
  const byKey = new Map<string, Found>();
  for (const company of found) {
    const key = companyNameKey(company.name);
    const other = byKey.get(key);
    if (!other) byKey.set(key, company);
    else {
      other.known ??= company.known;
      const preferred = company.known
        ? !other.known || other.known !== company.known
        : company.name.length > other.name.length;
      if (preferred && !(other.known && !company.known))
        [other.name, company.name] = [company.name, other.name];
      // "Suzhou Lanxin Biopharmaceutical Co." is the start of "… Co., Ltd.", not another name.
      other.aliases = [...new Set([...other.aliases, ...company.aliases, company.name])].filter(
        (a) =>
          a !== other.name && !(a.endsWith('.') && other.name.startsWith(a) && companyNameKey(a) === key),
      );
      other.fields = { ...company.fields, ...other.fields };
      other.sentence = Math.min(other.sentence, company.sentence);
    }
  }
  return mergeShortNames([...byKey.values()]);
}

/** "Vandermeer" after "Vandermeer Pharma N.V.": a name that is the first words of a longer one is an alias of it. */
function mergeShortNames(found: Found[]): Found[] {
  const longestFirst = [...found].sort(
    (a, b) => companyNameKey(b.name).length - companyNameKey(a.name).length,
  );
  const kept: Found[] = [];
  for (const company of longestFirst) {
    const key = companyNameKey(company.name);
    const longer = kept.find(
      (other) => !other.known && ` ${companyNameKey(other.name)} `.includes(` ${key} `),
    );
    if (longer && !company.known) {
      longer.aliases = [...new Set([...longer.aliases, company.name, ...company.aliases])];
      longer.sentence = Math.min(longer.sentence, company.sentence);
    } else kept.push(company);
  }
  return kept;
}

/** The name right before a ticker: "ImmunoGen, Inc. (Nasdaq: IMGN)" → "ImmunoGen, Inc.". */
export function nameBefore(text: string, end: number): string | undefined {
  const before = text.slice(0, end).trimEnd();
  const forms = vocabulary().legalForms.map(escapeRegExp).join('|');
  const match = new RegExp(String.raw`(${CAPITALISED}?)((?:,?\s+(?:${forms}))*)$`).exec(before);
  return match ? trimName(`${match[1]}${match[2]}`) : undefined;
}

/** Leading words that are not part of a name ("Today Velora Therapeutics" → "Velora Therapeutics"). */
const LEADING =
  /^(?:(?:The|Today|Both|And|With|By|From|For|About|Under|Between|Through|SOURCE|Source:|Inc\.|Mass\.)\s+)+/;
export const trimName = (name: string) =>
  name
    .replace(LEADING, '')
    .replace(/[\s,]+$/, '')
    .replace(/(?<!\b(?:Inc|Corp|Co|Ltd|S\.A|N\.V|B\.V|K\.K|S\.p\.A))\.$/, '');

const NOT_NAMES = new Set(['the company', 'company', 'we', 'our', 'it']);
export function isCompanyName(name: string): boolean {
  const trimmed = trimName(name);
  return (
    trimmed.length > 1 &&
    !/['’]s\b/.test(trimmed) &&
    /^[A-Z]/.test(trimmed) &&
    !NOT_NAMES.has(trimmed.toLowerCase()) &&
    companyNameKey(trimmed).length > 2
  );
}

/** "ImmunoGen, Inc." → "ImmunoGen": the name without its legal form, as the text later writes it. */
export function shortName(name: string): string {
  const { legalForms } = vocabulary();
  let short = name;
  for (let changed = true; changed; ) {
    changed = false;
    for (const form of legalForms) {
      const trimmed = short.replace(new RegExp(String.raw`,?\s+${escapeRegExp(form)}$`), '');
      if (trimmed !== short && trimmed.length) {
        short = trimmed;
        changed = true;
      }
    }
  }
  return short;
}
