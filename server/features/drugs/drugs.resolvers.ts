import {
  type Condition,
  filterText,
  type RefFilter,
  refParams,
  runNodeQuery,
  runRootQuery,
} from '../../core/index.ts';
import type { QueryResolvers } from '../../generated/graphql.ts';
import { DRUG_CONDITIONS, DRUG_REFS } from './drugs.cypher.ts';

export const drugsRoot: Pick<QueryResolvers, 'drug' | 'drugs'> = {
  drug: (_parent, { id, asOf }, context, info) => runNodeQuery(context, 'Drug', id, asOf ?? null, info),
  drugs: (_parent, { where, first, after, asOf }, context, info) => {
    const refs: RefFilter[] = [];
    let params: Record<string, unknown> = {};
    for (const [field, filter] of Object.entries(DRUG_REFS)) {
      const value = filterText(`where.${field}`, where?.[field as keyof typeof DRUG_REFS]);
      params = { ...params, ...refParams(field, value) };
      if (value) refs.push(filter);
    }
    const modality = filterText('where.modality', where?.modality);
    const nameContains = filterText('where.nameContains', where?.nameContains);
    const conditions: Condition[] = [];
    if (modality) conditions.push(DRUG_CONDITIONS.modality);
    if (nameContains) conditions.push(DRUG_CONDITIONS.nameContains);
    return runRootQuery(
      context,
      { name: 'drugs.list', kind: 'Drug', refs, conditions, order: 'name' },
      {
        ...params,
        modality: modality?.toUpperCase() ?? null,
        nameContains: nameContains?.toLowerCase() ?? null,
      },
      { first, after, asOf },
      info,
    );
  },
};
