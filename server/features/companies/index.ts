export { companiesRoot } from './companies.resolvers.ts';
