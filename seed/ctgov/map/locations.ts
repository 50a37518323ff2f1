import type { SeedRecord } from '../../format.ts';
import { slug } from '../../ingest/registry.ts';
import { findTerm, type Region } from '../../ingest/vocabulary.ts';
import { nameKey } from '../../names.ts';
import { type MapContext, resolveEntity, unique } from './context.ts';
import { type Lines, oneLine } from './document.ts';

/** Vocabulary regions that are not countries: a site is never "in" them by its country. */
const NOT_COUNTRIES = new Set(['eu', 'global']);

/**
 * The vocabulary's region (seed/vocabulary/regions.yaml) a registry country is, by name or alias ("United States"
 * → us, "United Kingdom" → uk); the EU and "Global" are not countries. Every other country is a region of its own.
 */
export function vocabularyRegionOf(country: string): Region | undefined {
  const region = findTerm('region', country);
  return region && !NOT_COUNTRIES.has(region.id) ? region : undefined;
}

/** The countries of the study's sites, each once, in the order first listed: regions the trial is in. */
export function mapLocations(
  locations: readonly ({ country?: string | null } | null | undefined)[] | null | undefined,
  lines: Lines,
  context: MapContext,
): { regions: SeedRecord[]; links: { ref: string; cite: string[] }[] } {
  const countries: string[] = [];
  const seen = new Set<string>();
  for (const location of locations ?? []) {
    const country = oneLine(location?.country ?? '');
    if (country === '' || seen.has(nameKey(country))) continue;
    seen.add(nameKey(country));
    countries.push(country);
  }
  const regions: SeedRecord[] = [];
  const links: { ref: string; cite: string[] }[] = [];
  countries.forEach((country, i) => {
    const cite = lines.add(`locationCountry${i + 1}`, 'location country', country);
    const known = vocabularyRegionOf(country);
    const names = known ? unique([known.name, ...known.aliases, country]) : [country];
    const { id, isNew } = resolveEntity(context, 'Region', names, known?.id ?? slug(country));
    if (isNew) regions.push({ id, name: known?.name ?? country, cite: [cite] });
    if (!links.some((link) => link.ref === id)) links.push({ ref: id, cite: [cite] });
  });
  return { regions, links };
}
