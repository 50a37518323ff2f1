import { companyNameKey } from '../../vocabulary.ts';
import type { Cited, Deal, DealsOfDocument } from './deal.ts';
import type { DealType, PartyRole } from './words.ts';

/**
 * "Roche–ImmunoGen Kadcyla license" (licensee first), "Halvard's acquisition of Kestrel Oncology": first from
 * the shortest names, then from every other name the parties and the drug go by, so a deal another release
 * of the run named from other spellings ("the Roche Group") is found.
 */
export function dealNames(
  doc: DealsOfDocument,
  deal: Deal,
  type: DealType | undefined,
  roles: Map<string, Cited<PartyRole>>,
): string[] {
  const byRole = (role: PartyRole) => [...roles].find(([, cited]) => cited.value === role)?.[0];
  const drugs = drugNames(doc, [...deal.drugs.keys()][0] ?? deal.namingDrug);
  const [first, second] =
    type === 'ACQUISITION'
      ? [byRole('ACQUIRER'), byRole('ACQUIRED')]
      : (type === 'LICENSE' || type === 'OPTION') && byRole('LICENSEE') && byRole('LICENSOR')
        ? [byRole('LICENSEE'), byRole('LICENSOR')]
        : deal.parties;
  const noun = type === 'ACQUISITION' ? '' : type ? type.toLowerCase() : 'partnership';
  const names: string[] = [];
  for (const a of companyNames(doc, first)) {
    for (const b of companyNames(doc, second)) {
      if (type === 'ACQUISITION') names.push(`${a}'s acquisition of ${b}`);
      else
        for (const drug of drugs.length ? drugs : [''])
          names.push(`${a}–${b} ${drug ? `${drug} ` : ''}${noun}`);
    }
  }
  return names;
}

/** The name a drug goes by: its record's, else the text's first spelling. */
export function drugName(doc: DealsOfDocument, id: string | undefined): string | undefined {
  return drugNames(doc, id)[0];
}

export function eventName(doc: DealsOfDocument, id: string | undefined): string | undefined {
  const name = id ? doc.analysis.draft.record('regulatoryEvents', id)?.name : undefined;
  return typeof name === 'string' ? name : undefined;
}

/**
 * The names a company goes by, shortest first, without tickers, legal forms, "the" or "Group" ("the Roche
 * Group" is Roche).
 */
function companyNames(doc: DealsOfDocument, id: string | undefined): string[] {
  if (!id) return [];
  const names = namesOf(doc.analysis.draft.record('companies', id), mentionTexts(doc, id))
    .filter((name) => !TICKER.test(name))
    .map((name) => withoutLegalForm(name.replace(/^the\s+/i, '').replace(/\s+Group$/, '')));
  const unique = [...new Set(names)].sort((a, b) => a.length - b.length);
  return unique.length ? unique : [id];
}

/** The names a drug goes by, its record's name first. */
function drugNames(doc: DealsOfDocument, id: string | undefined): string[] {
  if (!id) return [];
  return [...new Set(namesOf(doc.analysis.draft.record('drugs', id), mentionTexts(doc, id)))];
}

function mentionTexts(doc: DealsOfDocument, id: string): string[] {
  return doc.analysis.mentions
    .filter((m) => m.id === id)
    .map((m) => (doc.texts[m.sentence] as string).slice(m.start, m.end).replace(/[®™]/g, '').trim());
}

/** A ticker ("VLRA", "4619") names a company in a sentence, never in a deal's name. */
const TICKER = /^[A-Z0-9.]{1,6}$/;

/** "Kisaragi Pharmaceutical Co., Ltd." → "Kisaragi Pharmaceutical": trailing words the company key ignores. */
function withoutLegalForm(name: string): string {
  const key = companyNameKey(name);
  let words = name.split(/\s+/);
  while (words.length > 1 && companyNameKey(words.slice(0, -1).join(' ')) === key) words = words.slice(0, -1);
  return words.join(' ').replace(/,$/, '');
}

/** A record's name and aliases, then the spellings of its mentions. */
function namesOf(record: Record<string, unknown> | undefined, spelled: string[]): string[] {
  return [record?.name, ...((record?.aliases as unknown[] | undefined) ?? []), ...spelled].filter(
    (name): name is string => typeof name === 'string' && name.length > 0,
  );
}
