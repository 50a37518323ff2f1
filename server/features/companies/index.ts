export { companiesRoot, companyFields } from './companies.resolvers.ts';
