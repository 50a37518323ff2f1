import type { SeedRecord } from '../../format.ts';
import { slug } from '../../ingest/registry.ts';
import { companyNameKey, type KnownCompany, vocabulary } from '../../ingest/vocabulary.ts';
import { type MapContext, RecordList, resolveEntity, unique } from './context.ts';
import type { Lines } from './document.ts';
import type { Study } from './layout.ts';

type Sponsors = NonNullable<NonNullable<Study['protocolSection']>['sponsorCollaboratorsModule']>;

let known: Map<string, KnownCompany> | undefined;

/** The vocabulary's company (seed/vocabulary/companies.yaml) a sponsor name names, by companyNameKey. */
export function knownCompanyOf(name: string): KnownCompany | undefined {
  if (!known) {
    known = new Map();
    for (const company of vocabulary().companies) {
      for (const spelling of [company.name, ...company.aliases]) {
        const key = companyNameKey(spelling);
        if (key !== '' && !known.has(key)) known.set(key, company);
      }
    }
  }
  return known.get(companyNameKey(name));
}

/**
 * The lead sponsor and the collaborators: each a company (resolved by the vocabulary's known companies first,
 * then by the run's and the graph's names; else a new company named as the registry spells it, that spelling also
 * its alias) with its sponsor class, and a `conductedBy` link from the trial citing the sponsor's line.
 */
export function mapSponsors(
  module: Sponsors | null | undefined,
  lines: Lines,
  context: MapContext,
): { companies: SeedRecord[]; conductedBy: { ref: string; cite: string[] }[] } {
  const companies = new RecordList();
  const links = new Map<string, { ref: string; cite: string[] }>();
  const sponsors: { key: string; label: string; name: string; sponsorClass?: string }[] = [];
  const lead = module?.leadSponsor;
  if (lead?.name?.trim()) {
    sponsors.push({
      key: 'leadSponsor',
      label: 'lead sponsor',
      name: lead.name.trim(),
      sponsorClass: lead.class ?? undefined,
    });
  }
  let n = 0;
  for (const collaborator of module?.collaborators ?? []) {
    if (!collaborator?.name?.trim()) continue;
    n += 1;
    sponsors.push({
      key: `collaborator${n}`,
      label: 'collaborator',
      name: collaborator.name.trim(),
      sponsorClass: collaborator.class ?? undefined,
    });
  }
  for (const sponsor of sponsors) {
    const cite = lines.add(
      sponsor.key,
      sponsor.label,
      sponsor.sponsorClass ? `${sponsor.name} (${sponsor.sponsorClass})` : sponsor.name,
    );
    const vocabularyCompany = knownCompanyOf(sponsor.name);
    const names = vocabularyCompany
      ? unique([vocabularyCompany.name, ...vocabularyCompany.aliases, sponsor.name])
      : [sponsor.name];
    const proposed = vocabularyCompany?.id ?? slug(companyNameKey(sponsor.name) || sponsor.name);
    const { id, isNew } = resolveEntity(context, 'Company', names, proposed);
    const record: SeedRecord = { id, cite: [cite] };
    if (isNew) {
      record.name = vocabularyCompany?.name ?? sponsor.name;
      record.aliases = [sponsor.name];
    }
    if (sponsor.sponsorClass) record.sponsorClass = sponsor.sponsorClass;
    if (isNew || sponsor.sponsorClass) companies.add(record);
    const link = links.get(id);
    if (link) link.cite.push(cite);
    else links.set(id, { ref: id, cite: [cite] });
  }
  return { companies: companies.values(), conductedBy: [...links.values()] };
}
