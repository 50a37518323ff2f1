import { type Deal, type DealsOfDocument, dealBetween } from './deal.ts';
import { isDefined } from './lists.ts';
import { companiesIn } from './parties.ts';

/**
 * The license behind a milestone paid on a regulatory event, when the release does not describe the deal:
 * licensor the payee, licensee the developer of the event's drug.
 */
export function inferredLicense(
  doc: DealsOfDocument,
  index: number,
  payee: string,
  event: string,
): Deal | undefined {
  const drug = drugOfEvent(doc, event);
  if (!drug) return undefined;
  const licensee = developerOf(doc, drug, payee);
  if (!licensee) return undefined;
  const existing = doc.deals.find((deal) => deal.inferred && deal.namingDrug === drug);
  if (existing) return existing;
  const deal = dealBetween(doc, [licensee, payee], index);
  deal.inferred = true;
  deal.namingDrug = drug;
  deal.types.add('LICENSE');
  deal.roleHints = new Map([
    [licensee, 'LICENSEE'],
    [payee, 'LICENSOR'],
  ]);
  return deal;
}

function drugOfEvent(doc: DealsOfDocument, event: string): string | undefined {
  const concerns = doc.analysis.draft.record('regulatoryEvents', event)?.concerns;
  const first = Array.isArray(concerns) ? concerns[0] : undefined;
  return refOf(first);
}

/**
 * The company that develops a drug, other than `except`: the drug's developers, else the group of its
 * marketer ("Genentech, a member of the Roche Group"), else a company the text writes as its owner ("Roche's
 * Kadcyla").
 */
function developerOf(doc: DealsOfDocument, drug: string, except: string): string | undefined {
  const record = doc.analysis.draft.record('drugs', drug);
  const developers = refsOf(record?.developers).filter((company) => company !== except);
  if (developers[0]) return developers[0];
  for (const marketer of refsOf(record?.marketers)) {
    const group = refOf(doc.analysis.draft.record('companies', marketer)?.memberOf);
    if (group && group !== except) return group;
  }
  return possessiveOwner(doc, drug, except);
}

function possessiveOwner(doc: DealsOfDocument, drug: string, except: string): string | undefined {
  for (let index = 0; index < doc.texts.length; index += 1) {
    const text = doc.texts[index] as string;
    for (const mention of doc.analysis.mentionsIn(index, 'Drug')) {
      if (mention.id !== drug) continue;
      const owner = companiesIn(doc, index).find(
        (m) => m.id !== except && /^\s*['’]s\s*$/.test(text.slice(m.end, mention.start)),
      );
      if (owner) return owner.id;
    }
  }
  return undefined;
}

function refOf(link: unknown): string | undefined {
  if (typeof link === 'string') return link;
  if (typeof link === 'object' && link !== null && 'ref' in link)
    return String((link as { ref: unknown }).ref);
  return undefined;
}

const refsOf = (links: unknown): string[] => (Array.isArray(links) ? links.map(refOf).filter(isDefined) : []);
