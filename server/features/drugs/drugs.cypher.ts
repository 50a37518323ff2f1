import { type Condition, propertyOf, REL, type RefFilter, type RelationSpec } from '../../core/index.ts';

const ref = (name: string, spec: RelationSpec, kind: RefFilter['kind']): RefFilter => ({ name, spec, kind });

/** Filters naming a related entity, in the order that picks the anchor (the most selective first). */
export const DRUG_REFS = {
  payload: ref('payload', REL.drugPayload, 'Payload'),
  linker: ref('linker', REL.drugLinker, 'Linker'),
  antibody: ref('antibody', REL.drugAntibody, 'Antibody'),
  technology: ref('technology', REL.drugTechnologies, 'Technology'),
  company: ref('company', REL.drugCompanies, 'Company'),
  target: ref('target', REL.drugTargets, 'Target'),
} as const;

/** Predicates on the drug (its modality as of the day in the as-of text). */
export const DRUG_CONDITIONS = {
  modality: (asOf) => `toUpper(${propertyOf('m', 'modality', asOf)}) = $modality`,
  nameContains: `(toLower(m.name) CONTAINS $nameContains
    OR toLower(coalesce(m.genericName, '')) CONTAINS $nameContains
    OR any(alias IN coalesce(m.aliases, []) WHERE toLower(alias) CONTAINS $nameContains))`,
} as const satisfies Record<string, Condition>;
