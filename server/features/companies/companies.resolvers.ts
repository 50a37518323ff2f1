import { filterText, runNodeQuery, runRootQuery } from '../../core/index.ts';
import type { CompanyResolvers, QueryResolvers } from '../../generated/graphql.ts';

export const companiesRoot: Pick<QueryResolvers, 'company' | 'companies'> = {
  company: (_parent, { id, asOf }, context, info) => runNodeQuery(context, 'Company', id, asOf ?? null, info),
  companies: (_parent, { where, first, after }, context, info) => {
    const nameContains = filterText('where.nameContains', where?.nameContains);
    const companyType = filterText('where.companyType', where?.companyType);
    return runRootQuery(
      context,
      { name: 'companies.list', kind: 'Company', refs: [], conditions: COMPANY_CONDITIONS, order: 'name' },
      { nameContains: nameContains?.toLowerCase() ?? null, companyType: companyType?.toUpperCase() ?? null },
      { first, after },
      info,
    );
  },
};

const COMPANY_CONDITIONS = [
  '($companyType IS NULL OR toUpper(m.companyType) = $companyType)',
  `($nameContains IS NULL OR toLower(m.name) CONTAINS $nameContains
    OR any(alias IN coalesce(m.aliases, []) WHERE toLower(alias) CONTAINS $nameContains))`,
];

/** What a company receives and pays in milestones, by status (the companies feature's field on `Company`). */
export const companyFields: Pick<CompanyResolvers, 'milestoneTotals'> = {
  milestoneTotals: (company, _args, { loaders }) => loaders.milestoneTotals(company.id, company.asOf ?? null),
};
